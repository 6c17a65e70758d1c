// Jobs: the user's queued, running and finished generation jobs (ListJobs), refreshed while the page is open;
// cancel one (InterruptJob), or everyone's with interrupt_others.
import { el, clear, busy, badge, formatTime } from '../ui.js';
import { call, can } from '../api.js';

let timer;

export function unmount() {
  clearInterval(timer);
}

export async function mount(root) {
  const all = el('input', { type: 'checkbox', id: 'jobs-all', hidden: !can('interrupt_others') });
  const body = el('tbody', { id: 'jobs-body' });
  root.append(el('div', { class: 'row' }, el('h2', { class: 'grow' }, 'Jobs'),
    can('interrupt_others') ? el('div', { class: 'row' }, all, el('label', { for: 'jobs-all', style: 'margin:0' }, 'Everyone\'s jobs')) : null),
  el('p', { class: 'muted' }, 'Jobs keep running when you close the page; the Generate page reattaches to running ones.'),
  el('div', { class: 'card', style: 'overflow-x:auto' }, el('table', {}, el('thead', {}, el('tr', {},
    ['Job', 'User', 'State', 'Images', 'Created', 'Finished', ''].map((h) => el('th', {}, h)))), body)));
  let shown = '';
  async function refresh() {
    const reply = await call('ListJobs', { all: all.checked, limit: 100 });
    const now = JSON.stringify(reply.jobs);
    if (now === shown) {
      // Unchanged: no redraw, so focus stays where it is.
      return;
    }
    shown = now;
    clear(body);
    for (const j of reply.jobs || []) {
      const active = j.state === 'queued' || j.state === 'running';
      body.append(el('tr', { dataset: { job: j.job_id, state: j.state } },
        el('td', {}, String(j.job_id)), el('td', {}, j.user_id), el('td', {}, badge(j.state), j.error ? el('div', { class: 'error-text' }, j.error) : null),
        el('td', {}, `${j.images_done} / ${j.images}`), el('td', {}, formatTime(j.created)), el('td', {}, formatTime(j.finished)),
        el('td', {}, active ? el('button', { type: 'button', class: 'danger', 'aria-label': 'Cancel job ' + j.job_id,
          onclick: (e) => busy(e.target, async () => { await call('InterruptJob', { job_id: j.job_id }); await refresh(); }) }, 'Cancel') : null)));
    }
    if (!body.children.length) {
      body.append(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No jobs yet.')));
    }
  }
  all.onchange = refresh;
  await refresh();
  timer = setInterval(() => refresh().catch(() => {}), 2000);
}

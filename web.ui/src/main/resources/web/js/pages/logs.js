// Live log tail: ListRecentLogMessages polled from the last sequence id, by the chosen log levels.
import { el, clear } from '../ui.js';
import { call } from '../api.js';

let timer;

export function unmount() {
  clearTimeout(timer);
  timer = null;
}

export async function mount(root) {
  const types = (await call('ListLogTypes')).types_available || [];
  const chosen = new Set(types.map((t) => t.name).filter((n) => n !== 'Verbose' && n !== 'Debug'));
  const box = el('div', { class: 'logbox', id: 'log-box', role: 'log', 'aria-live': 'polite', tabindex: 0 });
  const filters = el('div', { class: 'row', role: 'group', 'aria-label': 'Log levels' }, types.map((t) => {
    const input = el('input', { type: 'checkbox', id: 'log-type-' + t.name, checked: chosen.has(t.name),
      onchange: () => { if (input.checked) { chosen.add(t.name); } else { chosen.delete(t.name); } restart(); } });
    return el('div', { class: 'row' }, input, el('label', { for: input.id, style: `margin:0;color:${t.color}` }, t.name));
  }));
  const follow = el('input', { type: 'checkbox', id: 'log-follow', checked: true });
  root.append(el('div', { class: 'row' }, el('h2', { class: 'grow' }, 'Server log'), filters,
    el('div', { class: 'row' }, follow, el('label', { for: 'log-follow', style: 'margin:0' }, 'Follow'))), box);
  const colors = Object.fromEntries(types.map((t) => [t.name, t.color]));
  let last = -1;

  function restart() {
    last = -1;
    clear(box);
  }

  async function poll() {
    const reply = await call('ListRecentLogMessages', { types: [...chosen], lastSeqId: last });
    const lines = [];
    for (const [type, messages] of Object.entries(reply.data || {})) {
      for (const m of messages) {
        lines.push({ type, ...m });
      }
    }
    lines.sort((a, b) => a.sequence_id - b.sequence_id);
    for (const l of lines) {
      box.append(el('div', { dataset: { seq: l.sequence_id } }, el('span', { class: 'muted' }, l.time + ' '),
        el('span', { style: `color:${colors[l.type] || 'inherit'}` }, `[${l.type}] `), l.message));
    }
    while (box.children.length > 2000) {
      box.firstChild.remove();
    }
    if (reply.last_sequence_id !== undefined) {
      last = reply.last_sequence_id;
    }
    if (lines.length && follow.checked) {
      box.scrollTop = box.scrollHeight;
    }
  }

  const loop = async () => {
    try {
      await poll();
    } catch (e) {
      // Shown again on the next round.
    }
    if (timer !== null) {
      timer = setTimeout(loop, 1000);
    }
  };
  timer = 0;
  await loop();
}

// Resource info: CPU, system memory and GPUs (GetServerResourceInfo), refreshed while shown; plus the queue status.
import { el, clear } from '../ui.js';
import { call, post } from '../api.js';

let timer;

export function unmount() {
  clearInterval(timer);
}

function gib(bytes) {
  return ((bytes || 0) / 1073741824).toFixed(1) + ' GiB';
}

function meter(label, used, total, id) {
  return el('div', { class: 'param', id }, el('label', {}, `${label}: ${gib(used)} of ${gib(total)}`),
    el('progress', { max: total || 1, value: used || 0, 'aria-label': label }));
}

export async function mount(root) {
  const box = el('div', { class: 'form-grid', id: 'resource-info' });
  root.append(el('h2', {}, 'Resources'), box);
  async function refresh() {
    const [info, status] = await Promise.all([call('GetServerResourceInfo'), post('GetCurrentStatus')]);
    clear(box);
    box.append(el('div', { class: 'card' }, el('h3', {}, 'CPU'), el('p', {}, `${info.cpu?.cores ?? '?'} cores, ${Math.round((info.cpu?.usage || 0) * 100)}% in use`)),
      el('div', { class: 'card' }, el('h3', {}, 'Memory'), meter('System RAM', info.system_ram?.used, info.system_ram?.total, 'resource-ram')));
    for (const [id, g] of Object.entries(info.gpus || {})) {
      box.append(el('div', { class: 'card' }, el('h3', {}, `GPU ${id}: ${g.name || ''}`),
        meter('VRAM', g.used_memory, g.total_memory, 'resource-gpu-' + id),
        el('p', { class: 'muted' }, `${g.temperature ?? '?'} \u00b0C, ${g.utilization_gpu ?? '?'}% busy`)));
    }
    if (!Object.keys(info.gpus || {}).length) {
      box.append(el('div', { class: 'card' }, el('h3', {}, 'GPUs'), el('p', { class: 'muted' }, 'No GPU on this server (backends may have their own).')));
    }
    const s = status.status || {};
    box.append(el('div', { class: 'card', id: 'resource-queue' }, el('h3', {}, 'Queue'),
      el('p', {}, `${s.waiting_gens ?? 0} waiting, ${s.live_gens ?? 0} generating, ${s.loading_models ?? 0} loading models, ${s.waiting_backends ?? 0} waiting for a backend`),
      el('p', { class: 'muted' }, status.backend_status?.message || '')));
  }
  await refresh();
  timer = setInterval(() => refresh().catch(() => {}), 3000);
}

// Backends: the list with status, add one of ListBackendTypes, a settings form generated from the type's schema,
// edit, enable/disable, restart, delete, free memory. Controls appear only with their permissions.
import { el, clear, busy, badge, toast, field } from '../ui.js';
import { call, can } from '../api.js';

let timer;

export function unmount() {
  clearInterval(timer);
}

/** One control per schema entry; groups nest. @return {node, read()} */
function settingsForm(schema, values, prefix) {
  const readers = [];
  const node = el('div', { class: 'form-grid' });
  for (const s of schema) {
    const id = `backend-setting-${prefix}${s.name}`;
    const value = values?.[s.name];
    if (s.type === 'group') {
      const inner = settingsForm(s.settings || [], value || {}, prefix + s.name + '-');
      node.append(el('fieldset', { style: 'grid-column:1/-1' }, el('legend', {}, s.name), inner.node));
      readers.push((out) => { out[s.name] = inner.read(); });
      continue;
    }
    let input;
    let read;
    if (s.type === 'boolean') {
      input = el('input', { type: 'checkbox', id, checked: value === true || String(value) === 'true' });
      read = () => input.checked;
    } else if (s.values) {
      input = el('select', { id }, s.values.map((v, i) => el('option', { value: v, selected: String(v) === String(value) }, s.value_names?.[i] || v)));
      read = () => input.value;
    } else if (s.type === 'integer' || s.type === 'decimal') {
      input = el('input', { type: 'number', id, value: value ?? '', step: s.type === 'integer' ? 1 : 'any' });
      read = () => (input.value === '' ? null : Number(input.value));
    } else {
      input = el('input', { type: s.is_secret ? 'password' : 'text', id, value: value ?? '', placeholder: s.placeholder || '', autocomplete: 'off' });
      read = () => input.value;
    }
    node.append(field(s.name, input, s.description));
    readers.push((out) => {
      const v = read();
      if (v !== null) {
        out[s.name] = v;
      }
    });
  }
  return { node, read: () => { const out = {}; readers.forEach((r) => r(out)); return out; } };
}

export async function mount(root) {
  const types = (await call('ListBackendTypes')).list || [];
  const list = el('div', { class: 'stack', id: 'backend-list' });
  const typeSelect = el('select', { id: 'backend-type' }, types.map((t) => el('option', { value: t.id }, t.name)));
  const add = el('button', { type: 'button', class: 'primary', id: 'backend-add', onclick: (e) => busy(e.target, async () => {
    const created = await call('AddNewBackend', { type_id: typeSelect.value });
    await refresh();
    edit(created.id);
  }) }, 'Add backend');
  const free = el('button', { type: 'button', id: 'backend-free', onclick: (e) => busy(e.target, async () => {
    const r = await call('FreeBackendMemory', { system_ram: false, backend: 'all' });
    toast(`Memory freed on ${r.count ?? 0} backend(s).`);
  }) }, 'Free memory');
  const restartAll = el('button', { type: 'button', id: 'backend-restart-all', onclick: (e) => busy(e.target, async () => {
    await call('RestartBackends', { backend: 'all' });
    await refresh();
  }) }, 'Restart all');
  root.append(el('div', { class: 'row' }, el('h2', { class: 'grow' }, 'Backends'),
    can('add_remove_backends') ? el('div', { class: 'row' }, el('label', { for: 'backend-type', style: 'margin:0' }, 'Type'), typeSelect, add) : null,
    can('control_mem_clean') ? free : null, can('restart_backends') ? restartAll : null), list);
  let editing = null;
  let backends = {};

  function edit(id) {
    editing = id;
    shown = '';
    draw();
  }

  function card(b) {
    const type = types.find((t) => t.id === b.type);
    const head = el('div', { class: 'row' }, el('h3', { class: 'grow', style: 'margin:0' }, `#${b.id} ${b.title || type?.name || b.type}`),
      badge(b.status), el('span', { class: 'muted' }, type?.name || b.type));
    const actions = el('div', { class: 'row' });
    if (can('toggle_backends')) {
      const toggle = el('input', { type: 'checkbox', id: `backend-enabled-${b.id}`, checked: b.enabled,
        onchange: () => busy(null, async () => { await call('ToggleBackend', { backend_id: b.id, enabled: toggle.checked }); await refresh(); }) });
      actions.append(el('div', { class: 'row' }, toggle, el('label', { for: toggle.id, style: 'margin:0' }, 'Enabled')));
    }
    if (can('edit_backends')) {
      actions.append(el('button', { type: 'button', id: `backend-edit-${b.id}`, onclick: () => edit(editing === b.id ? null : b.id) }, editing === b.id ? 'Close' : 'Edit'));
    }
    if (can('restart_backends')) {
      actions.append(el('button', { type: 'button', id: `backend-restart-${b.id}`, onclick: (e) => busy(e.target, async () => { await call('RestartBackends', { backend: String(b.id) }); await refresh(); }) }, 'Restart'));
    }
    if (can('add_remove_backends')) {
      actions.append(el('button', { type: 'button', class: 'danger', id: `backend-delete-${b.id}`, onclick: (e) => busy(e.target, async () => { await call('DeleteBackend', { backend_id: b.id }); await refresh(); }) }, 'Delete'));
    }
    const node = el('div', { class: 'card stack', id: `backend-${b.id}`, dataset: { status: b.status } }, head, actions);
    if (editing === b.id && type) {
      const title = el('input', { type: 'text', id: `backend-title-${b.id}`, value: b.title || '' });
      const form = settingsForm(type.settings || [], b.settings || {}, '');
      const save = el('button', { type: 'button', class: 'primary', id: `backend-save-${b.id}`, onclick: (e) => busy(e.target, async () => {
        await call('EditBackend', { backend_id: b.id, title: title.value, settings: form.read() });
        editing = null;
        await refresh();
        toast('Backend saved.');
      }) }, 'Save');
      node.append(el('form', { class: 'stack', onsubmit: (e) => e.preventDefault() }, field('Title', title), form.node, save));
    }
    return node;
  }

  function draw() {
    clear(list);
    const all = Object.values(backends).sort((a, b) => a.id - b.id);
    for (const b of all) {
      list.append(card(b));
    }
    if (!all.length) {
      list.append(el('p', { class: 'muted' }, 'No backends yet. Add one to start generating.'));
    }
  }

  let shown = '';
  async function refresh() {
    backends = await call('ListBackends', { nonreal: false, full_data: true });
    // The idle clock ticks on every call; it is not worth a redraw.
    const now = JSON.stringify(backends, (k, v) => (k === 'seconds_since_used' || k === 'time_since_used' ? undefined : v));
    if (now === shown) {
      // Unchanged: no redraw, so focus and scroll stay where they are.
      return;
    }
    shown = now;
    if (editing === null) {
      draw();
    } else {
      // Keep the open form (and what was typed) while statuses refresh.
      for (const b of Object.values(backends)) {
        document.querySelector(`#backend-${b.id} .badge`)?.replaceWith(badge(b.status));
        const n = document.getElementById(`backend-${b.id}`);
        if (n) {
          n.dataset.status = b.status;
        }
      }
    }
  }
  await refresh();
  timer = setInterval(() => refresh().catch(() => {}), 2000);
}

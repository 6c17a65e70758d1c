// A form for SwarmUI's settings tree (ListServerSettings, GetUserSettings): groups as fieldsets, one control per
// field by its type; only changed fields are sent back, by their dotted path.
import { el, field } from './ui.js';

export function settingsTree(tree, readOnly) {
  const changes = new Map();
  const root = el('div', { class: 'settings-tree' });
  const build = (node, path, parent) => {
    for (const [key, s] of Object.entries(node)) {
      const id = path ? `${path}.${key}` : key;
      if (s.type === 'group') {
        const fs = el('fieldset', { id: 'setting-group-' + id.replace(/\./g, '-') }, el('legend', {}, s.name), s.description ? el('p', { class: 'muted' }, s.description) : null);
        parent.append(fs);
        build(s.value || {}, id, fs);
        continue;
      }
      let input;
      let read;
      const domId = 'setting-' + id.replace(/\./g, '-');
      if (s.type === 'boolean') {
        input = el('input', { type: 'checkbox', id: domId, checked: s.value === true });
        read = () => input.checked;
      } else if (s.type === 'dropdown' && s.values) {
        input = el('select', { id: domId }, s.values.map((v, i) => el('option', { value: v, selected: String(v) === String(s.value) }, s.value_names?.[i] || v)));
        read = () => input.value;
      } else if (s.type === 'integer' || s.type === 'decimal') {
        input = el('input', { type: 'number', id: domId, value: s.value, step: s.type === 'integer' ? 1 : 'any' });
        read = () => Number(input.value);
      } else if (s.type === 'list') {
        input = el('input', { type: 'text', id: domId, value: s.value ?? '' });
        read = () => input.value.split('||').map((x) => x.trim()).filter((x) => x);
      } else {
        input = el('input', { type: s.is_secret ? 'password' : 'text', id: domId, value: s.value ?? '', autocomplete: 'off' });
        read = () => input.value;
      }
      input.disabled = !!readOnly;
      input.addEventListener('change', () => changes.set(id, read));
      parent.append(field(s.name, input, s.description));
    }
  };
  build(tree || {}, '', root);
  return {
    node: root,
    /** @return the changed fields by dotted path, and forgets them */
    takeChanges() {
      const out = {};
      for (const [id, read] of changes) {
        out[id] = read();
      }
      changes.clear();
      return out;
    },
  };
}

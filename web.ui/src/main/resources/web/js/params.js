// The parameter form generated from ListT2IParams: groups (nested, toggleable, advanced), and one control per
// parameter by its type and view type (sliders with min/max/step, value lists, toggles, seeds, images).
import { el, uid } from './ui.js';

/** Parameters the Generate page draws itself. */
const OWN = new Set(['prompt', 'negativeprompt', 'model']);

export class ParamForm {
  /** @param listing the ListT2IParams reply */
  constructor(listing) {
    this.listing = listing;
    this.params = (listing.list || []).filter((p) => p.visible !== false && !OWN.has(p.id) && !p.extra_hidden);
    this.controls = new Map();
    this.groupToggles = new Map();
    this.showAdvanced = false;
    this.root = el('div', { class: 'param-form' });
  }

  render() {
    const advanced = el('input', { type: 'checkbox', id: 'show-advanced', onchange: (e) => this.setAdvanced(e.target.checked) });
    this.root.replaceChildren(el('div', { class: 'row', style: 'margin-bottom:8px' }, advanced,
      el('label', { for: 'show-advanced', style: 'margin:0' }, 'Show advanced parameters')));
    const byGroup = new Map();
    for (const p of this.params) {
      const gid = p.group?.id || '';
      if (!byGroup.has(gid)) {
        byGroup.set(gid, []);
      }
      byGroup.get(gid).push(p);
    }
    const groups = new Map((this.listing.groups || []).map((g) => [g.id, g]));
    const bodies = new Map();
    const ordered = [...byGroup.keys()].map((id) => groups.get(id) || { id, name: id ? id : 'Other', priority: 1e9, open: true })
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    // Parent groups first, so that nested ones can go inside them.
    const ensure = (g) => {
      if (bodies.has(g.id)) {
        return bodies.get(g.id);
      }
      const parent = g.parent && groups.get(g.parent) ? ensure(groups.get(g.parent)) : this.root;
      const body = el('div', { class: 'group-body' });
      const summary = el('summary', {}, g.name || 'Parameters');
      if (g.toggles) {
        const t = el('input', { type: 'checkbox', id: 'group-toggle-' + g.id, 'aria-label': 'Use ' + g.name,
          onclick: (e) => e.stopPropagation() });
        this.groupToggles.set(g.id, t);
        summary.prepend(t);
      }
      const details = el('details', { class: 'group' + (g.advanced ? ' advanced' : ''), open: !!g.open, id: 'group-' + g.id,
        title: g.description || '' }, summary, body);
      parent.append(details);
      bodies.set(g.id, body);
      return body;
    };
    for (const g of ordered) {
      const body = ensure(g);
      const list = byGroup.get(g.id).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
      for (const p of list) {
        body.append(this.control(p));
      }
    }
    this.setAdvanced(false);
    return this.root;
  }

  setAdvanced(on) {
    this.showAdvanced = on;
    for (const node of this.root.querySelectorAll('.advanced')) {
      node.classList.toggle('hidden', !on);
    }
  }

  control(p) {
    const id = 'input-' + p.id;
    let input;
    let read;
    let write;
    const type = p.type;
    if (type === 'boolean') {
      input = el('input', { type: 'checkbox', id, checked: String(p.default) === 'true' });
      read = () => input.checked;
      write = (v) => { input.checked = v === true || String(v).toLowerCase() === 'true'; };
    } else if (type === 'dropdown' || (type === 'model' && this.listing.models?.[p.subtype])) {
      const models = (this.listing.models?.[p.subtype] || []).map((m) => (Array.isArray(m) ? m[0] : m));
      const values = type === 'model' ? ['None', ...models] : (p.values || []);
      const names = type === 'model' ? values : (p.value_names || values);
      input = el('select', { id }, values.map((v, i) => el('option', { value: v, selected: String(v) === String(p.default) }, names[i] ?? v)));
      read = () => input.value;
      write = (v) => {
        if (![...input.options].some((o) => o.value === String(v))) {
          input.append(el('option', { value: String(v) }, String(v)));
        }
        input.value = String(v);
      };
    } else if (type === 'integer' || type === 'decimal') {
      ({ input, read, write } = this.number(p, id));
    } else if (type === 'image' || type === 'image_list') {
      input = el('input', { type: 'file', id, accept: 'image/*' });
      let data = null;
      input.onchange = () => {
        const f = input.files[0];
        if (!f) {
          data = null;
          return;
        }
        const r = new FileReader();
        r.onload = () => { data = r.result; };
        r.readAsDataURL(f);
      };
      read = () => data;
      write = () => {};
    } else if (p.view_type === 'big' || p.view_type === 'prompt') {
      input = el('textarea', { id, rows: 3 }, p.default ?? '');
      read = () => input.value;
      write = (v) => { input.value = v ?? ''; };
    } else {
      input = el('input', { type: 'text', id, value: p.default ?? '', placeholder: (p.examples || []).slice(0, 2).join(', ') });
      read = () => input.value;
      write = (v) => { input.value = Array.isArray(v) ? v.join(', ') : (v ?? ''); };
    }
    const wrap = el('div', { class: 'param' + (p.advanced ? ' advanced' : ''), id: 'param-' + p.id, title: p.description || '' });
    const head = el('div', { class: 'head' });
    let toggle = null;
    if (p.toggleable) {
      toggle = el('input', { type: 'checkbox', id: 'toggle-' + p.id, 'aria-label': 'Use ' + p.name,
        onchange: () => wrap.classList.toggle('off', !toggle.checked) });
      head.append(toggle);
      wrap.classList.add('off');
    }
    head.append(el('label', { for: input.id || id }, p.name));
    wrap.append(head, el('div', { class: 'control' }, input));
    this.controls.set(p.id, { p, read, write, toggle, wrap });
    return wrap;
  }

  number(p, id) {
    const step = p.step || (p.type === 'integer' ? 1 : 0.01);
    const number = el('input', { type: 'number', id, value: p.default, min: p.min, max: p.max, step });
    const read = () => (p.type === 'integer' ? parseInt(number.value, 10) : parseFloat(number.value));
    if (p.view_type === 'seed') {
      const random = el('button', { type: 'button', title: 'Random seed', 'aria-label': 'Random seed for ' + p.name,
        onclick: () => { number.value = -1; } }, 'Random');
      return { input: el('div', { class: 'slider' }, number, random), read, write: (v) => { number.value = v; } };
    }
    if (p.view_type === 'slider' || p.view_type === 'pot_slider') {
      const min = p.view_min ?? p.min;
      const max = p.view_max ?? p.max;
      const range = el('input', { type: 'range', min, max, step, value: p.default, 'aria-label': p.name + ' slider', tabindex: -1 });
      range.oninput = () => { number.value = range.value; };
      number.oninput = () => { range.value = number.value; };
      return { input: el('div', { class: 'slider' }, range, number), read, write: (v) => { number.value = v; range.value = v; } };
    }
    return { input: number, read, write: (v) => { number.value = v; } };
  }

  groupOn(group) {
    for (let g = group; g; g = (this.listing.groups || []).find((x) => x.id === g.parent)) {
      const t = this.groupToggles.get(g.id);
      if (t && !t.checked) {
        return false;
      }
      if (!g.parent) {
        break;
      }
    }
    return true;
  }

  /** @return the values to send: toggled-off parameters and groups are left out */
  values() {
    const out = {};
    for (const [id, c] of this.controls) {
      if (c.toggle && !c.toggle.checked) {
        continue;
      }
      if (c.p.group && !this.groupOn(c.p.group)) {
        continue;
      }
      const v = c.read();
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        continue;
      }
      // A parameter tied to a backend feature is sent only when set: its default must not demand the feature.
      if (c.p.feature_flag && !c.toggle && String(v) === String(c.p.default)) {
        continue;
      }
      out[id] = v;
    }
    return out;
  }

  /** Puts values (a preset's param_map, an image's sui_image_params) into the form. */
  apply(values) {
    for (const [key, v] of Object.entries(values || {})) {
      const c = this.controls.get(key.toLowerCase());
      if (!c) {
        continue;
      }
      c.write(v);
      if (c.toggle) {
        c.toggle.checked = true;
        c.wrap.classList.remove('off');
      }
      const gt = c.p.group && this.groupToggles.get(c.p.group.id);
      if (gt) {
        gt.checked = true;
      }
    }
  }
}

export { uid };

// Presets: apply one of the user's presets to the form, or save the form as a new preset.
import { el, clear, busy, toast, field } from './ui.js';
import { call } from './api.js';

export class Presets {
  /** @param form {values(): object, apply(values): void} */
  constructor(form) {
    this.form = form;
    this.select = el('select', { id: 'preset-select' });
    this.title = el('input', { type: 'text', id: 'preset-title', placeholder: 'New preset name' });
    const apply = el('button', { type: 'button', id: 'preset-apply', onclick: () => this.apply() }, 'Apply');
    const save = el('button', { type: 'button', id: 'preset-save', onclick: (e) => busy(e.target, () => this.save()) }, 'Save');
    const remove = el('button', { type: 'button', id: 'preset-delete', class: 'danger', onclick: (e) => busy(e.target, () => this.remove()) }, 'Delete');
    this.root = el('details', { class: 'group', id: 'group-presets' }, el('summary', {}, 'Presets'),
      el('div', { class: 'group-body' },
        field('Preset', this.select), el('div', { class: 'row' }, apply, remove),
        field('Save the current parameters as', this.title), save));
    this.presets = [];
  }

  async load() {
    const data = await call('GetMyUserData');
    this.presets = data.presets || [];
    clear(this.select);
    for (const p of this.presets) {
      this.select.append(el('option', { value: p.title }, p.title));
    }
    if (!this.presets.length) {
      this.select.append(el('option', { value: '' }, '(no presets yet)'));
    }
  }

  apply() {
    const p = this.presets.find((x) => x.title === this.select.value);
    if (p) {
      this.form.apply(p.param_map);
      toast(`Preset "${p.title}" applied.`);
    }
  }

  async save() {
    const title = this.title.value.trim();
    if (!title) {
      throw new Error('Give the preset a name first.');
    }
    const param_map = this.form.values();
    await call('AddNewPreset', { title, description: '', param_map, is_edit: this.presets.some((p) => p.title === title), editing: title });
    this.title.value = '';
    await this.load();
    this.select.value = title;
    toast(`Preset "${title}" saved.`);
  }

  async remove() {
    if (this.select.value) {
      await call('DeletePreset', { preset: this.select.value });
      await this.load();
    }
  }
}

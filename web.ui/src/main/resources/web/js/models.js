// The model picker: ListModels with previews, a search box, and the chosen model.
import { el, clear } from './ui.js';
import { call, assetUrl } from './api.js';

export class ModelPicker {
  constructor(onChange) {
    this.onChange = onChange;
    this.value = '';
    this.models = [];
    this.search = el('input', { type: 'search', id: 'model-search', placeholder: 'Search models', 'aria-label': 'Search models',
      oninput: () => this.draw() });
    this.list = el('div', { class: 'model-list', id: 'model-list', role: 'listbox', 'aria-label': 'Models' });
    this.current = el('span', { id: 'model-current', class: 'muted' }, 'No model');
    this.root = el('details', { class: 'group model-picker', open: true, id: 'group-model' },
      el('summary', {}, 'Model: ', this.current),
      el('div', { class: 'group-body' }, this.search, this.list));
  }

  async load() {
    const reply = await call('ListModels', { path: '', depth: 4, subtype: 'Stable-Diffusion' });
    this.models = reply.files || [];
    if (!this.value && this.models.length) {
      this.set(this.models[0].name);
    }
    this.draw();
  }

  set(name) {
    // Image metadata names the model without its extension: take the listed model it names.
    const bare = (n) => String(n).replace(/\.(safetensors|sft|ckpt|gguf)$/i, '');
    const listed = this.models.find((m) => m.name === name) || this.models.find((m) => bare(m.name) === bare(name || ''));
    this.value = listed ? listed.name : (name || '');
    this.current.textContent = this.value || 'No model';
    this.current.classList.toggle('muted', !this.value);
    for (const b of this.list.querySelectorAll('.model-card')) {
      b.setAttribute('aria-pressed', String(b.dataset.model === this.value));
    }
    this.onChange?.(this.value);
  }

  draw() {
    const q = this.search.value.trim().toLowerCase();
    clear(this.list);
    const shown = this.models.filter((m) => !q || m.name.toLowerCase().includes(q) || String(m.title || '').toLowerCase().includes(q));
    for (const m of shown) {
      this.list.append(el('button', { type: 'button', class: 'model-card', dataset: { model: m.name }, role: 'option',
        'aria-pressed': String(m.name === this.value), title: m.description || m.name, onclick: () => this.set(m.name) },
        el('img', { src: assetUrl(m.preview_image || 'imgs/model_placeholder.jpg'), alt: '', loading: 'lazy' }),
        el('span', {}, m.title || m.name)));
    }
    if (!shown.length) {
      this.list.append(el('p', { class: 'muted', style: 'grid-column:1/-1' }, this.models.length ? 'No model matches.' : 'No models are available yet: add a backend or put models in the Models folder.'));
    }
  }
}

// Shows one or more generation runs: the progress bar, live previews and the batch's images as they arrive. Fed
// with GenerateText2ImageWS frames, or with SubscribeJobWS frames when a reload reattaches to a running job.
import { el, toast } from './ui.js';
import { assetUrl } from './api.js';

export class RunView {
  /**
   * @param parts {progress: <progress>, status: element, batch: element, onSelect: (image) => void}
   */
  constructor(parts) {
    this.parts = parts;
    this.slots = new Map();
    this.jobs = new Set();
    this.percent = new Map();
    this.active = 0;
  }

  /** A run starts: the next frames belong to it. */
  begin(label) {
    this.active++;
    this.parts.progress.value = 0;
    this.parts.progress.classList.remove('hidden');
    this.setStatus(label || 'Starting...');
  }

  end() {
    this.active = Math.max(0, this.active - 1);
    if (this.active === 0) {
      this.parts.progress.classList.add('hidden');
      this.jobs.clear();
      this.setStatus(this.slots.size ? 'Done.' : '');
    }
  }

  setStatus(text) {
    this.parts.status.textContent = text;
  }

  slot(key) {
    let s = this.slots.get(key);
    if (!s) {
      const img = el('img', { alt: 'Image ' + (this.slots.size + 1), tabindex: 0, role: 'button', class: 'preview' });
      const figure = el('figure', { dataset: { key } }, img);
      s = { img, figure, image: null, metadata: null };
      img.onclick = () => this.select(s);
      img.onkeydown = (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.select(s);
        }
      };
      this.slots.set(key, s);
      this.parts.batch.prepend(figure);
    }
    return s;
  }

  select(s) {
    for (const other of this.slots.values()) {
      other.img.setAttribute('aria-pressed', String(other === s));
    }
    this.parts.onSelect({ src: s.image || s.img.src, metadata: s.metadata, final: !!s.image });
  }

  /** Handles one frame of either socket. */
  frame(f) {
    if (f.gen_progress) {
      const p = f.gen_progress;
      const key = `${p.request_id ?? ''}:${p.batch_index}`;
      if (p.request_id !== undefined) {
        this.jobs.add(p.request_id);
      }
      this.percent.set(key, p.overall_percent ?? 0);
      const s = this.slot(key);
      if (p.metadata) {
        s.metadata = p.metadata;
      }
      if (p.preview && !s.image) {
        s.img.src = p.preview;
      }
      const values = [...this.percent.values()];
      this.parts.progress.value = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      this.setStatus(`Generating... ${Math.round(this.parts.progress.value * 100)}%`);
    } else if (f.image) {
      const key = `${f.request_id ?? ''}:${f.batch_index}`;
      const s = this.slot(key);
      s.image = assetUrl(f.image);
      s.metadata = f.metadata || s.metadata;
      s.img.src = s.image;
      s.img.classList.remove('preview');
      s.img.classList.add('final');
      this.percent.set(key, 1);
      if ([...this.slots.values()].every((x) => x.image) || !this.shown) {
        this.shown = true;
        this.select(s);
      }
    } else if (f.discard_indices) {
      for (const [key, s] of this.slots) {
        if (!s.image && f.discard_indices.map(String).includes(key.split(':')[1])) {
          s.figure.remove();
          this.slots.delete(key);
        }
      }
    } else if (f.error) {
      toast(f.error);
      this.setStatus('Error: ' + f.error);
    } else if (f.status) {
      const st = f.status;
      const waiting = (st.waiting_gens || 0) + (st.waiting_backends || 0);
      if (!this.parts.progress.value) {
        this.setStatus(waiting ? `Waiting in the queue (${waiting})...` : 'Running...');
      }
    }
  }

  clear() {
    this.parts.batch.replaceChildren();
    this.slots.clear();
    this.percent.clear();
    this.shown = false;
  }
}

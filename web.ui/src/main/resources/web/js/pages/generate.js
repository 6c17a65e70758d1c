// The Generate page: prompt, negative prompt, model, the generated parameter form, presets; generation over
// GenerateText2ImageWS with progress, previews and images; interrupt; reuse of an image's parameters; and after a
// reload, reattachment to the user's running jobs through SubscribeJobWS.
import { el, busy, toast, field } from '../ui.js';
import { call, post, socket, can } from '../api.js';
import { ParamForm } from '../params.js';
import { ModelPicker } from '../models.js';
import { Presets } from '../presets.js';
import { RunView } from '../run-view.js';

let sockets = [];

export function unmount() {
  // Leaving the page keeps the jobs running; the Jobs page (or coming back) reattaches.
  for (const s of sockets) {
    s.close();
  }
  sockets = [];
}

export async function mount(root) {
  // Everything the page needs is asked for at once; the page is drawn before the answers come and filled in as
  // they do.
  const listing = call('ListT2IParams');
  const jobs = post('ListJobs', { limit: 20 }).catch(() => ({}));
  let form = null;
  const prompt = el('textarea', { id: 'prompt', rows: 3, placeholder: 'Describe the image' });
  const negative = el('textarea', { id: 'negativeprompt', rows: 2, placeholder: 'What to avoid' });
  const picker = new ModelPicker();
  const full = {
    prompt: (v) => { prompt.value = v ?? ''; },
    negativeprompt: (v) => { negative.value = v ?? ''; },
    model: (v) => picker.set(v),
  };
  const formFacade = {
    values: () => ({ ...form?.values(), prompt: prompt.value, negativeprompt: negative.value, model: picker.value }),
    apply: (values) => {
      for (const [k, v] of Object.entries(values || {})) {
        full[k.toLowerCase()]?.(v);
      }
      form?.apply(values);
    },
  };
  const presets = new Presets(formFacade);
  const progress = el('progress', { id: 'progress', max: 1, value: 0, class: 'hidden', 'aria-label': 'Generation progress' });
  const status = el('span', { id: 'gen-status', class: 'muted', role: 'status' });
  const batch = el('div', { class: 'batch', id: 'batch', 'aria-label': 'Images of this batch' });
  const bigImage = el('img', { id: 'current-image', alt: 'The selected image', class: 'hidden' });
  const metadata = el('div', { id: 'current-metadata', class: 'metadata' }, el('p', { class: 'muted' }, 'Images appear here as they are made.'));
  const view = new RunView({ progress, status, batch, onSelect: (img) => showImage(img) });
  let selected = null;

  const reuse = el('button', { type: 'button', id: 'reuse-params', class: 'hidden', onclick: () => reuseParams() }, 'Reuse these parameters');
  function showImage(img) {
    selected = img;
    bigImage.src = img.src;
    bigImage.classList.remove('hidden');
    metadata.replaceChildren();
    const params = parseMetadata(img.metadata);
    if (params) {
      metadata.append(el('dl', {}, Object.entries(params).flatMap(([k, v]) => [el('dt', { class: 'muted' }, k), el('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))])));
    }
    reuse.classList.toggle('hidden', !params || !img.final);
  }
  function reuseParams() {
    const params = parseMetadata(selected?.metadata);
    if (params) {
      const copy = { ...params };
      delete copy.seed;
      formFacade.apply({ ...copy, seed: params.seed });
      toast('Parameters copied from the image.');
    }
  }

  const generate = el('button', { type: 'button', class: 'primary', id: 'generate', onclick: () => start() }, 'Generate');
  const interrupt = el('button', { type: 'button', id: 'interrupt', onclick: (e) => busy(e.target, () => stop()) }, 'Interrupt');
  prompt.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      start();
    }
  });

  function start() {
    if (generate.disabled) {
      return;
    }
    const body = formFacade.values();
    if (!body.model) {
      delete body.model;
    }
    view.clear();
    run(socket('GenerateText2ImageWS', body, (f) => view.frame(f)), 'Sending...');
  }
  function run(connection, label) {
    sockets.push(connection.socket);
    view.begin(label);
    connection.done.then(() => {
      sockets = sockets.filter((s) => s !== connection.socket);
      view.end();
    });
  }
  async function stop() {
    if (view.jobs.size) {
      for (const id of view.jobs) {
        await post('InterruptJob', { job_id: id });
      }
    } else {
      await call('InterruptAll', { other_sessions: false });
    }
    view.setStatus('Interrupted.');
  }

  const formSlot = el('div', { id: 'param-form-slot' }, el('p', { class: 'muted' }, 'Loading parameters...'));
  const side = el('aside', { class: 'params', 'aria-label': 'Parameters' }, presets.root, picker.root, formSlot);
  root.append(el('div', { class: 'generate' }, side,
    el('section', { class: 'gen-main', 'aria-label': 'Generate' },
      el('div', { class: 'card prompt-box stack' },
        field('Prompt', prompt), field('Negative prompt', negative),
        el('div', { class: 'gen-actions' }, generate, interrupt, status), progress),
      el('div', { class: 'current' }, el('div', { class: 'view' }, bigImage),
        el('div', { class: 'card metadata-box stack' }, reuse, metadata)),
      batch)));
  const mayGenerate = can('basic_image_generation');
  generate.disabled = true;
  if (!mayGenerate) {
    status.textContent = 'Your account may not generate images.';
  }
  const formReady = listing.then((reply) => {
    form = new ParamForm(reply);
    formSlot.replaceChildren(form.render());
    generate.disabled = !mayGenerate;
  });
  await Promise.all([formReady, picker.load().catch((e) => toast(e.message)), presets.load().catch(() => {})]);
  const reused = sessionStorage.getItem('apiary.reuse');
  if (reused) {
    // "Reuse these parameters" from the history page.
    sessionStorage.removeItem('apiary.reuse');
    formFacade.apply(JSON.parse(reused));
  }
  await reattach(view, run, await jobs);
}

/** Reattaches to the user's jobs that are still queued or running (e.g. after a reload). */
async function reattach(view, run, reply) {
  const live = (reply.jobs || []).filter((j) => j.live && (j.state === 'running' || j.state === 'queued'));
  for (const job of live.slice(0, 4)) {
    const connection = socket('SubscribeJobWS', { job_id: job.job_id, after_seq: 0 }, (f) => {
      if (!f.job_done) {
        view.frame(f);
      }
    });
    run(connection, `Reattached to job ${job.job_id}...`);
    document.getElementById('gen-status').dataset.reattached = String(job.job_id);
  }
}

function parseMetadata(text) {
  if (!text) {
    return null;
  }
  try {
    const m = typeof text === 'string' ? JSON.parse(text) : text;
    return m.sui_image_params || m;
  } catch (e) {
    return null;
  }
}

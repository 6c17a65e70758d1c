// The first-run page: the installer's choices, then InstallConfirmWS with its progress and messages.
import { newSession, socket, post } from './api.js';
import { el } from './ui.js';
import { loadExtensionAssets } from './extensions-loader.js';

const log = document.getElementById('install-log');
const progress = document.getElementById('install-progress');

function line(text, cls) {
  log.append(el('div', { class: cls || '' }, text));
  log.scrollTop = log.scrollHeight;
}

async function fill() {
  const reply = await post('GetUserSettings');
  const select = document.getElementById('install-theme');
  for (const [id, t] of Object.entries(reply.themes || { modern_dark: { name: 'Modern Dark' } })) {
    select.append(el('option', { value: id }, t.name));
  }
  select.onchange = () => {
    for (const l of document.querySelectorAll('link[data-theme]')) {
      l.remove();
    }
    for (const path of reply.themes?.[select.value]?.css_paths || []) {
      document.head.append(el('link', { rel: 'stylesheet', href: path, 'data-theme': select.value }));
    }
  };
}

document.getElementById('install-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const submit = document.getElementById('install-submit');
  submit.disabled = true;
  log.classList.remove('hidden');
  progress.classList.remove('hidden');
  const models = [...document.querySelectorAll('#install-models input:checked')].map((i) => i.value).join(',');
  const body = {
    theme: document.getElementById('install-theme').value,
    installed_for: document.getElementById('install-for').value,
    backend: document.getElementById('install-backend').value,
    models: models || 'none',
    install_amd: document.getElementById('install-amd').checked,
    language: document.getElementById('install-language').value,
  };
  let ok = false;
  const connection = socket('InstallConfirmWS', body, (f) => {
    if (f.info) {
      line(f.info);
    }
    if (f.total_steps) {
      const step = f.total ? f.progress / f.total : 0;
      progress.value = Math.min(1, ((f.steps - 1) + step) / f.total_steps);
    }
    if (f.error) {
      line('Error: ' + f.error, 'error-text');
    }
    if (f.success) {
      ok = true;
    }
  });
  connection.done.then(() => {
    if (ok) {
      progress.value = 1;
      line('Installed. Opening Apiary...');
      document.body.dataset.installed = 'true';
      setTimeout(() => { location.href = 'Text2Image'; }, 800);
    } else {
      submit.disabled = false;
    }
  });
});

// Extension assets after the session, as on the main page (their scripts may read window.session_id).
newSession().then(() => Promise.all([fill(), loadExtensionAssets()]))
  .catch((err) => line('Cannot reach the server: ' + err.message, 'error-text'));

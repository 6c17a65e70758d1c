// The main page: opens the session, applies the theme, shows the pages the user may see and the extensions' assets.
import { state, newSession, post, can } from './api.js';
import { el, clear, toast } from './ui.js';
import { loadExtensionAssets } from './extensions-loader.js';

/** Every page: hash, title, the permission it needs (null: everyone), its module. */
const PAGES = [
  { id: 'generate', title: 'Generate', perm: 'fundamental_generate_tab_access', module: './pages/generate.js' },
  { id: 'history', title: 'History', perm: 'view_image_history', module: './pages/history.js' },
  { id: 'jobs', title: 'Jobs', perm: 'basic_image_generation', module: './pages/jobs.js' },
  { id: 'backends', title: 'Backends', perm: 'view_backends_list', module: './pages/backends.js' },
  { id: 'settings', title: 'Settings', perm: 'read_server_settings', module: './pages/server-settings.js' },
  { id: 'logs', title: 'Logs', perm: 'view_logs', module: './pages/logs.js' },
  { id: 'users', title: 'Users', perm: 'manage_users', module: './pages/users.js' },
  { id: 'extensions', title: 'Extensions', perm: 'manage_extensions', module: './pages/extensions.js' },
  { id: 'resources', title: 'Resources', perm: 'read_server_info_panels', module: './pages/resources.js' },
  { id: 'user', title: 'Account', perm: 'read_user_settings', module: './pages/user-settings.js' },
];

let current = null;

function visiblePages() {
  return PAGES.filter((p) => !p.perm || can(p.perm));
}

function renderTabs() {
  const nav = clear(document.getElementById('tabs'));
  for (const p of visiblePages()) {
    nav.append(el('a', { href: '#' + p.id, id: 'tab-' + p.id }, p.title));
  }
  nav.append(el('a', { href: 'docs', id: 'tab-docs' }, 'API'));
}

async function show() {
  const id = (location.hash || '#generate').slice(1).split('/')[0];
  const pages = visiblePages();
  const page = pages.find((p) => p.id === id) || pages[0];
  for (const a of document.querySelectorAll('#tabs a')) {
    a.toggleAttribute('aria-current', false);
  }
  const main = document.getElementById('page');
  if (!page) {
    clear(main).append(el('p', {}, 'Your account has no pages it may use.'));
    return;
  }
  document.getElementById('tab-' + page.id)?.setAttribute('aria-current', 'page');
  document.title = page.title + ' - Apiary';
  if (current?.unmount) {
    current.unmount();
  }
  clear(main);
  const root = el('div', { id: 'page-' + page.id });
  main.append(root);
  try {
    const module = await import(page.module);
    current = module;
    await module.mount(root);
  } catch (e) {
    console.error(e);
    root.append(el('p', { class: 'error-text' }, 'This page failed to load: ' + e.message));
  }
}

async function applyTheme() {
  const select = document.getElementById('theme');
  const reply = await post('GetUserSettings');
  if (reply.error) {
    select.classList.add('hidden');
    return;
  }
  const themes = reply.themes || {};
  const chosen = reply.settings?.theme?.value || 'modern_dark';
  clear(select);
  for (const [id, t] of Object.entries(themes)) {
    select.append(el('option', { value: id, selected: id === chosen }, t.name));
  }
  const use = (id) => {
    for (const link of document.querySelectorAll('link[data-theme]')) {
      link.remove();
    }
    for (const path of themes[id]?.css_paths || []) {
      document.head.append(el('link', { rel: 'stylesheet', href: path, 'data-theme': id }));
    }
  };
  use(chosen);
  select.onchange = async () => {
    use(select.value);
    await post('ChangeUserSettings', { settings: { theme: select.value } });
  };
}

function notices() {
  const box = document.getElementById('notices');
  if (document.body.dataset.installed === 'false' && can('install')) {
    box.append(el('div', { class: 'notice', id: 'install-notice' }, 'This server has not been set up yet. ',
      el('a', { href: 'Install' }, 'Open the installer'), '.'));
  }
}

async function boot() {
  // Marks for bench/webload.sh's waterfall: modules loaded, session open, page drawn, ready.
  performance.mark('apiary-modules');
  await newSession();
  performance.mark('apiary-session');
  document.getElementById('username').textContent = state.user || '';
  const logout = document.getElementById('logout');
  logout.classList.remove('hidden');
  logout.onclick = async () => {
    await post('Logout');
    location.href = 'Login';
  };
  renderTabs();
  notices();
  window.addEventListener('hashchange', show);
  await Promise.all([applyTheme().catch(() => {}), show().then(() => performance.mark('apiary-page'))]);
  await loadExtensionAssets();
  performance.mark('apiary-ready');
  document.body.dataset.ready = 'true';
}

window.addEventListener('unhandledrejection', (e) => toast(e.reason?.message || String(e.reason)));
boot().catch((e) => {
  console.error(e);
  toast('Apiary could not start: ' + e.message);
});

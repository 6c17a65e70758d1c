// Extensions: installed (with state and the reason of a failure), available from the repositories, failed;
// install, update and uninstall in the running server. The page's extension assets follow at once.
import { el, clear, busy, toast, badge } from '../ui.js';
import { call } from '../api.js';
import { loadExtensionAssets } from '../extensions-loader.js';

export async function mount(root) {
  const installed = el('tbody', { id: 'ext-installed' });
  const available = el('tbody', { id: 'ext-available' });
  const errors = el('div', { id: 'ext-errors' });
  const table = (body, heads) => el('div', { class: 'card', style: 'overflow-x:auto' },
    el('table', {}, el('thead', {}, el('tr', {}, heads.map((h) => el('th', {}, h)))), body));
  const check = el('button', { type: 'button', id: 'ext-check', onclick: (e) => busy(e.target, async () => {
    const reply = await call('CheckForUpdates');
    await refresh();
    toast((reply.extension_updates || []).length ? `Updates: ${reply.extension_updates.join(', ')}` : 'Every extension is up to date.');
  }) }, 'Check for updates');
  root.append(el('div', { class: 'row' }, el('h2', { class: 'grow' }, 'Extensions'), check),
    el('p', { class: 'muted' }, 'Extensions install, update and uninstall while the server runs; no restart needed.'),
    el('h3', {}, 'Installed'), table(installed, ['Extension', 'Version', 'State', '']),
    el('h3', { style: 'margin-top:16px' }, 'Available'), table(available, ['Extension', 'Description', 'Version', '']), errors);

  const action = (label, route, name, cls) => el('button', { type: 'button', class: cls || '', 'aria-label': `${label} ${name}`,
    id: `ext-${label.toLowerCase()}-${name}`, onclick: (e) => busy(e.target, async () => {
      const reply = await call(route, { extensionName: name });
      await refresh();
      await loadExtensionAssets();
      toast(reply.message || `${label}: ${name} done.`);
    }) }, label);

  async function refresh() {
    const reply = await call('ListExtensions');
    clear(installed);
    // A failed extension is listed under "installed" too (state failed): one row each, with its reason.
    const rows = [...(reply.installed || [])];
    const names = new Set(rows.map((x) => x.name));
    rows.push(...(reply.failed || []).filter((x) => !names.has(x.name)));
    for (const x of rows) {
      const state = x.state || 'failed';
      installed.append(el('tr', { dataset: { extension: x.name, state } },
        el('td', {}, x.display_name || x.name), el('td', {}, x.version || ''),
        el('td', {}, badge(state), x.reason ? el('div', { class: 'error-text', id: `ext-reason-${x.name}` }, x.reason) : null),
        el('td', { class: 'row' }, x.update_available ? action('Update', 'UpdateExtension', x.name) : null,
          x.removable === false ? null : action('Uninstall', 'UninstallExtension', x.name, 'danger'))));
    }
    if (!installed.children.length) {
      installed.append(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No extensions installed.')));
    }
    clear(available);
    for (const x of reply.available || []) {
      available.append(el('tr', { dataset: { extension: x.name } }, el('td', {}, x.display_name || x.name),
        el('td', {}, x.description || '', (x.tags || []).flatMap((t) => [' ', badge(t)])), el('td', {}, x.version || ''),
        el('td', {}, action('Install', 'InstallExtension', x.name, 'primary'))));
    }
    if (!available.children.length) {
      available.append(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'Nothing more to install.')));
    }
    clear(errors);
    for (const [repo, error] of Object.entries(reply.repository_errors || {})) {
      errors.append(el('p', { class: 'error-text' }, `${repo}: ${error}`));
    }
  }
  await refresh();
}

// Server settings: the whole tree of ListServerSettings; saved with ChangeServerSettings (edit_server_settings).
import { el, busy, toast } from '../ui.js';
import { call, can } from '../api.js';
import { settingsTree } from '../settings-tree.js';

export async function mount(root) {
  const reply = await call('ListServerSettings');
  const editable = can('edit_server_settings');
  const form = settingsTree(reply.settings, !editable);
  const save = el('button', { type: 'button', class: 'primary', id: 'server-settings-save', onclick: (e) => busy(e.target, async () => {
    const changes = form.takeChanges();
    if (!Object.keys(changes).length) {
      toast('Nothing changed.');
      return;
    }
    await call('ChangeServerSettings', { settings: changes });
    toast('Server settings saved.');
  }) }, 'Save changes');
  root.append(el('div', { class: 'row' }, el('h2', { class: 'grow' }, 'Server settings'), editable ? save : el('span', { class: 'muted' }, 'Read only')),
    form.node);
}

// The user's own settings (GetUserSettings / ChangeUserSettings), theme included.
import { el, busy, toast } from '../ui.js';
import { call, can } from '../api.js';
import { settingsTree } from '../settings-tree.js';

export async function mount(root) {
  const reply = await call('GetUserSettings');
  const editable = can('edit_user_settings');
  const form = settingsTree(reply.settings, !editable);
  const save = el('button', { type: 'button', class: 'primary', id: 'user-settings-save', onclick: (e) => busy(e.target, async () => {
    const changes = form.takeChanges();
    if (Object.keys(changes).length) {
      await call('ChangeUserSettings', { settings: changes });
    }
    toast('Your settings are saved.');
  }) }, 'Save changes');
  root.append(el('div', { class: 'row' }, el('h2', { class: 'grow' }, 'My settings'), editable ? save : null), form.node);
}

// Users and roles: list, add and delete users, set a user's role; list, add and delete roles, and edit a role's
// description, permissions and Apiary's fair-queue limits (AdminSetRoleLimits).
import { el, clear, busy, toast, field } from '../ui.js';
import { call, can, prehash } from '../api.js';

export async function mount(root) {
  const users = el('tbody', { id: 'users-body' });
  const roles = el('div', { class: 'stack', id: 'roles-list' });
  const name = el('input', { type: 'text', id: 'new-user-name', autocomplete: 'off' });
  const password = el('input', { type: 'password', id: 'new-user-password', autocomplete: 'new-password' });
  const role = el('select', { id: 'new-user-role' });
  const roleName = el('input', { type: 'text', id: 'new-role-name', autocomplete: 'off' });
  let roleData = {};
  let permissions = [];

  root.append(el('h2', {}, 'Users'),
    el('div', { class: 'card stack' }, el('table', {}, el('thead', {}, el('tr', {}, ['User', 'Role', ''].map((h) => el('th', {}, h)))), users),
      el('form', { class: 'row', id: 'add-user-form', onsubmit: (e) => { e.preventDefault(); busy(e.submitter, addUser); } },
        el('div', { class: 'grow' }, field('New user name', name)), el('div', { class: 'grow' }, field('Password', password)),
        el('div', {}, field('Role', role)), el('button', { type: 'submit', class: 'primary' }, 'Add user'))),
    can('configure_roles') ? el('h2', { style: 'margin-top:20px' }, 'Roles') : null,
    can('configure_roles') ? el('div', { class: 'stack' }, roles,
      el('form', { class: 'row', id: 'add-role-form', onsubmit: (e) => { e.preventDefault(); busy(e.submitter, addRole); } },
        el('div', { class: 'grow' }, field('New role name', roleName)), el('button', { type: 'submit' }, 'Add role'))) : null);

  async function addUser() {
    const n = name.value.trim();
    await call('AdminAddUser', { name: n, password: await prehash(n, password.value), role: role.value });
    name.value = '';
    password.value = '';
    await loadUsers();
    toast(`User ${n} added.`);
  }

  async function addRole() {
    await call('AdminAddRole', { name: roleName.value.trim() });
    roleName.value = '';
    await loadRoles();
  }

  async function loadUsers() {
    const list = (await call('AdminListUsers')).users || [];
    clear(users);
    for (const u of list) {
      const info = await call('AdminGetUserInfo', { name: u });
      const current = String(info.settings?.roles?.value || '').split('||').map((x) => x.trim()).filter((x) => x)[0] || '';
      const select = el('select', { 'aria-label': 'Role of ' + u, id: 'user-role-' + u }, Object.keys(roleData).map((r) => el('option', { value: r, selected: r === current }, roleData[r].name || r)));
      select.onchange = () => busy(select, async () => {
        await call('AdminChangeUserSettings', { name: u, settings: { roles: [select.value] } });
        toast(`${u} is now ${select.value}.`);
      });
      users.append(el('tr', { dataset: { user: u } }, el('td', {}, u), el('td', {}, select),
        el('td', {}, el('button', { type: 'button', class: 'danger', 'aria-label': 'Delete user ' + u,
          onclick: (e) => busy(e.target, async () => { await call('AdminDeleteUser', { name: u }); await loadUsers(); }) }, 'Delete'))));
    }
  }

  function roleCard(id, r) {
    const description = el('input', { type: 'text', value: r.description || '', id: `role-description-${id}` });
    // Apiary's fair queue: how many images a user of the role may have waiting, and the role's share of the backends.
    const queued = el('input', { type: 'number', min: 1, max: 1000000, step: 1, value: r.max_queued_images ?? 1000, id: `role-queued-${id}` });
    const weight = el('input', { type: 'number', min: 0.01, max: 1000, step: 'any', value: r.scheduling_weight ?? 1, id: `role-weight-${id}` });
    const chosen = new Set(r.permissions || []);
    // Permissions of extensions that are not installed now stay on the role, dormant (the server keeps them and they
    // work again when the extension comes back): listed, checked, marked, never dropped silently on save.
    const known = new Set(permissions.map((p) => p.id));
    const dormant = [...chosen].filter((p) => !known.has(p)).map((p) => ({ id: p, name: `${p} (not installed)`,
      description: 'Declared by an extension that is not installed now; kept on the role until you uncheck it.' }));
    const boxes = el('div', { class: 'form-grid', style: 'max-height:240px;overflow:auto' }, [...permissions, ...dormant].map((p) => {
      const box = el('input', { type: 'checkbox', id: `role-${id}-perm-${p.id}`, value: p.id, checked: chosen.has(p.id) });
      const label = el('label', { for: box.id, style: 'margin:0', class: known.has(p.id) ? '' : 'muted' }, p.name || p.id);
      return el('div', { class: 'row', title: p.description || '' }, box, label);
    }));
    const save = el('button', { type: 'button', class: 'primary', id: `role-save-${id}`, onclick: (e) => busy(e.target, async () => {
      const perms = [...boxes.querySelectorAll('input:checked')].map((b) => b.value).join(',');
      await call('AdminEditRole', { name: id, description: description.value, max_outpath_depth: r.max_outpath_depth ?? 5,
        max_t2i_simultaneous: r.max_t2i_simultaneous ?? 32, allow_unsafe_outpaths: !!r.allow_unsafe_outpaths,
        model_whitelist: (r.model_whitelist || []).join(','), model_blacklist: (r.model_blacklist || []).join(','), permissions: perms });
      await call('AdminSetRoleLimits', { name: id, max_queued_images: parseInt(queued.value, 10), scheduling_weight: parseFloat(weight.value) });
      r.description = description.value;
      r.permissions = perms ? perms.split(',') : [];
      summary.textContent = title();
      toast(`Role ${id} saved.`);
    }) }, 'Save role');
    const remove = r.is_auto_generated ? null : el('button', { type: 'button', class: 'danger', id: `role-delete-${id}`,
      onclick: (e) => busy(e.target, async () => {
        await call('AdminDeleteRole', { name: id });
        await loadRoles();
      }) }, 'Delete role');
    const title = () => `${r.name || id} (${(r.permissions || []).length} permissions)`;
    const summary = el('summary', {}, title());
    return el('details', { class: 'group', id: 'role-' + id }, summary,
      el('div', { class: 'group-body stack' }, field('Description', description),
        el('div', { class: 'row' }, el('div', { class: 'grow' }, field('Most images queued per user', queued)),
          el('div', { class: 'grow' }, field('Share of the backends (weight)', weight))),
        boxes, el('div', { class: 'row' }, save, remove)));
  }

  async function loadRoles() {
    roleData = (await call('AdminListRoles')).roles || {};
    clear(role).append(...Object.entries(roleData).map(([id, r]) => el('option', { value: id, selected: id === 'user' }, r.name || id)));
    if (can('configure_roles')) {
      clear(roles).append(...Object.entries(roleData).map(([id, r]) => roleCard(id, r)));
    }
  }

  if (can('configure_roles')) {
    const reply = await call('AdminListPermissions');
    const all = reply.permissions || {};
    permissions = (reply.ordered || Object.keys(all)).filter((id) => all[id]).map((id) => ({ id, ...all[id] }));
  }
  await loadRoles();
  await loadUsers();
}

// History: the user's images by folder, a page at a time (ListImageHistory's cursor), star, delete, and a full
// view with the metadata and "reuse these parameters".
import { el, clear, busy, toast } from '../ui.js';
import { call, post, state, can, assetUrl } from '../api.js';

const PAGE = 24;

export async function mount(root) {
  const folders = el('div', { class: 'folders card', id: 'history-folders', role: 'group', 'aria-label': 'Folders' });
  const grid = el('div', { class: 'thumbs', id: 'history-grid' });
  const info = el('span', { class: 'muted', id: 'history-info', role: 'status' });
  const prev = el('button', { type: 'button', id: 'history-prev', onclick: () => go(-1) }, 'Newer');
  const next = el('button', { type: 'button', id: 'history-next', onclick: () => go(1) }, 'Older');
  const dialog = el('dialog', { id: 'history-full', 'aria-label': 'Image' });
  root.append(el('h2', {}, 'History'), el('div', { class: 'history' }, folders,
    el('div', { class: 'stack' }, el('div', { class: 'row' }, prev, next, info), grid)), dialog);

  let folder = '';
  let cursors = [''];
  let index = 0;
  let starred = new Set();

  async function loadFolders() {
    const reply = await call('ListImages', { path: '', depth: 3, sortBy: 'Name' });
    clear(folders);
    for (const f of ['', ...(reply.folders || [])]) {
      folders.append(el('button', { type: 'button', 'aria-pressed': String(f === folder), dataset: { folder: f },
        onclick: () => { folder = f; cursors = ['']; index = 0; loadFolders(); load(); } }, f || 'All images'));
    }
  }

  async function loadStarred() {
    const reply = await post('ListImageHistory', { path: 'Starred', depth: 64, limit: 1000 });
    starred = new Set((reply.files || []).map((f) => f.src));
  }

  function go(delta) {
    index = Math.max(0, Math.min(cursors.length - 1, index + delta));
    load();
  }

  function url(src, preview) {
    const path = (folder ? folder + '/' : '') + src;
    return assetUrl(`${state.outputPrefix}/${path.split('/').map(encodeURIComponent).join('/')}${preview ? '?preview=true' : ''}`);
  }

  async function load() {
    const reply = await call('ListImageHistory', { path: folder, depth: 64, limit: PAGE, cursor: cursors[index], sortBy: 'Date' });
    if (reply.next_cursor && cursors.length === index + 1) {
      cursors.push(reply.next_cursor);
    }
    prev.disabled = index === 0;
    next.disabled = !reply.next_cursor;
    const files = reply.files || [];
    // ListImageHistory's total counts the whole history, so inside a folder the page counts what it has seen.
    const count = folder ? `${index * PAGE + files.length}${reply.next_cursor ? '+' : ''} images in ${folder}` : `${reply.total ?? files.length} images`;
    info.textContent = `${count}; page ${index + 1}`;
    clear(grid);
    for (const f of files) {
      grid.append(thumb(f));
    }
    if (!files.length) {
      grid.append(el('p', { class: 'muted' }, 'No images here yet.'));
    }
  }

  function path(f) {
    return (folder ? folder + '/' : '') + f.src;
  }

  function thumb(f) {
    const full = path(f);
    const isStarred = starred.has(full) || full.startsWith('Starred/');
    const star = el('button', { type: 'button', class: 'star' + (isStarred ? ' starred' : ''), 'aria-pressed': String(isStarred),
      'aria-label': 'Star ' + f.src, title: 'Star', hidden: !can('user_star_images'),
      onclick: (e) => busy(e.target, async () => {
        const reply = await call('ToggleImageStarred', { path: full });
        star.classList.toggle('starred', reply.new_state);
        star.setAttribute('aria-pressed', String(reply.new_state));
        star.textContent = reply.new_state ? '\u2605' : '\u2606';
        if (reply.new_state) {
          starred.add(full);
        } else {
          starred.delete(full);
        }
      }) }, isStarred ? '\u2605' : '\u2606');
    const del = el('button', { type: 'button', class: 'danger delete', 'aria-label': 'Delete ' + f.src, hidden: !can('user_delete_image'),
      onclick: (e) => busy(e.target, async () => {
        await call('DeleteImage', { path: full });
        await load();
      }) }, 'Delete');
    const img = el('img', { src: url(f.src, true), alt: f.src, loading: 'lazy', tabindex: 0, role: 'button',
      onclick: () => open(f), onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          // Not also a key press on the dialog's first button, which takes the focus as it opens.
          e.preventDefault();
          open(f);
        }
      } });
    return el('div', { class: 'thumb', dataset: { src: full } }, img, el('div', { class: 'row' }, star, del,
      el('span', { class: 'muted', style: 'font-size:.8em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;flex:1' }, f.src.split('/').pop())));
  }

  function open(f) {
    let params = null;
    try {
      params = JSON.parse(f.metadata || 'null')?.sui_image_params || null;
    } catch (e) {
      params = null;
    }
    clear(dialog).append(el('div', { class: 'fullview' }, el('img', { src: url(f.src, false), alt: f.src }),
      el('div', { class: 'stack' }, el('h3', {}, f.src),
        params ? el('button', { type: 'button', id: 'history-reuse', onclick: () => {
          sessionStorage.setItem('apiary.reuse', JSON.stringify(params));
          dialog.close();
          location.hash = '#generate';
        } }, 'Reuse these parameters') : null,
        el('pre', { class: 'metadata', id: 'history-metadata' }, params ? JSON.stringify(params, null, 1) : 'No metadata.'),
        el('button', { type: 'button', onclick: () => dialog.close() }, 'Close'))));
    dialog.showModal();
  }

  await Promise.all([loadFolders(), loadStarred().catch(() => toast('Starred images could not be listed.'))]);
  await load();
}

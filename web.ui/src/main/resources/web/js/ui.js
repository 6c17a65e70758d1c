// Small DOM helpers shared by the pages.

/** el('button', {class: 'primary', onclick: f}, 'Text', child...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      node.className = v;
    } else if (k === 'dataset') {
      Object.assign(node.dataset, v);
    } else if (k in node && typeof v !== 'string') {
      node[k] = v;
    } else {
      node.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

let toastTimer;
/** Shows a short message at the corner of the page. */
export function toast(message) {
  let box = document.getElementById('toast');
  if (!box) {
    box = el('div', { id: 'toast', class: 'toast', role: 'alert' });
    document.body.append(box);
  }
  box.textContent = message;
  box.classList.remove('hidden');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => box.classList.add('hidden'), 6000);
}

let ids = 0;
/** @return a fresh element id */
export function uid(prefix = 'f') {
  return `${prefix}-${++ids}`;
}

/** A labelled control: <div><label for=id>text</label>control</div>. */
export function field(text, control, hint) {
  if (!control.id) {
    control.id = uid();
  }
  return el('div', { class: 'param' }, el('label', { for: control.id }, text), control,
    hint ? el('div', { class: 'muted' }, hint) : null);
}

/** Runs an async action from a button, showing errors as a toast and disabling the button meanwhile. */
export async function busy(button, action) {
  if (button) {
    button.disabled = true;
  }
  try {
    return await action();
  } catch (e) {
    toast(e.message || String(e));
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

export function badge(text) {
  return el('span', { class: 'badge ' + String(text).toLowerCase() }, text);
}

export function formatTime(unixSeconds) {
  if (!unixSeconds) {
    return '';
  }
  const ms = unixSeconds > 1e12 ? unixSeconds : unixSeconds * 1000;
  return new Date(ms).toLocaleString();
}

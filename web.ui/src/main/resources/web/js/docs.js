// /docs: renders the server's own /openapi.json (generated from the route registry) as a searchable reference,
// with a form to try a route with the current session.
import { el, clear } from './ui.js';
import { newSession, post, state } from './api.js';

const body = document.getElementById('docs-body');
const search = document.getElementById('docs-search');
let doc;

function schemaOf(op) {
  const content = op.requestBody?.content || {};
  return Object.values(content)[0]?.schema || {};
}

function resolve(schema) {
  if (schema?.$ref) {
    const path = schema.$ref.replace(/^#\//, '').split('/');
    return path.reduce((o, k) => o?.[k], doc) || {};
  }
  return schema || {};
}

function defaultOf(p) {
  const d = p.default ?? p['x-default'];
  return d === undefined || d === '(REQUIRED)' ? '' : String(d);
}

function example(schema) {
  const out = {};
  for (const [name, prop] of Object.entries(resolve(schema).properties || {})) {
    if (name !== 'session_id') {
      out[name] = prop.default ?? (prop.type === 'integer' || prop.type === 'number' ? 0 : prop.type === 'boolean' ? false : '');
    }
  }
  return out;
}

function operation(path, method, op) {
  const schema = resolve(schemaOf(op));
  const rows = Object.entries(schema.properties || {}).map(([name, p]) => el('tr', {},
    el('td', {}, el('code', {}, name), (schema.required || []).includes(name) ? ' *' : ''),
    el('td', {}, p.type || ''), el('td', {}, p.description || ''), el('td', {}, defaultOf(p))));
  const input = el('textarea', { rows: 4, 'aria-label': 'Request body for ' + path }, JSON.stringify(example(schema), null, 1));
  const output = el('pre', { class: 'hidden' });
  const ws = path.endsWith('WS');
  const tryButton = el('button', { type: 'button', disabled: ws, onclick: async () => {
    let value;
    try {
      value = JSON.parse(input.value || '{}');
    } catch (e) {
      output.textContent = 'Not JSON: ' + e.message;
      output.classList.remove('hidden');
      return;
    }
    if (!state.session) {
      await newSession();
    }
    const reply = await post(path.replace(/^\/API\//, ''), value);
    output.textContent = JSON.stringify(reply, null, 2);
    output.classList.remove('hidden');
  } }, ws ? 'WebSocket route' : 'Send');
  return el('details', { class: 'docs-op', dataset: { route: path } },
    el('summary', {}, el('code', {}, method.toUpperCase() + ' ' + path), ' ', el('span', { class: 'muted' }, op.summary || '')),
    el('div', { class: 'body stack' },
      op.description ? el('p', {}, op.description) : null,
      el('p', { class: 'muted' }, `Permission: ${op['x-permission-name'] || op['x-permission'] || 'none'}`,
        op['x-websocket'] ? ' \u00b7 WebSocket route' : '', op['x-sessionless'] ? ' \u00b7 no session needed' : ''),
      rows.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Parameter'), el('th', {}, 'Type'), el('th', {}, 'Description'), el('th', {}, 'Default'))), el('tbody', {}, rows)) : el('p', { class: 'muted' }, 'No parameters.'),
      el('div', { class: 'stack' }, input, tryButton, output)));
}

function draw() {
  const q = search.value.trim().toLowerCase();
  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const text = (path + ' ' + (op.summary || '') + ' ' + (op.description || '')).toLowerCase();
      if (q && !text.includes(q)) {
        continue;
      }
      const tag = (op.tags || ['Other'])[0];
      if (!byTag.has(tag)) {
        byTag.set(tag, []);
      }
      byTag.get(tag).push(operation(path, method, op));
    }
  }
  clear(body);
  for (const [tag, ops] of [...byTag.entries()].sort()) {
    body.append(el('section', { class: 'stack', id: 'tag-' + tag }, el('h2', {}, `${tag} (${ops.length})`), ops));
  }
  if (!byTag.size) {
    body.append(el('p', { class: 'muted' }, 'No route matches.'));
  }
}

async function load() {
  doc = await (await fetch('openapi.json')).json();
  document.getElementById('docs-title').textContent = (doc.info?.title || 'API') + ' ' + (doc.info?.version || '');
  document.getElementById('docs-description').textContent = doc.info?.description || '';
  draw();
  search.oninput = draw;
  document.body.dataset.ready = 'true';
}

load().catch((e) => { body.textContent = 'Cannot load /openapi.json: ' + e.message; });

// The SwarmUI API as the pages use it: one session, POST /API/<Route> with JSON, WebSocket routes ending in WS.
export const state = { session: null, user: null, permissions: new Set(), outputPrefix: 'Output' };

const base = new URL('./', document.baseURI);

/** Opens a session; in login-required mode without a login, sends the browser to the login page. */
export async function newSession() {
  const reply = await early(takeEarly('session'), () => rawPost('GetNewSession', {}));
  if (!reply.session_id) {
    if (String(reply.error || '').includes('unauthorized')) {
      location.href = new URL('Login', base).href;
      return new Promise(() => {});
    }
    throw new Error(reply.error || 'The server did not open a session.');
  }
  state.session = reply.session_id;
  state.user = reply.user_id;
  state.permissions = new Set(reply.permissions || []);
  state.outputPrefix = reply.output_append_user === false ? 'Output' : 'View/' + reply.user_id;
  window.session_id = reply.session_id;
  return reply;
}

async function rawPost(route, body) {
  const response = await fetch(new URL('API/' + route, base), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin'
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    return { error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  }
}

/**
 * @param name what the first-load script of the main page (text2image.html) asked for early: 'session',
 *        'extensions' or a route with its body
 * @return its pending reply text, handed out once; null if it was not asked for (or already taken)
 */
export function takeEarly(name) {
  const first = window.apiaryEarly;
  if (!first) {
    return null;
  }
  if (name === 'session' || name === 'extensions') {
    const pending = first[name];
    first[name] = null;
    return pending;
  }
  const pending = first.replies.get(name);
  first.replies.delete(name);
  return pending || null;
}

/** @return the early reply's JSON when there is a good one, else what ask() answers */
async function early(pending, ask) {
  if (pending) {
    try {
      const text = await pending;
      if (text !== null) {
        return JSON.parse(text);
      }
    } catch (e) {
      // Asked again below.
    }
  }
  return ask();
}

/** Calls a route with the session; a lost session is renewed once. Resolves to the JSON reply (errors included). */
export async function post(route, body = {}) {
  let reply = await early(takeEarly(route + JSON.stringify(body)), () => rawPost(route, { ...body, session_id: state.session }));
  if (reply.error_id === 'invalid_session_id') {
    await newSession();
    reply = await rawPost(route, { ...body, session_id: state.session });
  }
  return reply;
}

/** Like {@link post}, but an error reply becomes a rejected promise. */
export async function call(route, body = {}) {
  const reply = await post(route, body);
  if (reply.error) {
    throw new Error(reply.error);
  }
  return reply;
}

/** @return whether the user holds the permission */
export function can(permission) {
  return state.permissions.has(permission);
}

/**
 * Opens a WebSocket route: sends the body (with the session) as the first message, hands every frame to onFrame.
 * @return {{socket: WebSocket, done: Promise<void>}} done settles when the socket closes
 */
export function socket(route, body, onFrame) {
  const url = new URL('API/' + route, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  const done = new Promise((resolve) => {
    ws.onopen = () => ws.send(JSON.stringify({ ...body, session_id: state.session }));
    ws.onmessage = (e) => {
      try {
        onFrame(JSON.parse(e.data));
      } catch (err) {
        console.warn('bad frame', err);
      }
    };
    ws.onclose = () => resolve();
  });
  return { socket: ws, done };
}

/** @return a URL for a path the API hands out (relative like View/... or imgs/..., or absolute, or data:) */
export function assetUrl(path) {
  if (!path) {
    return '';
  }
  if (/^(data:|https?:|\/)/.test(path)) {
    return path;
  }
  return new URL(path, base).href;
}

/** SwarmUI's client-side password prehash: hex SHA-256 of "swarmclientpw:<user>:<password>". */
export async function prehash(user, password) {
  const text = `swarmclientpw:${user}:${password}`;
  if (!window.crypto?.subtle) {
    // The server hashes it instead (SwarmUI's fallback for pages without WebCrypto).
    return '__swarmdoprehash:' + text;
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// The login page: SwarmUI's client-side password prehash, then Login (which sets the login cookie).
import { prehash } from './api.js';
import { loadExtensionAssets } from './extensions-loader.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const username = document.getElementById('username').value;
  const password = await prehash(username, document.getElementById('password').value);
  const response = await fetch('API/Login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
    body: JSON.stringify({ username, password }),
  });
  const reply = await response.json().catch(() => ({ error: 'The server did not answer.' }));
  if (reply.success === 'true' || reply.success === true) {
    location.href = 'Text2Image';
  } else {
    error.textContent = reply.error_id === 'invalid_login' ? 'Wrong user name or password.' : (reply.error || 'Login failed.');
  }
});
document.getElementById('username').focus();
// As on every page; there is no session here, so an extension's script sees no window.session_id.
loadExtensionAssets();

// The API token field, checked against GET /api/auth (204 accepted, 401 wrong token, 403 read-only server).
import { ApiError, getAuthorized, token } from './api.js';

async function verify() {
  if (!token.get()) return { accepted: false, text: '' };
  try {
    await getAuthorized('/api/auth');
    return { accepted: true, text: 'token accepted' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { accepted: false, text: 'token refused' };
    if (error instanceof ApiError && error.status === 403) return { accepted: false, text: 'the server has no API token: read-only' };
    return { accepted: false, text: `could not check the token: ${error.message}` };
  }
}

export async function applyToken() {
  const result = await verify();
  document.body.classList.toggle('can-approve', result.accepted);
  document.getElementById('token-status').textContent = result.text;
  return result.accepted;
}

export function wireTokenForm(onChange) {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  input.value = token.get();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (value) token.set(value); else token.clear();
    await applyToken();
    onChange();
  });
  document.getElementById('token-clear').addEventListener('click', async () => {
    token.clear();
    input.value = '';
    await applyToken();
    onChange();
  });
}

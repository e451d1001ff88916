// The API token field. The server has no "who am I" endpoint, so the token is checked by a reject of a
// proposal id that cannot exist: the bearer filter answers first (401 wrong token, 403 mutations disabled),
// and a problem answer from past it (404 no such proposal, 400) means the token was accepted. Nothing is
// changed by the check.
import { ApiError, postJson, token } from './api.js';

const PROBE = '/api/proposals/dashboard-token-check/reject';

async function verify() {
  if (!token.get()) return { accepted: false, text: '' };
  try {
    await postJson(PROBE, { reason: 'token check' });
    return { accepted: true, text: 'token accepted' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { accepted: false, text: 'token refused' };
    if (error instanceof ApiError && error.status === 403) return { accepted: false, text: 'the server has no API token: read-only' };
    if (error instanceof ApiError && error.problem && error.status < 500) return { accepted: true, text: 'token accepted' };
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

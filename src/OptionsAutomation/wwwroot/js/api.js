// The Position Service's HTTP API, as the page uses it. Errors are thrown as ApiError with the problem
// details' title and detail (RFC 7807) so a panel can show what the server said.

const TOKEN_KEY = 'optauto.apiToken';

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    // True when the body was problem details, i.e. an API handler answered rather than the routing.
    this.problem = problem;
  }
}

// Kept in sessionStorage, not localStorage: a credential should not outlive the browser tab.
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

/** GET with the bearer token; resolves when the server accepts it (204), throws ApiError otherwise. */
export async function getAuthorized(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json', Authorization: `Bearer ${token.get()}` }, cache: 'no-store' });
  if (!response.ok) throw await errorOf(response);
}

export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token.get()}` },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw await errorOf(response);
  return response.status === 204 ? null : response.json();
}

async function errorOf(response) {
  let message = `${response.status} ${response.statusText}`.trim();
  let problem = false;
  try {
    const body = await response.json();
    problem = true;
    message = [body.title, body.detail].filter(Boolean).join(': ') || message;
  } catch {
    // Not JSON (e.g. a plain 404 for a path no endpoint maps): the status line says enough.
  }
  return new ApiError(response.status, message, problem);
}

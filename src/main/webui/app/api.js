// The API client: same origin, bearer token kept in sessionStorage (never localStorage, never a URL).
const KEY = 'threshold.token';

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  set(token) { sessionStorage.setItem(KEY, token); },
  clear() { sessionStorage.removeItem(KEY); },
  message: '',
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = {};
    for (const e of this.problem.errors || []) {
      this.fieldErrors[e.field] = (this.fieldErrors[e.field] ? this.fieldErrors[e.field] + ' ' : '') + e.message;
    }
  }
}

/** A problem+json in words. */
export function describe(status, problem) {
  if (status === 503) return 'The service is busy or briefly unavailable (503). Please try again in a moment.';
  if (status === 0) return 'The service could not be reached. Check the connection and try again.';
  const p = problem || {};
  const head = p.title || `Request failed (${status})`;
  const detail = p.detail && p.detail !== p.title ? `: ${p.detail}` : '';
  return `${head}${detail}`;
}

let onUnauthorized = () => {};
export function whenUnauthorized(fn) { onUnauthorized = fn; }

/**
 * Calls the API. Returns {status, etag, data}; throws ApiError for any status >= 400. A 401 clears the
 * session and sends the app back to sign-in with a message.
 */
export async function api(method, path, { body, headers = {}, raw = false, contentType } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (session.token) h.Authorization = `Bearer ${session.token}`;
  let payload;
  if (body instanceof FormData) {
    payload = body; // multipart: the browser writes the Content-Type with its boundary
  } else if (body instanceof Blob) {
    payload = body;
    h['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = contentType || 'application/json';
  }
  let res;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers: h, body: payload });
  } catch {
    throw new ApiError(0, null);
  }
  if (res.status === 401) {
    session.clear();
    session.message = 'Your session has ended or the token was not accepted. Please sign in again.';
    onUnauthorized();
    throw new ApiError(401, { title: 'Not signed in' });
  }
  if (res.status >= 400) {
    let problem = null;
    try { problem = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, problem);
  }
  if (raw) return { status: res.status, etag: res.headers.get('ETag'), blob: await res.blob() };
  const text = await res.text();
  return {
    status: res.status, etag: res.headers.get('ETag'), location: res.headers.get('Location'),
    data: text ? JSON.parse(text) : null,
  };
}

export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

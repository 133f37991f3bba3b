// The API layer: the client generated from the OpenAPI document (src/main/webui/generated/api, written by
// .ci/generate-client.sh) with one Configuration: same origin, the bearer token from the session (kept in
// sessionStorage, never localStorage, never a URL), an Idempotency-Key on every POST, problem+json turned into
// ApiError (words and field errors), a 401 back to sign-in. Only the APIs the app uses are imported (tree-shaken).
import { Configuration } from '../generated/api/runtime';
import { ActionsApi } from '../generated/api/apis/ActionsApi';
import { CaptureApi } from '../generated/api/apis/CaptureApi';
import { ContactsApi } from '../generated/api/apis/ContactsApi';
import { ImportAndExportApi } from '../generated/api/apis/ImportAndExportApi';
import { InteractionsApi } from '../generated/api/apis/InteractionsApi';
import { NetworkApi } from '../generated/api/apis/NetworkApi';
import { ScoresApi } from '../generated/api/apis/ScoresApi';
import { SettingsApi } from '../generated/api/apis/SettingsApi';

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

export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const hasHeader = (headers, name) => Object.keys(headers || {}).some((k) => k.toLowerCase() === name.toLowerCase());

/** Every POST carries an Idempotency-Key (one per request; the generated methods may already have set it). */
const idempotency = {
  pre({ url, init }) {
    if ((init.method || 'GET').toUpperCase() !== 'POST' || hasHeader(init.headers, 'Idempotency-Key')) return undefined;
    return { url, init: { ...init, headers: { ...init.headers, 'Idempotency-Key': idempotencyKey() } } };
  },
};

/** Any status >= 400 becomes an ApiError; a 401 also clears the session and returns to sign-in. */
const problems = {
  async post({ response }) {
    if (response.status === 401) {
      session.clear();
      session.message = 'Your session has ended or the token was not accepted. Please sign in again.';
      onUnauthorized();
      throw new ApiError(401, { title: 'Not signed in' });
    }
    if (response.status >= 400) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      throw new ApiError(response.status, problem);
    }
    return undefined;
  },
  onError() { throw new ApiError(0, null); }, // the network failed: no response at all
};

const config = new Configuration({
  basePath: '', // same origin: the operations' paths already start with /api/v1
  accessToken: async () => session.token || '',
  headers: { Accept: 'application/json, application/problem+json' },
  middleware: [idempotency, problems],
});

export const actionsApi = new ActionsApi(config);
export const captureApi = new CaptureApi(config);
export const contactsApi = new ContactsApi(config);
export const importsApi = new ImportAndExportApi(config);
export const interactionsApi = new InteractionsApi(config);
export const networkApi = new NetworkApi(config);
export const scoresApi = new ScoresApi(config);
export const settingsApi = new SettingsApi(config);

/**
 * Awaits a generated `…Raw` call and answers {status, etag, location, data}: data is the API's JSON as sent (every
 * number and date exactly as the API wrote it), null for an empty body.
 */
export async function call(pending) {
  const res = (await pending).raw;
  const text = await res.text();
  return {
    status: res.status, etag: res.headers.get('ETag'), location: res.headers.get('Location'),
    data: text ? JSON.parse(text) : null,
  };
}

/** Like call, for a download: {status, etag, blob}. */
export async function download(pending) {
  const res = (await pending).raw;
  return { status: res.status, etag: res.headers.get('ETag'), blob: await res.blob() };
}

const IMPORTS = {
  linkedin: [importsApi, 'importLinkedInRaw', 'connections'],
  'linkedin-zip': [importsApi, 'importLinkedInRaw', 'connections'],
  google: [importsApi, 'importGoogleRaw', 'file'],
  vcard: [importsApi, 'importVCardRaw', 'file'],
  calendar: [captureApi, 'importCalendarRaw', 'file'],
  mail: [captureApi, 'importMailRaw', 'file'],
  whatsapp: [captureApi, 'importWhatsAppRaw', 'file'],
  telegram: [captureApi, 'importTelegramRaw', 'file'],
};

/**
 * Runs an import or a capture (a key of IMPORTS). With messages (LinkedIn only) the files go as one multipart upload
 * (parts connections and messages); a single file is sent as it is, with its own media type (text/csv, text/vcard,
 * text/calendar, application/mbox, application/zip, …).
 */
export function importFile(kind, params, file, messages, type) {
  const [api, method, part] = IMPORTS[kind];
  if (messages) return api[method]({ ...params, [part]: file, messages });
  return api[method]({ ...params, [part]: file }, async ({ init }) => ({
    body: file, headers: { ...init.headers, 'Content-Type': type },
  }));
}

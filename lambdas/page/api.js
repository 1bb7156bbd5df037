// The chirp API as the page uses it. Every failure becomes an ApiError with a message fit to show a person.

export class ApiError extends Error {
  /**
   * @param status the HTTP status, or null when no answer came (the network)
   * @param retryAfterSeconds how long the service asked to be left alone (Retry-After on a 429 or 503), else null
   */
  constructor(message, status = null, retryAfterSeconds = null) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whether the same request may be sent again: no answer, a refusal for now (429, 503) or the gateway's 502/504. */
  get worthRetrying() {
    return this.status === null || [429, 502, 503, 504].includes(this.status);
  }

  /** Whether a write may have happened all the same: no answer, or one that came after the function may have run. */
  get mayHaveBeenDone() {
    return this.status === null || [502, 503, 504].includes(this.status);
  }
}

/** The API refused the sign-in (none, or expired): the person must sign in (again). */
export class SignInNeeded extends ApiError {}

let settings = null;

/** config.json: the API's base URL (empty: this page's own origin) and where to sign in. */
export async function config() {
  if (settings === null) {
    const response = await fetch('config.json', { cache: 'no-store' });
    if (!response.ok) throw new ApiError(`The page's configuration could not be loaded (HTTP ${response.status}).`, response.status);
    settings = await response.json();
  }
  return settings;
}

async function apiBase() {
  return new URL((await config()).apiBaseUrl || '/', location.href);
}

async function call(path, options = {}) {
  const url = new URL(path, await apiBase());
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', ...options });
  } catch {
    throw new ApiError('The chirp service could not be reached. Check your connection and try again.');
  }
  const body = await response.json().catch(() => null);
  if (response.status === 401) throw new SignInNeeded(body?.detail || 'Sign in to do this.', 401);
  if (!response.ok) throw new ApiError(describe(response, body), response.status, retryAfter(response));
  return { body, next: nextLink(response, url) };
}

/** Retry-After in seconds, the form this API sends; a date or anything else counts as not said. */
function retryAfter(response) {
  const value = response.headers.get('Retry-After');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

function describe(response, problem) {
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    return problem.errors.map((error) => `${error.field} ${error.message}`).join('; ') + '.';
  }
  if (problem && problem.detail) return problem.detail;
  return `The chirp service answered HTTP ${response.status}.`;
}

function nextLink(response, url) {
  const match = /<([^>]*)>\s*;\s*rel="next"/.exec(response.headers.get('Link') || '');
  return match ? new URL(match[1], url).href : null;
}

export function listChirps(userId) {
  const query = new URLSearchParams({ limit: '20' });
  if (userId) query.set('userId', userId);
  return call(`chirp?${query}`);
}

export function nextPage(url) {
  return call(url);
}

/**
 * JSON with U+FFFD escaped: the API refuses the raw character, which is all that is left of bytes that were not UTF-8,
 * and accepts it escaped.
 */
const jsonOf = (value) => JSON.stringify(value).replace(/\uFFFD/g, '\\ufffd');

/** Posts under the handle of the ID token's person; the body's userId, when given, must be that handle. */
export async function postChirp(idToken, text, userId) {
  const headers = { 'Content-Type': 'application/json' };
  if (idToken) headers.Authorization = `Bearer ${idToken}`;
  const { body } = await call('chirp', {
    method: 'POST',
    headers,
    body: jsonOf(userId === undefined ? { text } : { userId, text }),
  });
  return body;
}

/**
 * One visit, counted once however often it is sent: a try whose answer did not come (the network, a 503) is sent once
 * more with the same Idempotency-Key, after what Retry-After asks (a second if nothing, at most ten), and the counter
 * answers it with the value it counted the first time.
 */
export async function countVisit() {
  const headers = globalThis.crypto?.randomUUID ? { 'Idempotency-Key': crypto.randomUUID() } : {};
  const visit = () => call('counters/cloud-resume', { method: 'POST', headers });
  try {
    return (await visit()).body.value;
  } catch (error) {
    if (!headers['Idempotency-Key'] || !(error instanceof ApiError) || !error.worthRetrying) throw error;
    await new Promise((waited) => setTimeout(waited, 1000 * Math.min(error.retryAfterSeconds ?? 1, 10)));
    return (await visit()).body.value;
  }
}

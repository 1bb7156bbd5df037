// Sign-in for the page: OpenID Connect authorization code with PKCE against the issuer named in config.json (the
// Cognito managed login on AWS, the local issuer on the local stack). The ID token is kept in sessionStorage, so it
// ends with the tab; nothing is sent anywhere but the issuer and the API. No refresh token is kept: once the ID token
// has expired (or the API refuses it) the person is sent to sign in again.

import { ApiError, config } from './api.js';

const TOKEN_KEY = 'chirps.idToken';
const FLOW_KEY = 'chirps.signIn';
const REFUSED_KEY = 'chirps.refusedToken';
const RECEIVED_KEY = 'chirps.idTokenReceived';

/** A sign-in that did not complete, said in words for the person (an ApiError, so the page shows its message). */
export class SignInFailed extends ApiError {}

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (size) => base64url(crypto.getRandomValues(new Uint8Array(size)));

function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return null;
  }
}

/**
 * The redirect URI registered with the app client: the site's root (Terraform registers each of site_origins + "/",
 * the local stack its page's root), whatever path the page was opened under (/, /index.html); where the person was comes back
 * through the flow's `back`.
 */
function redirectUri() {
  return `${location.origin}/`;
}

/** Where the person was when they left to sign in: a path and query on this origin, or the root. */
function landingOf(back) {
  const url = new URL(typeof back === 'string' && back ? back : '/', location.origin);
  return url.origin === location.origin ? url.pathname + url.search : '/';
}

/** Whether this deployment offers sign-in at all (config.json names an issuer). */
export async function available() {
  const settings = await config();
  return Boolean(settings.authorizationEndpoint && settings.clientId);
}

/**
 * The signed-in person ({ handle, token, expired }), or null when nobody is. The handle is the ID token's
 * cognito:username; expired when the token's exp has passed or the API refused it.
 */
export function current() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token && claimsOf(token);
  if (!claims || !claims['cognito:username']) return null;
  const expired = expiresAt(token, claims) <= Date.now() || sessionStorage.getItem(REFUSED_KEY) === token;
  return { handle: claims['cognito:username'], token, expired };
}

/**
 * When the token runs out by this browser's own clock: its lifetime (exp - iat) after this page received it, so that
 * a clock set wrong does not make every fresh token look expired and lock the person out. A token the page did not
 * receive itself falls back to its exp; the API has the last word either way (a 401 is expire()).
 */
function expiresAt(token, claims) {
  const received = JSON.parse(sessionStorage.getItem(RECEIVED_KEY) || 'null');
  if (received?.token === token && typeof claims.iat === 'number' && typeof claims.exp === 'number') {
    return received.at + (claims.exp - claims.iat) * 1000;
  }
  return typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity;
}

/** The API refused the token: it is kept only to say whose it was, and counts as expired. */
export function expire() {
  const person = current();
  if (person) sessionStorage.setItem(REFUSED_KEY, person.token);
}

/** Leaves for the issuer's sign-in page; the caller keeps whatever must survive the round trip (the draft). */
export async function signIn() {
  const settings = await config();
  const verifier = random(32);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({ verifier, state, back: location.pathname + location.search }));
  const url = new URL(settings.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  location.assign(url.href);
}

/** Forgets the token; where the issuer has a logout endpoint (Cognito), its session ends there too. */
export async function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFUSED_KEY);
  sessionStorage.removeItem(RECEIVED_KEY);
  const settings = await config();
  if (settings.logoutEndpoint) {
    const url = new URL(settings.logoutEndpoint);
    url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: redirectUri() });
    location.assign(url.href);
  }
}

/**
 * On the way back from the issuer: trades the code for tokens, then removes code and state from the address. Answers
 * true once signed in so; on any other visit, nothing.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return;
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
  sessionStorage.removeItem(FLOW_KEY);
  history.replaceState(history.state, '', landingOf(flow?.back));
  // The state first: an issuer's error text is shown only for this page's own attempt, so that a crafted link cannot
  // make the site display words of someone else's choosing.
  if (!flow || flow.state !== query.get('state')) throw new SignInFailed('Sign-in was not completed: this answer belongs to another attempt. Sign in again.');
  if (query.has('error')) throw new SignInFailed(`Sign-in was not completed: ${query.get('error_description') || query.get('error')}.`);
  const settings = await config();
  // fetch rejects only when no answer came (the network, the issuer down): a sign-in failure, not the page's own.
  const response = await fetch(settings.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), client_id: settings.clientId,
      redirect_uri: redirectUri(), code_verifier: flow.verifier,
    }),
  }).catch(() => {
    throw new SignInFailed('Sign-in was not completed: the sign-in service could not be reached. Sign in again.');
  });
  const tokens = await response.json().catch(() => null);
  if (!response.ok || !tokens?.id_token) throw new SignInFailed(`Sign-in was not completed: the issuer answered HTTP ${response.status}.`);
  sessionStorage.setItem(TOKEN_KEY, tokens.id_token);
  sessionStorage.setItem(RECEIVED_KEY, JSON.stringify({ token: tokens.id_token, at: Date.now() }));
  sessionStorage.removeItem(REFUSED_KEY);
  return true;
}

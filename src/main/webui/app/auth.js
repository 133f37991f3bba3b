// OpenID Connect sign-in (Authorization Code with PKCE S256) when the service names a public client at
// GET /ui/config; oidc-client-ts runs the flow. Tokens stay in sessionStorage (the library's user and state
// stores, and the API layer's copy of the access token): never localStorage, never a URL, never logged.
import { UserManager, WebStorageStateStore } from '../lib/oidc-client-ts/oidc-client-ts.js';
import { session } from './api.js';

let manager = null;
let onEnded = () => {};

/** The OpenID Connect settings, or null when the app signs in with a pasted token. */
export const oidc = { config: null };

/** Called when the session ends by itself (renewal failed, token expired): the app shows sign-in. */
export function whenSessionEnds(fn) { onEnded = fn; }

/** Reads the service's sign-in settings; without them (or when unreachable) the token box is used. */
export async function loadSignInConfig() {
  try {
    const res = await fetch('/ui/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    const c = (await res.json()).oidc;
    if (c && c.authority && c.clientId) setup(c);
  } catch { /* no settings: token sign-in */ }
}

function setup(c) {
  oidc.config = c;
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  manager = new UserManager({
    authority: c.authority,
    client_id: c.clientId,
    scope: c.scope || 'openid',
    response_type: 'code', // Authorization Code; oidc-client-ts always adds PKCE with S256
    redirect_uri: `${location.origin}/`,
    post_logout_redirect_uri: `${location.origin}/`,
    userStore: store,
    stateStore: store,
    automaticSilentRenew: true, // with the refresh token, before the access token expires
    monitorSession: false, // no check-session iframe (the page may not frame anything)
    loadUserInfo: false,
  });
  manager.events.addUserLoaded((user) => session.set(user.access_token));
  manager.events.addSilentRenewError(() => end('Your session could not be renewed. Please sign in again.'));
  manager.events.addAccessTokenExpired(() => end('Your session has expired. Please sign in again.'));
}

async function end(message) {
  session.clear();
  session.message = message;
  try { await manager.removeUser(); } catch { /* already gone */ }
  onEnded();
}

/**
 * At start: completes a sign-in that comes back from the issuer (then removes code and state from the address
 * bar), or takes up a session still in this tab. Returns when the app knows whether it is signed in.
 */
export async function resumeSession() {
  if (!manager) return;
  const params = new URLSearchParams(location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    try {
      const user = await manager.signinCallback();
      if (user) session.set(user.access_token);
      session.message = '';
    } catch (e) {
      session.clear();
      session.message = `Sign-in did not complete: ${e.message || e}. Please try again.`;
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.hash || '#/network'}`);
    }
    return;
  }
  if (params.has('state')) { // back from the issuer's sign-out
    try { await manager.signoutCallback(); } catch { /* nothing to complete */ }
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
  }
  const user = await manager.getUser();
  if (user && !user.expired) session.set(user.access_token);
  else if (user) await manager.removeUser();
}

/** Sends the browser to the issuer's sign-in page. */
export function signInWithProvider() {
  session.message = '';
  return manager.signinRedirect();
}

/** Ends the session here and at the issuer (its end_session endpoint), then comes back to sign-in. */
export async function signOutEverywhere() {
  session.clear();
  const user = await manager.getUser();
  if (!user) return false;
  await manager.signoutRedirect({ id_token_hint: user.id_token });
  return true;
}

/** A 401 from the API: the provider's session in this tab is dropped too. */
export function forget() {
  if (manager) manager.removeUser().catch(() => {});
}

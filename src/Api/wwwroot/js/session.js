// Who is signed in. The token lives in sessionStorage: it survives a reload, and two tabs can be two people.
import { byId, el, show } from './dom.js';

const TokenKey = 'astegni-chat.token';
const NameKey = 'astegni-chat.name';

/** The user id and expiry a JWT carries (its payload is base64url JSON; the server checks the signature). */
export function readToken(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
    const userId = Number.parseInt(claims.sub, 10);
    if (!Number.isInteger(userId) || userId <= 0) return null;
    if (claims.exp && claims.exp * 1000 <= Date.now()) return null;
    return { userId, expiresAt: claims.exp ? new Date(claims.exp * 1000) : null };
  } catch {
    return null;
  }
}

export function currentSession() {
  const token = sessionStorage.getItem(TokenKey);
  const claims = token && readToken(token);
  return claims ? { token, userId: claims.userId, name: sessionStorage.getItem(NameKey) } : null;
}

export function signOut(reason) {
  sessionStorage.removeItem(TokenKey);
  sessionStorage.removeItem(NameKey);
  if (reason) sessionStorage.setItem('astegni-chat.signout-reason', reason);
  location.reload();
}

function remember(token, name) {
  sessionStorage.setItem(TokenKey, token);
  if (name) sessionStorage.setItem(NameKey, name);
  else sessionStorage.removeItem(NameKey);
}

/**
 * Shows the sign-in screen and resolves once somebody signed in. In Development the service lists its demo
 * users with tokens (GET /api/dev/tokens, which exists only there); everywhere a token can be pasted.
 */
export function signIn() {
  const screen = byId('signin');
  const error = byId('signin-error');
  const reason = sessionStorage.getItem('astegni-chat.signout-reason');
  sessionStorage.removeItem('astegni-chat.signout-reason');
  error.textContent = reason ?? '';
  show(error, Boolean(reason));
  show(screen, true);

  return new Promise(resolve => {
    const finish = (token, name) => {
      const claims = readToken(token);
      if (!claims) {
        error.textContent = 'This token is not valid or has expired.';
        show(error, true);
        return;
      }
      remember(token, name);
      show(screen, false);
      resolve({ token, userId: claims.userId, name });
    };

    byId('token-form').addEventListener('submit', event => {
      event.preventDefault();
      finish(byId('token-input').value.trim(), null);
    });

    listDemoUsers().then(users => {
      if (users.length === 0) return;
      byId('demo-user-list').replaceChildren(...users.map(user => el('li', {},
        el('button', {
          type: 'button',
          class: 'demo-user',
          dataset: { testid: 'demo-user', userId: user.user_id },
          onclick: () => finish(user.token, user.name),
        }, el('strong', {}, user.name), el('span', {}, user.email)))));
      show(byId('demo-users'), true);
    });
  });
}

async function listDemoUsers() {
  try {
    const response = await fetch('/api/dev/tokens');
    return response.ok ? (await response.json()).users : [];
  } catch {
    return [];
  }
}

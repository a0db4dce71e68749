/** The session token lives in sessionStorage: it survives a reload but not closing the window. */
const KEY = 'dd.token';

export function getToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function setToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be unavailable (privacy mode); the session then lasts only until reload.
  }
}

/// <reference lib="dom" />
/**
 * The viewer token (API.md, "Page"): one the mini-program passes in the
 * fragment (#viewerToken=…, never sent to a server; kept, and removed from the
 * address bar), else the stored one, else the dev login
 * (POST /v1/dev/viewer-token, enabled only on local and demo set-ups).
 */
import { KEY_VIEWER_TOKEN, store } from './store.js';

export async function obtainViewerToken(forceNew: boolean): Promise<string | null> {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('viewerToken');
  if (fromHash) {
    store.set(KEY_VIEWER_TOKEN, fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  if (!forceNew) {
    const stored = store.get(KEY_VIEWER_TOKEN);
    if (stored) return stored;
  }
  const res = await fetch('/v1/dev/viewer-token', {
    method: 'POST',
    headers: { accept: 'application/json' },
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!res.ok) return null;
  const body: unknown = await res.json().catch(() => null);
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== 'string') return null;
  store.set(KEY_VIEWER_TOKEN, token);
  return token;
}

/** Forgets a token the API refused, so that the next one is a new login. */
export function forgetViewerToken(): void {
  store.remove(KEY_VIEWER_TOKEN);
}

/** The share token of the page's own path (/s/{token}); null when the path cannot hold one. */
export function shareTokenOf(pathname: string): string | null {
  const parts = pathname.split('/');
  let token = '';
  try {
    token = parts[1] === 's' && parts.length === 3 ? decodeURIComponent(parts[2] ?? '') : '';
  } catch {
    return null;
  }
  return /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null;
}

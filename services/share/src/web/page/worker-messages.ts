/**
 * X8: what the family page and its service worker (../sw.ts) share. The page,
 * when it subscribes to Web Push, tells the worker which page belongs to
 * which share (a push knows the share, never its token); the worker keeps
 * that in Cache Storage, shows each push as a notification and, on a click,
 * brings up that page. Pure: no DOM and no worker globals, so that both
 * bundles hold it and it is tested on its own.
 */

/** Where the worker is served, and the pages it serves: every family page, /s/{token}. */
export const WORKER_URL = '/s/sw.js';
export const WORKER_SCOPE = '/s/';
/** The Cache Storage cache in which the worker keeps each share's page URL. */
export const PAGES_CACHE = 'family-pages-v1';

/** The page's message to the worker: the page of this share is this URL. */
export interface PageMessage {
  type: 'family-page';
  shareId: string;
  pageUrl: string;
}

/** The notifier's Web Push message, decrypted: `url` is `<base>/s/?share=<shareId>`. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
}

/** What a click on a notification does: focus one of the open windows (by index), or open a page. */
export type ClickTarget = { focus: number } | { open: string };

const SHARE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_PATH = /^\/s\/[A-Za-z0-9_-]{16,128}$/;
const DEFAULT_TITLE = '平安守望';
const MAX_TEXT = 1000;

const text = (v: unknown, max = MAX_TEXT): string => (typeof v === 'string' ? v.slice(0, max) : '');

function urlIn(origin: string, href: string): URL | null {
  try {
    const url = new URL(href, origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/** The Cache Storage key of a share's page (a URL of the worker's own, never fetched). */
export function pageKey(shareId: string): string {
  return `${WORKER_SCOPE}sw-pages?share=${encodeURIComponent(shareId)}`;
}

/** A family page of this origin (/s/{token}), without query or fragment; null for anything else. */
export function familyPageUrl(href: string, origin: string): string | null {
  const url = urlIn(origin, href);
  return url && PAGE_PATH.test(url.pathname) ? `${url.origin}${url.pathname}` : null;
}

/** The page's message, checked: a share id and a family page of the worker's origin; else null. */
export function pageMessageOf(data: unknown, origin: string): PageMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, shareId, pageUrl } = data as Record<string, unknown>;
  if (type !== 'family-page' || typeof shareId !== 'string' || !SHARE_ID.test(shareId)) return null;
  const page = typeof pageUrl === 'string' ? familyPageUrl(pageUrl, origin) : null;
  return page ? { type, shareId, pageUrl: page } : null;
}

/** The share a push message's `url` names (`?share=`), or null. */
export function shareIdOf(href: string, origin: string): string | null {
  const id = urlIn(origin, href)?.searchParams.get('share') ?? null;
  return id && SHARE_ID.test(id) ? id : null;
}

/**
 * A push message's payload as something to show: its title, body and a URL of
 * this origin. A payload that is not the notifier's JSON still shows (a push
 * must be shown), with the service's name and the family pages' root.
 */
export function pushPayloadOf(data: string | null, origin: string): PushPayload {
  let parsed: unknown = null;
  try {
    parsed = data ? JSON.parse(data) : null;
  } catch {
    parsed = null;
  }
  const p = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const href = text(p.url, 2048);
  const url = href ? urlIn(origin, href) : null;
  return {
    title: text(p.title, 200) || DEFAULT_TITLE,
    body: text(p.body) || (parsed === null ? text(data) : ''),
    url: url ? url.href : `${origin}${WORKER_SCOPE}`,
  };
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable name for a text. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The notification's tag: the same message again (a resent push) replaces the
 * one shown instead of showing twice; another event (its own words and time)
 * shows beside it.
 */
export function notificationTag(p: PushPayload, origin: string): string {
  return `${shareIdOf(p.url, origin) ?? 'safe-watch'}:${fnv1a(`${p.title}\n${p.body}`)}`;
}

/**
 * What a click on a notification brings up: the share's own page when it is
 * open (else that page, opened), and without a stored page any family page
 * that is open, else the push's URL.
 */
export function clickTarget(
  windows: readonly string[],
  storedPage: string | null,
  pushUrl: string,
  origin: string,
): ClickTarget {
  const pages = windows.map((w) => familyPageUrl(w, origin));
  if (storedPage) {
    const i = pages.indexOf(storedPage);
    return i >= 0 ? { focus: i } : { open: storedPage };
  }
  const i = pages.findIndex((p) => p !== null);
  return i >= 0 ? { focus: i } : { open: pushUrl };
}

/// <reference lib="dom" />
/**
 * X8: the family page's service worker, bundled into dist/web/sw.js
 * (scripts/build-page.ts) and served at /s/sw.js, scope /s/ (web.routes.ts).
 * The page registers it when the viewer turns notifications on.
 *
 * - `message`: the page, having subscribed, says which page is its share's
 *   ({ shareId, pageUrl }); kept in Cache Storage, since a push names the
 *   share (`url` = <base>/s/?share=<shareId>), never its token.
 * - `push`: the notifier's { title, body, url } shown as a notification,
 *   tagged so that the same message resent replaces the one shown.
 * - `notificationclick`: brings up the share's page: focused when open, else
 *   opened; without a stored page any open family page, else `url`.
 *
 * It fetches nothing and caches no page: the page stays online-only.
 */
import {
  clickTarget,
  familyPageUrl,
  notificationTag,
  PAGES_CACHE,
  type PageMessage,
  pageKey,
  pageMessageOf,
  pushPayloadOf,
  shareIdOf,
} from './page/worker-messages.js';

// The little of the service worker scope this worker uses (the project compiles with lib "dom" only).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { text(): string } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly origin: string;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
}
interface ServiceWorkerScope {
  readonly location: { readonly origin: string };
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
declare const self: ServiceWorkerScope;

const origin = self.location.origin;

async function rememberPage(m: PageMessage): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(pageKey(m.shareId), new Response(m.pageUrl, { headers: { 'content-type': 'text/plain' } }));
}

async function storedPage(shareId: string | null): Promise<string | null> {
  if (!shareId) return null;
  try {
    const found = await (await caches.open(PAGES_CACHE)).match(pageKey(shareId));
    return found ? familyPageUrl(await found.text(), origin) : null;
  } catch {
    return null;
  }
}

async function bringUp(pushUrl: string): Promise<void> {
  const page = await storedPage(shareIdOf(pushUrl, origin));
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const target = clickTarget(
    windows.map((w) => w.url),
    page,
    pushUrl,
    origin,
  );
  if ('open' in target) await self.clients.openWindow(target.open);
  else await windows[target.focus]?.focus();
}

// A new worker replaces the old one at once: it holds no state but the pages' cache.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const m = event.origin === origin ? pageMessageOf(event.data, origin) : null;
  if (m) event.waitUntil(rememberPage(m));
});

self.addEventListener('push', (event) => {
  const p = pushPayloadOf(event.data?.text() ?? null, origin);
  event.waitUntil(
    self.registration.showNotification(p.title, {
      body: p.body,
      tag: notificationTag(p, origin),
      lang: 'zh-CN',
      data: { url: p.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = typeof data?.url === 'string' ? data.url : pushPayloadOf(null, origin).url;
  event.waitUntil(bringUp(url));
});

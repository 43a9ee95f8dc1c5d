/// <reference lib="dom" />
/**
 * X8: this browser's Web Push subscription for the family page: notification
 * permission, the service worker (/s/sw.js, scope /s/), the push
 * subscription with the service's VAPID key, and telling the worker which
 * page is the share's. One subscription serves every family page of this
 * browser, so turning one share's notifications off leaves it in place.
 */
import type { WebPushOptIn } from '../../domain/notify.schema.js';
import type { NotifyProblem } from './wording/notify.js';
import { type PageMessage, WORKER_SCOPE, WORKER_URL } from './worker-messages.js';

export type PushSubscriptionBody = WebPushOptIn['subscription'];

export type SubscribeOutcome =
  | { kind: 'subscribed'; subscription: PushSubscriptionBody }
  | { kind: 'problem'; problem: Exclude<NotifyProblem, 'saveFailed'> };

/** How long the worker may take to install and activate. */
const WORKER_READY_MS = 15_000;

/** The bytes of a base64url string (padded or not), e.g. a VAPID public key; throws on other characters. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const bare = value.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(bare) || bare.length % 4 === 1) throw new Error('not base64url');
  const binary = atob(
    bare
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(bare.length / 4) * 4, '='),
  );
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether this browser can receive Web Push at all (the mini-program's web view cannot). */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && typeof window.PushManager === 'function' && 'Notification' in window;
}

const problem = (p: Exclude<NotifyProblem, 'saveFailed'>): SubscribeOutcome => ({
  kind: 'problem',
  problem: p,
});

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (v) => {
        window.clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        window.clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/**
 * Asks for notification permission (the click that calls this is the user's
 * gesture), registers the worker, subscribes with the service's key and tells
 * the worker the share's page. A subscription made with another key (the
 * service's key changed) is replaced.
 */
export async function subscribeToPush(vapidPublicKey: string, page: PageMessage): Promise<SubscribeOutcome> {
  if (!pushSupported()) return problem('unsupported');
  let permission: NotificationPermission;
  try {
    permission = await Notification.requestPermission();
  } catch {
    return problem('unsupported');
  }
  if (permission !== 'granted') return problem('denied');
  try {
    const key = base64UrlToBytes(vapidPublicKey);
    await navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE });
    const registration = await within(navigator.serviceWorker.ready, WORKER_READY_MS);
    const existing = await registration.pushManager.getSubscription().catch(() => null);
    if (existing && !sameKey(existing.options.applicationServerKey, key)) await existing.unsubscribe();
    const sub = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
    registration.active?.postMessage(page);
    const { endpoint, expirationTime, keys } = sub.toJSON();
    if (!endpoint || !keys?.p256dh || !keys.auth) return problem('failed');
    return {
      kind: 'subscribed',
      subscription: {
        endpoint,
        expirationTime: expirationTime ?? null,
        keys: { p256dh: keys.p256dh, auth: keys.auth },
      },
    };
  } catch (err) {
    console.warn('push subscription failed', err);
    return problem('failed');
  }
}

/** Tells an already registered worker the share's page again (a new page URL, a cleared cache). */
export async function tellWorker(page: PageMessage): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration(WORKER_SCOPE).catch(() => undefined);
  registration?.active?.postMessage(page);
}

/// <reference lib="dom" />
/**
 * X8 on the family page, in real headless Chromium against the real share
 * service: the 家人提醒 section, Web Push opt-in and opt-out stored by the
 * service, the service worker registered under the page's CSP, and the plain
 * words when the browser cannot. Headless Chromium has no push service, so
 * PushManager.prototype.subscribe alone is replaced (init script) by one
 * resolving a subscription with keys made here; the worker is real, and so
 * are its push events (DevTools' ServiceWorker.deliverPushMessage).
 * Screenshots: test-results/share-page/notify-*.png (a 390×844 phone).
 */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { getInfra } from '@safewatch/testkit';
import type { Browser, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../scripts/build-page.js';
import { generateVapidKeys } from '../src/adapters/webpush.sender.js';
import type { NotificationChoices } from '../src/domain/notify.schema.js';
import { type Binding, bearer, type ShareEnv, shareLink, startShare } from './helpers.js';
import { launchChromium, type PhonePage, phonePage, waitText } from './page/browser.js';

const infra = getInfra();
const vapid = generateVapidKeys();
let e: ShareEnv;
let base: string;
let browser: Browser;
let phone: PhonePage | undefined;

/** One driver and truck per case: each case's browser is a new viewer, who needs a link of his own. */
const BINDINGS: Binding[] = Array.from({ length: 6 }, (_, i) => [
  `driver-notify-${i}`,
  randomUUID(),
  `鲁N7000${i}`,
]);
let nextBinding = 0;

const KIND_LABELS = ['疲劳预警（连续驾驶 3 小时 30 分）', '疲劳驾驶', '超速', '离线 30 分钟'];

/** A subscription as a browser's push service would give: a P-256 key, a 16-byte secret, a local endpoint. */
function fakeSubscription() {
  const ecdh = createECDH('prime256v1');
  return {
    endpoint: `http://127.0.0.1:${new URL(base).port}/push/1`,
    p256dh: ecdh.generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}
type FakeSubscription = ReturnType<typeof fakeSubscription>;

declare global {
  interface Window {
    /** The applicationServerKey each subscribe() was given, as bytes. */
    subscribeKeys?: number[][];
  }
}

/** Runs in the page before its scripts: subscribe() resolves `sub` and notes the key it was given. */
function stubSubscribe(sub: FakeSubscription): void {
  window.subscribeKeys = [];
  PushManager.prototype.subscribe = async function subscribe(options?: PushSubscriptionOptionsInit) {
    const key = options?.applicationServerKey;
    const bytes = typeof key === 'string' || !key ? [] : Array.from(new Uint8Array(key as ArrayBuffer));
    window.subscribeKeys?.push(bytes);
    const json = {
      endpoint: sub.endpoint,
      expirationTime: null,
      keys: { p256dh: sub.p256dh, auth: sub.auth },
    };
    return {
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { applicationServerKey: new Uint8Array(bytes).buffer, userVisibleOnly: true },
      getKey: () => null,
      toJSON: () => json,
      unsubscribe: async () => true,
    } as unknown as PushSubscription;
  };
}

interface Opened {
  p: PhonePage;
  token: string;
  shareId: string;
  sub: FakeSubscription;
}

/** A new link, and a phone (notifications allowed unless `deny`) that opens it. */
async function openShare(
  opts: { deny?: boolean; noPush?: boolean; large?: boolean; stub?: boolean } = {},
): Promise<Opened> {
  const binding = BINDINGS[nextBinding++];
  if (!binding) throw new Error('no binding left for another case');
  const { token, shareId } = await shareLink(e, binding, '7d');
  const p = await phonePage(browser);
  phone = p;
  if (!opts.deny) await p.context.grantPermissions(['notifications'], { origin: base });
  const sub = fakeSubscription();
  if (opts.stub !== false) await p.context.addInitScript(stubSubscribe, sub);
  if (opts.noPush)
    await p.context.addInitScript(() => {
      delete (window as { PushManager?: unknown }).PushManager;
    });
  if (opts.large) await p.context.addInitScript(() => window.localStorage.setItem('sw.largeText', '1'));
  await p.page.goto(`${base}/s/${token}`);
  await waitText(p.page, '#plate', binding[2]);
  return { p, token, shareId, sub };
}

/** 开启提醒 with the kinds ticked at first. */
async function turnOn(o: Opened): Promise<void> {
  await waitText(o.p.page, '#notify-primary', '开启提醒');
  await o.p.page.locator('#notify-primary').click();
  await waitText(o.p.page, '#notify-status', '已开启提醒');
}

/** GET …/notifications as the page's viewer (the token the page keeps). */
async function choices(o: Opened): Promise<NotificationChoices> {
  const viewerToken = await o.p.page.evaluate(() => window.localStorage.getItem('sw.viewerToken'));
  const r = await e.app.server.inject({
    method: 'GET',
    url: `/v1/shares/${o.token}/notifications`,
    headers: bearer(viewerToken ?? ''),
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function storedConsents(shareId: string) {
  const kinds = await e.app.deps.pool.query<{ kind: string }>(
    "SELECT kind FROM notify_consents WHERE share_id = $1 AND channel = 'WEB_PUSH' ORDER BY kind",
    [shareId],
  );
  const endpoint = await e.app.deps.pool.query<{ address: { endpoint: string; keys: object } }>(
    "SELECT address FROM notify_endpoints WHERE share_id = $1 AND channel = 'WEB_PUSH'",
    [shareId],
  );
  return { kinds: kinds.rows.map((r) => r.kind), address: endpoint.rows[0]?.address ?? null };
}

const kindBox = (o: Opened, kind: string) => o.p.page.locator(`#notify-kinds input[value="${kind}"]`);

async function labels(o: Opened): Promise<string[]> {
  return o.p.page.locator('#notify-kinds label').allTextContents();
}

/** test-results/share-page/notify-<state>.png: the phone's screen, scrolled to the section. */
async function shot(o: Opened, state: string): Promise<void> {
  await o.p.page.evaluate(() => document.getElementById('notify')?.scrollIntoView({ block: 'end' }));
  await o.p.screenshot(`notify-${state}`, { fullPage: false });
}

/** The worker of the page's origin, once it runs. */
async function serviceWorker(o: Opened): Promise<Worker> {
  const running = o.p.context.serviceWorkers();
  return running[0] ?? (await o.p.context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

beforeAll(async () => {
  await buildPage(); // the page and worker of the current sources, not an older bundle
  e = await startShare('page-notify', infra, {
    env: {
      SHARE_DEV_VIEWER_LOGIN: 'true',
      SHARE_VAPID_PUBLIC_KEY: vapid.publicKey,
      SHARE_PUSH_ALLOW_LOCAL: 'true',
    },
  });
  base = await e.app.server.listen({ host: '127.0.0.1', port: 0 });
  await e.bind(BINDINGS);
  browser = await launchChromium();
});

afterEach(async () => {
  const p = phone;
  phone = undefined;
  try {
    if (p) {
      expect(p.requested.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
      expect(p.errors).toEqual([]);
    }
  } finally {
    await p?.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await e?.close();
});

describe('X8 family page: notification opt-in (Web Push)', () => {
  it('offers the four kinds; turning on with two stores them, with the worker active; unticking all turns it off', async () => {
    const o = await openShare();
    const { page } = o.p;
    await waitText(page, '#notify-title', '家人提醒');
    expect(await labels(o)).toEqual(KIND_LABELS);
    expect(await page.locator('#notify-primary').textContent()).toBe('开启提醒');
    expect((await choices(o)).webPush).toMatchObject({ available: true, subscribed: false, kinds: [] });
    await shot(o, 'off');

    // The driving only: fatigue and speeding.
    await kindBox(o, 'PRE_WARNING').setChecked(false);
    await kindBox(o, 'FATIGUE').setChecked(true);
    await kindBox(o, 'SPEEDING').setChecked(true);
    await kindBox(o, 'OFFLINE').setChecked(false);
    await page.locator('#notify-primary').click();
    await waitText(page, '#notify-status', '已开启提醒：疲劳驾驶、超速。');
    expect(await page.locator('#notify-primary').isHidden()).toBe(true);
    expect(await page.locator('#notify-off').textContent()).toBe('关闭提醒');

    // Subscribed with the service's VAPID key, and stored by the service.
    const keys = await page.evaluate(() => window.subscribeKeys);
    expect(keys).toEqual([Array.from(Buffer.from(vapid.publicKey, 'base64url'))]);
    expect((await choices(o)).webPush).toMatchObject({
      subscribed: true,
      refused: false,
      kinds: ['FATIGUE', 'SPEEDING'],
      vapidPublicKey: vapid.publicKey,
    });
    expect(await storedConsents(o.shareId)).toEqual({
      kinds: ['FATIGUE', 'SPEEDING'],
      address: { endpoint: o.sub.endpoint, keys: { p256dh: o.sub.p256dh, auth: o.sub.auth } },
    });
    await shot(o, 'on');

    // The worker: registered under the page's CSP, active, scope /s/, and it knows the share's page.
    const sw = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: r.scope, script: r.active?.scriptURL, state: r.active?.state };
    });
    expect(sw).toEqual({ scope: `${base}/s/`, script: `${base}/s/sw.js`, state: 'activated' });
    await expect
      .poll(() =>
        page.evaluate(async (id) => {
          const found = await (await caches.open('family-pages-v1')).match(`/s/sw-pages?share=${id}`);
          return found ? found.text() : null;
        }, o.shareId),
      )
      .toBe(`${base}/s/${o.token}`);

    // 保存 appears for a change only.
    await kindBox(o, 'OFFLINE').setChecked(true);
    expect(await page.locator('#notify-primary').textContent()).toBe('保存');
    await kindBox(o, 'OFFLINE').setChecked(false);
    expect(await page.locator('#notify-primary').isHidden()).toBe(true);

    // Nothing ticked: the one button turns it off.
    await kindBox(o, 'FATIGUE').setChecked(false);
    await kindBox(o, 'SPEEDING').setChecked(false);
    expect(await page.locator('#notify-primary').textContent()).toBe('关闭提醒');
    await page.locator('#notify-primary').click();
    await waitText(page, '#notify-status', '提醒已关闭。');
    expect((await choices(o)).webPush).toMatchObject({ subscribed: false, kinds: [] });
    expect(await storedConsents(o.shareId)).toEqual({ kinds: [], address: null });
    expect(await page.locator('#notify-primary').isHidden()).toBe(true); // nothing ticked: nothing to turn on
    await shot(o, 'turned-off');
  }, 60_000);

  it('the worker shows a push as a notification; the same message resent replaces it, another shows beside', async () => {
    const o = await openShare();
    const { page } = o.p;
    await turnOn(o);
    const worker = await serviceWorker(o);

    // A push as the push service delivers it (a trusted push event).
    const cdp = await o.p.context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const r = registrations.find((x) => x.scopeURL === `${base}/s/` && !x.isDeleted);
        if (r) resolve(r.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const push = async (body: string) =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: base,
        registrationId: await registrationId,
        data: JSON.stringify({ title: '平安守望：鲁N70001', body, url: `${base}/s/?share=${o.shareId}` }),
      });
    const shown = () =>
      worker.evaluate(async () => {
        const scope = self as unknown as { registration: ServiceWorkerRegistration };
        const list = await scope.registration.getNotifications();
        return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data as unknown }));
      });
    const first = '超速行驶，请提醒司机慢一点。时间：12月6日 14:05。';
    const later = '超速行驶，请提醒司机慢一点。时间：12月6日 15:40。';
    // The same message twice (a resend), then another event: the worker handles them in this order.
    await push(first);
    await push(first);
    await push(later);
    await expect
      .poll(async () => (await shown()).map((n) => n.body), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([later]));
    const list = await shown();
    expect(list.map((n) => n.body).sort()).toEqual([first, later]);
    for (const n of list) {
      expect(n).toMatchObject({
        title: '平安守望：鲁N70001',
        data: { url: `${base}/s/?share=${o.shareId}` },
      });
      expect(n.tag).toMatch(new RegExp(`^${o.shareId}:[0-9a-f]{8}$`));
    }
    expect(new Set(list.map((n) => n.tag)).size).toBe(2);
    await cdp.detach();
  }, 60_000);

  it('serves the worker at /s/sw.js: JavaScript, revalidated, nosniff, allowed nothing', async () => {
    const r = await fetch(`${base}/s/sw.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await r.text()).toContain('notificationclick');
  });

  it('a browser without Web Push says so plainly, and the page goes on', async () => {
    const o = await openShare({ noPush: true });
    const { page } = o.p;
    await waitText(page, '#notify-problem', '此浏览器不支持提醒，请在微信小程序中开启。');
    expect(await labels(o)).toEqual(KIND_LABELS);
    expect(await page.locator('#notify-primary').isHidden()).toBe(true);
    expect(await kindBox(o, 'FATIGUE').isDisabled()).toBe(true);
    expect(await page.locator('#badge').textContent()).toBe('离线'); // the rest of the page as ever (no fix yet)
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0);
    await shot(o, 'unsupported');
  }, 60_000);

  it('notifications not allowed by the browser: says so, and stores nothing', async () => {
    const o = await openShare({ deny: true });
    const { page } = o.p;
    await waitText(page, '#notify-primary', '开启提醒');
    await page.locator('#notify-primary').click();
    await waitText(page, '#notify-problem', '浏览器没有允许通知');
    expect(await storedConsents(o.shareId)).toEqual({ kinds: [], address: null });
    expect(await page.evaluate(() => window.subscribeKeys)).toEqual([]);
    await shot(o, 'denied');
  }, 60_000);

  it('a subscription the push service dropped: says it stopped and turns on again', async () => {
    const o = await openShare();
    const { page } = o.p;
    await turnOn(o);
    // As the notifier marks it after a 410 Gone from the push service.
    await e.app.deps.pool.query(
      "UPDATE notify_endpoints SET refused_at = now(), refused_reason = 'gone' WHERE share_id = $1",
      [o.shareId],
    );
    await page.reload();
    await waitText(page, '#notify-status', '提醒订阅已停止');
    expect(await page.locator('#notify-primary').textContent()).toBe('重新开启提醒');
    await shot(o, 'refused');
    await page.locator('#notify-primary').click();
    await waitText(page, '#notify-status', '已开启提醒：疲劳预警、疲劳驾驶、超速。');
    expect((await choices(o)).webPush).toMatchObject({ subscribed: true, refused: false });
  }, 60_000);

  it('X2: in large type the section is there, in plain words', async () => {
    const o = await openShare({ large: true });
    const { page } = o.p;
    await waitText(page, '#notify-title', '有情况时提醒我');
    expect(await labels(o)).toEqual([
      '快到疲劳驾驶了（连续开车 3 个半小时）',
      '疲劳驾驶（开车时间太长）',
      '开得太快（超速）',
      '30 分钟没有车辆位置（离线）',
    ]);
    await shot(o, 'large');
    // Back to normal type: the section follows.
    await page.locator('#large-toggle').click();
    await waitText(page, '#notify-title', '家人提醒');
    expect(await labels(o)).toEqual(KIND_LABELS);
  }, 60_000);
});

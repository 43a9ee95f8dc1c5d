/**
 * X8 family notifications through the real pieces: the share service (opt-in
 * routes), the notifier (its own consumers of alerts and driving.clock, the
 * outbox, the senders), Postgres, Redis and Kafka; WeChat is a local stand-in
 * that answers as its documentation says (packages/testkit fake-wechat.ts),
 * and Web Push goes to a local push service.
 */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastPositionKey } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import { type FakeWechat, getInfra, startFakeWechat, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVapidKeys } from '../src/adapters/webpush.sender.js';
import { createNotifierApp, type NotifierApp } from '../src/notifier/app.js';
import {
  type Binding,
  bearer,
  claimLink,
  logger,
  type ShareEnv,
  shareLink,
  startShare,
  UNBOUND,
} from './helpers.js';

const infra = getInfra();
const TEMPLATES = {
  PRE_WARNING: 'tmpl-pre',
  FATIGUE: 'tmpl-fatigue',
  SPEEDING: 'tmpl-speed',
  OFFLINE: 'tmpl-offline',
};
const vapid = generateVapidKeys();
let e: ShareEnv;
let wechat: FakeWechat;
let notifier: NotifierApp;
let pushService: Server;
const pushes: { path: string; topic: string | undefined; urgency: string | undefined }[] = [];
let pushStatus = 201;
/** The notifier's clock runs this far ahead of the real one (the offline watch). */
let shiftMs = 0;

beforeAll(async () => {
  wechat = await startFakeWechat({
    appId: 'wx-test',
    appSecret: 'secret-test',
    templates: Object.values(TEMPLATES),
  });
  pushService = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      pushes.push({
        path: req.url ?? '',
        topic: req.headers.topic as string | undefined,
        urgency: req.headers.urgency as string | undefined,
      });
      res.writeHead(pushStatus).end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  const env = {
    SHARE_WECHAT_APP_ID: 'wx-test',
    SHARE_WECHAT_APP_SECRET: 'secret-test',
    SHARE_WECHAT_URL: wechat.url,
    SHARE_WECHAT_TEMPLATES: Object.entries(TEMPLATES)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    SHARE_VAPID_PUBLIC_KEY: vapid.publicKey,
    SHARE_VAPID_PRIVATE_KEY: vapid.privateKey,
    SHARE_PUSH_ALLOW_LOCAL: 'true',
    SHARE_NOTIFY_COOLDOWN_SECONDS: '600',
  };
  e = await startShare('share-notify', infra, { env });
  notifier = await createNotifierApp(
    { ...e.cfg, SHARE_NOTIFY_GROUP_ID: `notifier-${e.iso.id}` },
    logger,
    () => Date.now() + shiftMs,
  );
  await notifier.start();
});
afterAll(async () => {
  await notifier?.stop();
  await e?.close();
  await wechat?.stop();
  pushService?.closeAllConnections();
  await new Promise((resolve) => pushService?.close(resolve));
});

const plateOf = (b: Binding) => b[2];
const vehicle = (b: Binding) => ({ plateNumber: plateOf(b), plateColor: 2 });

/** A bound vehicle, shared by its driver and claimed by a new family member. */
async function watched(): Promise<{ b: Binding; token: string; shareId: string; viewer: string }> {
  const n = randomUUID().slice(0, 6);
  const b: Binding = [
    `driver-n-${n}`,
    randomUUID(),
    `鲁N${n
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '7')
      .slice(0, 5)}`,
  ];
  await e.bind([b]);
  const { token, shareId } = await shareLink(e, b);
  const viewer = `family-n-${n}`;
  await claimLink(e, token, { sub: viewer, role: 'family' });
  return { b, token, shareId, viewer };
}

const asViewer = (viewer: string) => bearer(e.token({ sub: viewer, role: 'family' }));

async function consentWechat(
  w: { token: string; viewer: string },
  openId: string,
  kinds: (keyof typeof TEMPLATES)[],
) {
  const results = Object.fromEntries(kinds.map((k) => [TEMPLATES[k], 'accept']));
  const r = await e.app.server.inject({
    method: 'PUT',
    url: `/v1/shares/${w.token}/notifications/wechat`,
    headers: asViewer(w.viewer),
    payload: { openId, results },
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

function alert(
  b: Binding,
  type: keyof typeof pb.AlertType,
  startMs: number,
  over: Partial<safewatch.v1.IAlert> = {},
): safewatch.v1.IAlert {
  return {
    alertId: `${plateOf(b)}:2|${type}|${startMs}|STARTED`,
    vehicle: vehicle(b),
    type: pb.AlertType[type],
    phase: pb.AlertPhase.ALERT_PHASE_STARTED,
    source: pb.AlertSource.ALERT_SOURCE_DETECTED,
    occurredAtMs: startMs,
    episodeStartMs: startMs,
    ...(type === 'ALERT_TYPE_SPEEDING'
      ? {
          speeding: {
            startMs,
            peakSpeedDkmh: 1143,
            limitKmh: 100,
            startPlace: { latE6: 36_200_000, lonE6: 117_100_000 },
          },
        }
      : { fatigue: { drivingSinceMs: startMs - 4 * 3600_000, continuousDrivingS: 14_400, limitS: 14_400 } }),
    ...over,
  };
}

const deliveredTo = (openId: string) => wechat.delivered.filter((m) => m.touser === openId);

async function outbox(shareId: string) {
  return (
    await e.app.deps.pool.query<{ kind: string; state: string; attempts: number; last_error: string | null }>(
      'SELECT kind, state, attempts, last_error FROM notify_outbox WHERE share_id = $1 ORDER BY created_at',
      [shareId],
    )
  ).rows;
}

describe('X8 family notifications over WeChat', () => {
  it('X8: a speeding episode start reaches the opted-in viewer once, in plain words; its redelivery and end send nothing', async () => {
    const w = await watched();
    const openId = `o-${w.viewer}`;
    await consentWechat(w, openId, ['SPEEDING', 'FATIGUE']);
    const start = Date.now();
    const started = alert(w.b, 'ALERT_TYPE_SPEEDING', start);
    await e.sendAlerts([started]);
    await waitFor(() => deliveredTo(openId).length === 1, { timeoutMs: 20_000, message: 'WeChat message' });
    const m = deliveredTo(openId)[0];
    expect(m?.template_id).toBe(TEMPLATES.SPEEDING);
    expect(m?.data.thing1?.value).toBe(plateOf(w.b));
    expect(m?.data.phrase2?.value).toBe('超速');
    expect(m?.data.thing4?.value).toMatch(/泰安|济南|山东|附近/);
    expect(m?.page).toBe(`pages/share/view?shareId=${w.shareId}`);
    // The same record again, another record of the same episode, and its end.
    await e.sendAlerts([
      started,
      { ...started, alertId: `${started.alertId}-again`, occurredAtMs: start + 30_000 },
      {
        ...started,
        alertId: `${plateOf(w.b)}:2|SPEEDING|${start}|ENDED`,
        phase: pb.AlertPhase.ALERT_PHASE_ENDED,
      },
    ]);
    // A later fatigue episode of the same truck goes through: the consumer has passed the three above.
    await e.sendAlerts([alert(w.b, 'ALERT_TYPE_FATIGUE_CONTINUOUS', Date.now())]);
    await waitFor(() => deliveredTo(openId).length === 2, {
      timeoutMs: 20_000,
      message: 'the fatigue message',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(deliveredTo(openId).map((x) => x.data.phrase2?.value)).toEqual(['超速', '疲劳驾驶']);
    expect((await outbox(w.shareId)).map((r) => [r.kind, r.state])).toEqual([
      ['SPEEDING', 'SENT'],
      ['FATIGUE', 'SENT'],
    ]);
  });

  it('X8: only the kinds consented to; nothing for a platform-only alarm (A4) or an episode that began before the consent', async () => {
    const w = await watched();
    const openId = `o-${w.viewer}`;
    await consentWechat(w, openId, ['FATIGUE']);
    await e.sendAlerts([
      alert(w.b, 'ALERT_TYPE_SPEEDING', Date.now()),
      alert(w.b, 'ALERT_TYPE_FATIGUE_CONTINUOUS', Date.now(), {
        source: pb.AlertSource.ALERT_SOURCE_PLATFORM,
      }),
      alert(w.b, 'ALERT_TYPE_FATIGUE_DAILY', Date.now() - 3600_000),
      alert(w.b, 'ALERT_TYPE_FATIGUE_DAILY', Date.now()),
    ]);
    await waitFor(() => deliveredTo(openId).length >= 1, {
      timeoutMs: 20_000,
      message: 'the fatigue message',
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(deliveredTo(openId)).toHaveLength(1);
    expect((await outbox(w.shareId)).map((r) => r.kind)).toEqual(['FATIGUE']);
  });

  it('X8: a cooldown per viewer and kind: a truck hovering at the limit gives one message', async () => {
    const w = await watched();
    const openId = `o-${w.viewer}`;
    await consentWechat(w, openId, ['SPEEDING']);
    const t = Date.now();
    await e.sendAlerts([alert(w.b, 'ALERT_TYPE_SPEEDING', t), alert(w.b, 'ALERT_TYPE_SPEEDING', t + 90_000)]);
    await waitFor(() => deliveredTo(openId).length >= 1, { timeoutMs: 20_000, message: 'first message' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(deliveredTo(openId)).toHaveLength(1);
  });

  it('X8: a token expired mid-run is fetched again; transient failures are retried, never duplicated', async () => {
    const w = await watched();
    const openId = `o-${w.viewer}`;
    await consentWechat(w, openId, ['SPEEDING']);
    const before = wechat.tokensIssued();
    wechat.expireTokens();
    wechat.failNext(1, -1);
    await e.sendAlerts([alert(w.b, 'ALERT_TYPE_SPEEDING', Date.now())]);
    await waitFor(() => deliveredTo(openId).length === 1, {
      timeoutMs: 30_000,
      message: 'delivered after a retry',
    });
    expect(wechat.tokensIssued()).toBeGreaterThan(before);
    const [row] = await outbox(w.shareId);
    expect(row).toMatchObject({ state: 'SENT', attempts: 2 });
    const metrics = await notifier.registry.metrics();
    expect(metrics).toMatch(/share_notify_failed_total\{channel="WECHAT",reason="TRANSIENT"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/share_notify_latency_seconds_count\{[^}]*channel="WECHAT"[^}]*\} [1-9]/);
  });

  it('X8: a refusal (43101) stops the channel for that viewer until he opts in again', async () => {
    const w = await watched();
    const openId = `o-${w.viewer}`;
    await consentWechat(w, openId, ['SPEEDING', 'FATIGUE']);
    wechat.refuse(openId);
    await e.sendAlerts([alert(w.b, 'ALERT_TYPE_SPEEDING', Date.now())]);
    await waitFor(async () => (await outbox(w.shareId))[0]?.state === 'FAILED', {
      timeoutMs: 20_000,
      message: 'refused',
    });
    expect((await outbox(w.shareId))[0]?.last_error).toContain('43101');
    const choices = await e.app.server.inject({
      method: 'GET',
      url: `/v1/shares/${w.token}/notifications`,
      headers: asViewer(w.viewer),
    });
    expect(choices.json().wechat).toMatchObject({ subscribed: true, refused: true });
    await e.sendAlerts([alert(w.b, 'ALERT_TYPE_FATIGUE_CONTINUOUS', Date.now())]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(wechat.answered.filter((a) => a.touser === openId)).toHaveLength(1);
    expect(await outbox(w.shareId)).toHaveLength(1);
  });

  it('X8: nothing after the share ended or the vehicle was unbound; consent ends with the share', async () => {
    const cancelled = await watched();
    const unbound = await watched();
    for (const w of [cancelled, unbound]) await consentWechat(w, `o-${w.viewer}`, ['SPEEDING']);
    const r = await e.app.server.inject({
      method: 'DELETE',
      url: `/v1/drivers/me/shares/${cancelled.shareId}`,
      headers: bearer(e.token({ sub: cancelled.b[0], role: 'driver' })),
    });
    expect(r.statusCode).toBe(200);
    await e.bindingEvent(UNBOUND, unbound.b[0], unbound.b[1], unbound.b[2]);
    await waitFor(
      async () =>
        (
          await e.app.deps.pool.query('SELECT 1 FROM shares WHERE share_id = $1 AND ended_at IS NOT NULL', [
            unbound.shareId,
          ])
        ).rowCount === 1,
      { timeoutMs: 20_000, message: 'share ended by the unbinding' },
    );
    const consents = await e.app.deps.pool.query(
      'SELECT 1 FROM notify_consents WHERE share_id = ANY($1::uuid[])',
      [[cancelled.shareId, unbound.shareId]],
    );
    expect(consents.rowCount).toBe(0);
    // A control viewer shows the alerts were heard.
    const control = await watched();
    await consentWechat(control, `o-${control.viewer}`, ['SPEEDING']);
    const t = Date.now();
    await e.sendAlerts([cancelled, unbound, control].map((w) => alert(w.b, 'ALERT_TYPE_SPEEDING', t)));
    await waitFor(() => deliveredTo(`o-${control.viewer}`).length === 1, {
      timeoutMs: 20_000,
      message: 'control',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(deliveredTo(`o-${cancelled.viewer}`)).toHaveLength(0);
    expect(deliveredTo(`o-${unbound.viewer}`)).toHaveLength(0);
  });

  it('X8: a notification queued before the share ended is dropped, not sent', async () => {
    const w = await watched();
    await consentWechat(w, `o-${w.viewer}`, ['SPEEDING']);
    wechat.setAnswerDelay(0);
    await notifier.sender.stop();
    try {
      await e.sendAlerts([alert(w.b, 'ALERT_TYPE_SPEEDING', Date.now())]);
      await waitFor(async () => (await outbox(w.shareId)).length === 1, {
        timeoutMs: 20_000,
        message: 'queued',
      });
      await e.app.server.inject({
        method: 'DELETE',
        url: `/v1/drivers/me/shares/${w.shareId}`,
        headers: bearer(e.token({ sub: w.b[0], role: 'driver' })),
      });
    } finally {
      notifier.sender.start();
    }
    await waitFor(async () => (await outbox(w.shareId))[0]?.state === 'DROPPED', {
      timeoutMs: 20_000,
      message: 'dropped',
    });
    expect((await outbox(w.shareId))[0]?.last_error).toBe('SHARE_ENDED');
    expect(deliveredTo(`o-${w.viewer}`)).toHaveLength(0);
  });

  it('X8: the pre-warning from the driving clock, once per continuous drive', async () => {
    const w = await watched();
    const openId = `o-${w.viewer}`;
    await consentWechat(w, openId, ['PRE_WARNING']);
    const since = Date.now() - 3.5 * 3600_000;
    const clock = (occurredAtMs: number) => ({
      key: `${plateOf(w.b)}:2`,
      value: Buffer.from(
        pb.DrivingClock.encode({
          eventId: randomUUID(),
          vehicle: vehicle(w.b),
          event: pb.DrivingClockEvent.DRIVING_CLOCK_EVENT_PRE_WARNING,
          occurredAtMs,
          state: pb.DrivingClockState.DRIVING_CLOCK_STATE_DRIVING,
          continuousDrivingS: 12_600,
          drivingSinceMs: since,
        }).finish(),
      ),
    });
    await e.producer.send({
      topic: e.iso.topic('driving.clock'),
      acks: -1,
      messages: [clock(Date.now()), clock(Date.now())],
    });
    await waitFor(() => deliveredTo(openId).length === 1, { timeoutMs: 20_000, message: 'pre-warning' });
    await new Promise((r) => setTimeout(r, 500));
    expect(deliveredTo(openId)).toHaveLength(1);
    expect(deliveredTo(openId)[0]?.data.phrase2?.value).toBe('疲劳预警');
  });

  it('X8: a truck silent for 30 minutes is told once per silence, not when it was silent before the consent', async () => {
    const fix = (w: { b: Binding }, gnssTimeMs: number) =>
      e.redis.hset(lastPositionKey(e.iso.redisPrefix, `${plateOf(w.b)}:2`), {
        t: String(gnssTimeMs),
        p: Buffer.from(
          pb.Position.encode({
            plateNumber: plateOf(w.b),
            plateColor: 2,
            gnssTimeMs,
            latE6: 36_200_000,
            lonE6: 117_100_000,
          }).finish(),
        ),
      });
    const quiet = await watched();
    const silentBefore = await watched();
    await fix(quiet, Date.now() - 20 * 60_000);
    await fix(silentBefore, Date.now() - 40 * 60_000);
    for (const w of [quiet, silentBefore]) await consentWechat(w, `o-${w.viewer}`, ['OFFLINE']);
    expect(await notifier.scanOffline()).toBe(1);
    shiftMs = 11 * 60_000;
    try {
      expect(await notifier.scanOffline()).toBe(2);
      await waitFor(() => deliveredTo(`o-${quiet.viewer}`).length === 1, {
        timeoutMs: 20_000,
        message: 'offline',
      });
      await notifier.scanOffline();
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      shiftMs = 0;
    }
    expect(deliveredTo(`o-${quiet.viewer}`)).toHaveLength(1);
    expect(deliveredTo(`o-${quiet.viewer}`)[0]?.data.phrase2?.value).toBe('车辆离线');
    expect(deliveredTo(`o-${silentBefore.viewer}`)).toHaveLength(0);
  });
});

describe('X8 family notifications over Web Push', () => {
  it("X8: the page's subscription gets one push per episode, with a Topic; a subscription gone (410) stops the channel", async () => {
    const w = await watched();
    const port = (pushService.address() as AddressInfo).port;
    // What a browser's PushManager.subscribe() gives: a P-256 public key and a 16-byte secret.
    const browserKey = createECDH('prime256v1');
    const subscription = {
      endpoint: `http://127.0.0.1:${port}/push/${w.viewer}`,
      keys: {
        p256dh: browserKey.generateKeys().toString('base64url'),
        auth: randomBytes(16).toString('base64url'),
      },
    };
    const r = await e.app.server.inject({
      method: 'PUT',
      url: `/v1/shares/${w.token}/notifications/web-push`,
      headers: asViewer(w.viewer),
      payload: { subscription, kinds: ['SPEEDING', 'FATIGUE'] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().webPush).toMatchObject({
      subscribed: true,
      kinds: ['FATIGUE', 'SPEEDING'],
      vapidPublicKey: vapid.publicKey,
    });
    const mine = () => pushes.filter((p) => p.path === `/push/${w.viewer}`);
    const started = alert(w.b, 'ALERT_TYPE_SPEEDING', Date.now());
    await e.sendAlerts([started, started]);
    await waitFor(() => mine().length === 1, { timeoutMs: 20_000, message: 'push' });
    expect(mine()[0]?.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(mine()[0]?.urgency).toBe('high');
    pushStatus = 410;
    try {
      await e.sendAlerts([alert(w.b, 'ALERT_TYPE_FATIGUE_CONTINUOUS', Date.now())]);
      await waitFor(() => mine().length === 2, { timeoutMs: 20_000, message: 'second push' });
    } finally {
      pushStatus = 201;
    }
    await waitFor(async () => (await outbox(w.shareId))[1]?.state === 'FAILED', {
      timeoutMs: 20_000,
      message: 'gone',
    });
    const choices = await e.app.server.inject({
      method: 'GET',
      url: `/v1/shares/${w.token}/notifications`,
      headers: asViewer(w.viewer),
    });
    expect(choices.json().webPush.refused).toBe(true);
  });
});

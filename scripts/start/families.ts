/**
 * `npm start`'s simulated families (X8): drivers of the sample registry bind
 * a simulated truck each and share it with two family members, who claim the
 * links and consent to every WeChat notification. WeChat itself is a local
 * stand-in (packages/testkit fake-wechat.ts) that answers as WeChat's server
 * API does and keeps what it was sent, so the live line can count the
 * notifications per kind and check that none came twice.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SampleVehicle } from '@safewatch/bindings/sample-registry';
import { type AuthConfig, mintToken, type Pool } from '@safewatch/common';
import { generateVapidKeys } from '@safewatch/share/notify';
import { type FakeWechat, startFakeWechat } from '../../packages/testkit/src/fake-wechat.js';

export const DEMO_WECHAT = { appId: 'wx-safewatch-demo', appSecret: 'demo-app-secret' };
export const DEMO_TEMPLATES = {
  PRE_WARNING: 'demo-tmpl-pre-warning',
  FATIGUE: 'demo-tmpl-fatigue',
  SPEEDING: 'demo-tmpl-speeding',
  OFFLINE: 'demo-tmpl-offline',
} as const;
const KIND_OF_TEMPLATE = new Map(Object.entries(DEMO_TEMPLATES).map(([k, t]) => [t as string, k]));

/** The environment the share service and the notifier get for the demo channels. */
export function demoNotifyEnv(wechatUrl: string, vapid: { publicKey: string; privateKey: string }) {
  return {
    SHARE_WECHAT_APP_ID: DEMO_WECHAT.appId,
    SHARE_WECHAT_APP_SECRET: DEMO_WECHAT.appSecret,
    SHARE_WECHAT_URL: wechatUrl,
    SHARE_WECHAT_TEMPLATES: Object.entries(DEMO_TEMPLATES)
      .map(([k, t]) => `${k}=${t}`)
      .join(','),
    SHARE_VAPID_PUBLIC_KEY: vapid.publicKey,
    SHARE_VAPID_PRIVATE_KEY: vapid.privateKey,
  };
}

/** One VAPID key pair per checkout (kept in .cache), so browsers' subscriptions survive restarts. */
export function demoVapidKeys(file: string): { publicKey: string; privateKey: string } {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const keys = generateVapidKeys();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export function startDemoWechat(port: number): Promise<FakeWechat> {
  return startFakeWechat({ ...DEMO_WECHAT, templates: Object.values(DEMO_TEMPLATES), port });
}

/** Viewers per shared truck (S3 allows three active links per vehicle). */
const VIEWERS_PER_TRUCK = 2;

/**
 * Drivers driver-0003 … driver-0020 each bind one truck (S4: one shared vehicle per driver)
 * and share it with two family members who opt in to WeChat notifications of every kind.
 * Earlier runs' demo links of those trucks are cancelled first. Returns the viewers and trucks.
 * On a fresh machine the trucks are `picks`: those about to tell their families something.
 */
export async function demoFamilies(opts: {
  auth: AuthConfig;
  bindingsBase: string;
  shareBase: string;
  /** The trucks to share, in order of preference (one per driver). */
  picks: SampleVehicle[];
}): Promise<{ viewers: number; trucks: string[] }> {
  const trucks: string[] = [];
  let viewers = 0;
  const jsonHeaders = (token: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });
  for (let i = 3; i <= 20; i++) {
    const driverId = `driver-${String(i).padStart(4, '0')}`;
    const driver = mintToken(opts.auth, { sub: driverId, role: 'driver' }, 3600);
    const bound = async () =>
      (
        (await (
          await fetch(`${opts.bindingsBase}/v1/drivers/me/bindings`, {
            headers: { authorization: `Bearer ${driver}` },
          })
        ).json()) as { items?: { vehicleId: string; plateNumber: string }[] }
      ).items ?? [];
    // A driver keeps the truck an earlier run bound (B3 counts every distinct truck bound in 12 months).
    let mine = (await bound())[0];
    const v = opts.picks[i - 3];
    if (!mine && v) {
      await fetch(`${opts.bindingsBase}/v1/drivers/me/bindings`, {
        method: 'POST',
        headers: jsonHeaders(driver),
        body: JSON.stringify({
          plateNumber: v.plate_number,
          plateColor: v.plate_color,
          transportCertNo: v.transport_cert_no,
          vin: v.vin,
        }),
      });
      mine = (await bound()).find((b) => b.plateNumber === v.plate_number);
    }
    if (!mine) continue;
    const { vehicleId } = mine;
    const links = await shareTwice(opts.shareBase, driver, vehicleId);
    for (const [k, token] of links.entries()) {
      const sub = `family-demo-${i}-${k + 1}`;
      const viewer = mintToken(opts.auth, { sub, role: 'family' }, 12 * 3600);
      const claimed = await fetch(`${opts.shareBase}/v1/shares/${token}/claim`, {
        method: 'POST',
        headers: { authorization: `Bearer ${viewer}` },
      });
      if (!claimed.ok) continue;
      const consent = await fetch(`${opts.shareBase}/v1/shares/${token}/notifications/wechat`, {
        method: 'PUT',
        headers: jsonHeaders(viewer),
        body: JSON.stringify({
          openId: `o-demo-${i}-${k + 1}`,
          results: Object.fromEntries(Object.values(DEMO_TEMPLATES).map((t) => [t, 'accept'])),
        }),
      });
      if (consent.ok) viewers += 1;
    }
    trucks.push(mine.plateNumber);
  }
  return { viewers, trucks };
}

/** S5 then S1: the driver's earlier links of the truck end, two new ones are made (retried until the binding is known). */
async function shareTwice(shareBase: string, driver: string, vehicleId: string): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await fetch(`${shareBase}/v1/drivers/me/vehicles/${vehicleId}/shares`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${driver}` },
    });
    const tokens: string[] = [];
    for (let k = 0; k < VIEWERS_PER_TRUCK; k++) {
      const r = await fetch(`${shareBase}/v1/drivers/me/shares`, {
        method: 'POST',
        headers: { authorization: `Bearer ${driver}`, 'content-type': 'application/json' },
        body: JSON.stringify({ vehicleId, duration: '3d' }),
      });
      const body = (await r.json()) as { token?: string; code?: string };
      if (body.token) tokens.push(body.token);
      else if (body.code !== 'NOT_BOUND' || Date.now() > deadline) return tokens;
    }
    if (tokens.length === VIEWERS_PER_TRUCK) return tokens;
    await new Promise((res) => setTimeout(res, 500));
  }
}

/**
 * What the WeChat stand-in received, per kind, and how many were the same message to the
 * same person twice (same template, same words: one episode told twice).
 */
export interface NotificationCounts {
  total: number;
  byKind: Map<string, number>;
  duplicates: number;
}

export function wechatCounts(wechat: FakeWechat): NotificationCounts {
  const byKind = new Map<string, number>();
  const seen = new Set<string>();
  let duplicates = 0;
  for (const m of wechat.delivered) {
    const kind = KIND_OF_TEMPLATE.get(m.template_id) ?? 'OTHER';
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const key = JSON.stringify([m.touser, m.template_id, m.data]);
    if (seen.has(key)) duplicates += 1;
    seen.add(key);
  }
  return { total: wechat.delivered.length, byKind, duplicates };
}

/**
 * The simulated trucks worth watching right now, once the replayed backfill is stored: those
 * driving for about 3 h (a pre-warning at 3 h 30 min, fatigue at 4 h, soon) and those that
 * sped most often; nine of each, then the rest of the registry.
 */
export async function eventfulTrucks(
  pool: Pool,
  vehicles: SampleVehicle[],
  nowMs: number,
): Promise<SampleVehicle[]> {
  const deadline = Date.now() + 90_000;
  // The backfill is stored when the driving clocks reach the last few minutes.
  while (Date.now() < deadline) {
    const r = await pool.query<{ latest: string | null }>('SELECT max(at_ms) AS latest FROM vehicle_clocks');
    if (Number(r.rows[0]?.latest ?? 0) >= nowMs - 10 * 60_000) break;
    await new Promise((res) => setTimeout(res, 1_000));
  }
  const r = await pool.query<{ vehicle_key: string }>(
    `(SELECT vehicle_key FROM vehicle_clocks WHERE state = 'DRIVING'
       ORDER BY abs(($1::int8 - driving_since_ms) - 3 * 3600000) LIMIT 9)
     UNION ALL
     (SELECT vehicle_key FROM vehicle_alerts WHERE kind = 'SPEEDING' AND phase = 'STARTED'
       GROUP BY vehicle_key ORDER BY count(*) DESC, vehicle_key LIMIT 9)`,
    [nowMs],
  );
  const byKey = new Map(vehicles.map((v) => [`${v.plate_number}:${v.plate_color}`, v]));
  const picked = [...new Set(r.rows.map((x) => x.vehicle_key))].flatMap((k) => byKey.get(k) ?? []);
  const chosen = new Set(picked);
  return [...picked, ...vehicles.slice(2).filter((v) => !chosen.has(v))];
}

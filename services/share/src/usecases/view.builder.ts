import { hash } from 'node:crypto';
import { type LastPosition, readLastPositions } from '@safewatch/common';
import gcoordModule from 'gcoord';
import { loadVehicleExtras, type VehicleExtras } from '../adapters/read-model.js';
import type { ShareRow } from '../adapters/shares.repo.js';
import { isOnline, REFRESH_SECONDS } from '../domain/share.rules.js';
import type { ShareDeps } from './deps.js';

// gcoord is CommonJS; its typings do not describe the default export Node gives ESM.
const gcoord = gcoordModule as unknown as {
  transform(point: [number, number], from: string, to: string): [number, number];
  WGS84: string;
  GCJ02: string;
};

export interface VehicleView extends VehicleExtras {
  position: LastPosition | undefined;
}

/**
 * The per-vehicle part of the view for many vehicles: the last positions from
 * the position cache (at most one Redis round trip for those not in memory); alerts and reminders from the read model (memory)
 * when the service has one, else two queries.
 */
export async function vehicleViews(
  deps: ShareDeps,
  vehicleKeys: string[],
): Promise<Map<string, VehicleView>> {
  const out = new Map<string, VehicleView>();
  if (vehicleKeys.length === 0) return out;
  const [positions, extras] = await Promise.all([
    deps.positions?.active
      ? deps.positions.read(vehicleKeys)
      : readLastPositions(deps.redis, deps.redisPrefix, vehicleKeys),
    deps.readModel ? deps.readModel.vehicleExtras(vehicleKeys) : loadVehicleExtras(deps.pool, vehicleKeys),
  ]);
  for (const k of vehicleKeys) {
    const e = extras.get(k);
    out.set(k, { position: positions.get(k), alerts: e?.alerts ?? [], reminders: e?.reminders ?? [] });
  }
  return out;
}

/** One vehicle's part of the view if all of it is in memory (no I/O); undefined: ask `vehicleViews`. */
export function vehicleViewInMemory(deps: ShareDeps, vehicleKey: string): VehicleView | undefined {
  if (!deps.positions?.active) return undefined;
  const position = deps.positions.peek(vehicleKey);
  if (position === undefined) return undefined;
  const extras = deps.readModel?.peekVehicleExtras(vehicleKey);
  if (!extras) return undefined;
  return { position: position ?? undefined, alerts: extras.alerts, reminders: extras.reminders };
}

/** China time is UTC+8 all year: certificates' days left count China days. */
const CHINA_UTC_OFFSET_MS = 8 * 3600_000;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * S6: what the viewer of one share sees. Personal data is limited to what the
 * driver chose to share: the vehicle, its position and alerts, and the
 * certificates of this vehicle and of the sharing driver only.
 */
export function shareView(share: ShareRow, v: VehicleView | undefined, now: Date) {
  return {
    shareId: share.shareId,
    plateNumber: share.plateNumber,
    plateColor: share.plateColor,
    expiresAt: share.expiresAt.toISOString(),
    refreshSeconds: REFRESH_SECONDS,
    online: isOnline(v?.position?.gnssTimeMs, now.getTime()),
    position: positionView(v?.position),
    certificates: certificatesView(share, v, now),
    alerts: alertsView(v?.alerts ?? NO_ALERTS),
  };
}

/** The last fix as the view shows it: WGS-84 as stored and GCJ-02 for Chinese map components. */
function positionView(p: LastPosition | undefined) {
  if (!p) return null;
  const gcj = gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02);
  return {
    gnssTime: new Date(p.gnssTimeMs).toISOString(),
    wgs84: { lat: p.lat, lon: p.lon },
    gcj02: { lat: Number(gcj[1].toFixed(6)), lon: Number(gcj[0].toFixed(6)) },
    speedKmh: p.speedKmh,
    headingDeg: p.headingDeg,
  };
}

/** The vehicle's certificate and the sharing driver's, never another driver's; days left in China time. */
function certificatesView(share: ShareRow, v: VehicleView | undefined, now: Date) {
  const today = new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
  return (v?.reminders ?? [])
    .filter((r) => r.driverId === '' || r.driverId === share.driverId)
    .map((r) => ({
      kind: r.kind,
      status: r.status,
      expiresOn: r.expiresOn,
      daysLeft: daysBetween(today, r.expiresOn),
    }));
}

const alertsView = (alerts: VehicleView['alerts']) =>
  alerts.map(({ alertId, kind, phase, source, occurredAt, detail }) => ({
    alertId,
    kind,
    phase,
    source,
    occurredAt,
    detail,
  }));

/**
 * The per-vehicle part of the view as JSON members (`"online":…,"position":…,"alerts":…`),
 * serialized once and reused while the same position and alerts are shown
 * (the entries of the position cache and the read model are stable objects):
 * the viewers of one vehicle, and every frame of a stream tick, share it.
 */
const vehicleJsonMemo = new WeakMap<
  object,
  { position: LastPosition | undefined; online: boolean; json: string }
>();
const NO_ALERTS: VehicleView['alerts'] = [];
const NO_REMINDERS: VehicleView['reminders'] = [];

function vehicleJson(v: VehicleView | undefined, nowMs: number): string {
  const p = v?.position;
  const online = isOnline(p?.gnssTimeMs, nowMs);
  const alerts = v?.alerts ?? NO_ALERTS;
  const memo = vehicleJsonMemo.get(alerts);
  if (memo && memo.position === p && memo.online === online) return memo.json;
  const json = `"online":${online},"position":${JSON.stringify(positionView(p))},"alerts":${JSON.stringify(alertsView(alerts))}`;
  if (alerts !== NO_ALERTS) vehicleJsonMemo.set(alerts, { position: p, online, json });
  return json;
}

/** `shareView` serialized: the same members, the vehicle's part spliced in from `vehicleJson`. */
export function shareViewJson(share: ShareRow, v: VehicleView | undefined, now: Date): string {
  const certificates = certificatesView(share, v, now);
  return `{"shareId":${JSON.stringify(share.shareId)},"plateNumber":${JSON.stringify(share.plateNumber)},"plateColor":${Number(
    share.plateColor,
  )},"expiresAt":"${share.expiresAt.toISOString()}","refreshSeconds":${REFRESH_SECONDS},${vehicleJson(
    v,
    now.getTime(),
  )},"certificates":${JSON.stringify(certificates)}}`;
}

/** The view as sent: its JSON in UTF-8 and a weak ETag derived from it. */
export interface ViewAnswer {
  body: Buffer;
  etag: string;
}

/** The day in China as a number: the day `certificatesView` counts days left from. */
const chinaDay = (nowMs: number) => Math.floor((nowMs + CHINA_UTC_OFFSET_MS) / 86_400_000);

/**
 * Per share row (rows from the read model are stable objects until the share
 * changes): the last answer and what it was made from.
 */
const answerMemo = new WeakMap<
  ShareRow,
  {
    position: LastPosition | undefined;
    alerts: VehicleView['alerts'];
    reminders: VehicleView['reminders'];
    online: boolean;
    day: number;
    answer: ViewAnswer;
  }
>();

/**
 * `shareViewJson` encoded, with its ETag: made again only when the share row,
 * the vehicle's position, alerts or reminders, the online state or the day
 * (certificates' days left) changed, so that a viewer polling an unchanged
 * truck (and the other viewers of the same share row) costs no rendering,
 * encoding or hashing.
 */
export function shareViewAnswer(share: ShareRow, v: VehicleView | undefined, now: Date): ViewAnswer {
  const nowMs = now.getTime();
  const position = v?.position;
  const alerts = v?.alerts ?? NO_ALERTS;
  const reminders = v?.reminders ?? NO_REMINDERS;
  const online = isOnline(position?.gnssTimeMs, nowMs);
  const day = chinaDay(nowMs);
  const memo = answerMemo.get(share);
  if (
    memo &&
    memo.position === position &&
    memo.alerts === alerts &&
    memo.reminders === reminders &&
    memo.online === online &&
    memo.day === day
  )
    return memo.answer;
  const body = Buffer.from(shareViewJson(share, v, now));
  const answer = { body, etag: `W/"${hash('sha256', body, 'base64url').slice(0, 27)}"` };
  answerMemo.set(share, { position, alerts, reminders, online, day, answer });
  return answer;
}

import { hash } from 'node:crypto';
import type { LastPosition } from '@safewatch/common';
import fastJson from 'fast-json-stringify';
import { LRUCache } from 'lru-cache';
import type { ShareRow } from '../adapters/shares.repo.js';
import type { VehicleExtras } from '../adapters/vehicle-alerts.repo.js';
import { clockView } from '../domain/driving-clock.js';
import { toEpisodes } from '../domain/episodes.js';
import { place } from '../domain/geo.js';
import { isOnline, REFRESH_SECONDS } from '../domain/share.rules.js';
import {
  type CertificateView,
  type PositionView,
  type SharePart,
  SharePartSchema,
  type VehiclePart,
  VehiclePartSchema,
  type View,
} from '../domain/view.schema.js';
import type { ShareDeps } from './deps.js';

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
    deps.lastPositions(vehicleKeys),
    deps.readModel
      ? deps.readModel.vehicleExtras(vehicleKeys)
      : deps.repos.alerts.loadVehicleExtras(deps.pool, vehicleKeys),
  ]);
  for (const k of vehicleKeys) {
    const e = extras.get(k);
    out.set(k, {
      position: positions.get(k),
      ...(e ?? deps.repos.alerts.emptyExtras()),
    });
  }
  return out;
}

/** China time is UTC+8 all year: certificates' days left count China days. */
const CHINA_UTC_OFFSET_MS = 8 * 3600_000;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The day in China as a number: the day `certificatesView` counts days left from. */
const chinaDay = (nowMs: number) => Math.floor((nowMs + CHINA_UTC_OFFSET_MS) / 86_400_000);

/** The last fix as the view shows it (S11, X3): km/h, decimal degrees in both datums, ISO time. */
export function positionView(p: LastPosition | undefined): PositionView | null {
  if (!p) return null;
  const { wgs84, gcj02, text } = place(p.lat, p.lon);
  return {
    gnssTime: new Date(p.gnssTimeMs).toISOString(),
    wgs84,
    gcj02,
    text,
    speedKmh: p.speedKmh,
    headingDeg: p.headingDeg,
  };
}

/** The vehicle's part of the view: the same for every viewer of the vehicle (S6, S7, S10). */
export function vehiclePart(v: VehicleView | undefined, nowMs: number): VehiclePart {
  const p = v?.position;
  const online = isOnline(p?.gnssTimeMs, nowMs);
  return {
    online,
    position: positionView(p),
    episodes: toEpisodes(v?.alerts ?? [], p?.gnssTimeMs),
    // X6: while offline nobody knows whether the truck drives or rests.
    clock: online ? clockView(v?.clock, p?.gnssTimeMs) : null,
  };
}

/** The vehicle's certificate and the sharing driver's, never another driver's; days left in China time. */
function certificatesView(share: ShareRow, v: VehicleView | undefined, nowMs: number): CertificateView[] {
  const today = new Date(nowMs + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
  return (v?.reminders ?? [])
    .filter((r) => r.driverId === '' || r.driverId === share.driverId)
    .map((r) => ({
      kind: r.kind as CertificateView['kind'],
      status: r.status as CertificateView['status'],
      expiresOn: r.expiresOn,
      daysLeft: daysBetween(today, r.expiresOn),
    }));
}

/** The share's part of the view. */
export function sharePart(share: ShareRow, v: VehicleView | undefined, nowMs: number): SharePart {
  return {
    shareId: share.shareId,
    plateNumber: share.plateNumber,
    plateColor: Number(share.plateColor),
    expiresAt: share.expiresAt.toISOString(),
    refreshSeconds: REFRESH_SECONDS,
    certificates: certificatesView(share, v, nowMs),
  };
}

/**
 * S6: what the viewer of one share sees. Personal data is limited to what the
 * driver chose to share: the vehicle, its position and alert episodes, and the
 * certificates of this vehicle and of the sharing driver only.
 */
export function shareView(share: ShareRow, v: VehicleView | undefined, now: Date): View {
  const nowMs = now.getTime();
  return { ...sharePart(share, v, nowMs), ...vehiclePart(v, nowMs) };
}

// Serialisers compiled from the schemas: a missing required field throws, an unknown one is never sent.
const vehicleSerializer = fastJson(VehiclePartSchema);
const shareSerializer = fastJson(SharePartSchema);

/**
 * The vehicle's part as JSON, made again only when its position (fix time),
 * its alerts or reminders (the read model's version, new after every change
 * the change feed announced) or its online state changed: the viewers of one
 * vehicle, and every frame of a stream tick, share it.
 */
const vehicleJsonMemo = new LRUCache<
  string,
  { fixMs: number; version: number; online: boolean; json: string }
>({
  max: 200_000,
});

function vehicleKeyOf(share: ShareRow): string {
  return `${share.plateNumber}:${share.plateColor}`;
}

function vehicleJson(key: string, v: VehicleView | undefined, nowMs: number): string {
  const fixMs = v?.position?.gnssTimeMs ?? -1;
  const version = v?.version ?? -1;
  const online = isOnline(v?.position?.gnssTimeMs, nowMs);
  const memo = vehicleJsonMemo.get(key);
  if (memo && memo.fixMs === fixMs && memo.version === version && memo.online === online) return memo.json;
  const json = vehicleSerializer(vehiclePart(v, nowMs));
  if (v) vehicleJsonMemo.set(key, { fixMs, version, online, json });
  return json;
}

/** `shareView` serialised: the share's part and the vehicle's (shared by its viewers) joined into one object. */
export function shareViewJson(share: ShareRow, v: VehicleView | undefined, now: Date): string {
  const nowMs = now.getTime();
  const shareJson = shareSerializer(sharePart(share, v, nowMs));
  return `${shareJson.slice(0, -1)},${vehicleJson(vehicleKeyOf(share), v, nowMs).slice(1)}`;
}

/** The view as sent: its JSON in UTF-8 and a weak ETag derived from it. */
export interface ViewAnswer {
  body: Buffer;
  etag: string;
}

/** Per share: the last answer and the versions it was made from. */
const answerMemo = new LRUCache<
  string,
  { fixMs: number; version: number; online: boolean; day: number; expiresMs: number; answer: ViewAnswer }
>({ max: 200_000 });

/**
 * `shareViewJson` encoded, with its ETag: made again only when the vehicle's
 * fix, its alerts or reminders (version), the online state, the day
 * (certificates' days left) or the share's validity changed, so that a viewer
 * polling an unchanged truck costs no rendering, encoding or hashing.
 */
export function shareViewAnswer(share: ShareRow, v: VehicleView | undefined, now: Date): ViewAnswer {
  const nowMs = now.getTime();
  const fixMs = v?.position?.gnssTimeMs ?? -1;
  const version = v?.version ?? -1;
  const online = isOnline(v?.position?.gnssTimeMs, nowMs);
  const day = chinaDay(nowMs);
  const expiresMs = share.expiresAt.getTime();
  const memo = answerMemo.get(share.shareId);
  if (
    memo &&
    memo.fixMs === fixMs &&
    memo.version === version &&
    memo.online === online &&
    memo.day === day &&
    memo.expiresMs === expiresMs
  )
    return memo.answer;
  const body = Buffer.from(shareViewJson(share, v, now));
  const answer = { body, etag: `W/"${hash('sha256', body, 'base64url').slice(0, 27)}"` };
  if (v) answerMemo.set(share.shareId, { fixMs, version, online, day, expiresMs, answer });
  return answer;
}

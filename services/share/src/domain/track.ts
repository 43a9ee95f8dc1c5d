/**
 * X7: today's track as the claimer sees it, from the day's fixes: the China
 * day (00:00 Asia/Shanghai, UTC+8 all year, to now), the line simplified to at
 * most 500 points, the stops of 20 minutes or more, the distance driven, and
 * without a fix today the last known position with a plain reason. Pure; the
 * places in words (X5) are filled in by the use case.
 */
import { datums, place } from './geo.js';
import { simplifyTrack, TRACK_MAX_POINTS } from './track-simplify.js';
import { DEFAULT_STOP_PARAMS, findStops, metresBetween, type TrackFix } from './track-stops.js';
import type { PositionView, TrackStopView, TrackView } from './view.schema.js';

const CHINA_UTC_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** 00:00 in China (Asia/Shanghai) of the China day that contains `nowMs`. */
export function chinaDayStartMs(nowMs: number): number {
  return Math.floor((nowMs + CHINA_UTC_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_UTC_OFFSET_MS;
}

/** The China day of `nowMs` as YYYY-MM-DD. */
export const chinaDate = (nowMs: number): string =>
  new Date(nowMs + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);

export const NO_FIX_TODAY = '今天（北京时间 0 点起）还没有收到车辆定位，显示的是最后已知位置。';
export const NO_FIX_EVER = '还没有收到这辆车的定位。';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A hop faster than this between two fixes is not driving: a GNSS jump, or
 * two sources reporting one plate. It is left out of the distance (a truck
 * cannot cover it), whatever the fixes' own speeds say.
 */
export const MAX_PLAUSIBLE_KMH = 180;

const plausible = (a: TrackFix, b: TrackFix, metres: number) =>
  b.t > a.t && metres / ((b.t - a.t) / 3_600_000) / 1000 <= MAX_PLAUSIBLE_KMH;

/**
 * Metres between consecutive fixes, leaving out the intervals inside stops (a
 * parked truck's jitter) and implausible hops (MAX_PLAUSIBLE_KMH).
 */
function drivenM(fixes: readonly TrackFix[], stops: readonly { first: number; last: number }[]): number {
  let total = 0;
  let s = 0;
  for (let i = 1; i < fixes.length; i++) {
    while (s < stops.length && (stops[s] as { last: number }).last < i) s++;
    const stop = stops[s];
    if (stop && stop.first < i && i <= stop.last) continue;
    const a = fixes[i - 1] as TrackFix;
    const b = fixes[i] as TrackFix;
    const m = metresBetween(a, b);
    if (plausible(a, b, m)) total += m;
  }
  return total;
}

export interface TrackInput {
  /** The fixes from 00:00 China time to `nowMs`, in increasing GNSS time. */
  fixes: readonly TrackFix[];
  nowMs: number;
  /** The vehicle's last known position; used only when it has no fix today. */
  lastKnown: PositionView | null;
  maxPoints?: number;
}

/** The track of the day (`placeText` null: the use case describes the places). */
export function buildTrack({ fixes, nowMs, lastKnown, maxPoints = TRACK_MAX_POINTS }: TrackInput): TrackView {
  const fromMs = chinaDayStartMs(nowMs);
  const day = { day: chinaDate(nowMs), from: iso(fromMs), to: iso(nowMs), fixes: fixes.length };
  if (fixes.length === 0)
    return {
      ...day,
      distanceM: 0,
      points: [],
      stops: [],
      lastKnown,
      reason: lastKnown ? NO_FIX_TODAY : NO_FIX_EVER,
    };
  const found = findStops(fixes, DEFAULT_STOP_PARAMS);
  const { indices } = simplifyTrack(fixes, maxPoints);
  const points = indices.map((i) => {
    const f = fixes[i] as TrackFix;
    return { gnssTime: iso(f.t), ...datums(f.lat, f.lon) };
  });
  const stops: TrackStopView[] = found.map((s) => {
    const at = fixes[s.first] as TrackFix;
    return {
      startedAt: iso(s.startMs),
      endedAt: iso(s.endMs),
      durationS: Math.round(s.durationS),
      ongoing: s.ongoing,
      place: place(at.lat, at.lon),
      placeText: null,
    };
  });
  return {
    ...day,
    distanceM: Math.round(drivenM(fixes, found)),
    points,
    stops,
    lastKnown: null,
    reason: null,
  };
}

/**
 * X7: today's track of a shared truck for the share's claimer, while the share
 * is valid (the view's refusals: S2, S6, S12). Not recorded as a view: the
 * page reads it next to the view, which is. One track per vehicle and China
 * day, kept for a short time (deps.tracks) and shared by its viewers.
 */
import { vehicleKey } from '@safewatch/common';
import fastJson from 'fast-json-stringify';
import type { LatLon } from '../domain/geo.js';
import { buildTrack, chinaDayStartMs } from '../domain/track.js';
import { TrackSchema, type TrackView } from '../domain/view.schema.js';
import type { ShareDeps } from './deps.js';
import { positionView } from './view.builder.js';
import { viewerShare } from './viewer.usecase.js';

/** X5: a place in words ("G2京沪高速 · 泰安市岱岳区附近"), or null when it cannot be said. */
export type PlaceDescriber = (place: LatLon) => Promise<string | null>;

const DAY_MS = 86_400_000;
const serialize = fastJson(TrackSchema);

async function lastKnown(deps: ShareDeps, key: string) {
  return positionView((await deps.lastPositions([key])).get(key));
}

/** Fills in each stop's place in words; a describer that fails (or throws) leaves it null. */
async function describeStops(track: TrackView, describe: PlaceDescriber | undefined): Promise<TrackView> {
  if (!describe || track.stops.length === 0) return track;
  const said = (s: TrackView['stops'][number]) =>
    Promise.resolve()
      .then(() => describe(s.place.wgs84))
      .catch(() => null);
  const texts = await Promise.all(track.stops.map(said));
  return { ...track, stops: track.stops.map((s, i) => ({ ...s, placeText: texts[i] ?? null })) };
}

/** The day's track of one vehicle, as JSON bytes. */
export async function loadTrack(
  deps: ShareDeps,
  plateNumber: string,
  plateColor: number,
  nowMs: number,
): Promise<Buffer> {
  const fromMs = chinaDayStartMs(nowMs);
  // The whole China day: a fix a little ahead of this clock (ingest accepts up to 5 min) is today's too.
  const fixes = await deps.repos.positions.fixesBetween(
    deps.pool,
    plateNumber,
    plateColor,
    fromMs,
    fromMs + DAY_MS,
  );
  const known = fixes.length === 0 ? await lastKnown(deps, vehicleKey(plateNumber, plateColor)) : null;
  const track = await describeStops(buildTrack({ fixes, nowMs, lastKnown: known }), deps.describePlace);
  return Buffer.from(serialize(track));
}

/** X7: the track of the share behind `token` for its claimer `viewerId`, as JSON bytes; refusals as the view's. */
export async function readTrack(deps: ShareDeps, token: string, viewerId: string): Promise<Buffer> {
  const share = await viewerShare(deps, token, viewerId, false);
  const nowMs = deps.now().getTime();
  const plateColor = Number(share.plateColor);
  const load = () => loadTrack(deps, share.plateNumber, plateColor, nowMs);
  if (!deps.tracks) return load();
  const key = `${vehicleKey(share.plateNumber, plateColor)}@${chinaDayStartMs(nowMs)}`;
  return deps.tracks.get(key, load);
}

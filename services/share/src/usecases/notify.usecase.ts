import { type Pool, vehicleKey } from '@safewatch/common';
import type { OutboxRow } from '../adapters/notify.repo.js';
import type { LatLon } from '../domain/geo.js';
import {
  decide,
  isStale,
  type NotifiableEvent,
  offlineEvent,
  type SkipReason,
} from '../domain/notify.rules.js';
import type { ShareRepos } from './deps.js';
import type { PlaceDescriber } from './track.usecase.js';

/** X8: from heard events to the outbox, before anything is sent. */

export interface NotifyDeps {
  pool: Pool;
  /** The notifications' repository (all its SQL); the service passes the adapter. */
  repos: Pick<ShareRepos, 'notify'>;
  now: () => number;
  /** X5: the event's place in words; absent: none. */
  describePlace?: PlaceDescriber;
  /** Per viewer, share, channel and kind: no second notification of that kind this soon. */
  cooldownMs: number;
  /** An episode heard of later than this after it began is not sent (the page shows it). */
  maxAgeMs: number;
}

/** An event as the notifier heard it: `heardAtMs` is when it was published (alert to send latency). */
export interface HeardEvent {
  event: NotifiableEvent;
  plateColor: number;
  place: LatLon | null;
  heardAtMs: number;
}

export type NotSent = SkipReason | 'STALE';

export interface EnqueueResult {
  /** New notifications stored (each sent once later). */
  queued: number;
  queuedByKind: Map<NotifiableEvent['kind'], number>;
  /** Notifications already stored for that episode, viewer and channel (a redelivery). */
  alreadyQueued: number;
  /** Viewer and event pairs not queued, by reason. */
  skipped: Map<NotSent, number>;
}

/**
 * Finds the claimed viewers of the vehicle's valid shares with an address on some channel,
 * decides per viewer and channel (X8 rules) and stores the notifications with their
 * idempotency keys. Redelivered events compute the same keys: nothing new is stored.
 */
export async function enqueueNotifications(deps: NotifyDeps, heard: HeardEvent[]): Promise<EnqueueResult> {
  const result: EnqueueResult = { queued: 0, queuedByKind: new Map(), alreadyQueued: 0, skipped: new Map() };
  const skip = (reason: NotSent) => result.skipped.set(reason, (result.skipped.get(reason) ?? 0) + 1);
  const nowMs = deps.now();
  const rows: OutboxRow[] = [];
  /** The batch's own notifications count for the cooldown too: two episodes in one chunk give one. */
  const batchLast = new Map<string, number>();
  const live = heard.filter((h) => {
    if (!isStale(h.event, nowMs, deps.maxAgeMs)) return true;
    skip('STALE');
    return false;
  });
  // One query for the chunk's events (a handful per chunk, thousands at the province's rate).
  const subscribersPerEvent = await deps.repos.notify.subscribersOf(
    deps.pool,
    live.map(({ event: e, plateColor }) => ({
      plateNumber: e.plateNumber,
      plateColor,
      kind: e.kind,
      episodeId: e.episodeId,
      atMs: e.atMs,
    })),
  );
  for (const [i, h] of live.entries()) {
    const e = h.event;
    const subscribers = subscribersPerEvent[i] ?? [];
    const sending = subscribers.flatMap((s) => {
      const inBatch = batchLast.get(`${s.shareId}|${s.channel}|${e.kind}`);
      const last = inBatch === undefined ? s.lastOfKindMs : Math.max(inBatch, s.lastOfKindMs ?? inBatch);
      const d = decide(e, s, last, deps.cooldownMs);
      if (!d.send) {
        skip(d.reason);
        return [];
      }
      return [{ s, key: d.key }];
    });
    if (sending.length === 0) continue;
    const placeText =
      e.placeText ?? (h.place && deps.describePlace ? await deps.describePlace(h.place) : null);
    for (const { s, key } of sending) {
      batchLast.set(`${s.shareId}|${s.channel}|${e.kind}`, e.atMs);
      rows.push({
        key,
        shareId: s.shareId,
        viewerId: s.viewerId,
        channel: s.channel,
        kind: e.kind,
        episodeId: e.episodeId,
        eventAtMs: e.atMs,
        heardAtMs: h.heardAtMs,
        message: { plateNumber: e.plateNumber, placeText },
      });
    }
  }
  // Two shares of one truck claimed by the same viewer give one key: one row.
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()];
  const fresh = await deps.repos.notify.enqueue(deps.pool, unique, nowMs);
  result.queued = fresh.size;
  for (const r of unique)
    if (fresh.has(r.key)) result.queuedByKind.set(r.kind, (result.queuedByKind.get(r.kind) ?? 0) + 1);
  result.alreadyQueued = rows.length - fresh.size;
  return result;
}

/** X8 offline: the watched vehicles silent for 30 minutes, as events (their last fixes from Redis). */
export async function offlineEvents(
  deps: NotifyDeps,
  lastFixes: (vehicleKeys: string[]) => Promise<Map<string, number>>,
): Promise<HeardEvent[]> {
  const nowMs = deps.now();
  const watched = await deps.repos.notify.offlineWatched(deps.pool, nowMs);
  if (watched.length === 0) return [];
  const keys = watched.map((v) => vehicleKey(v.plateNumber, v.plateColor));
  const fixes = await lastFixes(keys);
  return watched.flatMap((v, i) => {
    const fixMs = fixes.get(keys[i] as string);
    if (fixMs === undefined) return [];
    const event = offlineEvent(keys[i] as string, v.plateNumber, fixMs, nowMs);
    return event ? [{ event, plateColor: v.plateColor, place: null, heardAtMs: event.atMs }] : [];
  });
}

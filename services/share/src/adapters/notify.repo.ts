import type { Pool } from '@safewatch/common';
import type { Channel, NotificationKind } from '../domain/notify.rules.js';
import { inTransaction } from './shares.repo.js';

/**
 * X8: the viewers' notification addresses and consents, and the outbox of
 * notifications (migration 1700000003070). All SQL of the notifications.
 */

type Queryable = Pick<Pool, 'query'>;

/** The message's facts, rendered per channel when it is sent. */
export interface OutboxMessage {
  plateNumber: string;
  placeText: string | null;
}

// ---------------------------------------------------------------- consents

export interface ChannelChoice {
  channel: Channel;
  kinds: NotificationKind[];
  refused: boolean;
}

/** The viewer's choices on a share, per channel (none: no row). */
export async function choicesOf(db: Queryable, shareId: string): Promise<ChannelChoice[]> {
  const r = await db.query<{ channel: Channel; kinds: NotificationKind[] | null; refused: boolean }>(
    `SELECT e.channel, array_remove(array_agg(c.kind ORDER BY c.kind), NULL) AS kinds, e.refused_at IS NOT NULL AS refused
       FROM notify_endpoints e LEFT JOIN notify_consents c USING (share_id, channel)
      WHERE e.share_id = $1 GROUP BY e.channel, e.refused_at ORDER BY e.channel`,
    [shareId],
  );
  return r.rows.map((row) => ({ channel: row.channel, kinds: row.kinds ?? [], refused: row.refused }));
}

/**
 * Stores the viewer's address on a channel and the kinds consented to: `granted` are added
 * (a kind already granted keeps its first time), `revoked` removed. A new address clears an
 * earlier refusal: the viewer opted in again. One transaction.
 */
export async function saveConsents(
  pool: Pool,
  c: {
    shareId: string;
    channel: Channel;
    viewerId: string;
    address: object;
    granted: { kind: NotificationKind; templateId: string | null }[];
    revoked: NotificationKind[];
    atMs: number;
  },
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO notify_endpoints (share_id, channel, viewer_id, address, updated_at)
       VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0))
       ON CONFLICT (share_id, channel) DO UPDATE
         SET viewer_id = EXCLUDED.viewer_id, address = EXCLUDED.address, updated_at = EXCLUDED.updated_at,
             refused_at = CASE WHEN $6 THEN NULL ELSE notify_endpoints.refused_at END,
             refused_reason = CASE WHEN $6 THEN NULL ELSE notify_endpoints.refused_reason END`,
      [c.shareId, c.channel, c.viewerId, JSON.stringify(c.address), c.atMs, c.granted.length > 0],
    );
    if (c.granted.length > 0)
      await client.query(
        `INSERT INTO notify_consents (share_id, channel, kind, template_id, granted_at)
         SELECT $1, $2, k, t, to_timestamp($5 / 1000.0) FROM unnest($3::text[], $4::text[]) AS g(k, t)
         ON CONFLICT (share_id, channel, kind) DO UPDATE SET template_id = EXCLUDED.template_id`,
        [c.shareId, c.channel, c.granted.map((g) => g.kind), c.granted.map((g) => g.templateId), c.atMs],
      );
    if (c.revoked.length > 0)
      await client.query(
        'DELETE FROM notify_consents WHERE share_id = $1 AND channel = $2 AND kind = ANY($3::text[])',
        [c.shareId, c.channel, c.revoked],
      );
  });
}

/** Forgets the viewer's address (and so every consent) on a channel. */
export async function removeEndpoint(db: Queryable, shareId: string, channel: Channel): Promise<void> {
  await db.query('DELETE FROM notify_endpoints WHERE share_id = $1 AND channel = $2', [shareId, channel]);
}

// ------------------------------------------------------------- subscribers

export interface Subscriber {
  shareId: string;
  viewerId: string;
  channel: Channel;
  shareExpiresAtMs: number;
  shareEndedAtMs: number | null;
  refused: boolean;
  consents: Map<NotificationKind, number>;
  /** When this share's viewer last got (or is getting) a notification of `kind` on this channel. */
  lastOfKindMs: number | null;
}

/** An event whose subscribers are looked for: the vehicle, the kind, the episode and when it began. */
export interface SubscribersQuery {
  plateNumber: string;
  plateColor: number;
  kind: NotificationKind;
  episodeId: string;
  atMs: number;
}

/**
 * X8: per event, the claimed viewers of the vehicle's valid shares with an
 * address, with their consents and their last notification of that kind (of
 * another episode): one query for all the events of a chunk, answers in the
 * events' order.
 */
export async function subscribersOf(db: Queryable, events: SubscribersQuery[]): Promise<Subscriber[][]> {
  const out: Subscriber[][] = events.map(() => []);
  if (events.length === 0) return out;
  const r = await db.query<{
    i: string;
    share_id: string;
    viewer_id: string;
    channel: Channel;
    expires_ms: string;
    ended_ms: string | null;
    refused: boolean;
    kinds: NotificationKind[];
    granted_ms: string[];
    last_ms: string | null;
  }>(
    `SELECT q.i, s.share_id, s.claimed_by AS viewer_id, e.channel,
            (extract(epoch FROM s.expires_at) * 1000)::int8 AS expires_ms,
            (extract(epoch FROM s.ended_at) * 1000)::int8 AS ended_ms,
            e.refused_at IS NOT NULL AS refused,
            array_agg(c.kind) AS kinds,
            array_agg((extract(epoch FROM c.granted_at) * 1000)::int8) AS granted_ms,
            (SELECT (extract(epoch FROM max(o.event_at)) * 1000)::int8 FROM notify_outbox o
              WHERE o.share_id = s.share_id AND o.channel = e.channel AND o.kind = q.kind
                AND o.state IN ('PENDING', 'SENDING', 'SENT') AND o.episode_id <> q.episode_id) AS last_ms
       FROM unnest($1::text[], $2::int4[], $3::text[], $4::text[], $5::int8[])
              WITH ORDINALITY AS q(plate_number, plate_color, kind, episode_id, at_ms, i)
       JOIN shares s ON s.plate_number = q.plate_number AND s.plate_color = q.plate_color
       JOIN notify_endpoints e ON e.share_id = s.share_id AND e.viewer_id = s.claimed_by
       JOIN notify_consents c ON c.share_id = e.share_id AND c.channel = e.channel
      WHERE s.claimed_by IS NOT NULL
        AND (s.ended_at IS NULL OR s.ended_at > to_timestamp(q.at_ms / 1000.0))
      GROUP BY q.i, q.kind, q.episode_id, s.share_id, e.channel, e.refused_at
      ORDER BY q.i, s.created_at, e.channel`,
    [
      events.map((e) => e.plateNumber),
      events.map((e) => e.plateColor),
      events.map((e) => e.kind),
      events.map((e) => e.episodeId),
      events.map((e) => e.atMs),
    ],
  );
  for (const row of r.rows)
    out[Number(row.i) - 1]?.push({
      shareId: row.share_id,
      viewerId: row.viewer_id,
      channel: row.channel,
      shareExpiresAtMs: Number(row.expires_ms),
      shareEndedAtMs: row.ended_ms === null ? null : Number(row.ended_ms),
      refused: row.refused,
      consents: new Map(row.kinds.map((k, i) => [k, Number(row.granted_ms[i])])),
      lastOfKindMs: row.last_ms === null ? null : Number(row.last_ms),
    });
  return out;
}

/** X8 offline watch: the vehicles of valid shares whose viewer asked to hear of silence. */
export async function offlineWatched(
  db: Queryable,
  atMs: number,
): Promise<{ plateNumber: string; plateColor: number }[]> {
  const r = await db.query<{ plate_number: string; plate_color: number }>(
    `SELECT DISTINCT s.plate_number, s.plate_color
       FROM notify_consents c JOIN shares s USING (share_id)
      WHERE c.kind = 'OFFLINE' AND s.ended_at IS NULL AND s.expires_at > to_timestamp($1 / 1000.0)`,
    [atMs],
  );
  return r.rows.map((row) => ({ plateNumber: row.plate_number, plateColor: row.plate_color }));
}

// ------------------------------------------------------------------ outbox

export interface OutboxRow {
  key: string;
  shareId: string;
  viewerId: string;
  channel: Channel;
  kind: NotificationKind;
  episodeId: string;
  eventAtMs: number;
  heardAtMs: number;
  message: OutboxMessage;
}

/** Stores the notifications before anything is sent; returns the keys that were new. */
export async function enqueue(db: Queryable, rows: OutboxRow[], nowMs: number): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <T>(f: (r: OutboxRow) => T) => rows.map(f);
  const r = await db.query<{ key: string }>(
    `INSERT INTO notify_outbox (key, share_id, viewer_id, channel, kind, episode_id, event_at, heard_at, message,
                                state, next_at, created_at)
     SELECT k, s, v, c, kd, e, to_timestamp(ev / 1000.0), to_timestamp(h / 1000.0), m, 'PENDING',
            to_timestamp($10 / 1000.0), to_timestamp($10 / 1000.0)
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[],
                   $9::jsonb[]) AS n(k, s, v, c, kd, e, ev, h, m)
     ON CONFLICT (key) DO NOTHING
     RETURNING key`,
    [
      col((x) => x.key),
      col((x) => x.shareId),
      col((x) => x.viewerId),
      col((x) => x.channel),
      col((x) => x.kind),
      col((x) => x.episodeId),
      col((x) => x.eventAtMs),
      col((x) => x.heardAtMs),
      col((x) => JSON.stringify(x.message)),
      nowMs,
    ],
  );
  return new Set(r.rows.map((x) => x.key));
}

/** A notification taken for sending, with what decides whether it may still go out. */
export interface DueNotification extends OutboxRow {
  attempts: number;
  /** The share is still valid and claimed by the viewer. */
  shareValid: boolean;
  /** The viewer's address on the channel; null when forgotten. */
  address: Record<string, unknown> | null;
  refused: boolean;
  /** Consent to this kind still given; for WeChat the template consented to. */
  consented: boolean;
  templateId: string | null;
}

/**
 * Takes up to `limit` due notifications for `leaseMs`: waiting ones whose time came, and
 * ones another notifier took and never finished (it died: its lease ran out). Several
 * notifiers share the outbox (SKIP LOCKED).
 */
export async function takeDue(
  db: Queryable,
  nowMs: number,
  leaseMs: number,
  limit: number,
): Promise<DueNotification[]> {
  const r = await db.query<{
    key: string;
    share_id: string;
    viewer_id: string;
    channel: Channel;
    kind: NotificationKind;
    episode_id: string;
    event_ms: string;
    heard_ms: string;
    message: OutboxMessage;
    attempts: number;
    share_valid: boolean | null;
    address: Record<string, unknown> | null;
    refused: boolean | null;
    consented: boolean;
    template_id: string | null;
  }>(
    `WITH due AS (
       SELECT key, share_id, channel, kind, viewer_id FROM notify_outbox
        WHERE (state = 'PENDING' AND next_at <= to_timestamp($1 / 1000.0))
           OR (state = 'SENDING' AND lease_until <= to_timestamp($1 / 1000.0))
        ORDER BY next_at LIMIT $3
        FOR UPDATE SKIP LOCKED)
     UPDATE notify_outbox o
        SET state = 'SENDING', attempts = o.attempts + 1, lease_until = to_timestamp(($1 + $2) / 1000.0)
       FROM due
       LEFT JOIN shares s ON s.share_id = due.share_id
       LEFT JOIN notify_endpoints e ON e.share_id = due.share_id AND e.channel = due.channel
       LEFT JOIN notify_consents c ON c.share_id = due.share_id AND c.channel = due.channel AND c.kind = due.kind
      WHERE o.key = due.key
     RETURNING o.key, o.share_id, o.viewer_id, o.channel, o.kind, o.episode_id,
               (extract(epoch FROM o.event_at) * 1000)::int8 AS event_ms,
               (extract(epoch FROM o.heard_at) * 1000)::int8 AS heard_ms,
               o.message, o.attempts,
               (s.ended_at IS NULL AND s.expires_at > to_timestamp($1 / 1000.0) AND s.claimed_by = due.viewer_id)
                 AS share_valid,
               e.address, e.refused_at IS NOT NULL AS refused, c.kind IS NOT NULL AS consented, c.template_id`,
    [nowMs, leaseMs, limit],
  );
  return r.rows.map((x) => ({
    key: x.key,
    shareId: x.share_id,
    viewerId: x.viewer_id,
    channel: x.channel,
    kind: x.kind,
    episodeId: x.episode_id,
    eventAtMs: Number(x.event_ms),
    heardAtMs: Number(x.heard_ms),
    message: x.message,
    attempts: x.attempts,
    shareValid: x.share_valid === true,
    address: x.address,
    refused: x.refused === true,
    consented: x.consented,
    templateId: x.template_id,
  }));
}

/** `attempts` is the attempt the notifier took: a row another notifier took since is left to it. */
export type Settled = { key: string; attempts: number } & (
  | { state: 'SENT'; atMs: number }
  | { state: 'FAILED' | 'DROPPED'; error: string }
  | { state: 'PENDING'; nextAtMs: number; error: string }
);

/** Records how each taken notification ended (one round trip). */
export async function settle(db: Queryable, settled: Settled[]): Promise<void> {
  if (settled.length === 0) return;
  await db.query(
    `UPDATE notify_outbox o
        SET state = n.state, lease_until = NULL,
            sent_at = CASE WHEN n.state = 'SENT' THEN to_timestamp(n.at / 1000.0) ELSE o.sent_at END,
            next_at = CASE WHEN n.state = 'PENDING' THEN to_timestamp(n.at / 1000.0) ELSE o.next_at END,
            last_error = n.error
       FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::int4[]) AS n(key, state, at, error, attempts)
      WHERE o.key = n.key AND o.state = 'SENDING' AND o.attempts = n.attempts`,
    [
      settled.map((s) => s.key),
      settled.map((s) => s.state),
      settled.map((s) => (s.state === 'SENT' ? s.atMs : s.state === 'PENDING' ? s.nextAtMs : 0)),
      settled.map((s) => (s.state === 'SENT' ? null : s.error)),
      settled.map((s) => s.attempts),
    ],
  );
}

/** A permanent refusal (WeChat 43101, a push subscription gone) stops the channel for that share's viewer. */
export async function refuseEndpoint(
  db: Queryable,
  shareId: string,
  channel: Channel,
  reason: string,
  atMs: number,
): Promise<void> {
  await db.query(
    `UPDATE notify_endpoints SET refused_at = to_timestamp($3 / 1000.0), refused_reason = $4
      WHERE share_id = $1 AND channel = $2 AND refused_at IS NULL`,
    [shareId, channel, atMs, reason],
  );
}

/** Notifications waiting or being sent. */
export async function queuedCount(db: Queryable): Promise<number> {
  const r = await db.query<{ n: string }>(
    "SELECT count(*) AS n FROM notify_outbox WHERE state IN ('PENDING', 'SENDING')",
  );
  return Number(r.rows[0]?.n ?? 0);
}

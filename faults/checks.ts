/**
 * What the system stored, compared with what the plan says it must have
 * stored: positions by (plate, colour, GNSS time), last positions in Redis,
 * alerts by idempotency key, alerts on the topic.
 */
import { type Consumer, createKafka, createLogger, lastPositionKey, type Redis } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { BAD_REASONS } from '@safewatch/simulator';
import type pg from 'pg';
import type { NotificationsCheck } from './notifications.js';
import { type Plan, positionKey, RULE_ALERT_KINDS } from './plan.js';

export async function storedCount(db: pg.Pool): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM positions')).rows[0]?.n ?? 0;
}

export interface PositionsCheck {
  stored: number;
  storedTwice: number;
  lost: number;
  notValid: number;
  lostSample: string[];
}

export async function checkPositions(db: pg.Pool, plan: Plan): Promise<PositionsCheck> {
  const r = await db.query<{ p: string; c: number; t: string; n: number }>(
    `SELECT plate_number AS p, plate_color AS c,
            (extract(epoch FROM gnss_time) * 1000)::int8::text AS t, count(*)::int AS n
       FROM positions GROUP BY 1, 2, 3`,
  );
  const stored = new Set<string>();
  let storedTwice = 0;
  let total = 0;
  for (const row of r.rows) {
    stored.add(positionKey(row.p, row.c, Number(row.t)));
    total += row.n;
    if (row.n > 1) storedTwice += row.n - 1;
  }
  const lostKeys = [...plan.validKeys].filter((k) => !stored.has(k));
  const notValid = [...stored].filter((k) => !plan.validKeys.has(k)).length;
  return { stored: total, storedTwice, lost: lostKeys.length, notValid, lostSample: lostKeys.slice(0, 5) };
}

export interface LastPositionsCheck {
  vehicles: number;
  newest: number;
  wrong: string[];
}

/** Each vehicle's last position in Redis against the newest valid fix the simulator produced for it. */
export async function checkLastPositions(
  redis: Redis,
  prefix: string,
  plan: Plan,
): Promise<LastPositionsCheck> {
  const keys = [...plan.newest.keys()];
  const pipeline = redis.pipeline();
  for (const k of keys) pipeline.hget(lastPositionKey(prefix, k), 't');
  const results = (await pipeline.exec()) ?? [];
  const wrong: string[] = [];
  results.forEach(([err, value], i) => {
    const k = keys[i] as string;
    const want = plan.newest.get(k);
    if (err || Number(value) !== want) wrong.push(`${k}: ${value ?? 'missing'} ≠ ${want}`);
  });
  return { vehicles: keys.length, newest: keys.length - wrong.length, wrong };
}

export async function storedRuleAlerts(db: pg.Pool): Promise<Map<string, number>> {
  const r = await db.query<{ alert_id: string; n: number }>(
    'SELECT alert_id, count(*)::int AS n FROM alerts WHERE kind = ANY($1) GROUP BY alert_id',
    [RULE_ALERT_KINDS],
  );
  return new Map(r.rows.map((x) => [x.alert_id, x.n]));
}

export interface AlertsCheck {
  expected: number;
  found: number;
  /** Stored more than once, or stored beyond the expected alerts (a second alert for an episode). */
  duplicated: number;
  lost: number;
  lostSample: string[];
  extraSample: string[];
}

/** For a vehicle whose late fixes may or may not reach the rules (see buildPlan), either outcome is accepted. */
export function expectedAlertIds(plan: Plan, stored: Map<string, number>): Set<string> {
  const out = new Set<string>();
  for (const a of plan.alerts) if (!plan.ambiguousVehicles.has(a.vehicleKey)) out.add(a.alertId);
  for (const [vehicleKey, withLate] of plan.ambiguousVehicles) {
    const inOrder = plan.alerts.filter((a) => a.vehicleKey === vehicleKey).map((a) => a.alertId);
    const storedOfVehicle = [...stored.keys()].filter((id) => id.startsWith(`${vehicleKey}|`));
    const matchesWithLate =
      storedOfVehicle.length === withLate.size && storedOfVehicle.every((id) => withLate.has(id));
    for (const id of matchesWithLate ? withLate : inOrder) out.add(id);
  }
  return out;
}

export function checkAlerts(plan: Plan, stored: Map<string, number>): AlertsCheck {
  const expected = expectedAlertIds(plan, stored);
  const found = [...expected].filter((id) => stored.has(id));
  const lost = [...expected].filter((id) => !stored.has(id));
  const extra = [...stored.keys()].filter((id) => !expected.has(id));
  let twice = 0;
  for (const n of stored.values()) if (n > 1) twice += n - 1;
  return {
    expected: expected.size,
    found: found.length,
    duplicated: twice + extra.length,
    lost: lost.length,
    lostSample: lost.slice(0, 5),
    extraSample: extra.slice(0, 5),
  };
}

/**
 * Every alert published to the `alerts` topic, counted by id (consumers dedupe by id; redelivery may repeat one).
 * kafkajs starts a crashed consumer again only after an error it retries; with the whole cluster
 * stopped, "Failed to find group coordinator" stops it for good. The services start theirs again
 * (consumer-recovery.ts); this reader does too, or it would miss what is published afterwards.
 */
export class AlertsTopic {
  readonly published = new Map<string, number>();
  private readonly consumer: Consumer;
  private stopped = false;

  constructor(brokers: string[], topic: string) {
    const logger = createLogger('fault-alerts-topic', 'silent');
    this.consumer = createKafka({ brokers, clientId: 'fault-alerts-topic', logger }).consumer({
      groupId: 'fault-suite-alerts-topic',
      sessionTimeout: 6_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 250,
    });
    this.topic = topic;
  }

  private readonly topic: string;

  async start(): Promise<void> {
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.startAgain();
    });
    await this.run();
  }

  private startAgain(): void {
    setTimeout(() => {
      if (!this.stopped) this.run().catch(() => this.startAgain());
    }, 1_000).unref();
  }

  private async run(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        if (!message.value) return;
        const id = pb.Alert.decode(message.value).alertId ?? '';
        this.published.set(id, (this.published.get(id) ?? 0) + 1);
      },
    });
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.consumer.disconnect();
  }
}

export interface AcceptedCheck {
  /** Distinct valid positions republished on positions.accepted. */
  distinct: number;
  /** Valid positions stored but never republished (alerts never saw them). */
  missing: number;
  missingSample: string[];
}

/**
 * Every position on positions.accepted, read by a group of its own up to the
 * high watermarks: what the alerts service could see. A position stored but
 * missing here is one acknowledged to ingest and lost on the way.
 */
export async function checkAccepted(brokers: string[], topic: string, plan: Plan): Promise<AcceptedCheck> {
  const logger = createLogger('fault-accepted-topic', 'silent');
  const kafka = createKafka({ brokers, clientId: 'fault-accepted-topic', logger });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const seen = new Set<string>();
  const consumer = kafka.consumer({ groupId: `fault-accepted-${Date.now()}`, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    if (remaining.size === 0) resolve();
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          if (!m.value) continue;
          const p = pb.Position.decode(m.value);
          seen.add(positionKey(p.plateNumber ?? '', p.plateColor ?? 0, Number(p.gnssTimeMs)));
        }
        const end = remaining.get(batch.partition);
        if (end !== undefined && Number(batch.lastOffset()) + 1 >= end) remaining.delete(batch.partition);
        if (remaining.size === 0) resolve();
      },
    });
  });
  await consumer.disconnect();
  const missing = [...plan.validKeys].filter((k) => !seen.has(k));
  return { distinct: seen.size, missing: missing.length, missingSample: missing.slice(0, 5) };
}

export interface Summary {
  plan: Plan;
  positions: PositionsCheck;
  accepted: AcceptedCheck;
  lastPositions: LastPositionsCheck;
  alerts: AlertsCheck;
  topic: { distinct: number; republished: number; missing: number };
  notifications: NotificationsCheck;
  sharesUnchanged: boolean;
  notes: string[];
}

export function formatSummary(s: Summary): string {
  const c = s.plan.counts;
  const bad = BAD_REASONS.reduce((n, r) => n + c.bad[r], 0);
  const badDetail = BAD_REASONS.map((r) => `${r} ${c.bad[r]}`).join(', ');
  const rows: [string, string | number][] = [
    ['positions produced', c.produced],
    ['  valid (distinct)', c.valid],
    ['  invalid, made so on purpose', `${bad} (${badDetail})`],
    ['  duplicates, re-sent on purpose', c.duplicates],
    ['  late (valid, older than a fix already sent)', c.late],
    ['positions stored', s.positions.stored],
    ['  stored twice', s.positions.storedTwice],
    ['  lost (valid, not stored)', s.positions.lost],
    ['  stored but not valid', s.positions.notValid],
    ['positions on positions.accepted (distinct)', s.accepted.distinct],
    ['  stored but never republished', s.accepted.missing],
    [
      'last positions in Redis (newest / vehicles)',
      `${s.lastPositions.newest} / ${s.lastPositions.vehicles}`,
    ],
    ['alerts expected', s.alerts.expected],
    ['alerts found', s.alerts.found],
    ['alerts duplicated', s.alerts.duplicated],
    ['alerts lost', s.alerts.lost],
    ['alerts on the topic (distinct)', s.topic.distinct],
    ['  published again (at-least-once, deduped by id)', s.topic.republished],
    ['  expected but never published', s.topic.missing],
    ['notifications expected', s.notifications.expected],
    ['notifications delivered', s.notifications.delivered],
    ['  duplicated', s.notifications.duplicated],
    ['  lost', s.notifications.lost],
    ['  delivered but not expected', s.notifications.unexpected],
    [
      'outbox SENT / FAILED / DROPPED',
      `${s.notifications.outbox.SENT} / ${s.notifications.outbox.FAILED} / ${s.notifications.outbox.DROPPED}`,
    ],
    ['  sent again after a lease ran out', s.notifications.resent],
    ['shares and bindings unchanged', s.sharesUnchanged ? 'yes' : 'NO'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  return ['', '== fault suite: counts', ...lines, ...s.notes.map((n) => `note: ${n}`), ''].join('\n');
}

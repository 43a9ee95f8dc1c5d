/**
 * The fault suite (npm run test:faults). The simulator streams nine hours
 * of simulated time of a fleet (deterministic seed, time-compressed) through
 * real processes of ingest and alerts, with bindings, share and the
 * notifier running and a few bindings and shares made up front (their
 * viewers opted in to WeChat notifications, X8), on a 3-node Kafka cluster
 * (every topic with replication factor 3 and min.insync.replicas 2, checked
 * first), while the suite injects in sequence:
 *   - SIGKILL of ingest mid-batch, then a restart;
 *   - SIGKILL of the notifier while WeChat sends are in flight, then a restart;
 *   - SIGKILL of alerts in the middle of a fatigue episode, then a restart;
 *   - a Postgres restart, a Redis restart (empty);
 *   - a second ingest instance, then the first one stopped (a rebalance);
 *   - SIGKILL of the node leading a busy positions.raw partition, then of the
 *     one leading a busy positions.accepted partition: the services carry on
 *     with the other two nodes while it is down, then it is started again on
 *     its data and catches up;
 *   - one node restarted (controlled stop, data kept) while the stream flows;
 *   - all three nodes frozen (SIGSTOP) for 25 s;
 *   - all three nodes stopped, then started on their data.
 * Through the Kafka outages the services stay up (same processes), report not
 * ready and resume on their own. Afterwards every valid position must be
 * stored exactly once, every last position be the newest, every alert the
 * rules give for the same tracks be stored once, every notification the
 * viewers are owed be delivered once, and the shares and bindings be as they
 * were.
 *
 * Waits are on conditions (generous timeouts: the machines are shared); the
 * only fixed duration is how long the cluster stays frozen.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSampleRegistry } from '@safewatch/bindings/sample-registry';
import { minInsyncReplicas, Redis, topicNames } from '@safewatch/common';
import { findLeaks, type KafkaNode, waitFor } from '@safewatch/testkit';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeState } from '../services/alerts/src/adapters/state.codec.js';
import {
  AlertsTopic,
  checkAccepted,
  checkAlerts,
  checkLastPositions,
  checkPositions,
  expectedAlertIds,
  formatSummary,
  type Summary,
  storedCount,
  storedRuleAlerts,
} from './checks.js';
import { ClusterView } from './cluster.js';
import {
  checkNotifications,
  deliveredCounts,
  type ExpectedNotification,
  expectedNotifications,
  justTaken,
  notifiableEpisodes,
  outboxRows,
  trucksToWatch,
  type Watcher,
} from './notifications.js';
import { createPeople, type People, type Sharing } from './people.js';
import { buildPlan, fatigueEpisodeToInterrupt, RULE_ALERT_KINDS } from './plan.js';
import {
  type Exit,
  httpStatus,
  kafkaClientComplaints,
  metric,
  readyz,
  type ServiceKind,
  type ServiceProcess,
} from './services.js';
import { Streamer } from './streamer.js';
import {
  JWT_SECRET,
  KAFKA_NODES,
  NOTIFY_LEASE_SECONDS,
  REDIS_PREFIX,
  type System,
  startSystem,
  WECHAT,
} from './system.js';

const SEED = 1;
const TRUCKS = 100;
/**
 * 9 h of simulated time, one fix per truck every 30 s: long enough for fatigue detected by our rules
 * (> 4 h), with enough ticks left after the fatigue episode for the Kafka faults to land mid-stream.
 */
const TICKS = 1080;
/** Ticks per second while faults are injected (100 trucks: 200 positions/s). */
const SLOW = 2;
const FLOW = 20;
const FREEZE_MS = 25_000;
const HOUR = 3600_000;
/** X8: the simulated moment the viewers opted in (about an hour into the day): episodes before it are not sent. */
const CONSENT_TICK = 120;
/**
 * X8: a truck each of these drivers shares with three viewers (S3), besides the suite's own shares,
 * so that one episode makes a round of three sends. Sample drivers whose qualification certificates
 * stay valid for years (B1 refuses an expired one).
 */
const WATCHING_DRIVERS = ['driver-0006', 'driver-0007', 'driver-0019'];
/** The ticks the notifier case may use: after the ingest case, well before the fatigue episode the alerts case needs. */
const NOTIFY_CASE_FROM = 270;
/** A notification taken at most this long ago is still in flight (WeChat answers after WECHAT.answerDelayMs). */
const JUST_TAKEN_MS = 150;
const TOPICS = topicNames();
/** Every topic the nodes hold, the group offsets' own included: all of them must be back in sync after a node returns. */
const KAFKA_TOPICS = [...Object.values(TOPICS), '__consumer_offsets'];
/** The groups (the services' default ids) that carry the stream, and the topic each consumes. */
const STREAM_GROUPS = [
  ['ingest', TOPICS.positionsRaw],
  ['alerts', TOPICS.positionsAccepted],
] as const;

const suiteStarted = Date.now();
const plan = buildPlan({
  seed: SEED,
  trucks: TRUCKS,
  ticks: TICKS,
  // Whole hours, so the fleet's time of day is the same on every run; every fix is in the past.
  startTimeMs: Math.floor((Date.now() - (TICKS * 30_000 + 2 * HOUR)) / HOUR) * HOUR,
  badRate: 0.002,
});
const episode = fatigueEpisodeToInterrupt(plan, 300);

let sys: System;
let db: pg.Pool;
let redis: Redis;
let streamer: Streamer;
let topic: AlertsTopic;
let cluster: ClusterView;
let killedRawLeader: number | undefined;
let people: People;
let before: unknown;
let summary: Summary | undefined;
/** X8: the notifications the viewers are owed (plan and consents), and the episodes before the consent. */
let notify: { expected: ExpectedNotification[]; beforeConsent: number; watchers: Watcher[] };
const notes: string[] = [];
const phases: [string, number][] = [];

const live = () => sys.all().filter((p) => p.alive());
const liveOf = (kind: ServiceKind) => live().filter((p) => p.kind === kind);
const tickTime = (tick: number) => (plan.ticks[tick] as { timeMs: number }).timeMs;

/** Until the simulator has sent `ticks` ticks and every valid position among them is stored. */
async function waitStored(ticks: number, timeoutMs = 120_000): Promise<void> {
  const target = plan.validUpToTick[ticks - 1] as number;
  await waitFor(async () => streamer.sent >= ticks && (await storedCount(db)) >= target, {
    timeoutMs,
    intervalMs: 250,
    message: `${target} positions of the first ${ticks} ticks stored`,
  });
}

/** GNSS time of the last fix the alerts rules evaluated for a vehicle (from its checkpoint). */
async function alertsStateT(vehicleKey: string): Promise<number> {
  const s = await redis.getBuffer(`${REDIS_PREFIX}alerts:state:${vehicleKey}`);
  return s ? decodeState(s).lastT : Number.NEGATIVE_INFINITY;
}

async function allReady(expectStatus: 200 | 503, check?: string): Promise<boolean> {
  const r = await Promise.all(live().map((s) => readyz(s)));
  return r.every((x) =>
    expectStatus === 200 ? x.status === 200 : x.status === 503 && (!check || x.checks[check] === false),
  );
}

/** Step retries of the live ingest and alerts processes: evidence that work was in hand during an outage. */
async function retries(step: string): Promise<number> {
  let n = 0;
  for (const p of liveOf('ingest')) n += await metric(p, 'ingest_step_retries_total', { step });
  for (const p of liveOf('alerts')) n += await metric(p, 'alerts_step_retries_total', { step });
  return n;
}

/** Counters of the retries a Kafka fault causes, to report how many it took. */
async function kafkaRetries(): Promise<{ at: number; publish: number; streamer: number }> {
  return { at: Date.now(), publish: await retries('publish'), streamer: streamer.failedSends };
}

async function retriesSince(before: { at: number; publish: number; streamer: number }): Promise<string> {
  const now = await kafkaRetries();
  return [
    `simulator sends retried ${now.streamer - before.streamer}`,
    `publish steps retried ${now.publish - before.publish}`,
    `Kafka client warnings in the service logs ${kafkaClientComplaints(sys.all(), before.at)}`,
  ].join(', ');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * SIGKILL of the node leading the busiest partition of `topic` while the
 * stream flows; while it is down, the partition takes new messages on another
 * leader and `group` consumes and commits them; then the node starts again on
 * its data and every replica catches up. Returns the killed node's id.
 */
async function leaderKilled(topicName: string, group: string, preferNot?: number): Promise<number> {
  streamer.runTo(streamer.sent + 80, SLOW);
  const busy = await cluster.busiestPartition(topicName, preferNot);
  const where = `${topicName}[${busy.partition}]`;
  const node = cluster.node(busy.leader);
  const counts = await kafkaRetries();
  const highAtKill = (await cluster.highWatermarks(topicName)).get(busy.partition) ?? 0n;
  const tickAtKill = streamer.sent;
  await node.kill();
  const killedAt = Date.now();
  const moved = await cluster.waitLeaderMoved(topicName, busy.partition, node.id);
  const movedAfter = Date.now() - killedAt;
  // On the other two nodes: messages written to the partition after the kill, consumed and committed.
  let written = 0n;
  await waitFor(
    async () => {
      written = (await cluster.highWatermarks(topicName)).get(busy.partition) ?? 0n;
      return written > highAtKill;
    },
    { timeoutMs: 60_000, intervalMs: 250, message: `${where} written to after the kill` },
  );
  await waitFor(
    async () => ((await cluster.committed(group, topicName)).get(busy.partition) ?? -1n) >= written,
    { timeoutMs: 60_000, intervalMs: 250, message: `${group} consumed ${where} up to offset ${written}` },
  ).catch(async (err: Error) => {
    throw new Error(`${err.message}; ${await cluster.describeGroup(group)}`);
  });
  expect(node.running(), `node ${node.id} still down while ${where} was consumed`).toBe(false);
  const { upAt, syncMs } = await restartedAndWhole(node);
  const downMs = upAt - killedAt;
  notes.push(
    `${where} leader node ${node.id} SIGKILL at tick ${tickAtKill}: leader node ${moved.leader} after ${seconds(movedAfter)}, ${written - highAtKill} messages written and consumed by ${group} meanwhile; down ${seconds(downMs)} (until registered again), replicas in sync ${seconds(syncMs)} later; ${await retriesSince(counts)}`,
  );
  return node.id;
}

/** Until every service reports Kafka not ready, each one still running and live (/healthz 200). */
async function notReadyButAlive(running: ServiceProcess[], timeoutMs: number, why: string): Promise<void> {
  await waitFor(() => allReady(503, 'kafka'), {
    timeoutMs,
    intervalMs: 250,
    message: `every service not ready ${why}`,
  });
  for (const s of running) {
    expect(s.alive(), `${s.name} alive`).toBe(true);
    expect(await httpStatus(`${s.base}/healthz`), `${s.name} /healthz`).toBe(200);
  }
}

/** Until every service is ready again, all of them the processes of before; returns how long that took. */
async function readyAgainSameProcesses(running: ServiceProcess[]): Promise<number> {
  const from = Date.now();
  await waitFor(() => allReady(200), { timeoutMs: 120_000, intervalMs: 250, message: 'ready again' });
  expect(
    live().map((p) => `${p.name}:${p.pid}`),
    'the same processes, none restarted',
  ).toEqual(running.map((p) => `${p.name}:${p.pid}`));
  return Date.now() - from;
}

/**
 * Starts a node that is down again on its data, then waits until the cluster
 * and the stream are whole: every replica in sync, every service ready, every
 * position sent stored and consumed. Returns when the node was registered
 * again and how long its replicas took to catch up after that.
 */
async function restartedAndWhole(node: KafkaNode): Promise<{ upAt: number; syncMs: number }> {
  await node.start();
  const upAt = Date.now();
  await cluster.waitInSync(KAFKA_TOPICS);
  const syncMs = Date.now() - upAt;
  await waitFor(() => allReady(200), { timeoutMs: 90_000, intervalMs: 250, message: 'ready again' });
  await waitStored(streamer.sent);
  await streamConsumed();
  return { upAt, syncMs };
}

/** Until ingest and alerts have consumed and committed everything written to their topics so far. */
async function streamConsumed(): Promise<void> {
  await Promise.all(STREAM_GROUPS.map(([group, topicName]) => cluster.waitConsumed(group, topicName)));
}

/** What every live service reports (readiness, metrics) when a step failed, next to its log. */
async function saveServiceState(step: string): Promise<void> {
  for (const s of live()) {
    const [ready, metrics] = await Promise.all([
      readyz(s),
      fetch(`${s.base}/metrics`, { signal: AbortSignal.timeout(5_000) })
        .then((r) => r.text())
        .catch((err: Error) => err.message),
    ]);
    const file = join(sys.logDir, `${s.name}.at-failure.txt`);
    appendFileSync(
      file,
      `== ${new Date().toISOString()} ${step}\nreadyz ${JSON.stringify(ready)}\n${metrics}\n`,
    );
  }
}

function phase(name: string, started: number) {
  phases.push([name, Date.now() - started]);
}

beforeAll(async () => {
  if (!episode) throw new Error('fixture: the simulated data holds no detected fatigue episode to interrupt');
  expect(episode.ended.tick - episode.started.tick).toBeGreaterThan(60);
  const t0 = Date.now();
  sys = await startSystem();
  db = new pg.Pool({ connectionString: sys.postgres.url, max: 2 });
  db.on('error', () => undefined);
  redis = new Redis(sys.redis.url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  cluster = new ClusterView(sys.kafka);
  topic = new AlertsTopic(sys.kafka.brokers, 'alerts');
  await topic.start();

  const fatiguePlate = episode.started.vehicleKey.split(':')[0] as string;
  const others = plan.plates.filter((p) => p !== fatiguePlate);
  // X8: the viewers opt in at a moment of the simulated day (see below), not on an episode's fix.
  const episodes = notifiableEpisodes(plan);
  let consentAtMs = tickTime(CONSENT_TICK) + 15_000;
  while (episodes.some((e) => Math.abs(e.atMs - consentAtMs) < 1_000)) consentAtMs += 1_000;
  const watched = trucksToWatch(plan, episodes, {
    exclude: [fatiguePlate, ...others.slice(0, 3)],
    consentAtMs,
    fromTick: NOTIFY_CASE_FROM,
    toTick: episode.started.tick - 40,
    count: WATCHING_DRIVERS.length,
  });
  const watching: Sharing[] = watched.map((plate, i) => {
    const driver = WATCHING_DRIVERS[i] as string;
    const n = driver.replace('driver-', '');
    return { driver, plates: [plate], family: [1, 2, 3].map((v) => `family-${n}-${v}`) };
  });
  people = await createPeople(sys.bindings.base, sys.share.base, JWT_SECRET, [
    {
      driver: 'driver-0001',
      plates: [fatiguePlate, others[0] as string],
      family: 'family-0001',
      duration: '7d',
    },
    { driver: 'driver-0002', plates: [others[1] as string], family: 'family-0002', duration: '1m' },
    { driver: 'driver-0004', plates: [others[2] as string] },
    ...watching,
  ]);

  // Every claimed viewer accepts the four kinds through the share service (the mini-program's report),
  // except on a truck whose alerts depend on late fixes (its expected notifications would not be exact).
  const watchers: Watcher[] = [];
  for (const share of people.shares) {
    if (plan.ambiguousVehicles.has(share.vehicleKey)) continue;
    const w = {
      viewerId: share.family,
      openId: `o-fault-${share.family}`,
      shareId: share.shareId,
      vehicleKey: share.vehicleKey,
    };
    await people.optInWechat(share, w.openId, Object.values(WECHAT.templates));
    watchers.push(w);
  }
  // The simulated day lies hours in the past (every fix must be when sent), the consents were
  // given just now: they are moved to a moment of that day, as if given then. What starts
  // after it is news to the viewers; what started before it is not sent (X8).
  await db.query('UPDATE notify_consents SET granted_at = to_timestamp($1::float8 / 1000)', [consentAtMs]);
  notify = { ...expectedNotifications(episodes, watchers, consentAtMs, WECHAT.templates), watchers };
  notes.push(
    `X8: ${watchers.length} viewers of ${new Set(watchers.map((w) => w.vehicleKey)).size} trucks opted in to WeChat notifications at simulated tick ${CONSENT_TICK}: ${notify.expected.length} episode starts to tell them, ${notify.beforeConsent} before the consent not`,
  );
  before = await people.snapshot();

  streamer = new Streamer(plan, sys.kafka.brokers, 'positions.raw');
  await streamer.start();
  phase('start the system, bindings and shares', t0);
});

afterAll(async () => {
  await streamer?.stop();
  await topic?.stop().catch(() => undefined);
  redis?.disconnect();
  await db?.end().catch(() => undefined);
  const lines = [
    summary
      ? formatSummary(summary)
      : ['\n== fault suite: no summary (a step failed; see above)', ...notes.map((n) => `note: ${n}`)].join(
          '\n',
        ),
    '== phases (s)',
    ...phases.map(([n, ms]) => `${n.padEnd(48)}  ${(ms / 1000).toFixed(1)}`),
    `${'total, including plan and teardown'.padEnd(48)}  ${((Date.now() - suiteStarted) / 1000).toFixed(1)}`,
    sys ? `service logs: ${sys.logDir}` : '',
  ].join('\n');
  console.log(lines);
  if (sys) writeFileSync(join(sys.logDir, 'summary.txt'), `${lines}\n`);
  await sys?.close();
});

describe.sequential('faults in sequence while the fleet streams', () => {
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveServiceState(task.name);
    // A failed step must not leave the next one a cluster short of a node.
    for (const n of sys.kafka.nodes) n.thaw();
    await Promise.all(sys.kafka.nodes.filter((n) => !n.running()).map((n) => n.start()));
  });

  it('every topic is replicated on the three Kafka nodes: replication factor 3, min.insync.replicas 2', async () => {
    const replication = await cluster.replication(KAFKA_TOPICS);
    expect(replication).toEqual(
      KAFKA_TOPICS.map((t) => ({
        topic: t,
        replicationFactor: KAFKA_NODES,
        minInsyncReplicas: minInsyncReplicas(KAFKA_NODES),
      })),
    );
    notes.push(
      `Kafka: ${KAFKA_NODES} nodes; ${KAFKA_TOPICS.length} topics (${KAFKA_TOPICS.join(', ')}) with replication factor ${KAFKA_NODES} and min.insync.replicas ${minInsyncReplicas(KAFKA_NODES)}`,
    );
  });

  it('ingest killed with SIGKILL mid-batch, then restarted: redelivered chunks are not stored twice', async () => {
    const t0 = Date.now();
    streamer.runTo(60, FLOW);
    await waitStored(60);

    // A backlog, so the kill lands while chunks are between persist and commit.
    const base = await storedCount(db);
    const burstEnd = 260;
    streamer.runTo(burstEnd);
    await waitFor(async () => (await storedCount(db)) >= base + 1000, {
      timeoutMs: 60_000,
      intervalMs: 20,
      message: 'ingest under way on the backlog',
    });
    const [ingest] = liveOf('ingest') as [ServiceProcess];
    expect((await ingest.kill('SIGKILL')).signal).toBe('SIGKILL');
    const atKill = await storedCount(db);
    expect(atKill, 'the kill landed before the backlog was stored').toBeLessThan(
      plan.validUpToTick[burstEnd - 1] as number,
    );

    const next = await sys.start('ingest');
    await waitStored(burstEnd);
    const redelivered = await metric(next, 'ingest_positions_duplicate_total', { where: 'stored' });
    notes.push(
      `ingest SIGKILL at ${atKill} stored; the restarted instance found ${redelivered} redelivered positions already stored`,
    );
    phase('ingest SIGKILL mid-batch + restart', t0);
  });

  it('notifier killed with SIGKILL mid-send, then restarted: no notification lost, none sent twice', async () => {
    const t0 = Date.now();
    const [notifier] = liveOf('notifier') as [ServiceProcess];
    const last = episode!.started.tick - 40;
    const byTick = new Map<number, ExpectedNotification[]>();
    for (const n of notify.expected)
      if (n.tick <= last) byTick.set(n.tick, [...(byTick.get(n.tick) ?? []), n]);
    const bursts = [...byTick].sort(([a], [b]) => a - b);

    // Up to a tick whose fixes start episodes viewers are told of (first one with a round of three
    // sends), then slowly on while the outbox is watched: the kill lands on sends just taken, before
    // WeChat answers them; a round missed (already answered) moves on to the next such tick.
    let killing: Promise<Exit> | undefined;
    let caught: { key: string; attempts: number; ageMs: number }[] = [];
    let tick = 0;
    for (let attempt = 0; !killing; attempt++) {
      const ahead = bursts.filter(([t]) => t > streamer.sent + 2);
      const next = (attempt === 0 ? ahead.find(([, ns]) => ns.length >= 3) : undefined) ?? ahead[0];
      if (!next)
        throw new Error(`no notification round in flight to kill the notifier in up to tick ${last}`);
      const [t, ns] = next;
      tick = t;
      streamer.runTo(t - 1, FLOW);
      await waitFor(() => streamer.sent >= t - 1, { timeoutMs: 60_000, message: `tick ${t - 1} sent` });
      streamer.runTo(t + 6, SLOW);
      await waitFor(
        async () => {
          caught = await justTaken(db, NOTIFY_LEASE_SECONDS, JUST_TAKEN_MS);
          if (caught.length > 0) {
            killing = notifier.kill('SIGKILL');
            return true;
          }
          const state = new Map((await outboxRows(db)).map((r) => [r.key, r.state]));
          return ns.every((n) => state.get(n.key) === 'SENT');
        },
        { timeoutMs: 60_000, intervalMs: 20, message: `the notifications of tick ${t} in flight or sent` },
      );
    }
    expect((await (killing as Promise<Exit>)).signal).toBe('SIGKILL');
    const inFlight = (await outboxRows(db)).filter((r) => r.state === 'SENDING');
    const signatureOf = new Map(notify.expected.map((n) => [n.key, n.signature]));
    const deliveredAtKill = deliveredCounts(sys.wechat.delivered);
    const acceptedBeforeKill = inFlight.filter(
      (r) => (deliveredAtKill.get(signatureOf.get(r.key) ?? '') ?? 0) > 0,
    ).length;
    expect(inFlight.length, 'sends in flight at the kill').toBeGreaterThan(0);

    // The fleet streams on while the notifier is down; the restarted one takes the rows left SENDING
    // once their lease ran out. It is ready once its consumer groups have it as a member: after the
    // killed member's session (30 s) ran out.
    streamer.runTo(streamer.sent + 20, SLOW);
    const restartedAt = Date.now();
    await sys.start('notifier');
    const readyAfter = Date.now() - restartedAt;
    let now = new Map<string, { state: string; attempts: number }>();
    await waitFor(
      async () => {
        now = new Map((await outboxRows(db)).map((r) => [r.key, r]));
        return inFlight.every((r) => now.get(r.key)?.state === 'SENT');
      },
      { timeoutMs: 90_000, intervalMs: 250, message: 'the notifications in flight at the kill sent' },
    );
    const resent = inFlight.filter((r) => (now.get(r.key)?.attempts ?? 0) > r.attempts).length;
    const delivered = deliveredCounts(sys.wechat.delivered);
    const duplicates = inFlight.reduce(
      (d, r) => d + Math.max(0, (delivered.get(signatureOf.get(r.key) ?? '') ?? 0) - 1),
      0,
    );
    notes.push(
      `notifier SIGKILL with ${inFlight.length} sends in flight; the restarted notifier resent ${resent} after the lease, duplicates ${duplicates} (kill at tick ${tick}, ${Math.max(...caught.map((c) => c.ageMs))} ms after the sends were taken, WeChat answering after ${WECHAT.answerDelayMs} ms: ${acceptedBeforeKill} accepted before the kill; restarted notifier ready after ${seconds(readyAfter)}, once the killed member's session ran out)`,
    );
    expect(duplicates, 'notifications in flight at the kill delivered twice').toBe(0);
    expect(resent, 'every notification left SENDING by the kill sent again').toBe(inFlight.length);
    phase('notifier SIGKILL mid-send + restart', t0);
  });

  it('alerts killed with SIGKILL in the middle of a fatigue episode: resumes it from the checkpoint', async () => {
    const t0 = Date.now();
    const { started, ended } = episode!;
    const vk = started.vehicleKey;
    const S = started.tick;
    streamer.runTo(S + 10, FLOW);
    await waitFor(async () => (await storedRuleAlerts(db)).has(started.alertId), {
      timeoutMs: 120_000,
      intervalMs: 250,
      message: `fatigue STARTED alert of ${vk} (detected after 4 h of driving)`,
    });

    // Still driving, episode open: kill while positions keep flowing.
    streamer.runTo(S + 60, 10);
    await waitFor(async () => (await alertsStateT(vk)) >= tickTime(S + 20) - 30_000, {
      timeoutMs: 60_000,
      intervalMs: 100,
      message: 'alerts 10 minutes into the episode (checkpointed)',
    });
    const stored = await storedRuleAlerts(db);
    expect(stored.has(ended.alertId), 'the episode is still open when alerts is killed').toBe(false);
    const [alerts] = liveOf('alerts') as [ServiceProcess];
    expect((await alerts.kill('SIGKILL')).signal).toBe('SIGKILL');

    await sys.start('alerts');
    await waitFor(
      async () => streamer.sent >= S + 60 && (await alertsStateT(vk)) >= tickTime(S + 59) - 30_000,
      { timeoutMs: 120_000, intervalMs: 250, message: 'restarted alerts past the kill point' },
    );
    const storedIds = [...(await storedRuleAlerts(db)).keys()];
    const fatigue = storedIds.filter(
      (id) => id.startsWith(`${vk}|${started.kind}|`) && !id.endsWith('|ENDED'),
    );
    expect(fatigue, 'one STARTED for the episode, none raised again after the restart').toEqual([
      started.alertId,
    ]);
    // X6: the pre-warning before it (its own kind) is the plan's, raised once too.
    const warned = (ids: string[]) =>
      ids.filter((id) => id.startsWith(`${vk}|FATIGUE_PRE_WARNING|`) && id.endsWith('|STARTED'));
    expect(warned(storedIds)).toEqual(
      warned(plan.alerts.filter((x) => x.vehicleKey === vk && x.tick <= S + 59).map((x) => x.alertId)),
    );
    phase('alerts SIGKILL mid-episode + restart', t0);
  });

  it('Postgres restarted: services report not ready, then resume; nothing lost', async () => {
    const t0 = Date.now();
    const gate = streamer.sent + 30;
    streamer.runTo(gate, SLOW);
    await sys.postgres.stop();
    await waitFor(() => allReady(503, 'postgres'), {
      timeoutMs: 60_000,
      intervalMs: 250,
      message: 'every service not ready while Postgres is down',
    });
    const down = Date.now() - t0;
    await sys.postgres.start();
    await waitFor(() => allReady(200), { timeoutMs: 90_000, intervalMs: 250, message: 'ready again' });
    expect(live().map((p) => p.name)).toHaveLength(5);
    await waitStored(gate);
    notes.push(
      `Postgres down ${(down / 1000).toFixed(1)} s; persist retries by ingest and alerts: ${await retries('persist')}`,
    );
    phase('Postgres restart', t0);
  });

  it('Redis restarted (empty): services report not ready, then resume; last positions catch up', async () => {
    const t0 = Date.now();
    const gate = streamer.sent + 30;
    streamer.runTo(gate, SLOW);
    await sys.redis.stop();
    await waitFor(() => allReady(503, 'redis'), {
      timeoutMs: 60_000,
      intervalMs: 250,
      message: 'every service not ready while Redis is down',
    });
    const down = Date.now() - t0;
    await sys.redis.start();
    await waitFor(() => allReady(200), { timeoutMs: 90_000, intervalMs: 250, message: 'ready again' });
    await waitStored(gate);
    notes.push(
      `Redis down ${(down / 1000).toFixed(1)} s; last-position retries (ingest): ${await retries('last_position')}, checkpoint retries (alerts): ${await retries('checkpoint')}`,
    );
    phase('Redis restart', t0);
  });

  it('a second ingest instance joins, then the first is stopped: the group rebalances, nothing lost', async () => {
    const t0 = Date.now();
    const gate = streamer.sent + 40;
    streamer.runTo(gate, SLOW);
    const [first] = liveOf('ingest') as [ServiceProcess];
    const second = await sys.start('ingest');
    const consumed = (s: ServiceProcess) => metric(s, 'ingest_positions_consumed_total');
    await waitFor(async () => (await consumed(second)) > 0, {
      timeoutMs: 60_000,
      intervalMs: 250,
      message: 'the second instance consuming its share of the partitions',
    });
    const firstBefore = await consumed(first);
    await waitFor(async () => (await consumed(first)) > firstBefore, {
      timeoutMs: 60_000,
      intervalMs: 250,
      message: 'the first instance still consuming its partitions',
    });
    const exit = await first.kill('SIGTERM');
    expect(exit, 'graceful stop').toEqual({ code: 0, signal: null });
    await waitStored(gate);
    phase('second ingest instance + first stopped', t0);
  });

  it('a busy positions.raw partition: its leader killed with SIGKILL, then restarted on its data', async () => {
    const t0 = Date.now();
    killedRawLeader = await leaderKilled(TOPICS.positionsRaw, 'ingest');
    phase('Kafka: positions.raw leader SIGKILL + restart', t0);
  });

  it('a busy positions.accepted partition: its leader killed with SIGKILL, then restarted on its data', async () => {
    const t0 = Date.now();
    await leaderKilled(TOPICS.positionsAccepted, 'alerts', killedRawLeader);
    phase('Kafka: positions.accepted leader SIGKILL + restart', t0);
  });

  it('one Kafka node restarted (controlled stop, data kept) while the stream flows', async () => {
    const t0 = Date.now();
    streamer.runTo(streamer.sent + 60, SLOW);
    const streamTopics = [TOPICS.positionsRaw, TOPICS.positionsAccepted];
    const { node: id, partitions } = await cluster.busiestLeader(streamTopics);
    const node = cluster.node(id);
    const counts = await kafkaRetries();
    const tickAtStop = streamer.sent;
    await node.stop();
    const stoppedAt = Date.now();
    const stopMs = stoppedAt - counts.at;
    // A controlled shutdown hands the node's partitions over before the process exits.
    await waitFor(
      async () => (await cluster.partitions(KAFKA_TOPICS)).every((p) => p.leader >= 0 && p.leader !== id),
      { timeoutMs: 15_000, intervalMs: 250, message: `every partition led by another node than ${id}` },
    );
    // The stream flows on through the other two nodes.
    const sentWhileDown = streamer.sent + 4;
    await waitStored(sentWhileDown);
    expect(node.running(), `node ${id} still down while those ticks were stored`).toBe(false);
    const { upAt, syncMs } = await restartedAndWhole(node);
    const downMs = upAt - stoppedAt;
    notes.push(
      `node ${id} (leading ${partitions} stream partitions) restarted at tick ${tickAtStop}: controlled stop ${seconds(stopMs)}, down ${seconds(downMs)} (until registered again, ticks ${tickAtStop}-${sentWhileDown} stored meanwhile), replicas in sync ${seconds(syncMs)} later; ${await retriesSince(counts)}`,
    );
    phase('Kafka: one node restarted (controlled, data kept)', t0);
  });

  it('Kafka cluster frozen for 25 s (all three nodes): services stay up, report not ready, resume without a restart', async () => {
    const t0 = Date.now();
    streamer.runTo(streamer.sent + 60, SLOW);
    const running = live();
    const sentAtFreeze = streamer.sent;
    for (const n of sys.kafka.nodes) n.freeze();
    const frozenAt = Date.now();
    let notReadyAfter = 0;
    try {
      await notReadyButAlive(running, FREEZE_MS, 'while the cluster does not answer');
      notReadyAfter = Date.now() - frozenAt;
      // The outage itself lasts a fixed time: it is the fault, not a wait for a result.
      await new Promise((r) => setTimeout(r, Math.max(0, FREEZE_MS - (Date.now() - frozenAt))));
    } finally {
      for (const n of sys.kafka.nodes) n.thaw();
    }
    const readyAfter = await readyAgainSameProcesses(running);
    // Positions produced during and after the outage flow through.
    await waitStored(Math.min(TICKS, sentAtFreeze + 20));
    await streamConsumed();
    notes.push(
      `cluster frozen ${(FREEZE_MS / 1000).toFixed(0)} s at tick ${sentAtFreeze}: every service not ready after ${seconds(notReadyAfter)}, all ready again ${seconds(readyAfter)} after it answered`,
    );
    phase('Kafka: cluster frozen 25 s (3 nodes)', t0);
  });

  it('whole Kafka cluster stopped, then started on its data: services stay up, report not ready, resume without a restart', async () => {
    const t0 = Date.now();
    streamer.runTo(streamer.sent + 40, SLOW);
    const running = live();
    const counts = await kafkaRetries();
    const sentAtStop = streamer.sent;
    await Promise.all(sys.kafka.nodes.map((n) => n.stop()));
    const stoppedAt = Date.now();
    const stopMs = stoppedAt - counts.at;
    await notReadyButAlive(running, 60_000, 'while no Kafka node runs');
    const notReadyAfter = Date.now() - stoppedAt;
    await Promise.all(sys.kafka.nodes.map((n) => n.start()));
    const startedAt = Date.now();
    const readyAfter = await readyAgainSameProcesses(running);
    await cluster.waitInSync(KAFKA_TOPICS);
    await waitStored(Math.min(TICKS, sentAtStop + 20));
    await streamConsumed();
    notes.push(
      `cluster stopped at tick ${sentAtStop} (controlled, ${seconds(stopMs)}): every service not ready ${seconds(notReadyAfter)} later, down ${seconds(startedAt - stoppedAt)} (until all three registered again), all ready ${seconds(readyAfter)} after; ${await retriesSince(counts)}`,
    );
    phase('Kafka: whole cluster stopped + started', t0);
  });

  it('afterwards: every valid position stored once, last positions newest, every alert once, shares and bindings unchanged', async () => {
    const t0 = Date.now();
    streamer.runTo(TICKS);
    await waitFor(() => streamer.done, { timeoutMs: 120_000, message: 'every tick sent' });
    await waitStored(TICKS, 180_000);
    await waitFor(async () => (await checkLastPositions(redis, REDIS_PREFIX, plan)).wrong.length === 0, {
      timeoutMs: 60_000,
      intervalMs: 500,
      message: 'every last position the newest',
    }).catch(() => undefined);
    await waitFor(
      async () => {
        const stored = await storedRuleAlerts(db);
        return [...expectedAlertIds(plan, stored)].every((id) => stored.has(id));
      },
      { timeoutMs: 120_000, intervalMs: 500, message: 'every expected alert stored' },
    ).catch(() => undefined);
    const expected = expectedAlertIds(plan, await storedRuleAlerts(db));
    await waitFor(() => [...expected].every((id) => topic.published.has(id)), {
      timeoutMs: 60_000,
      intervalMs: 500,
      message: 'every expected alert published',
    }).catch(() => undefined);

    await waitFor(
      async () => {
        const c = await checkNotifications(db, sys.wechat.delivered, notify.expected);
        return c.lost === 0 && c.outbox.PENDING + c.outbox.SENDING === 0;
      },
      { timeoutMs: 60_000, intervalMs: 500, message: 'every expected notification delivered' },
    ).catch(() => undefined);

    const after = await people.snapshot();
    const notifications = await checkNotifications(db, sys.wechat.delivered, notify.expected);
    const positions = await checkPositions(db, plan);
    const accepted = await checkAccepted(sys.kafka.brokers, 'positions.accepted', plan);
    const lastPositions = await checkLastPositions(redis, REDIS_PREFIX, plan);
    const alerts = checkAlerts(plan, await storedRuleAlerts(db));
    const republished = [...topic.published.values()].reduce((n, c) => n + c - 1, 0);
    const ruleIds = [...topic.published.keys()].filter((id) =>
      RULE_ALERT_KINDS.includes(id.split('|')[1] ?? ''),
    );
    summary = {
      plan,
      positions,
      accepted,
      lastPositions,
      alerts,
      topic: {
        distinct: ruleIds.length,
        republished,
        missing: [...expected].filter((id) => !topic.published.has(id)).length,
      },
      notifications,
      sharesUnchanged: JSON.stringify(after) === JSON.stringify(before),
      notes,
    };
    if (plan.ambiguousVehicles.size > 0)
      notes.push(
        `${plan.ambiguousVehicles.size} vehicle(s) whose alerts depend on whether late fixes were evaluated`,
      );

    expect(positions.lost, `lost, e.g. ${positions.lostSample.join(', ')}`).toBe(0);
    expect(accepted.missing, `never republished, e.g. ${accepted.missingSample.join(', ')}`).toBe(0);
    expect(positions.storedTwice).toBe(0);
    expect(positions.notValid).toBe(0);
    expect(positions.stored).toBe(plan.counts.valid);
    expect(lastPositions.wrong, 'last positions').toEqual([]);
    expect(alerts.lost, `alerts lost, e.g. ${alerts.lostSample.join(', ')}`).toBe(0);
    expect(alerts.duplicated, `alerts duplicated, e.g. ${alerts.extraSample.join(', ')}`).toBe(0);
    expect(summary.topic.missing, 'expected alerts never published').toBe(0);
    expect(after).toEqual(before);
    // X8: every notification owed delivered once, none else; the outbox holds exactly those, all SENT.
    expect(notifications.lost, `notifications lost, e.g. ${notifications.lostSample.join(', ')}`).toBe(0);
    expect(notifications.duplicated, 'notifications delivered twice').toBe(0);
    expect(
      notifications.unexpected,
      `notifications not owed, e.g. ${notifications.extraSample.join(', ')}`,
    ).toBe(0);
    expect(notifications.outboxMissing, 'expected notifications never queued').toBe(0);
    expect(notifications.outboxExtra, 'notifications queued but not owed').toBe(0);
    expect(notifications.outbox).toEqual({
      PENDING: 0,
      SENDING: 0,
      SENT: notifications.expected,
      FAILED: 0,
      DROPPED: 0,
    });

    // What the family sees and what the driver sees went through the faults too.
    for (const share of people.shares) {
      const newest = new Date(plan.newest.get(share.vehicleKey) as number).toISOString();
      await waitFor(
        async () => {
          const v = await people.view(share);
          return v.status === 200 && v.body.position?.gnssTime === newest;
        },
        { timeoutMs: 60_000, intervalMs: 500, message: `share view of ${share.plateNumber} at ${newest}` },
      );
      const view = await people.view(share);
      // S10: every episode shown is one of the expected alerts' episodes (alert ids are vehicle|kind|start|phase).
      const ofVehicle = new Set(
        plan.alerts
          .filter((a) => a.vehicleKey === share.vehicleKey)
          .map((a) => {
            const [, kind, start] = a.alertId.split('|');
            return `${kind}:${start}`;
          }),
      );
      for (const e of view.body.episodes.filter((x) => RULE_ALERT_KINDS.includes(x.kind)))
        expect(ofVehicle.has(e.episodeId), `view episode ${e.episodeId} is an expected one`).toBe(true);
    }
    for (const driver of ['driver-0001', 'driver-0002', 'driver-0004']) {
      for (const b of await people.boundPositions(driver)) {
        const vk = `${b.plateNumber}:2`;
        expect(b.gnssTime, `${driver}'s ${b.plateNumber}`).toBe(
          new Date(plan.newest.get(vk) as number).toISOString(),
        );
      }
    }
    phase('final checks', t0);
  });

  it('the logs of the whole run hold no personal data and no secrets', () => {
    // Everything the services logged through the run and its faults (info level and above).
    const logs = readdirSync(sys.logDir)
      // The services' logs (the Kafka nodes' own logs are the broker's, not ours).
      .filter((f) => f.endsWith('.log') && !f.startsWith('kafka-'))
      .map((f) => [f, readFileSync(join(sys.logDir, f), 'utf8')] as const);
    expect(logs.length).toBeGreaterThanOrEqual(5);
    expect(logs.map(([f]) => f)).toEqual(expect.arrayContaining(['notifier-1.log', 'notifier-2.log']));
    const registry = readSampleRegistry();
    const secrets: Record<string, string[]> = {
      'driver name': registry.drivers.map((d) => d.name),
      'phone number': registry.drivers.map((d) => d.phone),
      'qualification certificate number': registry.drivers.map((d) => d.qualification_cert_no),
      VIN: registry.vehicles.map((v) => v.vin),
      'road transport certificate number': registry.vehicles.map((v) => v.transport_cert_no),
      'share link token': people.shares.map((sh) => sh.token),
      'WeChat AppSecret': [WECHAT.appSecret],
    };
    // On top of testkit's LEAK_PATTERNS, broader shapes: any three-part token starting like a JWT,
    // a mobile number next to a dot, any 18-character ID number.
    const broader: [string, RegExp][] = [
      ['a JWT', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/],
      ['a mobile number', /(?<!\d)1[3-9]\d{9}(?!\d)/],
      ['a resident ID number', /(?<!\d)\d{17}[\dXx](?!\d)/],
      // The WeChat stand-in's access tokens (the notifier's credential for every send).
      ['a WeChat access token', /fake-token-\d+-/],
    ];
    const found: string[] = [];
    for (const [file, text] of logs) {
      for (const leak of findLeaks(text, secrets)) found.push(`${file}: ${leak}`);
      for (const [what, re] of broader) {
        const m = re.exec(text);
        if (m) found.push(`${file}: ${what} (${m[0].slice(0, 12)}…)`);
      }
    }
    notes.push(
      `log scan: ${logs.length} service logs, ${logs.reduce((n, [, t]) => n + t.split('\n').length, 0)} lines, ${found.length} findings`,
    );
    expect(found).toEqual([]);
  });
});

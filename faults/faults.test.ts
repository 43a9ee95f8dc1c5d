/**
 * The fault suite (npm run test:faults). The simulator streams several hours
 * of simulated time of a fleet (deterministic seed, time-compressed) through
 * real processes of ingest and alerts, with bindings and share running and a
 * few bindings and shares made up front, while the suite injects in sequence:
 * SIGKILL of ingest mid-batch, SIGKILL of alerts in the middle of a fatigue
 * episode, a Postgres restart, a Redis restart, a second ingest instance then
 * the first one stopped, and the Kafka broker frozen for 25 s. Afterwards
 * every valid position must be stored exactly once, every last position be
 * the newest, every alert the rules give for the same tracks be stored once,
 * and the shares and bindings be as they were.
 *
 * Waits are on conditions (generous timeouts: the machines are shared); the
 * only fixed duration is how long the broker stays frozen.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from '@safewatch/common';
import { findLeaks, waitFor } from '@safewatch/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlertsTopic,
  checkAlerts,
  checkLastPositions,
  checkPositions,
  expectedAlertIds,
  formatSummary,
  type Summary,
  storedCount,
  storedRuleAlerts,
} from './checks.js';
import { createPeople, type People } from './people.js';
import { buildPlan, fatigueEpisodeToInterrupt, RULE_ALERT_KINDS } from './plan.js';
import { httpStatus, metric, readyz, type ServiceKind, type ServiceProcess } from './services.js';
import { Streamer } from './streamer.js';
import { JWT_SECRET, REDIS_PREFIX, type System, startSystem } from './system.js';

const SEED = 1;
const TRUCKS = 100;
/** 7 h of simulated time, one fix per truck every 30 s: long enough for fatigue detected by our rules (> 4 h). */
const TICKS = 840;
/** Ticks per second while faults are injected (100 trucks: 200 positions/s). */
const SLOW = 2;
const FLOW = 20;
const FREEZE_MS = 25_000;
const HOUR = 3600_000;

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
let people: People;
let before: unknown;
let summary: Summary | undefined;
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
  const s = await redis.get(`${REDIS_PREFIX}alerts:state:${vehicleKey}`);
  return s ? Number(JSON.parse(s).lastT) : Number.NEGATIVE_INFINITY;
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
  topic = new AlertsTopic(sys.kafka.brokers, 'alerts');
  await topic.start();

  const fatiguePlate = episode.started.vehicleKey.split(':')[0] as string;
  const others = plan.plates.filter((p) => p !== fatiguePlate);
  people = await createPeople(sys.bindings.base, sys.share.base, JWT_SECRET, [
    {
      driver: 'driver-0001',
      plates: [fatiguePlate, others[0] as string],
      family: 'family-0001',
      duration: '7d',
    },
    { driver: 'driver-0002', plates: [others[1] as string], family: 'family-0002', duration: '1m' },
    { driver: 'driver-0004', plates: [others[2] as string] },
  ]);
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
    summary ? formatSummary(summary) : '\n== fault suite: no summary (a step failed; see above)',
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
    const fatigue = [...(await storedRuleAlerts(db)).keys()].filter(
      (id) => id.startsWith(`${vk}|FATIGUE`) && !id.endsWith('|ENDED'),
    );
    expect(fatigue, 'one STARTED for the episode, none raised again after the restart').toEqual([
      started.alertId,
    ]);
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
    expect(live().map((p) => p.name)).toHaveLength(4);
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

  it('Kafka broker frozen for 25 s: services stay up, report not ready, resume without a restart', async () => {
    const t0 = Date.now();
    streamer.runTo(TICKS, SLOW);
    const running = live();
    const sentAtFreeze = streamer.sent;
    for (const n of sys.kafka.nodes) n.freeze();
    const frozenAt = Date.now();
    let notReadyAfter = 0;
    try {
      await waitFor(() => allReady(503, 'kafka'), {
        timeoutMs: FREEZE_MS,
        intervalMs: 250,
        message: 'every service not ready while the broker does not answer',
      });
      notReadyAfter = Date.now() - frozenAt;
      for (const s of running) {
        expect(s.alive(), `${s.name} alive`).toBe(true);
        expect(await httpStatus(`${s.base}/healthz`), `${s.name} /healthz`).toBe(200);
      }
      // The outage itself lasts a fixed time: it is the fault, not a wait for a result.
      await new Promise((r) => setTimeout(r, Math.max(0, FREEZE_MS - (Date.now() - frozenAt))));
    } finally {
      for (const n of sys.kafka.nodes) n.thaw();
    }
    const thawedAt = Date.now();
    await waitFor(() => allReady(200), { timeoutMs: 120_000, intervalMs: 250, message: 'ready again' });
    const readyAfter = Date.now() - thawedAt;
    expect(
      live().map((p) => `${p.name}:${p.pid}`),
      'the same processes, none restarted',
    ).toEqual(running.map((p) => `${p.name}:${p.pid}`));
    // Positions produced during and after the outage flow through.
    const after = Math.min(TICKS, sentAtFreeze + 20);
    await waitStored(after);
    notes.push(
      `broker frozen ${(FREEZE_MS / 1000).toFixed(0)} s at tick ${sentAtFreeze}: every service not ready after ${(notReadyAfter / 1000).toFixed(1)} s, all ready again ${(readyAfter / 1000).toFixed(1)} s after it answered`,
    );
    phase('Kafka broker frozen 25 s', t0);
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

    const after = await people.snapshot();
    const positions = await checkPositions(db, plan);
    const lastPositions = await checkLastPositions(redis, REDIS_PREFIX, plan);
    const alerts = checkAlerts(plan, await storedRuleAlerts(db));
    const republished = [...topic.published.values()].reduce((n, c) => n + c - 1, 0);
    const ruleIds = [...topic.published.keys()].filter((id) =>
      RULE_ALERT_KINDS.includes(id.split('|')[1] ?? ''),
    );
    summary = {
      plan,
      positions,
      lastPositions,
      alerts,
      topic: {
        distinct: ruleIds.length,
        republished,
        missing: [...expected].filter((id) => !topic.published.has(id)).length,
      },
      sharesUnchanged: JSON.stringify(after) === JSON.stringify(before),
      notes,
    };
    if (plan.ambiguousVehicles.size > 0)
      notes.push(
        `${plan.ambiguousVehicles.size} vehicle(s) whose alerts depend on whether late fixes were evaluated`,
      );

    expect(positions.lost, `lost, e.g. ${positions.lostSample.join(', ')}`).toBe(0);
    expect(positions.storedTwice).toBe(0);
    expect(positions.notValid).toBe(0);
    expect(positions.stored).toBe(plan.counts.valid);
    expect(lastPositions.wrong, 'last positions').toEqual([]);
    expect(alerts.lost, `alerts lost, e.g. ${alerts.lostSample.join(', ')}`).toBe(0);
    expect(alerts.duplicated, `alerts duplicated, e.g. ${alerts.extraSample.join(', ')}`).toBe(0);
    expect(summary.topic.missing, 'expected alerts never published').toBe(0);
    expect(after).toEqual(before);

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
      const ofVehicle = new Set(
        plan.alerts.filter((a) => a.vehicleKey === share.vehicleKey).map((a) => a.alertId),
      );
      for (const a of view.body.alerts.filter((x) => RULE_ALERT_KINDS.includes(x.kind)))
        expect(ofVehicle.has(a.alertId), `view alert ${a.alertId} is an expected one`).toBe(true);
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
    expect(logs.length).toBeGreaterThanOrEqual(4);
    const registry = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', 'services', 'bindings', 'samples', 'registry.json'),
        'utf8',
      ),
    ) as {
      vehicles: { transport_cert_no: string; vin: string }[];
      drivers: { name: string; phone: string; qualification_cert_no: string }[];
    };
    const secrets: Record<string, string[]> = {
      'driver name': registry.drivers.map((d) => d.name),
      'phone number': registry.drivers.map((d) => d.phone),
      'qualification certificate number': registry.drivers.map((d) => d.qualification_cert_no),
      VIN: registry.vehicles.map((v) => v.vin),
      'road transport certificate number': registry.vehicles.map((v) => v.transport_cert_no),
      'share link token': people.shares.map((sh) => sh.token),
    };
    // On top of testkit's LEAK_PATTERNS, broader shapes: any three-part token starting like a JWT,
    // a mobile number next to a dot, any 18-character ID number.
    const broader: [string, RegExp][] = [
      ['a JWT', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/],
      ['a mobile number', /(?<!\d)1[3-9]\d{9}(?!\d)/],
      ['a resident ID number', /(?<!\d)\d{17}[\dXx](?!\d)/],
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

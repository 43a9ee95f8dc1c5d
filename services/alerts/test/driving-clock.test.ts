/**
 * X6 through the real broker: the driving clock's events (stored and published
 * to driving.clock) and the pre-warning alert, for a day with a pre-warning, a
 * rest that ends it and a short stop. A consumer killed with SIGKILL in the
 * middle of that day and started again must leave exactly what an
 * uninterrupted run leaves: the same events, ids and figures (the clock's
 * state is part of the checkpointed vehicle state).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pb } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeState } from '../src/adapters/state.codec.js';
import type { AlertsApp } from '../src/app.js';
import {
  type AlertsEnv,
  alertsOf,
  clockOf,
  collectClock,
  sendTrack,
  setupAlertsEnv,
  startAlerts,
  type TrackFix,
} from './helpers.js';

const infra = getInfra();
/** 08:00 China Standard Time. */
const T0 = Date.parse('2026-11-20T00:00:00Z');
const PLATE = '鲁A96006';
const MIN = 60;
const H = 3600;

/** Legs of driving (80 km/h, moving north) and standing still; a fix every 30 s, one last fix. */
function day(legs: ({ drive: number } | { stop: number })[]): TrackFix[] {
  const fixes: TrackFix[] = [];
  let t = T0;
  let lat = 34;
  for (const leg of legs) {
    const moving = 'drive' in leg;
    for (let k = 0; k < (moving ? leg.drive : leg.stop); k += 30) {
      fixes.push({ t, lat, lon: 117, speedKmh: moving ? 80 : 0 });
      t += 30_000;
      if (moving) lat += (80 * 30) / 3600 / 111.2;
    }
  }
  fixes.push({ t, lat, lon: 117, speedKmh: 0 });
  return fixes;
}

/** 3 h 40 min of driving (pre-warning at 3 h 30), a 25-min rest, 30 min, a 12-min stop, 10 min. */
const TRACK = day([
  { drive: 3 * H + 40 * MIN },
  { stop: 25 * MIN },
  { drive: 30 * MIN },
  { stop: 12 * MIN },
  { drive: 10 * MIN },
]);
const LAST_T = (TRACK.at(-1) as TrackFix).t;

const redis = new Redis(infra.redisUrl);
const envs: AlertsEnv[] = [];
afterAll(async () => {
  redis.disconnect();
  for (const e of envs) await e.close();
});

const checkpointT = async (e: AlertsEnv) => {
  const s = await redis.getBuffer(`${e.iso.redisPrefix}alerts:state:${PLATE}:2`);
  return s === null ? null : decodeState(s).lastT;
};

async function evaluatedUpTo(e: AlertsEnv, t: number): Promise<void> {
  await waitFor(async () => (await checkpointT(e)) === t, {
    timeoutMs: 60_000,
    message: `positions up to ${new Date(t).toISOString()} evaluated and checkpointed`,
  });
}

/** What a run left: stored clock events and alerts, and the distinct clock messages on the topic. */
async function outcome(e: AlertsEnv, topic: Awaited<ReturnType<typeof collectClock>>) {
  const stored = await clockOf(e.db, PLATE);
  const alerts = await alertsOf(e.db, PLATE);
  await waitFor(() => new Set(topic.messages.map((m) => m.value.eventId)).size >= stored.length, {
    timeoutMs: 20_000,
    message: 'every stored clock event published',
  });
  const published = new Map<string, string>();
  for (const m of topic.messages) {
    const json = JSON.stringify(
      pb.DrivingClock.toObject(m.value, { longs: Number, enums: String, defaults: true }),
    );
    // A redelivered chunk may publish an event again: always with the same content.
    expect(published.get(m.value.eventId ?? '') ?? json).toBe(json);
    expect(m.key).toBe(`${PLATE}:2`);
    published.set(m.value.eventId ?? '', json);
  }
  return { stored, alerts, published: [...published.entries()].sort() };
}

describe('X6 driving clock through the broker', () => {
  let straight: Awaited<ReturnType<typeof outcome>>;

  it('publishes and stores the clock’s changes only, with the pre-warning alert and its end at the rest', async () => {
    const e = await setupAlertsEnv('clock-straight', infra);
    envs.push(e);
    const app = await startAlerts(e.env);
    const topic = await collectClock(e);
    try {
      await sendTrack(e, PLATE, TRACK);
      await evaluatedUpTo(e, LAST_T);
      straight = await outcome(e, topic);
    } finally {
      await topic.stop();
      await app.stop();
    }
    const at = (s: number) => new Date(T0 + s * 1000);
    expect(straight.stored.map((r) => [r.kind, r.occurred_at])).toEqual([
      ['DRIVING_STARTED', at(30)],
      ['PRE_WARNING', at(3.5 * H)],
      ['REST_STARTED', at(3 * H + 45 * MIN)],
      ['REST_COMPLETED', at(4 * H)],
      ['DRIVING_STARTED', at(4 * H + 5 * MIN + 30)],
      ['REST_STARTED', at(4 * H + 40 * MIN)],
      ['DRIVING_STARTED', at(4 * H + 47 * MIN + 30)],
    ]);
    // The stored figures are what was published.
    const rest = straight.stored[3];
    expect(rest?.clock).toMatchObject({
      state: 'RESTING',
      continuousDrivingS: 0,
      restingSinceMs: T0 + 3 * H * 1000 + 40 * MIN * 1000,
    });
    const published = JSON.parse(straight.published.find(([id]) => id === rest?.event_id)?.[1] ?? '{}');
    expect(published).toMatchObject({
      event: 'DRIVING_CLOCK_EVENT_REST_COMPLETED',
      state: 'DRIVING_CLOCK_STATE_RESTING',
      continuousDrivingS: 0,
      todayDrivingS: 3 * H + 40 * MIN,
      restingSinceMs: rest?.clock.restingSinceMs,
      preWarningS: 3.5 * H,
      restMinS: 20 * MIN,
    });
    expect(straight.published.map(([id]) => id)).toEqual(straight.stored.map((r) => r.event_id).sort());
    const pre = straight.alerts.filter((r) => r.kind === 'FATIGUE_PRE_WARNING');
    expect(pre.map((r) => [r.phase, r.occurred_at])).toEqual([
      ['STARTED', at(3.5 * H)],
      ['ENDED', at(4 * H)],
    ]);
    expect(pre[0]?.detail).toMatchObject({ drivingSinceMs: T0, continuousDrivingS: 3.5 * H, limitS: 4 * H });
    expect(pre[0]?.detail.suggestedRestStops).not.toEqual([]);
    expect(pre[1]?.detail).toMatchObject({ continuousDrivingS: 3 * H + 40 * MIN });
  }, 120_000);

  it('after a SIGKILL mid-drive and a restart, the events equal those of the uninterrupted run', async () => {
    expect(straight, 'the uninterrupted run').toBeDefined();
    const e = await setupAlertsEnv('clock-restart', infra);
    envs.push(e);
    // Small chunks: the day is many chunks, each checkpointed before its offsets are committed.
    const env = { ...e.env, ALERTS_CHUNK_MESSAGES: '40' };
    const topic = await collectClock(e);
    // Up to 3 h 35 min: after the pre-warning, before the rest that ends it.
    const first = TRACK.filter((f) => f.t <= T0 + (3 * H + 35 * MIN) * 1000);
    let child: ChildProcess | undefined;
    let second: AlertsApp | undefined;
    try {
      child = spawn(
        process.execPath,
        ['--import', 'tsx', '--conditions=source', join(import.meta.dirname, '..', 'src', 'main.ts')],
        { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore'] },
      );
      const exited = new Promise((resolve) => child?.once('exit', (_c, sig) => resolve(sig)));
      await sendTrack(e, PLATE, first);
      await evaluatedUpTo(e, (first.at(-1) as TrackFix).t);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      // The rest of the day reaches a new consumer, which resumes from the checkpoint.
      await sendTrack(e, PLATE, TRACK.slice(first.length));
      second = await startAlerts(env);
      await evaluatedUpTo(e, LAST_T);
      const restarted = await outcome(e, topic);
      expect(restarted.stored).toEqual(straight.stored);
      expect(restarted.alerts).toEqual(straight.alerts);
      expect(restarted.published).toEqual(straight.published);
    } finally {
      child?.kill('SIGKILL');
      await topic.stop();
      await second?.stop();
    }
  }, 180_000);
});

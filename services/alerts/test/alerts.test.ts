import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pb } from '@safewatch/proto';
import { createFleet } from '@safewatch/simulator';
import { getInfra, waitFor } from '@safewatch/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeState } from '../src/adapters/state.codec.js';
import type { AlertsApp } from '../src/app.js';
import { rulesFromConfig, toPositions } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { toAlertRecord } from '../src/domain/alert-record.js';
import { evaluateVehicle, initialVehicleState } from '../src/domain/vehicle.evaluator.js';
import {
  type AlertsEnv,
  alertsOf,
  collectAlerts,
  drive,
  sendTrack,
  setupAlertsEnv,
  startAlerts,
} from './helpers.js';

const infra = getInfra();
const T0 = Date.parse('2026-11-20T00:00:00Z');
let e: AlertsEnv;
let app: AlertsApp;
let topic: Awaited<ReturnType<typeof collectAlerts>>;

beforeAll(async () => {
  e = await setupAlertsEnv('alerts', infra);
  app = await startAlerts(e.env, () => new Date('2026-11-21T02:00:00Z'));
  topic = await collectAlerts(e);
});
afterAll(async () => {
  await topic?.stop();
  await app?.stop();
  await e?.close();
});

describe('A1 speeding through the broker', () => {
  it('one sustained stretch above 100 km/h is one episode: one STARTED and one ENDED alert, stored and published', async () => {
    const plate = '鲁A90001';
    const track = [
      ...drive(T0, 120, 10, 80),
      ...drive(T0 + 130_000, 180, 10, 112, 35.52),
      ...drive(T0 + 320_000, 180, 10, 80, 35.58),
    ];
    await sendTrack(e, plate, track);
    await waitFor(async () => (await alertsOf(e.db, plate)).length === 2, {
      timeoutMs: 20_000,
      message: 'two alerts',
    });
    const rows = await alertsOf(e.db, plate);
    expect(rows.map((r) => [r.kind, r.phase, r.source])).toEqual([
      ['SPEEDING', 'STARTED', 'DETECTED'],
      ['SPEEDING', 'ENDED', 'DETECTED'],
    ]);
    expect(rows[1]?.detail).toMatchObject({
      startMs: T0 + 130_000,
      endMs: T0 + 320_000,
      peakSpeedKmh: 112,
      limitKmh: 100,
    });
    await waitFor(() => topic.messages.filter((m) => m.key === `${plate}:2`).length === 2, {
      message: 'published',
    });
    const published = topic.messages.filter((m) => m.key === `${plate}:2`).map((m) => m.value);
    expect(published.map((a) => a.alertId)).toEqual(rows.map((r) => r.alert_id));
    expect(published[1]?.speeding).toMatchObject({ peakSpeedDkmh: 1120, limitKmh: 100 });
  });
});

describe('A2 fatigue through the broker, with X1 rest stops', () => {
  it('4 h of continuous driving raises one fatigue alert at the first fix beyond 4 h, naming rest stops ahead', async () => {
    const plate = '鲁A90002';
    await sendTrack(e, plate, drive(T0, 4 * 3600 + 600, 30, 80, 33.5));
    await waitFor(async () => (await alertsOf(e.db, plate)).some((r) => r.kind === 'FATIGUE_CONTINUOUS'), {
      timeoutMs: 20_000,
      message: 'fatigue alert',
    });
    const fatigue = (await alertsOf(e.db, plate)).filter((r) => r.kind === 'FATIGUE_CONTINUOUS');
    expect(fatigue).toHaveLength(1);
    expect(fatigue[0]?.occurred_at.getTime()).toBe(T0 + (4 * 3600 + 30) * 1000);
    const stops = fatigue[0]?.detail.suggestedRestStops as { name: string; distanceM: number }[];
    expect(stops.length).toBeGreaterThan(0);
    expect(stops.every((s) => s.distanceM <= 80_000)).toBe(true);
  });
});

describe('A3 certificate reminders from the bindings events', () => {
  it('raises one reminder per certificate and status, and forgets a driver who unbound', async () => {
    const vehicle = { plateNumber: '鲁A90003', plateColor: 2 };
    const send = (env: object) =>
      e.producer.send({
        topic: e.iso.topic('bindings.events'),
        acks: -1,
        messages: [{ key: '鲁A90003:2', value: Buffer.from(pb.BindingsEnvelope.encode(env).finish()) }],
      });
    await send({
      certificate: {
        eventId: 'c1',
        vehicle,
        driverId: 'driver-x',
        transportCertExpiresOn: '2026-12-01',
        qualificationCertExpiresOn: '2026-11-01',
      },
    });
    await waitFor(async () => (await alertsOf(e.db, vehicle.plateNumber)).length === 2, {
      timeoutMs: 20_000,
      message: 'reminders',
    });
    const rows = await alertsOf(e.db, vehicle.plateNumber);
    expect(rows.map((r) => r.kind).sort()).toEqual(['QUALIFICATION_CERT_EXPIRED', 'TRANSPORT_CERT_EXPIRING']);
    expect(rows.find((r) => r.kind === 'TRANSPORT_CERT_EXPIRING')?.detail).toMatchObject({
      expiresOn: '2026-12-01',
      daysLeft: 10,
    });

    // The same event again raises nothing new; an unbinding removes the driver's certificate.
    await send({
      certificate: {
        eventId: 'c2',
        vehicle,
        driverId: 'driver-x',
        transportCertExpiresOn: '2026-12-01',
        qualificationCertExpiresOn: '2026-11-01',
      },
    });
    await send({ binding: { eventId: 'b1', type: 2, vehicle, driverId: 'driver-x' } });
    await waitFor(
      async () =>
        (await e.db.query("SELECT count(*)::int AS n FROM certificates WHERE driver_id = 'driver-x'")).rows[0]
          .n === 0,
      { timeoutMs: 20_000, message: 'qualification forgotten after unbinding' },
    );
    expect(await alertsOf(e.db, vehicle.plateNumber)).toHaveLength(2);
  });
});

describe('simulator tracks in, the expected alerts out', () => {
  it('the service raises exactly the alerts the rules give for the same tracks', async () => {
    const fleet = createFleet({ seed: 7, trucks: 20, startTimeMs: T0, badRate: 0 });
    const batches: Buffer[] = [];
    for (let tick = 0; tick < 10 * 120; tick++) {
      for (const b of fleet.nextTick().batches) batches.push(Buffer.from(b.bytes));
    }
    const positions = batches.flatMap((b) =>
      pb.PositionBatch.decode(b).positions.map((p) =>
        Buffer.from(pb.Position.encode({ ...p, platformId: 'sim' }).finish()),
      ),
    );
    const decoded = toPositions(positions);
    for (let i = 0; i < positions.length; i += 5000) {
      await e.producer.send({
        topic: e.iso.topic('positions.accepted'),
        acks: -1,
        messages: positions
          .slice(i, i + 5000)
          .map((value, j) => ({ key: decoded[i + j]?.vehicleKey ?? '', value })),
      });
    }

    const rules = rulesFromConfig(loadConfig(e.env));
    const expected = new Set<string>();
    const byVehicle = new Map<string, typeof decoded>();
    for (const p of decoded) byVehicle.set(p.vehicleKey, [...(byVehicle.get(p.vehicleKey) ?? []), p]);
    for (const [vehicleKey, list] of byVehicle) {
      const first = list[0]!;
      const { events } = evaluateVehicle(
        initialVehicleState(),
        list.map((p) => p.fix),
        rules.ctx,
      );
      for (const ev of events)
        expected.add(
          toAlertRecord(
            { vehicleKey, plateNumber: first.plateNumber, plateColor: first.plateColor },
            ev,
            rules.restStopsAhead,
          ).alertId,
        );
    }
    const kinds = [...expected].map((id) => id.split('|')[1]);
    expect(kinds).toContain('SPEEDING');
    expect(kinds).toContain('FATIGUE_CONTINUOUS');

    const plates = [...byVehicle.values()].map((l) => l[0]!.plateNumber);
    const stored = async () =>
      new Set(
        (
          await e.db.query<{ alert_id: string }>('SELECT alert_id FROM alerts WHERE plate_number = ANY($1)', [
            plates,
          ])
        ).rows.map((r) => r.alert_id),
      );
    await waitFor(async () => (await stored()).size >= expected.size, {
      timeoutMs: 60_000,
      message: `${expected.size} alerts`,
    });
    expect([...(await stored())].sort()).toEqual([...expected].sort());
  }, 120_000);
});

describe('restart in the middle of a 4-hour drive (checkpointed state)', () => {
  it('a consumer killed with SIGKILL mid-drive resumes: the fatigue alert fires once, at the right GNSS time', async () => {
    const k = await setupAlertsEnv('alerts-kill', infra);
    const plate = '鲁A90004';
    const track = drive(T0, 4 * 3600 + 600, 30, 80, 33.5);
    const half = track.filter((f) => f.t <= T0 + 2 * 3600_000);
    const rest = track.filter((f) => f.t > T0 + 2 * 3600_000);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', join(import.meta.dirname, '..', 'src', 'main.ts')],
      {
        env: { ...process.env, ...k.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', (_c, sig) => resolve(sig)));
    const redis = new Redis(infra.redisUrl);
    let second: AlertsApp | undefined;
    try {
      await sendTrack(k, plate, half);
      const stateKey = `${k.iso.redisPrefix}alerts:state:${plate}:2`;
      await waitFor(
        async () => {
          const s = await redis.getBuffer(stateKey);
          return s !== null && decodeState(s).lastT === half[half.length - 1]?.t;
        },
        { timeoutMs: 30_000, message: 'first half evaluated and checkpointed' },
      );
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(await alertsOf(k.db, plate)).toEqual([]);

      second = await startAlerts(k.env);
      await sendTrack(k, plate, rest);
      await waitFor(async () => (await alertsOf(k.db, plate)).some((r) => r.kind === 'FATIGUE_CONTINUOUS'), {
        timeoutMs: 30_000,
        message: 'fatigue alert after restart',
      });
      await new Promise((r) => setTimeout(r, 1_000));
      const fatigue = (await alertsOf(k.db, plate)).filter(
        (r) => r.kind === 'FATIGUE_CONTINUOUS' && r.phase === 'STARTED',
      );
      expect(fatigue).toHaveLength(1);
      expect(fatigue[0]?.occurred_at.getTime()).toBe(T0 + (4 * 3600 + 30) * 1000);
      expect(fatigue[0]?.detail).toMatchObject({ drivingSinceMs: T0 });
    } finally {
      child.kill('SIGKILL');
      redis.disconnect();
      await second?.stop();
      await k.close();
    }
  }, 120_000);
});

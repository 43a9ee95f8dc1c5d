/**
 * X6 in the share service: the driving clock events of driving.clock and the
 * pre-warning alerts of `alerts`, consumed from the broker into the view.
 * The view keeps each vehicle's latest clock: an older event arriving later
 * and a redelivered one change nothing, and a newer one reaches the view at
 * once (the read model's change feed, not a stale memo).
 */
import { randomUUID } from 'node:crypto';
import { lastPositionKey } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { View } from '../src/domain/view.schema.js';
import { bearer, type ShareEnv, startShare } from './helpers.js';

const infra = getInfra();
const PLATE = '鲁A60606';
const OTHER = '鲁A60607';
const VEHICLE = randomUUID();
const DRIVER = 'driver-clock';
const MIN = 60_000;
const NOW = Math.floor(Date.now() / 1000) * 1000;
/** The truck's last fix, 20 s ago. */
const LAST_FIX = NOW - 20_000;

let e: ShareEnv;
let token: string;
const family = () => bearer(e.token({ sub: 'family-clock', role: 'family' }));

beforeAll(async () => {
  e = await startShare('clock', infra);
  await e.bind([[DRIVER, VEHICLE, PLATE]]);
  const created = await e.app.server.inject({
    method: 'POST',
    url: '/v1/drivers/me/shares',
    headers: bearer(e.token({ sub: DRIVER, role: 'driver' })),
    payload: { vehicleId: VEHICLE, duration: '3d' },
  });
  expect(created.statusCode, created.body).toBe(201);
  token = created.json().token;
  const claim = await e.app.server.inject({
    method: 'POST',
    url: `/v1/shares/${token}/claim`,
    headers: family(),
  });
  expect(claim.statusCode, claim.body).toBe(200);
  await e.redis.hset(lastPositionKey(e.iso.redisPrefix, `${PLATE}:2`), {
    t: String(LAST_FIX),
    p: Buffer.from(
      pb.Position.encode({
        plateNumber: PLATE,
        plateColor: 2,
        gnssTimeMs: LAST_FIX,
        latE6: 36_651_200,
        lonE6: 117_120_100,
        speedDkmh: 0,
        headingDeg: 90,
      }).finish(),
    ),
  });
});
afterAll(async () => {
  await e?.close();
});

const view = async (): Promise<View> => {
  const r = await e.app.server.inject({ method: 'GET', url: `/v1/shares/${token}`, headers: family() });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

type ClockEvent = 'DRIVING_STARTED' | 'REST_STARTED' | 'REST_COMPLETED' | 'PRE_WARNING' | 'LIMIT_REACHED';

/** A DrivingClock message as the alerts service publishes it (defaults: 4 h / 20 min / 3 h 30 min). */
function clockEvent(
  plate: string,
  event: ClockEvent,
  atMs: number,
  figures: Partial<safewatch.v1.IDrivingClock>,
): safewatch.v1.IDrivingClock {
  return {
    eventId: `${plate}:2|clock|${event}|${atMs}`,
    vehicle: { plateNumber: plate, plateColor: 2 },
    event: pb.DrivingClockEvent[`DRIVING_CLOCK_EVENT_${event}`],
    occurredAtMs: atMs,
    restMinS: 1200,
    preWarningS: 12_600,
    continuousLimitS: 14_400,
    dailyLimitS: 28_800,
    ...figures,
  };
}

async function publish(clocks: safewatch.v1.IDrivingClock[]): Promise<void> {
  await e.producer.send({
    topic: e.iso.topic('driving.clock'),
    acks: -1,
    messages: clocks.map((c) => ({
      key: `${c.vehicle?.plateNumber}:2`,
      value: Buffer.from(pb.DrivingClock.encode(c).finish()),
    })),
  });
}

/** Publishes a marker for another vehicle after `clocks` and waits for it: everything before it was consumed. */
async function publishAndSettle(clocks: safewatch.v1.IDrivingClock[], marker: number): Promise<void> {
  await publish(clocks);
  await publish([clockEvent(OTHER, 'DRIVING_STARTED', marker, { state: 1, continuousDrivingS: 60 })]);
  await waitFor(
    async () =>
      (
        await e.app.deps.pool.query('SELECT at_ms::float8 AS t FROM vehicle_clocks WHERE vehicle_key = $1', [
          `${OTHER}:2`,
        ])
      ).rows[0]?.t === marker,
    { timeoutMs: 20_000, message: 'the clock events consumed' },
  );
}

describe('X6 the driving clock in the view', () => {
  it('none before the first clock event; then the latest event run on to the last fix', async () => {
    expect((await view()).clock).toBeNull();
    // Driving since 3 h 20 min before the event, 10 min before the last fix.
    const drivingAt = LAST_FIX - 10 * MIN;
    await publishAndSettle(
      [
        clockEvent(PLATE, 'DRIVING_STARTED', drivingAt, {
          state: pb.DrivingClockState.DRIVING_CLOCK_STATE_DRIVING,
          continuousDrivingS: 3 * 3600 + 20 * 60,
          todayDrivingS: 5 * 3600,
          dailyDrivingS: 5 * 3600,
          drivingSinceMs: drivingAt - (3 * 3600 + 20 * 60) * 1000,
        }),
      ],
      1,
    );
    // Until the pre-warning event comes, the figure stays just below it.
    await waitFor(async () => (await view()).clock?.state === 'DRIVING', {
      message: 'the clock in the view',
    });
    expect((await view()).clock).toMatchObject({
      state: 'DRIVING',
      asOf: new Date(LAST_FIX).toISOString(),
      continuousDrivingS: 12_600 - 1,
      preWarning: false,
    });
  });

  it('a newer event replaces it at once; an older one arriving later, or one redelivered, changes nothing', async () => {
    const restAt = LAST_FIX - 7 * MIN;
    const rest = clockEvent(PLATE, 'REST_STARTED', restAt, {
      state: pb.DrivingClockState.DRIVING_CLOCK_STATE_RESTING,
      continuousDrivingS: 3 * 3600 + 23 * 60,
      todayDrivingS: 5 * 3600 + 3 * 60,
      drivingSinceMs: restAt - 4 * 3600_000,
      restingSinceMs: LAST_FIX - 12 * MIN,
    });
    await publishAndSettle([rest], 2);
    await waitFor(async () => (await view()).clock?.state === 'RESTING', { message: 'the rest in the view' });
    const resting = (await view()).clock;
    expect(resting).toMatchObject({
      state: 'RESTING',
      restingSince: new Date(LAST_FIX - 12 * MIN).toISOString(),
      restingS: 12 * 60,
      continuousDrivingS: 3 * 3600 + 23 * 60,
      todayDrivingS: 5 * 3600 + 3 * 60,
    });

    // An older event (the pre-warning before the stop) published late, and the rest redelivered.
    const late = clockEvent(PLATE, 'PRE_WARNING', restAt - 2 * MIN, {
      state: pb.DrivingClockState.DRIVING_CLOCK_STATE_DRIVING,
      continuousDrivingS: 12_600,
      todayDrivingS: 5 * 3600,
    });
    await publishAndSettle([late, rest], 3);
    expect((await view()).clock).toEqual(resting);
    const stored = await e.app.deps.pool.query('SELECT event_id FROM vehicle_clocks WHERE vehicle_key = $1', [
      `${PLATE}:2`,
    ]);
    expect(stored.rows).toEqual([{ event_id: rest.eventId }]);

    // The rest reaches 20 minutes at the same fix as another event of that fix: the later kind wins.
    const doneAt = LAST_FIX;
    const figures = {
      state: pb.DrivingClockState.DRIVING_CLOCK_STATE_RESTING,
      continuousDrivingS: 0,
      todayDrivingS: 5 * 3600 + 3 * 60,
      restingSinceMs: LAST_FIX - 20 * MIN,
    };
    const done = clockEvent(PLATE, 'REST_COMPLETED', doneAt, figures);
    await publishAndSettle([done, clockEvent(PLATE, 'REST_STARTED', doneAt, figures)], 4);
    await waitFor(async () => (await view()).clock?.continuousDrivingS === 0, {
      message: 'the completed rest',
    });
    const latest = await e.app.deps.pool.query('SELECT event_id FROM vehicle_clocks WHERE vehicle_key = $1', [
      `${PLATE}:2`,
    ]);
    expect(latest.rows).toEqual([{ event_id: done.eventId }]);
    expect((await view()).clock).toMatchObject({ drivingSince: null, restDueInS: 14_400, restingS: 20 * 60 });
  });

  it('S10: the pre-warning alert is an episode of its own kind in the view', async () => {
    const startedAt = LAST_FIX - 40 * MIN;
    await e.sendAlerts([
      {
        alertId: `${PLATE}:2|FATIGUE_PRE_WARNING|${startedAt}|STARTED`,
        vehicle: { plateNumber: PLATE, plateColor: 2 },
        type: pb.AlertType.ALERT_TYPE_FATIGUE_PRE_WARNING,
        phase: pb.AlertPhase.ALERT_PHASE_STARTED,
        source: pb.AlertSource.ALERT_SOURCE_DETECTED,
        occurredAtMs: startedAt,
        episodeStartMs: startedAt,
        fatigue: {
          drivingSinceMs: startedAt - 12_600_000,
          continuousDrivingS: 12_600,
          cumulativeDrivingS: 18_000,
          limitS: 14_400,
          place: { latE6: 36_651_200, lonE6: 117_120_100 },
        },
      },
    ]);
    await waitFor(async () => (await view()).episodes.length === 1, { message: 'the pre-warning episode' });
    expect((await view()).episodes[0]).toMatchObject({
      episodeId: `FATIGUE_PRE_WARNING:${startedAt}`,
      kind: 'FATIGUE_PRE_WARNING',
      state: 'ONGOING',
      startedAt: new Date(startedAt).toISOString(),
      durationS: 40 * 60,
      fatigue: { continuousDrivingS: 12_600, cumulativeDrivingS: 18_000, limitS: 14_400 },
    });
  });
});

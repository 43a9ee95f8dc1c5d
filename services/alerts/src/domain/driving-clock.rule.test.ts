import { describe, expect, it } from 'vitest';
import { chinaMidnightMs, DEFAULT_CLOCK_PARAMS, initialClockState } from './driving-clock.rule.js';
import { DEFAULT_FATIGUE_PARAMS } from './fatigue.rule.js';
import type { ClockEvent, Fix, RuleEvent } from './types.js';
import { type EvaluationContext, evaluateVehicle, initialVehicleState } from './vehicle.evaluator.js';

const ctx: EvaluationContext = {
  speeding: { defaultLimitKmh: 100, minOverS: 30, minUnderS: 30, maxGapS: 300 },
  fatigue: DEFAULT_FATIGUE_PARAMS,
  clock: DEFAULT_CLOCK_PARAMS,
  limitAt: () => ({ limitKmh: 100, zoneId: '' }),
};
/** 08:00 China Standard Time. */
const T0 = Date.parse('2026-11-20T00:00:00Z');
const MIN = 60;
const H = 3600;

type Leg = { drive: number } | { stop: number };

/**
 * Fixes every 30 s: a drive leg of S seconds is S seconds of driving at 80 km/h (each
 * fix's speed holds until the next), a stop leg S seconds standing still; one last fix.
 */
function track(legs: Leg[], start = T0): Fix[] {
  const fixes: Fix[] = [];
  let t = start;
  let lat = 35;
  for (const leg of legs) {
    const moving = 'drive' in leg;
    const s = moving ? leg.drive : leg.stop;
    for (let k = 0; k < s; k += 30) {
      fixes.push({ t, lat, lon: 117, speedKmh: moving ? 80 : 0, headingDeg: 0, alarmFlags: 0 });
      t += 30_000;
      if (moving) lat += (80 * 30) / 3600 / 111.2;
    }
  }
  fixes.push({ t, lat, lon: 117, speedKmh: 0, headingDeg: 0, alarmFlags: 0 });
  return fixes;
}

function run(fixes: Fix[], c: EvaluationContext = ctx): { clock: ClockEvent[]; alerts: RuleEvent[] } {
  const r = evaluateVehicle(initialVehicleState(), fixes, c);
  return { clock: r.clock, alerts: r.events };
}

const at = (s: number) => T0 + s * 1000;
const kinds = (clock: ClockEvent[]) => clock.map((e) => `${e.kind}@${(e.atMs - T0) / 1000}`);

describe('X6 driving clock: the pre-warning threshold, exactly', () => {
  it('3 h 29 min of driving: no pre-warning (clock or alert)', () => {
    const { clock, alerts } = run(track([{ drive: 3 * H + 29 * MIN }, { stop: 10 * MIN }]));
    expect(kinds(clock)).toEqual(['DRIVING_STARTED@30', `REST_STARTED@${3 * H + 34 * MIN}`]);
    expect(alerts).toEqual([]);
  });

  it('3 h 31 min of driving: the pre-warning at the fix where continuous driving reaches 3 h 30 min', () => {
    const { clock, alerts } = run(track([{ drive: 3 * H + 31 * MIN }]));
    const pre = clock.find((e) => e.kind === 'PRE_WARNING');
    expect(pre).toEqual({
      kind: 'PRE_WARNING',
      atMs: at(3.5 * H),
      state: 'DRIVING',
      continuousDrivingS: 3.5 * H,
      dailyDrivingS: 3.5 * H,
      todayDrivingS: 3.5 * H,
      drivingSinceMs: T0,
      restingSinceMs: -1,
      restMinS: 20 * MIN,
      preWarningS: 3.5 * H,
      continuousLimitS: 4 * H,
      dailyLimitS: 8 * H,
    });
    // 3 h 29 min 30 s, the fix before, was no pre-warning.
    expect(kinds(clock)).toEqual(['DRIVING_STARTED@30', `PRE_WARNING@${3.5 * H}`]);
    expect(alerts).toEqual([
      {
        kind: 'FATIGUE_PRE_WARNING',
        phase: 'STARTED',
        atMs: at(3.5 * H),
        episodeStartMs: at(3.5 * H),
        fatigue: {
          drivingSinceMs: T0,
          continuousDrivingS: 3.5 * H,
          cumulativeDrivingS: 3.5 * H,
          limitS: 4 * H,
          place: { lat: expect.any(Number), lon: 117 },
          headingDeg: 0,
          source: 'DETECTED',
        },
      },
    ]);
  });

  it('the threshold is configuration (FATIGUE_PREWARNING_S)', () => {
    const early = { ...ctx, clock: { ...DEFAULT_CLOCK_PARAMS, preWarningS: 3 * H } };
    expect(run(track([{ drive: 3 * H + 1 * MIN }]), early).clock.map((e) => e.kind)).toContain('PRE_WARNING');
    expect(run(track([{ drive: 3 * H - 1 * MIN }]), early).clock.map((e) => e.kind)).not.toContain(
      'PRE_WARNING',
    );
  });
});

describe('X6 driving clock: a rest of at least 20 minutes, exactly', () => {
  it('a 19-min stop is not a rest: shown as resting, then driving goes on from the same start', () => {
    const { clock } = run(track([{ drive: 2 * H }, { stop: 19 * MIN }, { drive: 30 * MIN }]));
    expect(kinds(clock)).toEqual([
      'DRIVING_STARTED@30',
      `REST_STARTED@${2 * H + 5 * MIN}`,
      `DRIVING_STARTED@${2 * H + 19 * MIN + 30}`,
    ]);
    const [, rest, again] = clock as [ClockEvent, ClockEvent, ClockEvent];
    expect(rest).toMatchObject({ state: 'RESTING', restingSinceMs: at(2 * H), continuousDrivingS: 2 * H });
    expect(again).toMatchObject({
      state: 'DRIVING',
      drivingSinceMs: T0,
      restingSinceMs: -1,
      continuousDrivingS: 2 * H + 30,
      todayDrivingS: 2 * H + 30,
    });
  });

  it('a 21-min stop is a rest: completed at 20 min, continuous driving reset, a new start after it', () => {
    const { clock } = run(track([{ drive: 2 * H }, { stop: 21 * MIN }, { drive: 30 * MIN }]));
    expect(kinds(clock)).toEqual([
      'DRIVING_STARTED@30',
      `REST_STARTED@${2 * H + 5 * MIN}`,
      `REST_COMPLETED@${2 * H + 20 * MIN}`,
      `DRIVING_STARTED@${2 * H + 21 * MIN + 30}`,
    ]);
    const [, , done, again] = clock as [ClockEvent, ClockEvent, ClockEvent, ClockEvent];
    expect(done).toMatchObject({
      state: 'RESTING',
      restingSinceMs: at(2 * H),
      continuousDrivingS: 0,
      drivingSinceMs: -1,
      todayDrivingS: 2 * H,
    });
    expect(again).toMatchObject({
      state: 'DRIVING',
      drivingSinceMs: at(2 * H + 21 * MIN),
      continuousDrivingS: 30,
      todayDrivingS: 2 * H + 30,
    });
  });

  it('19 min 30 s is still no rest, 20 min 00 s is', () => {
    const short = run(track([{ drive: H }, { stop: 19.5 * MIN }, { drive: 5 * MIN }])).clock;
    expect(short.map((e) => e.kind)).not.toContain('REST_COMPLETED');
    const exact = run(track([{ drive: H }, { stop: 20 * MIN }, { drive: 5 * MIN }])).clock;
    expect(exact.find((e) => e.kind === 'REST_COMPLETED')?.atMs).toBe(at(H + 20 * MIN));
  });

  it('stops shorter than 5 min (a toll gate, a jam) change nothing the family sees', () => {
    const { clock } = run(
      track([{ drive: H }, { stop: 4.5 * MIN }, { drive: H }, { stop: 2 * MIN }, { drive: 10 * MIN }]),
    );
    expect(kinds(clock)).toEqual(['DRIVING_STARTED@30']);
  });
});

describe('X6 the pre-warning episode and the limit', () => {
  it('LIMIT_REACHED at the fatigue alert’s fix; the pre-warning ends at the rest, not at the limit', () => {
    const fixes = track([{ drive: 4 * H + 10 * MIN }, { stop: 25 * MIN }, { drive: 10 * MIN }]);
    const { clock, alerts } = run(fixes);
    expect(kinds(clock)).toEqual([
      'DRIVING_STARTED@30',
      `PRE_WARNING@${3.5 * H}`,
      `LIMIT_REACHED@${4 * H + 30}`,
      `REST_STARTED@${4 * H + 15 * MIN}`,
      `REST_COMPLETED@${4 * H + 30 * MIN}`,
      `DRIVING_STARTED@${4 * H + 35 * MIN + 30}`,
    ]);
    expect(alerts.map((a) => `${a.kind} ${a.phase}@${(a.atMs - T0) / 1000}`)).toEqual([
      `FATIGUE_PRE_WARNING STARTED@${3.5 * H}`,
      `FATIGUE_CONTINUOUS STARTED@${4 * H + 30}`,
      `FATIGUE_CONTINUOUS ENDED@${4 * H + 30 * MIN}`,
      `FATIGUE_PRE_WARNING ENDED@${4 * H + 30 * MIN}`,
    ]);
    const ended = alerts.at(-1);
    if (!ended || ended.kind === 'SPEEDING') throw new Error('no pre-warning end');
    // The ENDED record reports the stretch the rest ended, under the STARTED record's key.
    expect(ended.episodeStartMs).toBe(at(3.5 * H));
    expect(ended.fatigue).toMatchObject({ drivingSinceMs: T0, continuousDrivingS: 4 * H + 10 * MIN });
  });

  it('one pre-warning per stretch: a short stop after it does not raise a second one', () => {
    const { clock, alerts } = run(
      track([{ drive: 3 * H + 40 * MIN }, { stop: 10 * MIN }, { drive: 10 * MIN }]),
    );
    expect(clock.filter((e) => e.kind === 'PRE_WARNING')).toHaveLength(1);
    expect(alerts.map((a) => a.phase)).toEqual(['STARTED']);
  });

  it('a checkpoint from before the clock, already past the limit, brings no late pre-warning', () => {
    const fixes = track([{ drive: 4 * H + 5 * MIN }]);
    const first = evaluateVehicle(initialVehicleState(), fixes.slice(0, -2), ctx);
    const { clock: _, ...old } = JSON.parse(JSON.stringify(first.state));
    const r = evaluateVehicle({ ...old, clock: initialClockState(old.fatigue) }, fixes.slice(-2), ctx);
    expect(r.clock.map((e) => e.kind)).toEqual(['DRIVING_STARTED']);
    expect(r.events).toEqual([]);
  });
});

describe('X6 today’s driving counts China days', () => {
  it('a drive across 00:00 China time counts only the part after midnight as today’s', () => {
    // 23:00 China time, 1 h 40 min of driving, then a stop.
    const start = Date.parse('2026-11-20T15:00:00Z');
    expect(chinaMidnightMs(start + 2 * H * 1000)).toBe(Date.parse('2026-11-20T16:00:00Z'));
    const { clock } = run(track([{ drive: H + 40 * MIN }, { stop: 6 * MIN }], start));
    const rest = clock.find((e) => e.kind === 'REST_STARTED');
    expect(rest).toMatchObject({ todayDrivingS: 40 * MIN, dailyDrivingS: H + 40 * MIN });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FATIGUE_PARAMS } from './fatigue.rule.js';
import { DEFAULT_SPEEDING_PARAMS } from './speeding.rule.js';
import type { ClockEvent, Fix, RuleEvent } from './types.js';
import { type EvaluationContext, evaluateVehicle, initialVehicleState } from './vehicle.evaluator.js';

const ctx: EvaluationContext = {
  speeding: DEFAULT_SPEEDING_PARAMS,
  fatigue: { ...DEFAULT_FATIGUE_PARAMS, continuousLimitS: 3600, restMinS: 600 },
  clock: { preWarningS: 3000, stopShownS: 120 },
  limitAt: () => ({ limitKmh: 100, zoneId: '' }),
};
const T0 = Date.parse('2026-11-20T00:00:00Z');

/** A track: fixes every 30 s with a random speed profile (stops, cruising, speeding), moving north when moving. */
const arbTrack = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 60, max: 95 }), fc.integer({ min: 101, max: 125 })), {
    minLength: 20,
    maxLength: 400,
  })
  .map((speeds) => {
    let lat = 35;
    return speeds.map((speedKmh, i): Fix => {
      lat += (speedKmh * 30) / 3600 / 111.2;
      return { t: T0 + i * 30_000, lat, lon: 117, speedKmh, headingDeg: 0, alarmFlags: 0 };
    });
  });

/**
 * Evaluates fixes delivered in consecutive evaluation batches (as consumed chunks would be):
 * the alerts and the driving clock's events (X6). With `restartEvery`, the state goes
 * through its JSON checkpoint between batches, as after a consumer restart.
 */
function run(batches: Fix[][], restartEvery = 0): { events: RuleEvent[]; clock: ClockEvent[] } {
  let state = initialVehicleState();
  const events: RuleEvent[] = [];
  const clock: ClockEvent[] = [];
  batches.forEach((b, i) => {
    if (restartEvery > 0 && i % restartEvery === 0) state = JSON.parse(JSON.stringify(state));
    const r = evaluateVehicle(state, b, ctx);
    state = r.state;
    events.push(...r.events);
    clock.push(...r.clock);
  });
  return { events, clock };
}

const split = (fixes: Fix[], size: number) =>
  Array.from({ length: Math.ceil(fixes.length / size) }, (_, i) => fixes.slice(i * size, (i + 1) * size));

describe('late and out-of-order positions never change the episodes (the late-data rule)', () => {
  it('the track yields some episodes at all (the properties below are not vacuous)', () => {
    const speedy = Array.from(
      { length: 300 },
      (_, i): Fix => ({
        t: T0 + i * 30_000,
        lat: 35 + i * 0.007,
        lon: 117,
        speedKmh: i % 50 < 10 ? 110 : 80,
        headingDeg: 0,
        alarmFlags: 0,
      }),
    );
    const { events, clock } = run([speedy]);
    expect(new Set(events.map((e) => e.kind))).toEqual(
      new Set(['SPEEDING', 'FATIGUE_CONTINUOUS', 'FATIGUE_PRE_WARNING']),
    );
    expect(new Set(clock.map((e) => e.kind))).toEqual(
      new Set(['DRIVING_STARTED', 'PRE_WARNING', 'LIMIT_REACHED']),
    );
    const stopping = speedy.map((f, i) => ({
      ...f,
      lat: 35 + Math.min(i, 150) * 0.007,
      speedKmh: i < 150 ? 80 : 0,
    }));
    expect(new Set(run([stopping]).clock.map((e) => e.kind))).toEqual(
      new Set(['DRIVING_STARTED', 'PRE_WARNING', 'LIMIT_REACHED', 'REST_STARTED', 'REST_COMPLETED']),
    );
  });

  it('a restart between any two batches (the state through its JSON checkpoint) changes nothing', () => {
    fc.assert(
      fc.property(
        arbTrack,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        (track, size, every) => {
          expect(run(split(track, size), every)).toEqual(run(split(track, size)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('duplicating positions (anywhere, in any batch) changes nothing', () => {
    fc.assert(
      fc.property(
        arbTrack,
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.integer({ min: 1, max: 50 }),
        (track, dupIdx, size) => {
          const withDups = [...track];
          for (const i of dupIdx)
            withDups.splice((i % withDups.length) + 1, 0, track[i % track.length] as Fix);
          const reference = run(split(track, size));
          expect(
            run(
              split(
                withDups.sort((a, b) => a.t - b.t),
                size,
              ),
            ),
          ).toEqual(reference);
          // Redelivery: the same batch again after it was evaluated.
          const batches = split(track, size);
          expect(run(batches.flatMap((b) => [b, b]))).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reordering within the tolerance — one evaluation batch — changes nothing', () => {
    fc.assert(
      fc.property(arbTrack, fc.integer({ min: 1, max: 50 }), fc.integer(), (track, size, seed) => {
        const shuffled = split(track, size).map((b) => {
          const copy = [...b];
          let x = seed >>> 0;
          for (let i = copy.length - 1; i > 0; i--) {
            x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
            const j = x % (i + 1);
            [copy[i], copy[j]] = [copy[j] as Fix, copy[i] as Fix];
          }
          return copy;
        });
        expect(run(shuffled)).toEqual(run(split(track, size)));
      }),
      { numRuns: 200 },
    );
  });

  it('a position arriving after newer ones were evaluated never opens or closes an episode', () => {
    fc.assert(
      fc.property(
        arbTrack,
        fc.integer({ min: 2, max: 50 }),
        fc.nat(),
        fc.integer({ min: 0, max: 300 }),
        (track, size, at, speed) => {
          const batches = split(track, size);
          if (batches.length < 2) return;
          const k = 1 + (at % (batches.length - 1));
          const earlier = (batches[k - 1] as Fix[])[0] as Fix;
          // A late fix with any speed (speeding or standing still), older than what was evaluated.
          const late: Fix = { ...earlier, t: earlier.t - 1, speedKmh: speed };
          const withLate = batches.map((b, i) => (i === k ? [late, ...b] : b));
          expect(run(withLate)).toEqual(run(batches));
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { pb } from '@safewatch/proto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FATIGUE_PARAMS } from '../domain/fatigue.rule.js';
import { DEFAULT_SPEEDING_PARAMS } from '../domain/speeding.rule.js';
import type { Fix } from '../domain/types.js';
import {
  type EvaluationContext,
  evaluateVehicle,
  initialVehicleState,
  type VehicleState,
} from '../domain/vehicle.evaluator.js';
import { decodeState, encodeState, StateEncoder } from './state.codec.js';

const ctx: EvaluationContext = {
  speeding: DEFAULT_SPEEDING_PARAMS,
  fatigue: { ...DEFAULT_FATIGUE_PARAMS, continuousLimitS: 3600, restMinS: 600 },
  clock: { preWarningS: 3000, stopShownS: 120 },
  limitAt: (lat) => (lat > 35.5 ? { limitKmh: 80, zoneId: '济南绕城' } : { limitKmh: 100, zoneId: '' }),
};
const T0 = Date.parse('2026-11-20T00:00:00Z');

/** Fixes every 30 s at random speeds (stops, cruising, speeding), moving north when moving. */
const arbTrack = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 60, max: 95 }), fc.integer({ min: 101, max: 125 })), {
    minLength: 1,
    maxLength: 400,
  })
  .map((speeds) => {
    let lat = 35;
    return speeds.map((speedKmh, i): Fix => {
      lat += (speedKmh * 30) / 3600 / 111.2;
      const alarmFlags = i % 37 === 0 ? 0b110 : 0;
      return {
        t: T0 + i * 30_000,
        lat,
        lon: 117.123456,
        speedKmh: speedKmh + 0.3,
        headingDeg: 0,
        alarmFlags,
      };
    });
  });

const roundTrip = (s: VehicleState) => decodeState(encodeState(s));

function driven(fixes: Fix[]): VehicleState {
  let s = initialVehicleState();
  for (const f of fixes) s = evaluateVehicle(s, [f], ctx).state;
  return s;
}

/** The same state as the generated code's message (what protobufjs itself would write). */
function asMessage(s: VehicleState) {
  const phase = { UNKNOWN: 0, DRIVING: 1, RESTING: 2 }[s.clock.phase];
  return {
    layout: 1,
    ...(s.lastT === Number.NEGATIVE_INFINITY ? {} : { lastT: s.lastT }),
    speeding: s.speeding,
    fatigue: s.fatigue,
    clock: { ...s.clock, phase },
  };
}

describe('the binary checkpoint (AlertsVehicleState)', () => {
  it('gives back a fresh state, -Infinity included, in a third of the JSON bytes', () => {
    const fresh = initialVehicleState();
    const value = encodeState(fresh);
    expect(value[0]).toBe(0x08);
    expect(decodeState(value)).toEqual(fresh);
    const busy = driven(
      Array.from({ length: 600 }, (_, i) => ({
        t: T0 + i * 30_000,
        lat: 35 + i * 0.007,
        lon: 117,
        speedKmh: 80,
        headingDeg: 0,
        alarmFlags: 0,
      })),
    );
    const bytes = (encodeState(busy) as Buffer).length;
    expect(bytes).toBeLessThan(JSON.stringify(busy).length / 2.5);
  });

  it('gives back every state the rules reach, bit for bit, and the rules go on from it as before', () => {
    fc.assert(
      fc.property(arbTrack, fc.integer({ min: 1, max: 40 }), (track, every) => {
        let straight = initialVehicleState();
        let restarted = initialVehicleState();
        const a: unknown[] = [];
        const b: unknown[] = [];
        track.forEach((fix, i) => {
          const r1 = evaluateVehicle(straight, [fix], ctx);
          straight = r1.state;
          a.push(...r1.events, ...r1.clock);
          if (i % every === 0) {
            const back = roundTrip(restarted);
            expect(back).toEqual(restarted);
            restarted = back;
          }
          const r2 = evaluateVehicle(restarted, [fix], ctx);
          restarted = r2.state;
          b.push(...r2.events, ...r2.clock);
        });
        expect(roundTrip(straight)).toEqual(straight);
        expect(b).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it('writes exactly the bytes protobufjs writes for the same message (the contract in proto/)', () => {
    fc.assert(
      fc.property(arbTrack, (track) => {
        const s = driven(track);
        const ours = encodeState(s) as Buffer;
        const theirs = Buffer.from(pb.AlertsVehicleState.encode(asMessage(s)).finish());
        expect(ours.equals(theirs)).toBe(true);
      }),
      { numRuns: 100 },
    );
    const odd = initialVehicleState();
    Object.assign(odd.speeding, { zoneId: 'z'.repeat(300), startLat: -0, peakKmh: Number.NaN });
    odd.fatigue.slotK = -123_456;
    odd.fatigue.slots[3] = 4_294_967_295;
    odd.lastT = 0;
    const ours = encodeState(odd) as Buffer;
    expect(ours.equals(Buffer.from(pb.AlertsVehicleState.encode(asMessage(odd)).finish()))).toBe(true);
    expect(Object.is(decodeState(ours).speeding.startLat, -0)).toBe(true);
    expect(decodeState(ours)).toEqual(odd);
  });

  it('appends many states to one buffer, growing it as needed, each read back from its span', () => {
    const states = Array.from({ length: 300 }, (_, i) =>
      driven(
        Array.from({ length: 1 + (i % 7) }, (_, j) => ({
          t: T0 + j * 30_000,
          lat: 35 + i * 0.01 + j * 0.005,
          lon: 117,
          speedKmh: 70 + i,
          headingDeg: 0,
          alarmFlags: 0,
        })),
      ),
    );
    const odd = initialVehicleState();
    odd.fatigue.slots[0] = 0.5;
    states.splice(150, 0, odd);
    const encoder = new StateEncoder(16);
    for (const round of [1, 2]) {
      encoder.reset();
      const lengths = states.map((s) => encoder.add(s));
      const all = Buffer.from(encoder.bytes());
      expect(all.length).toBe(lengths.reduce((a, b) => a + b, 0));
      let at = 0;
      states.forEach((s, i) => {
        const value = all.subarray(at, at + (lengths[i] as number));
        expect(decodeState(value), `round ${round}, state ${i}`).toEqual(s);
        at += lengths[i] as number;
      });
    }
  });

  it('writes a state the message cannot hold exactly as JSON, and reads it back', () => {
    const s = initialVehicleState();
    s.lastT = T0;
    s.fatigue.slots[5] = 1.5;
    const value = encodeState(s);
    expect(value.toString('utf8')).toBe(JSON.stringify(s));
    expect(decodeState(value)).toEqual(s);
  });

  it('reads the JSON checkpoints written before it: -Infinity as null, no driving clock before X6', () => {
    const fresh = initialVehicleState();
    expect(decodeState(Buffer.from(JSON.stringify(fresh)))).toEqual(fresh);
    const { clock: _, ...beforeX6 } = driven([
      { t: T0, lat: 35, lon: 117, speedKmh: 80, headingDeg: 0, alarmFlags: 0 },
    ]);
    const read = decodeState(Buffer.from(JSON.stringify(beforeX6)));
    expect(read.clock).toEqual(initialVehicleState().clock);
    expect(read.fatigue).toEqual(beforeX6.fatigue);
  });

  it('refuses a layout it does not know', () => {
    const later = Buffer.from(pb.AlertsVehicleState.encode({ layout: 2 }).finish());
    expect(() => decodeState(later)).toThrow('layout 2 unknown');
  });
});

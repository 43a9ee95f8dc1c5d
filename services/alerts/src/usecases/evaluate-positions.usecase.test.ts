import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_PARAMS } from '../domain/driving-clock.rule.js';
import { DEFAULT_FATIGUE_PARAMS } from '../domain/fatigue.rule.js';
import { DEFAULT_SPEEDING_PARAMS } from '../domain/speeding.rule.js';
import type { EvaluationContext, VehicleState } from '../domain/vehicle.evaluator.js';
import {
  type EvaluatePorts,
  evaluatePositions,
  type PositionIn,
  type StepRunner,
} from './evaluate-positions.usecase.js';

const ctx: EvaluationContext = {
  speeding: DEFAULT_SPEEDING_PARAMS,
  fatigue: DEFAULT_FATIGUE_PARAMS,
  clock: DEFAULT_CLOCK_PARAMS,
  limitAt: () => ({ limitKmh: 100, zoneId: '' }),
};
const run: StepRunner = (_step, fn) => fn();
const T0 = Date.parse('2026-11-20T00:00:00Z');
const speeding = (n: number): PositionIn[] =>
  Array.from({ length: n }, (_, i) => ({
    vehicleKey: '鲁A1:2',
    plateNumber: '鲁A1',
    plateColor: 2,
    fix: { t: T0 + i * 10_000, lat: 36 + i * 0.001, lon: 117, speedKmh: 120, headingDeg: 0, alarmFlags: 0 },
  }));

/** In-memory ports: a unit test of the use case's bookkeeping, no infrastructure. */
function ports(failPersist: () => boolean) {
  const checkpoint = new Map<string, string>();
  const stored: string[] = [];
  /** Stored by id, as the table does: a retried chunk stores an event once. */
  const clock = new Set<string>();
  const p: EvaluatePorts = {
    loadStates: async (keys) =>
      new Map(keys.filter((k) => checkpoint.has(k)).map((k) => [k, JSON.parse(checkpoint.get(k) as string)])),
    saveStates: async (states) => {
      for (const [k, s] of states) checkpoint.set(k, JSON.stringify(s));
    },
    persistAlerts: async (alerts) => {
      if (failPersist()) throw new Error('postgres down');
      stored.push(...alerts.map((a) => a.alertId));
    },
    publishAlerts: async () => undefined,
    persistClock: async (events) => {
      for (const e of events) clock.add(e.eventId);
    },
    publishClock: async () => undefined,
    restStopsAhead: () => [],
  };
  return { p, stored, clock, checkpoint };
}

describe('evaluating a chunk of positions', () => {
  it('a chunk that fails before its checkpoint is evaluated again in full when redelivered: no alert lost', async () => {
    let fail = true;
    const { p, stored, clock } = ports(() => fail);
    const cache = new Map<string, VehicleState>();
    const chunk = speeding(6);
    await expect(evaluatePositions(chunk, cache, ctx, p, run)).rejects.toThrow('postgres down');
    expect(cache.has('鲁A1:2')).toBe(false);
    fail = false;
    const r = await evaluatePositions(chunk, cache, ctx, p, run);
    expect(r.late).toBe(0);
    expect(stored.map((id) => id.split('|').slice(1, 4).join('|'))).toEqual([`SPEEDING|${T0}|STARTED`]);
    expect([...clock].map((id) => id.split('|').slice(1).join('|'))).toEqual([
      `clock|DRIVING_STARTED|${T0 + 10_000}`,
    ]);
  });

  it('a redelivered chunk after a completed one changes nothing and raises nothing (late-data rule)', async () => {
    const { p, stored, clock } = ports(() => false);
    const cache = new Map<string, VehicleState>();
    const chunk = speeding(6);
    await evaluatePositions(chunk, cache, ctx, p, run);
    cache.clear(); // a restart: the state comes back from the checkpoint
    const again = await evaluatePositions(chunk, cache, ctx, p, run);
    expect(again.late).toBe(6);
    expect(again.alerts).toEqual([]);
    expect(again.clock).toEqual([]);
    expect(stored).toHaveLength(1);
    expect(clock.size).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_PARAMS } from '../domain/driving-clock.rule.js';
import { DEFAULT_FATIGUE_PARAMS } from '../domain/fatigue.rule.js';
import { DEFAULT_SPEEDING_PARAMS } from '../domain/speeding.rule.js';
import type { EvaluationContext, VehicleState } from '../domain/vehicle.evaluator.js';
import {
  checkpointStates,
  type EvaluatePorts,
  evaluatePositions,
  type PositionIn,
  type StepRunner,
  type VehicleStates,
} from './evaluate-positions.usecase.js';

const ctx: EvaluationContext = {
  speeding: DEFAULT_SPEEDING_PARAMS,
  fatigue: DEFAULT_FATIGUE_PARAMS,
  clock: DEFAULT_CLOCK_PARAMS,
  limitAt: () => ({ limitKmh: 100, zoneId: '' }),
};
const run: StepRunner = (_step, fn) => fn();
const memory = (): VehicleStates => ({ cache: new Map<string, VehicleState>(), dirty: new Map() });
const T0 = Date.parse('2026-11-20T00:00:00Z');
const speeding = (n: number, plateNumber = '鲁A1', from = 0): PositionIn[] =>
  Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return {
      vehicleKey: `${plateNumber}:2`,
      plateNumber,
      plateColor: 2,
      fix: { t: T0 + i * 10_000, lat: 36 + i * 0.001, lon: 117, speedKmh: 120, headingDeg: 0, alarmFlags: 0 },
    };
  });

/** In-memory ports: a unit test of the use case's bookkeeping, no infrastructure. */
function ports(failPersist: () => boolean) {
  const checkpoint = new Map<string, string>();
  const saves: string[][] = [];
  const stored: string[] = [];
  /** Stored by id, as the table does: a retried chunk stores an event once. */
  const clock = new Set<string>();
  const p: EvaluatePorts = {
    loadStates: async (keys) =>
      new Map(keys.filter((k) => checkpoint.has(k)).map((k) => [k, JSON.parse(checkpoint.get(k) as string)])),
    saveStates: async (keys, states) => {
      saves.push(keys);
      for (const [i, k] of keys.entries()) checkpoint.set(k, JSON.stringify(states[i]));
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
  return { p, stored, clock, checkpoint, saves };
}

describe('evaluating a chunk of positions', () => {
  it('a chunk that fails before its checkpoint is evaluated again in full when redelivered: no alert lost', async () => {
    let fail = true;
    const { p, stored, clock } = ports(() => fail);
    const states = memory();
    const chunk = speeding(6);
    await expect(evaluatePositions(chunk, states, ctx, p, run)).rejects.toThrow('postgres down');
    expect(states.cache.has('鲁A1:2')).toBe(false);
    expect(states.dirty.size).toBe(0);
    fail = false;
    const r = await evaluatePositions(chunk, states, ctx, p, run);
    expect(r.late).toBe(0);
    expect(stored.map((id) => id.split('|').slice(1, 4).join('|'))).toEqual([`SPEEDING|${T0}|STARTED`]);
    expect([...clock].map((id) => id.split('|').slice(1).join('|'))).toEqual([
      `clock|DRIVING_STARTED|${T0 + 10_000}`,
    ]);
  });

  it('a redelivered chunk after a completed one changes nothing and raises nothing (late-data rule)', async () => {
    const { p, stored, clock } = ports(() => false);
    const states = memory();
    const chunk = speeding(6);
    await evaluatePositions(chunk, states, ctx, p, run);
    await checkpointStates(states, p, run);
    states.cache.clear(); // a restart: the state comes back from the checkpoint
    const again = await evaluatePositions(chunk, states, ctx, p, run);
    expect(again.late).toBe(6);
    expect(again.alerts).toEqual([]);
    expect(again.clock).toEqual([]);
    expect(stored).toHaveLength(1);
    expect(clock.size).toBe(1);
  });

  it('marks the changed states dirty; a checkpoint writes each of them once, then none until they change', async () => {
    const { p, checkpoint, saves } = ports(() => false);
    const states = memory();
    await evaluatePositions(speeding(3, '鲁A1'), states, ctx, p, run);
    await evaluatePositions([...speeding(3, '鲁A1', 3), ...speeding(2, '鲁A2')], states, ctx, p, run);
    expect(saves).toEqual([]);
    expect([...states.dirty.keys()].sort()).toEqual(['鲁A1:2', '鲁A2:2']);

    expect(await checkpointStates(states, p, run)).toBe(2);
    expect(saves).toEqual([['鲁A1:2', '鲁A2:2']]);
    expect(JSON.parse(checkpoint.get('鲁A1:2') as string).lastT).toBe(T0 + 5 * 10_000);
    expect(states.dirty.size).toBe(0);
    expect(await checkpointStates(states, p, run)).toBe(0);

    // Redelivered positions (late) change nothing: nothing to write.
    await evaluatePositions(speeding(6, '鲁A1'), states, ctx, p, run);
    expect(states.dirty.size).toBe(0);
  });

  it('a checkpoint that fails keeps its states dirty for the next one, unless dropped meanwhile', async () => {
    const { p, saves } = ports(() => false);
    const states = memory();
    await evaluatePositions(speeding(2), states, ctx, p, run);
    const failing: StepRunner = async () => {
      throw new Error('redis down');
    };
    await expect(checkpointStates(states, p, failing)).rejects.toThrow('redis down');
    expect([...states.dirty.keys()]).toEqual(['鲁A1:2']);
    expect(await checkpointStates(states, p, run)).toBe(1);
    expect(saves).toEqual([['鲁A1:2']]);

    await evaluatePositions(speeding(2, '鲁A1', 2), states, ctx, p, run);
    const discarding: StepRunner = async () => {
      // An assignment change while the checkpoint runs: the checkpoint is the truth again.
      states.cache.clear();
      states.dirty.clear();
      throw new Error('rebalance');
    };
    await expect(checkpointStates(states, p, discarding)).rejects.toThrow('rebalance');
    expect(states.dirty.size).toBe(0);
  });

  it('a chunk that fails leaves its vehicles neither in memory nor dirty', async () => {
    let fail = false;
    const { p } = ports(() => fail);
    const states = memory();
    await evaluatePositions(speeding(2, '鲁A2'), states, ctx, p, run);
    fail = true;
    await expect(
      evaluatePositions([...speeding(6, '鲁A1'), ...speeding(1, '鲁A3')], states, ctx, p, run),
    ).rejects.toThrow('postgres down');
    expect([...states.cache.keys()]).toEqual(['鲁A2:2']);
    expect([...states.dirty.keys()]).toEqual(['鲁A2:2']);
  });
});

import { readFileSync } from 'node:fs';
import { pb } from '@safewatch/proto';
import { describe, expect, it } from 'vitest';
// Test-only: the alerts service's own rules (pure domain code) judge the scenario.
import { DEFAULT_CLOCK_PARAMS } from '../../../services/alerts/src/domain/driving-clock.rule.js';
import { DEFAULT_FATIGUE_PARAMS } from '../../../services/alerts/src/domain/fatigue.rule.js';
import { createZoneIndex, parseSpeedZones } from '../../../services/alerts/src/domain/speed-zones.js';
import { DEFAULT_SPEEDING_PARAMS } from '../../../services/alerts/src/domain/speeding.rule.js';
import type { ClockEvent, Fix, RuleEvent } from '../../../services/alerts/src/domain/types.js';
import {
  type EvaluationContext,
  evaluateVehicle,
  initialVehicleState,
} from '../../../services/alerts/src/domain/vehicle.evaluator.js';
import {
  type AlertScenario,
  buildAlertScenario,
  classifyPosition,
  SHANDONG_BBOX,
  type SimPosition,
} from './index.js';

const START = Date.UTC(2026, 2, 2, 0, 0, 0);
const PLATE = { plateNumber: '鲁A12345', plateColor: 2 };
const MIN = 60_000;

/** The speed zones the demo and the end-to-end runs load (SPEED_ZONES_FILE). */
const zonesFile = new URL('../../../services/alerts/samples/speed-zones.json', import.meta.url);
const zones = parseSpeedZones(JSON.parse(readFileSync(zonesFile, 'utf8')));
const zoneIndex = createZoneIndex(zones.zones, DEFAULT_SPEEDING_PARAMS.defaultLimitKmh);
const ctx: EvaluationContext = {
  speeding: DEFAULT_SPEEDING_PARAMS,
  fatigue: DEFAULT_FATIGUE_PARAMS,
  clock: DEFAULT_CLOCK_PARAMS,
  limitAt: (lat, lon) => zoneIndex.limitAt(lat, lon),
};

const toFix = (p: SimPosition): Fix => ({
  t: p.gnssTimeMs,
  lat: p.latE6 / 1e6,
  lon: p.lonE6 / 1e6,
  speedKmh: p.speedDkmh / 10,
  headingDeg: p.headingDeg,
  alarmFlags: p.alarmFlags,
});

/** Feeds the positions to the alerts rules one at a time, as the service's consumer would. */
function alertsFor(sc: AlertScenario): { events: RuleEvent[]; clock: ClockEvent[] } {
  let state = initialVehicleState();
  const events: RuleEvent[] = [];
  const clock: ClockEvent[] = [];
  for (const p of sc.positions) {
    const r = evaluateVehicle(state, [toFix(p)], ctx);
    state = r.state;
    events.push(...r.events);
    clock.push(...r.clock);
  }
  return { events, clock };
}

describe('alert scenario for end-to-end tests', () => {
  it('uses the sample speed zones file without errors', () => {
    expect(zones.errors).toEqual([]);
    expect(zones.zones.length).toBeGreaterThan(0);
  });

  for (const fixIntervalS of [undefined, 1, 7, 10, 60]) {
    it(`A1/A2/A4: the alerts rules find exactly the scripted episodes (fix interval ${fixIntervalS ?? 'default'} s)`, () => {
      const sc = buildAlertScenario({ ...PLATE, startTimeMs: START, fixIntervalS });
      const { speeding: s, platformFatigue: pf, fatigue: f } = sc.expected;
      const { events: all, clock } = alertsFor(sc);
      expect(all.map((e) => [e.kind, e.phase, e.atMs])).toEqual([
        ['SPEEDING', 'STARTED', s.startedAtMs],
        ['SPEEDING', 'ENDED', s.endedAtMs],
        ['FATIGUE_CONTINUOUS', 'STARTED', pf.startedAtMs],
        ['FATIGUE_CONTINUOUS', 'ENDED', pf.endedAtMs],
        ['FATIGUE_PRE_WARNING', 'STARTED', f.preWarningAtMs],
        ['FATIGUE_CONTINUOUS', 'STARTED', f.startedAtMs],
        ['FATIGUE_CONTINUOUS', 'ENDED', f.endedAtMs],
        ['FATIGUE_PRE_WARNING', 'ENDED', f.endedAtMs],
      ]);
      // X6: the pre-warning is an episode of its own, ended by the rest that ends the fatigue.
      const [preStart, preEnd] = all.filter((e) => e.kind === 'FATIGUE_PRE_WARNING');
      expect(preStart).toMatchObject({
        episodeStartMs: f.preWarningAtMs,
        fatigue: { drivingSinceMs: f.drivingSinceMs, limitS: f.limitS, source: 'DETECTED' },
      });
      expect(preEnd).toMatchObject({
        episodeStartMs: f.preWarningAtMs,
        fatigue: { drivingSinceMs: f.drivingSinceMs, continuousDrivingS: f.continuousDrivingSAtEnd },
      });
      // X6: the driving clock changes only at the drives' starts, the rests and the thresholds.
      expect(clock.map((e) => e.kind)).toEqual([
        'DRIVING_STARTED',
        'REST_STARTED',
        'REST_COMPLETED',
        'DRIVING_STARTED',
        'PRE_WARNING',
        'LIMIT_REACHED',
        'REST_STARTED',
        'REST_COMPLETED',
        'DRIVING_STARTED',
      ]);
      expect(clock.find((e) => e.kind === 'PRE_WARNING')).toMatchObject({
        atMs: f.preWarningAtMs,
        drivingSinceMs: f.drivingSinceMs,
      });
      expect(clock.filter((e) => e.kind === 'REST_COMPLETED').at(-1)).toMatchObject({
        atMs: f.endedAtMs,
        state: 'RESTING',
        continuousDrivingS: 0,
        restingSinceMs: f.restStartMs,
      });
      const events = all.filter((e) => e.kind !== 'FATIGUE_PRE_WARNING');
      const [spStart, spEnd, pfStart, pfEnd, faStart, faEnd] = events as [
        RuleEvent,
        RuleEvent,
        RuleEvent,
        RuleEvent,
        RuleEvent,
        RuleEvent,
      ];

      // A1: one episode, its figures.
      if (spStart.kind !== 'SPEEDING' || spEnd.kind !== 'SPEEDING') throw new Error('not speeding');
      expect(spStart.episodeStartMs).toBe(s.startMs);
      expect(spEnd.episodeStartMs).toBe(s.startMs);
      expect(spEnd.episode).toEqual({
        startMs: s.startMs,
        endMs: s.endMs,
        peakSpeedKmh: s.peakKmh,
        limitKmh: s.limitKmh,
        durationS: s.durationS,
        startPlace: s.startPlace,
        endPlace: s.endPlace,
        zoneId: s.zoneId,
        source: s.source,
      });
      expect(spStart.episode.source).toBe('DETECTED');

      // A4 (clarified): the platform's early fatigue flag is its own episode, our figures say 16 min.
      if (pfStart.kind === 'SPEEDING' || pfEnd.kind === 'SPEEDING') throw new Error('not fatigue');
      expect(pfStart.episodeStartMs).toBe(pf.startedAtMs);
      expect(pfEnd.episodeStartMs).toBe(pf.startedAtMs);
      expect(pfStart.fatigue).toMatchObject({
        source: 'PLATFORM',
        drivingSinceMs: pf.drivingSinceMs,
        continuousDrivingS: pf.continuousDrivingSAtStart,
        limitS: pf.limitS,
      });
      expect(pfEnd.fatigue).toMatchObject({
        source: 'PLATFORM',
        drivingSinceMs: pf.drivingSinceMs,
        continuousDrivingS: pf.continuousDrivingSAtEnd,
      });
      expect(pf.continuousDrivingSAtStart).toBeGreaterThanOrEqual(16 * 60);
      expect(pf.continuousDrivingSAtStart).toBeLessThan(17 * 60);

      // A2: the fatigue episode, found by our rules only, ended by the rest.
      if (faStart.kind === 'SPEEDING' || faEnd.kind === 'SPEEDING') throw new Error('not fatigue');
      expect(faStart.fatigue).toMatchObject({
        source: 'DETECTED',
        drivingSinceMs: f.drivingSinceMs,
        continuousDrivingS: f.continuousDrivingSAtStart,
        cumulativeDrivingS: f.cumulativeDrivingSAtStart,
        limitS: f.limitS,
        place: f.startPlace,
      });
      expect(faEnd.fatigue).toMatchObject({
        source: 'DETECTED',
        drivingSinceMs: f.drivingSinceMs,
        continuousDrivingS: f.continuousDrivingSAtEnd,
        cumulativeDrivingS: f.cumulativeDrivingSAtEnd,
      });
      expect(faEnd.episodeStartMs).toBe(faStart.episodeStartMs);
      expect(f.continuousDrivingSAtStart).toBeGreaterThan(4 * 3600);
      expect(f.restS).toBeGreaterThanOrEqual(20 * 60);
      expect(f.drivingSinceMs).toBe(pf.drivingSinceMs);
    });
  }

  it('gives the figures end-to-end tests compare against (default 30 s interval)', () => {
    const { expected: e } = buildAlertScenario({ ...PLATE, startTimeMs: START });
    expect(e.roadId).toBe('G18');
    expect(e.fixes).toBe(724);
    expect(e.lastFixMs - START).toBe(6 * 60 * MIN + 90_000);
    expect(e.speeding).toMatchObject({
      limitKmh: 100,
      zoneId: '',
      peakKmh: 114.3,
      peakAtMs: START + 15 * MIN,
      startMs: START + 12 * MIN,
      endMs: START + 18.5 * MIN,
      durationS: 390,
      startedAtMs: START + 12.5 * MIN,
      endedAtMs: START + 19 * MIN,
      aboveLimitFixes: 13,
    });
    const driveB = START + 72 * MIN;
    expect(e.platformFatigue).toMatchObject({
      alarmBit: 4,
      flaggedFixes: 1,
      startedAtMs: driveB + 16 * MIN,
      endedAtMs: driveB + 16.5 * MIN,
      drivingSinceMs: driveB,
      continuousDrivingSAtStart: 960,
      continuousDrivingSAtEnd: 990,
    });
    expect(e.fatigue).toMatchObject({
      drivingSinceMs: driveB,
      preWarningAtMs: driveB + 210 * MIN,
      startedAtMs: driveB + 240.5 * MIN,
      continuousDrivingSAtStart: 4 * 3600 + 30,
      cumulativeDrivingSAtStart: 40 * 60 + 4 * 3600 + 30,
      restStartMs: driveB + 255 * MIN,
      endedAtMs: driveB + 275 * MIN,
      continuousDrivingSAtEnd: 255 * 60,
      cumulativeDrivingSAtEnd: 295 * 60,
      restS: 1800,
    });
  });

  it('stays on G18 outside every sample speed zone, so the 100 km/h default applies throughout', () => {
    const sc = buildAlertScenario({ ...PLATE, startTimeMs: START });
    const limits = new Set(
      sc.positions.map((p) => JSON.stringify(zoneIndex.limitAt(p.latE6 / 1e6, p.lonE6 / 1e6))),
    );
    expect([...limits]).toEqual([JSON.stringify({ limitKmh: 100, zoneId: '' })]);
  });

  it('produces valid, plausible positions of one vehicle', () => {
    const sc = buildAlertScenario({ ...PLATE, startTimeMs: START });
    const ps = sc.positions;
    const problems: string[] = [];
    const check = (ok: boolean, what: string, i: number) => {
      if (!ok && problems.length < 20) problems.push(`${what} at fix ${i}: ${JSON.stringify(ps[i])}`);
    };
    let peaks = 0;
    let flagged = 0;
    ps.forEach((p, i) => {
      check(p.plateNumber === PLATE.plateNumber && p.plateColor === PLATE.plateColor, 'plate', i);
      check(p.gnssTimeMs === START + i * 30_000, 'time', i);
      check(classifyPosition(p, sc.expected.lastFixMs) === undefined, 'rejected by ingest rules', i);
      const lat = p.latE6 / 1e6;
      const lon = p.lonE6 / 1e6;
      check(lat > SHANDONG_BBOX.minLat && lat < SHANDONG_BBOX.maxLat, 'latitude', i);
      check(lon > SHANDONG_BBOX.minLon && lon < SHANDONG_BBOX.maxLon, 'longitude', i);
      for (const v of Object.values(p))
        if (typeof v === 'number') check(Number.isInteger(v), 'integer field', i);
      check(p.speedDkmh >= 0 && p.speedDkmh <= 1143, 'speed', i);
      check(p.headingDeg >= 0 && p.headingDeg < 360, 'heading', i);
      check((p.statusFlags & 2) === 2, 'positioned', i);
      if (p.speedDkmh > 0) check((p.statusFlags & 1) === 1, 'moving with ACC off', i);
      if (p.speedDkmh === 1143) peaks++;
      if (p.alarmFlags !== 0) {
        flagged++;
        check(p.alarmFlags === 4, 'only the fatigue bit', i);
      }
      const prev = ps[i - 1];
      if (prev) {
        check(p.odometerHm >= prev.odometerHm, 'odometer', i);
        if (prev.speedDkmh === 0)
          check(p.latE6 === prev.latE6 && p.lonE6 === prev.lonE6, 'moved while stopped', i);
        // ≤ 30 s at ≤ 114.3 km/h ≈ 0.95 km.
        const dLat = lat - prev.latE6 / 1e6;
        const dLon = (lon - prev.lonE6 / 1e6) * Math.cos(lat * (Math.PI / 180));
        check(Math.hypot(dLat, dLon) * 111.2 < 1.0, 'jump', i);
      }
    });
    expect(problems).toEqual([]);
    expect(peaks).toBe(1);
    expect(flagged).toBe(1);
    // Both rests are ACC off, at speed 0, 30 min long.
    const accOff = ps.filter((p) => (p.statusFlags & 1) === 0);
    expect(accOff.length).toBe(2 * 60);
    expect(accOff.every((p) => p.speedDkmh === 0)).toBe(true);
    // The protobuf round trip keeps every field.
    const batch = { platformId: 'plat-e2e', batchId: 'b1', sentAtMs: START, positions: ps };
    const decoded = pb.PositionBatch.decode(pb.PositionBatch.encode(batch).finish()).positions;
    expect(
      decoded.map(
        (p): SimPosition => ({
          plateNumber: String(p.plateNumber),
          plateColor: Number(p.plateColor),
          gnssTimeMs: Number(p.gnssTimeMs),
          latE6: Number(p.latE6),
          lonE6: Number(p.lonE6),
          speedDkmh: Number(p.speedDkmh),
          headingDeg: Number(p.headingDeg),
          altitudeM: Number(p.altitudeM),
          alarmFlags: Number(p.alarmFlags),
          statusFlags: Number(p.statusFlags),
          odometerHm: Number(p.odometerHm),
        }),
      ),
    ).toEqual(ps);
  });

  it('is deterministic; plate and colour only label the positions', () => {
    const a = buildAlertScenario({ ...PLATE, startTimeMs: START });
    const b = buildAlertScenario({ ...PLATE, startTimeMs: START, fixIntervalS: 30 });
    expect(b).toEqual(a);
    const c = buildAlertScenario({ plateNumber: '鲁B54321', plateColor: 1, startTimeMs: START });
    expect(c.expected).toEqual(a.expected);
    expect(
      c.positions.map((p) => ({ ...p, plateNumber: PLATE.plateNumber, plateColor: PLATE.plateColor })),
    ).toEqual(a.positions);
    const later = buildAlertScenario({ ...PLATE, startTimeMs: START + 3_600_000 });
    expect(later.expected.speeding.startMs).toBe(a.expected.speeding.startMs + 3_600_000);
    expect(later.positions.map((p) => p.latE6)).toEqual(a.positions.map((p) => p.latE6));
  });

  it('rejects bad options', () => {
    expect(() => buildAlertScenario({ ...PLATE, startTimeMs: START, fixIntervalS: 0 })).toThrow(RangeError);
    expect(() => buildAlertScenario({ ...PLATE, startTimeMs: START, fixIntervalS: 61 })).toThrow(RangeError);
    expect(() => buildAlertScenario({ ...PLATE, startTimeMs: START, fixIntervalS: 2.5 })).toThrow(RangeError);
    expect(() => buildAlertScenario({ ...PLATE, startTimeMs: Number.NaN })).toThrow(RangeError);
    expect(() => buildAlertScenario({ ...PLATE, plateNumber: '', startTimeMs: START })).toThrow(RangeError);
  });
});

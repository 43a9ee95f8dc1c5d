import { pb } from '@safewatch/proto';
import { beforeAll, describe, expect, it } from 'vitest';
// Test-only: the alerts service's own fatigue rule measures "reported continuous driving".
import {
  DEFAULT_FATIGUE_PARAMS,
  evaluateFatigue,
  initialFatigueState,
} from '../../../services/alerts/src/domain/fatigue.rule.js';
import {
  addCounts,
  BAD_REASONS,
  classifyPosition,
  createFleet,
  type FleetOptions,
  PLATFORM_FATIGUE_LIMIT_S,
  PLATFORM_SPEED_LIMIT_KMH,
  type PositionCounts,
  SHANDONG_BBOX,
  vinCheckDigit,
  zeroCounts,
} from './index.js';

const START = Date.UTC(2026, 2, 2, 6, 0, 0);
const TEN_HOURS_TICKS = (10 * 3600) / 30;

interface DecodedFix {
  key: string;
  truck: string;
  timeMs: number;
  speedDkmh: number;
  latE6: number;
  lonE6: number;
  headingDeg: number;
  altitudeM: number;
  statusFlags: number;
  odometerHm: number;
  alarmFlags: number;
}

/**
 * Decodes every produced batch and classifies each position the way the ingest
 * would (reject reason, duplicate of an earlier fix, late fix, valid).
 */
function runAndClassify(opts: FleetOptions, ticks: number) {
  const fleet = createFleet(opts);
  const counts = zeroCounts();
  const seen = new Set<string>();
  const newest = new Map<string, number>();
  /** Valid, distinct, in-order fixes per truck (late and duplicates excluded). */
  const tracks = new Map<string, DecodedFix[]>();
  let orderViolations = 0;
  let lastTick = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < ticks; t++) {
    const tick = fleet.nextTick();
    expect(tick.timeMs).toBeGreaterThan(lastTick);
    lastTick = tick.timeMs;
    for (const b of tick.batches) {
      const batch = pb.PositionBatch.decode(b.bytes);
      expect(batch.platformId).toBe(b.platformId);
      expect(batch.batchId).toBe(b.batchId);
      expect(batch.positions.length).toBe(b.positions);
      expect(batch.positions.length).toBeLessThanOrEqual(opts.batchSize ?? 500);
      counts.produced += batch.positions.length;
      for (const p of batch.positions) {
        const reason = classifyPosition(p, Number(batch.sentAtMs));
        if (reason) {
          counts.bad[reason]++;
          continue;
        }
        const truck = `${p.plateNumber}:${p.plateColor}`;
        const timeMs = Number(p.gnssTimeMs);
        const key = `${truck}@${timeMs}`;
        if (seen.has(key)) {
          counts.duplicates++;
          continue;
        }
        seen.add(key);
        counts.valid++;
        const prev = newest.get(truck) ?? Number.NEGATIVE_INFINITY;
        if (timeMs < prev) {
          counts.late++;
          continue;
        }
        newest.set(truck, timeMs);
        // Regular fixes of a tick lie in (tick − interval, tick].
        if (timeMs > tick.timeMs || timeMs <= tick.timeMs - (opts.fixIntervalS ?? 30) * 1000)
          orderViolations++;
        let track = tracks.get(truck);
        if (!track) {
          track = [];
          tracks.set(truck, track);
        }
        track.push({
          key,
          truck,
          timeMs,
          speedDkmh: p.speedDkmh ?? 0,
          latE6: p.latE6 ?? 0,
          lonE6: p.lonE6 ?? 0,
          headingDeg: p.headingDeg ?? 0,
          altitudeM: p.altitudeM ?? 0,
          statusFlags: p.statusFlags ?? 0,
          odometerHm: p.odometerHm ?? 0,
          alarmFlags: p.alarmFlags ?? 0,
        });
      }
    }
  }
  return { fleet, counts, tracks, orderViolations };
}

describe('simulator determinism', () => {
  const opts: FleetOptions = { seed: 42, trucks: 300, startTimeMs: START, badRate: 0.02, batchSize: 100 };

  function bytesOf(o: FleetOptions, ticks: number): string[] {
    const fleet = createFleet(o);
    const out: string[] = [];
    for (let t = 0; t < ticks; t++) {
      for (const b of fleet.nextTick().batches)
        out.push(`${b.batchId}:${Buffer.from(b.bytes).toString('base64')}`);
    }
    return out;
  }

  it('gives byte-identical batches for the same seed', () => {
    const a = bytesOf(opts, 60);
    const b = bytesOf(opts, 60);
    expect(a.length).toBeGreaterThan(60 * 3);
    expect(b).toEqual(a);
    expect(createFleet(opts).trucks).toEqual(createFleet(opts).trucks);
  });

  it('differs for different seeds', () => {
    const a = bytesOf(opts, 5);
    const b = bytesOf({ ...opts, seed: 43 }, 5);
    const same = a.filter((x, i) => b[i] === x).length;
    expect(same).toBe(0);
    const platesA = new Set(createFleet(opts).trucks.map((t) => t.plateNumber));
    const platesB = createFleet({ ...opts, seed: 43 }).trucks.map((t) => t.plateNumber);
    expect(platesB.filter((p) => platesA.has(p)).length).toBeLessThan(10);
  });

  it('keeps a truck identical when the fleet grows (identity depends on seed and index)', () => {
    const small = createFleet({ ...opts, trucks: 10 }).trucks;
    const big = createFleet({ ...opts, trucks: 50 }).trucks;
    expect(big.slice(0, 10)).toEqual(small);
  });
});

describe('vehicles', () => {
  it('have unique plausible Shandong yellow plates, VINs and certificates', () => {
    const fleet = createFleet({ seed: 7, trucks: 5000, startTimeMs: START });
    const trucks = fleet.trucks;
    expect(new Set(trucks.map((t) => t.plateNumber)).size).toBe(trucks.length);
    expect(new Set(trucks.map((t) => t.vin)).size).toBe(trucks.length);
    expect(new Set(trucks.map((t) => t.transportCertNo)).size).toBe(trucks.length);
    const letters = new Set<string>();
    for (const t of trucks) {
      expect(t.plateNumber).toMatch(/^鲁[A-HJ-NP-RUVY][A-HJ-NP-Z0-9][0-9]{4}$/);
      letters.add(t.plateNumber[1] as string);
      expect(t.plateColor).toBe(pb.PlateColor.PLATE_COLOR_YELLOW);
      expect(t.vin).toMatch(/^L[A-HJ-NPR-Z0-9]{16}$/);
      expect(t.vin[8]).toBe(vinCheckDigit(t.vin));
      expect(t.transportCertNo).toMatch(/^37\d{10}$/);
      expect(fleet.platformIds).toContain(t.platformId);
    }
    expect(letters.size).toBeGreaterThanOrEqual(15);
    expect(new Set(trucks.map((t) => t.platformId)).size).toBe(4);
    expect(new Set(trucks.map((t) => t.roadId)).size).toBeGreaterThanOrEqual(5);
    const pushers = trucks.filter((t) => t.pusher).length;
    expect(pushers / trucks.length).toBeGreaterThan(0.07);
    expect(pushers / trucks.length).toBeLessThan(0.13);
  });

  it('computes VIN check digits (ISO 3779 example)', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });
});

describe('ten simulated hours of 200 trucks', () => {
  const opts: FleetOptions = { seed: 1, trucks: 200, startTimeMs: START, badRate: 0.01 };
  let run: ReturnType<typeof runAndClassify>;
  beforeAll(() => {
    run = runAndClassify(opts, TEN_HOURS_TICKS);
  });

  it('counts in stats() match the decoded bytes', () => {
    const s = run.fleet.stats();
    expect(s.ticks).toBe(TEN_HOURS_TICKS);
    expect(s.simulatedTimeMs).toBe(START + (TEN_HOURS_TICKS - 1) * 30_000);
    expect({
      produced: s.produced,
      valid: s.valid,
      bad: s.bad,
      duplicates: s.duplicates,
      late: s.late,
    }).toEqual(run.counts);
    for (const r of BAD_REASONS) expect(s.bad[r]).toBeGreaterThan(50);
    expect(s.duplicates).toBeGreaterThan(50);
    expect(s.late).toBeGreaterThan(50);
    const bad = BAD_REASONS.reduce((n, r) => n + s.bad[r], 0);
    expect(s.produced).toBe(s.valid + s.duplicates + bad);
    // About 1 % of fixes are faulty.
    expect(bad + s.duplicates + s.late).toBeGreaterThan(0.007 * s.produced);
    expect(bad + s.duplicates + s.late).toBeLessThan(0.013 * s.produced);
  });

  it('produces plausible valid fixes, in time order per truck', () => {
    expect(run.orderViolations).toBe(0);
    expect(run.tracks.size).toBe(200);
    // Collected by hand: 240k fixes × many expect() calls would be slow.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, f: DecodedFix) => {
      if (!ok && problems.length < 20) problems.push(`${what}: ${JSON.stringify(f)}`);
    };
    let moving = 0;
    for (const track of run.tracks.values()) {
      let prev: DecodedFix | undefined;
      for (const f of track) {
        const lat = f.latE6 / 1e6;
        const lon = f.lonE6 / 1e6;
        check(lat >= SHANDONG_BBOX.minLat && lat <= SHANDONG_BBOX.maxLat, 'latitude outside Shandong', f);
        check(lon >= SHANDONG_BBOX.minLon && lon <= SHANDONG_BBOX.maxLon, 'longitude outside Shandong', f);
        check(f.speedDkmh <= 1300, 'speed above 130 km/h', f);
        check(Number.isInteger(f.headingDeg) && f.headingDeg >= 0 && f.headingDeg <= 359, 'heading', f);
        check(f.altitudeM > -10 && f.altitudeM < 400, 'altitude', f);
        check((f.statusFlags & 2) === 2, 'not positioned', f);
        if (f.speedDkmh > 0) {
          moving++;
          check((f.statusFlags & 1) === 1, 'moving with ACC off', f);
        }
        if (prev) {
          check(f.timeMs > prev.timeMs, 'GNSS time not increasing', f);
          check(f.odometerHm >= prev.odometerHm, 'odometer decreasing', f);
          if (f.speedDkmh === 0 && prev.speedDkmh === 0 && f.timeMs - prev.timeMs === 30_000) {
            check(f.latE6 === prev.latE6 && f.lonE6 === prev.lonE6, 'stopped truck moved', f);
          }
          // Distance is bounded by the speeds (30 s at ≤ 130 km/h ≈ 1.1 km) and matches the odometer.
          const dLat = (f.latE6 - prev.latE6) / 1e6;
          const dLon = ((f.lonE6 - prev.lonE6) / 1e6) * Math.cos(lat * (Math.PI / 180));
          const km = Math.hypot(dLat, dLon) * 111.2;
          const dtH = (f.timeMs - prev.timeMs) / 3_600_000;
          const odoKm = (f.odometerHm - prev.odometerHm) / 10;
          check(km <= 135 * dtH + 0.05, 'jump', f);
          check(odoKm >= km - 0.15 && odoKm <= 135 * dtH + 0.15, 'odometer does not follow distance', f);
        }
        prev = f;
      }
    }
    expect(problems).toEqual([]);
    // Most of the time trucks move.
    const total = [...run.tracks.values()].reduce((n, t) => n + t.length, 0);
    expect(moving / total).toBeGreaterThan(0.7);
    expect(moving / total).toBeLessThan(0.95);
  });

  it('has speeding episodes (> 100 km/h for ≥ 2 min) on some trucks (rule A1)', () => {
    let trucksSpeeding = 0;
    for (const track of run.tracks.values()) {
      let since: number | undefined;
      let longest = 0;
      for (const f of track) {
        if (f.speedDkmh > 1000) {
          since ??= f.timeMs;
          longest = Math.max(longest, f.timeMs - since);
        } else since = undefined;
      }
      if (longest >= 120_000) trucksSpeeding++;
    }
    // About one episode per truck every 2–6 h of driving.
    expect(trucksSpeeding).toBeGreaterThan(40);
    expect(trucksSpeeding).toBeLessThan(200);
  });

  it('has trucks driving > 4 h without a 20-minute stop, while most rest in time (rule A2)', () => {
    const longestStretchH: number[] = [];
    for (const track of run.tracks.values()) {
      let stretchStart: number | undefined = track[0]?.timeMs;
      let stopStart: number | undefined;
      let longest = 0;
      for (const f of track) {
        if (f.speedDkmh === 0) {
          stopStart ??= f.timeMs;
          continue;
        }
        if (stopStart !== undefined && f.timeMs - stopStart >= 20 * 60_000) stretchStart = f.timeMs;
        stopStart = undefined;
        stretchStart ??= f.timeMs;
        longest = Math.max(longest, f.timeMs - stretchStart);
      }
      longestStretchH.push(longest / 3_600_000);
    }
    const fatigued = longestStretchH.filter((h) => h > 4).length;
    expect(fatigued).toBeGreaterThanOrEqual(5);
    expect(fatigued).toBeLessThan(40);
    // Everybody rests at some point in 10 hours.
    expect(Math.max(...longestStretchH)).toBeLessThan(6.5);
  });
});

const ALARM_OVERSPEED = 1 << 1;
const ALARM_FATIGUE = 1 << 2;

describe('platform alarm bits agree with the reported fixes (rule A4)', () => {
  // 20 simulated hours, with faults: rejected and late fixes must not count as reported driving.
  const opts: FleetOptions = { seed: 11, trucks: 300, startTimeMs: START, badRate: 0.01 };
  const HOURS = 20;
  let run: ReturnType<typeof runAndClassify>;
  const flagging = new Set<string>();
  beforeAll(() => {
    run = runAndClassify(opts, (HOURS * 3600) / 30);
    for (const t of run.fleet.trucks) {
      if (t.platformId === 'plat-02' || t.platformId === 'plat-04')
        flagging.add(`${t.plateNumber}:${t.plateColor}`);
    }
  });

  /**
   * Replays each truck's valid, in-order fixes (what the alerts rules see) through
   * the alerts service's fatigue rule, with the alarm bits removed so that only
   * the reported driving counts, and calls back with the continuous driving at each fix.
   */
  function withReportedDriving(visit: (f: DecodedFix, continuousS: number) => void): void {
    for (const track of run.tracks.values()) {
      let state = initialFatigueState();
      for (const f of track) {
        const fix = {
          t: f.timeMs,
          lat: f.latE6 / 1e6,
          lon: f.lonE6 / 1e6,
          speedKmh: f.speedDkmh / 10,
          headingDeg: f.headingDeg,
          alarmFlags: 0,
        };
        state = evaluateFatigue(state, fix, DEFAULT_FATIGUE_PARAMS).state;
        visit(f, state.continuousMs / 1000);
      }
    }
  }

  it('A4: a fix carries the fatigue bit only after > 4 h of reported continuous driving', () => {
    const problems: string[] = [];
    let flagged = 0;
    const flaggedTrucks = new Set<string>();
    withReportedDriving((f, continuousS) => {
      if ((f.alarmFlags & ALARM_FATIGUE) === 0) return;
      flagged++;
      flaggedTrucks.add(f.truck);
      if (!flagging.has(f.truck) && problems.length < 20) problems.push(`non-flagging platform: ${f.key}`);
      if (!(continuousS > PLATFORM_FATIGUE_LIMIT_S) && problems.length < 20) {
        problems.push(`${f.key}: fatigue bit after ${(continuousS / 60).toFixed(1)} min of reported driving`);
      }
    });
    expect(problems).toEqual([]);
    // The pushers on flagging platforms do get flagged (the bit is not simply gone).
    expect(flaggedTrucks.size).toBeGreaterThanOrEqual(5);
    expect(flagged).toBeGreaterThan(100);
  });

  it('A4: no fatigue bit in the first 4 h of a run, whatever driving a truck starts with', () => {
    const early = [...run.tracks.values()]
      .flat()
      .filter(
        (f) => f.timeMs <= START + PLATFORM_FATIGUE_LIMIT_S * 1000 && (f.alarmFlags & ALARM_FATIGUE) !== 0,
      );
    expect(early).toEqual([]);
  });

  it('A4: the platform flags fatigue soon after our own rule would (coherent, not just silent)', () => {
    // The bit can lag our detection a little (a stop's first interval is not counted as driving),
    // never by more than a few minutes.
    const problems: string[] = [];
    withReportedDriving((f, continuousS) => {
      if (!flagging.has(f.truck) || f.speedDkmh === 0) return;
      if (continuousS > PLATFORM_FATIGUE_LIMIT_S + 10 * 60 && (f.alarmFlags & ALARM_FATIGUE) === 0) {
        if (problems.length < 20) problems.push(`${f.key}: no fatigue bit after ${continuousS} s`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('A4: a fix carries the overspeed bit exactly when its reported speed is above 100 km/h', () => {
    const problems: string[] = [];
    let flagged = 0;
    for (const track of run.tracks.values()) {
      for (const f of track) {
        const bit = (f.alarmFlags & ALARM_OVERSPEED) !== 0;
        if (bit) flagged++;
        const above = f.speedDkmh > PLATFORM_SPEED_LIMIT_KMH * 10;
        if (bit !== (above && flagging.has(f.truck)) && problems.length < 20) {
          problems.push(`${f.key}: speed ${f.speedDkmh / 10} km/h, overspeed bit ${bit}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(flagged).toBeGreaterThan(100);
  });

  it('A4: no alarm bits at all with platformAlarms: false', () => {
    const fleet = createFleet({ ...opts, trucks: 100, platformAlarms: false });
    let bits = 0;
    for (let t = 0; t < 600; t++) {
      for (const b of fleet.nextTick().batches) for (const p of b.message.positions) bits |= p.alarmFlags;
    }
    expect(bits).toBe(0);
  });
});

describe('batching and truncation', () => {
  it('groups by platform and splits into batches of at most batchSize', () => {
    const fleet = createFleet({ seed: 3, trucks: 1000, startTimeMs: START, batchSize: 120, platforms: 3 });
    const tick = fleet.nextTick();
    expect(tick.positions).toBe(1000);
    const byPlatform = new Map<string, number>();
    for (const b of tick.batches) {
      expect(b.positions).toBeLessThanOrEqual(120);
      expect(b.message.positions.length).toBe(b.positions);
      expect(b.sentAtMs).toBe(START);
      byPlatform.set(b.platformId, (byPlatform.get(b.platformId) ?? 0) + b.positions);
    }
    expect([...byPlatform.keys()].sort()).toEqual(['plat-01', 'plat-02', 'plat-03']);
    for (const t of fleet.trucks) expect(t.platformId).toMatch(/^plat-0[123]$/);
    expect(new Set(tick.batches.map((b) => b.batchId)).size).toBe(tick.batches.length);
    expect(fleet.nextTickTimeMs()).toBe(START + 30_000);
  });

  it('stops at an exact position count with matching counts', () => {
    const fleet = createFleet({ seed: 3, trucks: 1000, startTimeMs: START, badRate: 0.05 });
    fleet.nextTick();
    const tick = fleet.nextTick({ maxPositions: 777 });
    expect(tick.positions).toBe(777);
    const sum: PositionCounts = zeroCounts();
    for (const b of tick.batches) {
      expect(pb.PositionBatch.decode(b.bytes).positions.length).toBe(b.positions);
      addCounts(sum, b.counts);
    }
    expect(sum.produced).toBe(777);
    expect(fleet.stats().produced).toBe(
      fleet.stats().valid + fleet.stats().duplicates + sumBad(fleet.stats()),
    );
  });

  it('emits only valid, distinct fixes with badRate 0', () => {
    const run = runAndClassify({ seed: 5, trucks: 50, startTimeMs: START, badRate: 0 }, 200);
    const s = run.fleet.stats();
    expect(s.valid).toBe(50 * 200);
    expect(s.produced).toBe(s.valid);
    expect(s.duplicates + s.late + sumBad(s)).toBe(0);
    expect(run.counts.valid).toBe(s.valid);
  });

  it('rejects bad options', () => {
    expect(() => createFleet({ seed: 1, trucks: 0, startTimeMs: START })).toThrow(RangeError);
    expect(() => createFleet({ seed: 1, trucks: 1, startTimeMs: START, badRate: 2 })).toThrow(RangeError);
    expect(() => createFleet({ seed: 1, trucks: 1, startTimeMs: START, batchSize: 0 })).toThrow(RangeError);
  });
});

function sumBad(c: PositionCounts): number {
  return BAD_REASONS.reduce((n, r) => n + c.bad[r], 0);
}

describe('generation rate', () => {
  it('generates and encodes positions quickly (printed, not asserted)', () => {
    const fleet = createFleet({ seed: 9, trucks: 20_000, startTimeMs: START });
    fleet.nextTick(); // warm-up
    let n = 0;
    let bytes = 0;
    const t0 = performance.now();
    for (let i = 0; i < 25; i++) {
      const tick = fleet.nextTick();
      n += tick.positions;
      for (const b of tick.batches) bytes += b.bytes.length;
    }
    const s = (performance.now() - t0) / 1000;
    console.log(
      `simulator: ${n} positions in ${s.toFixed(2)} s = ${Math.round(n / s)} positions/s, ${(bytes / n).toFixed(1)} bytes/position`,
    );
    expect(n).toBeGreaterThan(0);
  });
});

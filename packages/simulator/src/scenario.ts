/**
 * A scripted drive of one truck with known alerts, for end-to-end tests: the
 * positions a platform would send, and the figures the alerts service must
 * find in them (and the family page must show).
 *
 * The truck drives west on G18 (Weihai → Binzhou, no speed zone of the sample
 * zones file on it, so the 100 km/h heavy-truck expressway limit applies
 * everywhere). In order:
 * 1. parked 2 min (ACC on), then drive A (40 min) with one speeding episode:
 *    about 6½ min above 100 km/h from 10 min into the drive, peak 114.3 km/h on
 *    exactly one fix, then back to cruising (≈ 80–88 km/h);
 * 2. a 30 min rest (speed 0, ACC off);
 * 3. drive B (4 h 15 min, ≈ 70–78 km/h, no stop): on the first fix 16 min into
 *    it the platform sets the JT/T 808 fatigue bit (one fix only), while our own
 *    figures say 16 min of driving (the rule A4 contradiction case); past 4 h of
 *    continuous driving the alerts service raises fatigue (rule A2);
 * 4. a 30 min rest (speed 0, ACC off) that ends the fatigue episode after 20 min;
 * 5. drive C: 5 min of driving.
 * About 6 h 2 min in all; fixes every `fixIntervalS` seconds from `startTimeMs`.
 *
 * The expected figures are computed from the generated fixes with the alerts
 * service's default thresholds (its config defaults, documented in
 * services/alerts/src/domain/speeding.rule.ts and fatigue.rule.ts):
 * - speeding (A1): a fix is above when speed > limit (100 km/h); an episode is
 *   confirmed (STARTED) at the first above fix ≥ 30 s after the first fix of the
 *   above run, which is the episode's start; it ends at the first fix at/below
 *   the limit (endMs), released (ENDED) at the first fix ≥ 30 s after that;
 * - fatigue (A2): an interval between two fixes is driving when the earlier fix
 *   reports more than 5 km/h (the scenario never moves a truck that reported
 *   0 km/h, so the 200 m displacement rule never applies); continuous driving
 *   > 4 h opens an episode (STARTED at that fix); a stop of ≥ 20 min is a rest,
 *   which ends it (ENDED at the fix where the stop reaches 20 min); the daily
 *   limit (8 h in 24 h) is never reached;
 * - A4: a platform bit opens a PLATFORM episode at the flagged fix and ends it
 *   at the first unflagged fix.
 * packages/simulator/src/scenario.test.ts runs the alerts rules on the
 * positions and checks that they give exactly these episodes and figures.
 */
import type { SimPosition } from './fleet.js';
import { ROADS, type Road } from './roads.js';

export interface AlertScenarioOptions {
  plateNumber: string;
  /** JT/T 697.7 plate colour (2 = yellow, heavy trucks). */
  plateColor: number;
  /** GNSS time of the first fix, Unix epoch ms (an integer). */
  startTimeMs: number;
  /** Seconds between two fixes, an integer in 1 … 60 (default 30). */
  fixIntervalS?: number;
}

export interface ScenarioPlace {
  /** WGS-84 degrees, as the alerts service reads the fix (latE6 / 1e6). */
  lat: number;
  lon: number;
}

/** The one speeding episode (A1), as the alerts service records it (SpeedingEpisode). */
export interface ExpectedSpeeding {
  limitKmh: number;
  /** '' = the vehicle-class default, no speed zone. */
  zoneId: string;
  peakKmh: number;
  /** GNSS time of the (only) fix reporting the peak. */
  peakAtMs: number;
  /** First fix above the limit: the episode's start (episodeStartMs). */
  startMs: number;
  /** First fix at or below the limit again: the episode's end. */
  endMs: number;
  /** endMs − startMs, seconds. */
  durationS: number;
  /** Fix at which the episode is confirmed (the STARTED alert's time). */
  startedAtMs: number;
  /** Fix at which it is released (the ENDED alert's time). */
  endedAtMs: number;
  startPlace: ScenarioPlace;
  endPlace: ScenarioPlace;
  /** Number of fixes above the limit (all consecutive). */
  aboveLimitFixes: number;
  source: 'DETECTED';
}

/** The platform's fatigue bit 16 min into a drive (A4 clarified): its own episode, source PLATFORM. */
export interface ExpectedPlatformFatigue {
  /** The JT/T 808 alarm bit set on the flagged fix (bit 2, fatigue driving). */
  alarmBit: number;
  flaggedFixes: number;
  /** The flagged fix: the STARTED alert's time and the episode's start. */
  startedAtMs: number;
  /** The first unflagged fix after it: the ENDED alert's time. */
  endedAtMs: number;
  /** Start of the current drive by our figures. */
  drivingSinceMs: number;
  /** Our continuous driving at the flagged fix (960 s for intervals dividing 16 min). */
  continuousDrivingSAtStart: number;
  /** Our continuous driving at the ENDED fix. */
  continuousDrivingSAtEnd: number;
  limitS: number;
  source: 'PLATFORM';
}

/** The fatigue episode (A2, continuous driving), found by our rules only. */
export interface ExpectedFatigue {
  limitS: number;
  restMinS: number;
  /** Start of the driving stretch (the departure fix of drive B). */
  drivingSinceMs: number;
  /** First fix where continuous driving ≥ 3 h 30 min (X6 pre-warning default). */
  preWarningAtMs: number;
  /** First fix with continuous driving > 4 h: the STARTED alert's time. */
  startedAtMs: number;
  startPlace: ScenarioPlace;
  continuousDrivingSAtStart: number;
  /** Driving within the trailing 24 h at that fix (drive A + drive B so far). */
  cumulativeDrivingSAtStart: number;
  /** First fix of the rest (speed 0, ACC off). */
  restStartMs: number;
  /** Fix where the rest reaches 20 min: the ENDED alert's time. */
  endedAtMs: number;
  /** Continuous driving of the ended stretch (up to restStartMs). */
  continuousDrivingSAtEnd: number;
  cumulativeDrivingSAtEnd: number;
  /** Full length of the rest, seconds (≥ restMinS). */
  restS: number;
  source: 'DETECTED';
}

export interface AlertScenarioExpected {
  roadId: string;
  roadName: string;
  firstFixMs: number;
  lastFixMs: number;
  fixes: number;
  speeding: ExpectedSpeeding;
  platformFatigue: ExpectedPlatformFatigue;
  fatigue: ExpectedFatigue;
}

export interface AlertScenario {
  /** In increasing GNSS time, one per fix interval; same shape as the fleet's positions. */
  positions: SimPosition[];
  expected: AlertScenarioExpected;
}

// The alerts service's defaults the expected figures rely on (see the header).
const LIMIT_KMH = 100;
const MIN_OVER_MS = 30_000;
const MIN_UNDER_MS = 30_000;
const MOVING_DKMH = 50;
const FATIGUE_LIMIT_S = 4 * 3600;
const REST_MIN_S = 20 * 60;
const PRE_WARNING_S = 3.5 * 3600;

const ALARM_FATIGUE = 1 << 2;
const STATUS_ACC_ON = 1;
const STATUS_POSITIONED = 2;

const MIN = 60;
const ROAD_ID = 'G18';
/** Where the truck starts: metres along G18 from its first waypoint (Weihai). */
const START_M = 2_000;
const START_ODOMETER_M = 412_345_600;
const PEAK_DKMH = 1143;
const FLAG_AFTER_S = 16 * MIN;

type Kind = 'park' | 'drive' | 'rest';
interface Phase {
  kind: Kind;
  durationS: number;
  /** Drives: mean cruising speed, km/h. */
  cruiseKmh?: number;
  /** Drive A: the speeding plateau [from, to) in seconds into the drive. */
  speeding?: { fromS: number; toS: number };
  /** Drive B: the platform flags the first fix at least this many seconds after the drive's first fix. */
  flagAfterS?: number;
}

const PHASES: readonly Phase[] = [
  { kind: 'park', durationS: 2 * MIN },
  { kind: 'drive', durationS: 40 * MIN, cruiseKmh: 84, speeding: { fromS: 10 * MIN, toS: 16 * MIN } },
  { kind: 'rest', durationS: 30 * MIN },
  { kind: 'drive', durationS: 4 * 3600 + 15 * MIN, cruiseKmh: 74, flagAfterS: FLAG_AFTER_S },
  { kind: 'rest', durationS: 30 * MIN },
  { kind: 'drive', durationS: 5 * MIN, cruiseKmh: 70 },
];

const TAU = 2 * Math.PI;
/** Speed at the departure fix (still at the parking spot) and the lowest speed before a stop. */
const DEPART_KMH = 15;
const ARRIVE_KMH = 10;
const ACCEL_KMH_PER_S = 0.7;
const PLATEAU_RAMP_S = 60;

/** Cruising: ± 3.5 km/h around the phase's mean, smooth and deterministic. */
function cruise(base: number, u: number): number {
  return base + 2.5 * Math.sin((TAU * u) / 1100) + 1.0 * Math.sin((TAU * u) / 170);
}

/** Speed (km/h) u seconds into a drive phase of the given length (no peak: set per fix). */
function driveSpeed(p: Phase, u: number): number {
  const base = p.cruiseKmh as number;
  let v = cruise(base, u);
  const sp = p.speeding;
  if (sp) {
    const plateau = (x: number) => 107.5 + 3.5 * Math.sin((TAU * x) / 130); // 104 … 111
    if (u >= sp.fromS - PLATEAU_RAMP_S && u < sp.fromS) {
      const f = (u - (sp.fromS - PLATEAU_RAMP_S)) / PLATEAU_RAMP_S;
      v = v + (plateau(sp.fromS) - v) * f;
    } else if (u >= sp.fromS && u < sp.toS) {
      v = plateau(u);
    } else if (u >= sp.toS && u < sp.toS + PLATEAU_RAMP_S) {
      const f = (u - sp.toS) / PLATEAU_RAMP_S;
      v = plateau(sp.toS) + (v - plateau(sp.toS)) * f;
    }
  }
  // Leaving the parking spot and slowing down for the next stop.
  v = Math.min(v, DEPART_KMH + ACCEL_KMH_PER_S * u, ARRIVE_KMH + ACCEL_KMH_PER_S * (p.durationS - u));
  return v;
}

interface RoadPoint {
  lat: number;
  lon: number;
  altitude: number;
  bearing: number;
}

function pointAt(road: Road, s: number): RoadPoint {
  let i = 0;
  while (i < road.cum.length - 2 && s > (road.cum[i + 1] as number)) i++;
  const a = road.cum[i] as number;
  const len = (road.cum[i + 1] as number) - a;
  const f = len > 0 ? (s - a) / len : 0;
  const lerp = (xs: Float64Array) => (xs[i] as number) + f * ((xs[i + 1] as number) - (xs[i] as number));
  return {
    lat: lerp(road.lat),
    lon: lerp(road.lon),
    altitude: lerp(road.alt),
    bearing: road.bearing[i] as number,
  };
}

/**
 * Builds the scripted drive (see the module comment). Deterministic: the same
 * options give the same positions and figures; plate and colour only label them,
 * and the interval changes which instants are sampled, not the drive.
 */
export function buildAlertScenario(opts: AlertScenarioOptions): AlertScenario {
  const ivS = opts.fixIntervalS ?? 30;
  if (!Number.isInteger(ivS) || ivS < 1 || ivS > 60) {
    throw new RangeError(`fixIntervalS must be an integer in 1 … 60, got ${ivS}`);
  }
  if (!Number.isSafeInteger(opts.startTimeMs)) throw new RangeError('startTimeMs must be an integer (ms)');
  if (opts.plateNumber === '') throw new RangeError('plateNumber must not be empty');
  const road = ROADS.find((r) => r.id === ROAD_ID) as Road;
  const t0 = opts.startTimeMs;
  const ivMs = ivS * 1000;
  const totalS = PHASES.reduce((n, p) => n + p.durationS, 0);

  // 1. Speeds, status and alarm bits at each fix.
  interface Sample {
    t: number;
    speedDkmh: number;
    acc: boolean;
    alarm: number;
  }
  const samples: Sample[] = [];
  let phaseStartS = 0;
  let pi = 0;
  let flagDone = false;
  let departS = -1;
  const plateauFixes: number[] = [];
  for (let k = 0; k * ivS < totalS; k++) {
    const tauS = k * ivS;
    while (tauS >= phaseStartS + (PHASES[pi] as Phase).durationS) {
      phaseStartS += (PHASES[pi] as Phase).durationS;
      pi++;
      flagDone = false;
      departS = -1;
    }
    const p = PHASES[pi] as Phase;
    const u = tauS - phaseStartS;
    let speedDkmh = 0;
    let alarm = 0;
    if (p.kind === 'drive') {
      if (departS < 0) departS = tauS;
      speedDkmh = Math.round(driveSpeed(p, u) * 10);
      if (p.speeding && u >= p.speeding.fromS && u < p.speeding.toS) plateauFixes.push(samples.length);
      if (p.flagAfterS !== undefined && !flagDone && tauS - departS >= p.flagAfterS) {
        alarm = ALARM_FATIGUE;
        flagDone = true;
      }
    }
    samples.push({ t: t0 + k * ivMs, speedDkmh, acc: p.kind !== 'rest', alarm });
  }
  // The peak: the plateau fix nearest its middle, exactly once.
  const peakIdx = plateauFixes[Math.floor(plateauFixes.length / 2)] as number;
  (samples[peakIdx] as Sample).speedDkmh = PEAK_DKMH;

  // 2. Positions: distance from the speeds (a truck reporting 0 km/h does not move before its next fix).
  const positions: SimPosition[] = [];
  let s = START_M;
  let odoM = START_ODOMETER_M;
  let prevDkmh = 0;
  for (const [k, x] of samples.entries()) {
    if (k > 0 && prevDkmh > 0) {
      const d = (((prevDkmh + x.speedDkmh) / 20) * ivS) / 3.6;
      s += d;
      odoM += d;
    }
    if (s > road.lengthM) throw new Error('scenario runs past the end of its road');
    prevDkmh = x.speedDkmh;
    const pt = pointAt(road, s);
    positions.push({
      plateNumber: opts.plateNumber,
      plateColor: opts.plateColor,
      gnssTimeMs: x.t,
      latE6: Math.round(pt.lat * 1e6),
      lonE6: Math.round(pt.lon * 1e6),
      speedDkmh: x.speedDkmh,
      headingDeg: Math.round(pt.bearing) % 360,
      altitudeM: Math.round(pt.altitude),
      alarmFlags: x.alarm,
      statusFlags: x.acc ? STATUS_POSITIONED | STATUS_ACC_ON : STATUS_POSITIONED,
      odometerHm: Math.floor(odoM / 100),
    });
  }

  return {
    positions,
    expected: {
      roadId: road.id,
      roadName: road.name,
      firstFixMs: t0,
      lastFixMs: (positions[positions.length - 1] as SimPosition).gnssTimeMs,
      fixes: positions.length,
      ...expectedFigures(positions),
    },
  };
}

const placeOf = (p: SimPosition): ScenarioPlace => ({ lat: p.latE6 / 1e6, lon: p.lonE6 / 1e6 });

/** The episodes' figures, read off the positions with the thresholds of the module comment. */
function expectedFigures(
  positions: readonly SimPosition[],
): Pick<AlertScenarioExpected, 'speeding' | 'platformFatigue' | 'fatigue'> {
  const at = (i: number) => positions[i] as SimPosition;
  const firstIndex = (from: number, ok: (p: SimPosition, i: number) => boolean) => {
    for (let i = from; i < positions.length; i++) if (ok(at(i), i)) return i;
    throw new Error('scenario: expected fix not found');
  };

  // Speeding: the one run of fixes above the limit.
  const above = (p: SimPosition) => p.speedDkmh > LIMIT_KMH * 10;
  const sFirst = firstIndex(0, above);
  const sEnd = firstIndex(sFirst, (p) => !above(p));
  if (positions.slice(sEnd).some(above)) throw new Error('scenario: more than one speeding run');
  const startMs = at(sFirst).gnssTimeMs;
  const endMs = at(sEnd).gnssTimeMs;
  let peak = sFirst;
  for (let i = sFirst; i < sEnd; i++) if (at(i).speedDkmh > at(peak).speedDkmh) peak = i;
  const speeding: ExpectedSpeeding = {
    limitKmh: LIMIT_KMH,
    zoneId: '',
    peakKmh: at(peak).speedDkmh / 10,
    peakAtMs: at(peak).gnssTimeMs,
    startMs,
    endMs,
    durationS: (endMs - startMs) / 1000,
    startedAtMs: at(firstIndex(sFirst, (p) => p.gnssTimeMs - startMs >= MIN_OVER_MS)).gnssTimeMs,
    endedAtMs: at(firstIndex(sEnd, (p) => p.gnssTimeMs - endMs >= MIN_UNDER_MS)).gnssTimeMs,
    startPlace: placeOf(at(sFirst)),
    endPlace: placeOf(at(sEnd)),
    aboveLimitFixes: sEnd - sFirst,
    source: 'DETECTED',
  };

  // Driving clock per fix: continuous driving (reset by a rest), stretch start, trailing-24 h total.
  const n = positions.length;
  const continuousS = new Array<number>(n).fill(0);
  const sinceMs = new Array<number>(n).fill(-1);
  const cumulativeS = new Array<number>(n).fill(0);
  const stopS = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    const dtS = (at(i).gnssTimeMs - at(i - 1).gnssTimeMs) / 1000;
    if (at(i - 1).speedDkmh > MOVING_DKMH) {
      continuousS[i] = (continuousS[i - 1] as number) + dtS;
      sinceMs[i] = (sinceMs[i - 1] as number) >= 0 ? (sinceMs[i - 1] as number) : at(i - 1).gnssTimeMs;
      cumulativeS[i] = (cumulativeS[i - 1] as number) + dtS;
      stopS[i] = 0;
    } else {
      stopS[i] = (stopS[i - 1] as number) + dtS;
      cumulativeS[i] = cumulativeS[i - 1] as number;
      const rested = (stopS[i] as number) >= REST_MIN_S;
      continuousS[i] = rested ? 0 : (continuousS[i - 1] as number);
      sinceMs[i] = rested ? -1 : (sinceMs[i - 1] as number);
    }
  }

  const flag = positions.findIndex((p) => (p.alarmFlags & ALARM_FATIGUE) !== 0);
  const platformFatigue: ExpectedPlatformFatigue = {
    alarmBit: ALARM_FATIGUE,
    flaggedFixes: positions.filter((p) => (p.alarmFlags & ALARM_FATIGUE) !== 0).length,
    startedAtMs: at(flag).gnssTimeMs,
    endedAtMs: at(flag + 1).gnssTimeMs,
    drivingSinceMs: sinceMs[flag] as number,
    continuousDrivingSAtStart: continuousS[flag] as number,
    continuousDrivingSAtEnd: continuousS[flag + 1] as number,
    limitS: FATIGUE_LIMIT_S,
    source: 'PLATFORM',
  };

  const fStart = continuousS.findIndex((c) => c > FATIGUE_LIMIT_S);
  const restStart = firstIndex(fStart, (p) => p.speedDkmh === 0);
  const fEnd = firstIndex(restStart, (_, i) => (stopS[i] as number) >= REST_MIN_S);
  const restEnd = firstIndex(restStart, (p) => p.speedDkmh > 0);
  const fatigue: ExpectedFatigue = {
    limitS: FATIGUE_LIMIT_S,
    restMinS: REST_MIN_S,
    drivingSinceMs: sinceMs[fStart] as number,
    preWarningAtMs: at(continuousS.findIndex((c) => c >= PRE_WARNING_S)).gnssTimeMs,
    startedAtMs: at(fStart).gnssTimeMs,
    startPlace: placeOf(at(fStart)),
    continuousDrivingSAtStart: continuousS[fStart] as number,
    cumulativeDrivingSAtStart: cumulativeS[fStart] as number,
    restStartMs: at(restStart).gnssTimeMs,
    endedAtMs: at(fEnd).gnssTimeMs,
    continuousDrivingSAtEnd: continuousS[restStart] as number,
    cumulativeDrivingSAtEnd: cumulativeS[fEnd] as number,
    restS: (at(restEnd).gnssTimeMs - at(restStart).gnssTimeMs) / 1000,
    source: 'DETECTED',
  };
  return { speeding, platformFatigue, fatigue };
}

import { pb, type safewatch } from '@safewatch/proto';
import { IdentityFactory, type VehicleIdentity } from './identity.js';
import { type Rng, RngStreams } from './rng.js';
import { ROADS, type Road } from './roads.js';

// ---------------------------------------------------------------------------
// Public types

export interface FleetOptions {
  /** Any 32-bit integer; the same seed and options give byte-identical output. */
  seed: number;
  /** Number of trucks (1 … 1,000,000). */
  trucks: number;
  /** Simulated time of the first tick, Unix epoch ms. */
  startTimeMs: number;
  /** Seconds of simulated time between two fixes of a truck (default 30). */
  fixIntervalS?: number;
  /** Number of positioning platforms, ids "plat-01", "plat-02", … (default 4). */
  platforms?: number;
  /**
   * Probability per fix of a deliberate fault (default 0.002), spread evenly over
   * the five reject reasons of {@link BAD_REASONS}, exact duplicates and late fixes.
   */
  badRate?: number;
  /** Maximum positions per PositionBatch (default 500). */
  batchSize?: number;
  /**
   * Whether platforms with an even number (plat-02, plat-04, …) set the JT/T 808
   * alarm bits themselves, as some real platforms do (rule A4). Default true.
   * The bits only claim what the truck's own reported fixes show:
   * - bit 1 (overspeed) when the reported speed (0.1 km/h, as sent) is above
   *   {@link PLATFORM_SPEED_LIMIT_KMH}, the heavy-truck expressway limit. Every
   *   simulated road is an expressway and speed zones only lower that limit, so
   *   a flagged fix is above whatever limit applies where it is.
   * - bit 2 (fatigue) when the fixes this truck has reported so far show more
   *   than {@link PLATFORM_FATIGUE_LIMIT_S} of continuous driving without a
   *   rest of {@link PLATFORM_REST_MIN_S}, counted the way the alerts service
   *   counts (a truck's history before its first fix is unknown and taken as
   *   rest). Only fixes the rules see count: not the ones rejected by the
   *   ingest (bad) nor the ones delivered late; an interval is driving only when
   *   both its fixes report more than 5 km/h, and a gap above the rest time
   *   counts as a rest, so the bit never comes before our own detection would.
   *   The bit stays on while stopped until the rest is long enough.
   * The random driving history a truck starts with (how long it has been on the
   * road before the first tick) shapes when it rests, never its alarm bits.
   */
  platformAlarms?: boolean;
}

/**
 * The reject reasons (RejectReason names without the REJECT_REASON_ prefix) the
 * ingest gives to the simulator's deliberately bad fixes. Each bad fix has
 * exactly one defect.
 */
export const BAD_REASONS = [
  'ZERO_FIX',
  'COORDINATES_OUT_OF_RANGE',
  'FUTURE_TIME',
  'SPEED_OUT_OF_RANGE',
  'UNKNOWN_PLATE_COLOR',
] as const;
export type BadReason = (typeof BAD_REASONS)[number];

/**
 * Counts of positions as they appear in the produced bytes:
 * `produced = valid + duplicates + Σ bad`. `valid` counts distinct valid
 * positions (what the ingest stores; it includes the `late` ones, which are
 * valid but older than a fix already sent for the same truck). `duplicates`
 * are exact re-sends of a valid fix sent in an earlier batch.
 */
export interface PositionCounts {
  produced: number;
  valid: number;
  bad: Record<BadReason, number>;
  duplicates: number;
  late: number;
}

export interface FleetStats extends PositionCounts {
  ticks: number;
  batches: number;
  /** Time of the last tick produced (Unix ms); NaN before the first tick. */
  simulatedTimeMs: number;
}

/** A position as the simulator builds it: every field set, ready for pb.Position.encode. */
export interface SimPosition {
  plateNumber: string;
  plateColor: number;
  gnssTimeMs: number;
  latE6: number;
  lonE6: number;
  speedDkmh: number;
  headingDeg: number;
  altitudeM: number;
  alarmFlags: number;
  statusFlags: number;
  odometerHm: number;
}

export interface SimBatchMessage {
  platformId: string;
  batchId: string;
  sentAtMs: number;
  positions: SimPosition[];
}

export interface SimBatch {
  platformId: string;
  batchId: string;
  sentAtMs: number;
  /** The PositionBatch as a plain object (do not mutate: duplicates share position objects). */
  message: SimBatchMessage;
  /** `pb.PositionBatch.encode(message).finish()` */
  bytes: Uint8Array;
  /** Number of positions in the batch. */
  positions: number;
  counts: PositionCounts;
}

export interface SimTick {
  /** Tick index, 0 for the first. */
  index: number;
  /**
   * Tick time (Unix ms): every regular fix of the tick has a GNSS time in
   * (timeMs − fixInterval, timeMs]; only deliberate bad/late/duplicate fixes
   * fall outside. Ticks come in increasing time order.
   */
  timeMs: number;
  batches: SimBatch[];
  /** Positions in all batches of the tick. */
  positions: number;
}

export interface TruckInfo extends VehicleIdentity {
  index: number;
  platformId: string;
  /** Road the truck drives on (see ROAD_DEFS). */
  roadId: string;
  /** Whether this truck pushes on past 4 h 10 min of driving before resting. */
  pusher: boolean;
}

export interface NextTickOptions {
  /**
   * Emit at most this many positions in this tick (the rest of the tick is
   * dropped). Meant for stopping after an exact count; the fleet should not be
   * used after a truncated tick, because dropped fixes are gone.
   */
  maxPositions?: number;
}

export interface Fleet {
  readonly seed: number;
  readonly fixIntervalS: number;
  readonly startTimeMs: number;
  readonly platformIds: readonly string[];
  readonly trucks: readonly TruckInfo[];
  /** Time of the tick the next nextTick() call produces. */
  nextTickTimeMs(): number;
  nextTick(opts?: NextTickOptions): SimTick;
  /** Cumulative counts over every tick produced so far (a fresh copy). */
  stats(): FleetStats;
  /** Endless iterator over ticks. */
  [Symbol.iterator](): Iterator<SimTick>;
}

// ---------------------------------------------------------------------------
// Constants of the behaviour model

const HOUR_S = 3600;
const MIN_S = 60;
/** Mean driving time between two short stops (toll gates, traffic, loading). */
const STOP_MEAN_GAP_S = 1.5 * HOUR_S;
/** Acceleration / deceleration bound, km/h per second (≈ 0.2 m/s²). */
const ACCEL_KMH_PER_S = 0.7;
const MAX_VALID_SPEED_KMH = 127;
const PUSHER_SHARE = 0.1;

const MODE_DRIVE = 0;
const MODE_STOP = 1;
const MODE_REST = 2;

const STATUS_ACC_ON = 1;
const STATUS_POSITIONED = 2;
const ALARM_OVERSPEED = 1 << 1;
const ALARM_FATIGUE = 1 << 2;

/** Limit behind the platforms' overspeed bit: heavy trucks on expressways (rule A1 default). */
export const PLATFORM_SPEED_LIMIT_KMH = 100;
/** Continuous driving beyond which the platforms set the fatigue bit (rule A2 default, 4 h). */
export const PLATFORM_FATIGUE_LIMIT_S = 4 * HOUR_S;
/** A stop at least this long is a rest and resets continuous driving (rule A2 default, 20 min). */
export const PLATFORM_REST_MIN_S = 20 * MIN_S;
/** A fix above this speed (0.1 km/h) reports driving (the alerts service's default, 5 km/h). */
const MOVING_DKMH = 50;
const OVERSPEED_DKMH = PLATFORM_SPEED_LIMIT_KMH * 10;
const FATIGUE_LIMIT_MS = PLATFORM_FATIGUE_LIMIT_S * 1000;
const REST_MIN_MS = PLATFORM_REST_MIN_S * 1000;

/** Deliberate future fixes are this far ahead (a clock set ~10 years wrong), so they are in the future whatever the start time. */
export const FUTURE_FIX_OFFSET_MS = 3652 * 24 * 3600 * 1000;

// Item kinds inside a tick (the first five are indexes into BAD_REASONS).
const KIND_VALID = 5;
const KIND_VALID_DUP_SOURCE = 6; // valid; re-send it later as a duplicate once emitted
const KIND_DUPLICATE = 7;
const KIND_LATE = 8;
const FAULT_KINDS = 7; // 5 bad reasons + duplicate + late

// ---------------------------------------------------------------------------
// Trucks

class Truck {
  readonly pusher: boolean;
  readonly road: Road;
  readonly phaseMs: number;
  private s: number; // metres along the road
  private seg = 0;
  private dir: 1 | -1;
  private speed: number; // km/h
  private heading = 0;
  private altitude = 0;
  private mode: number;
  private modeLeftS = 0;
  private driveS: number; // driving time since the last rest (behaviour only, includes unreported history)
  private driveLimitS: number;
  private readonly cruiseBase: number;
  /** Mean driving time between two speeding episodes of this driver (2–6 h). */
  private readonly speedingGapS: number;
  private cruise: number;
  private speedingLeftS = 0;
  private speedingTarget = 0;
  private odoM: number;
  // Driving as this truck's reported fixes show it (what the platform's alarm bits may claim).
  private repLastMs = -1;
  private repLastMoving = false;
  private repDriveMs = 0;
  private repStopMs = 0;

  constructor(
    readonly id: VehicleIdentity,
    readonly platformIdx: number,
    private readonly rng: Rng,
    fixIntervalS: number,
    private readonly flagsAlarms: boolean,
  ) {
    const r = rng;
    let total = 0;
    for (const road of ROADS) total += road.lengthM;
    let w = r.float() * total;
    let chosen = ROADS[0] as Road;
    for (const road of ROADS) {
      chosen = road;
      w -= road.lengthM;
      if (w < 0) break;
    }
    this.road = chosen;
    this.s = r.float() * chosen.lengthM;
    this.dir = r.float() < 0.5 ? 1 : -1;
    this.pusher = r.float() < PUSHER_SHARE;
    this.driveLimitS = this.drawDriveLimit();
    this.driveS = r.float() * 0.95 * this.driveLimitS;
    this.cruiseBase = r.range(62, 90);
    this.speedingGapS = r.range(2, 6) * HOUR_S;
    this.cruise = this.cruiseBase;
    this.odoM = r.range(50_000, 900_000) * 1000;
    this.phaseMs = r.int(0, Math.max(0, Math.floor(fixIntervalS) - 1)) * 1000;
    if (r.float() < 0.08) {
      this.mode = MODE_REST;
      this.modeLeftS = r.range(1, 40) * MIN_S;
      this.speed = 0;
    } else {
      this.mode = MODE_DRIVE;
      this.speed = this.cruise;
    }
    this.locate();
    this.heading = Math.round(this.bearing()) % 360;
    this.altitude = this.roadAltitude();
  }

  private roadAltitude(): number {
    const road = this.road;
    const i = this.seg;
    const a = road.cum[i] as number;
    const segLen = (road.cum[i + 1] as number) - a;
    const f = segLen > 0 ? (this.s - a) / segLen : 0;
    const alt0 = road.alt[i] as number;
    return alt0 + f * ((road.alt[i + 1] as number) - alt0);
  }

  private drawDriveLimit(): number {
    return this.pusher
      ? this.rng.range(4 * HOUR_S + 20 * MIN_S, 5 * HOUR_S + 10 * MIN_S)
      : this.rng.range(2 * HOUR_S, 3.25 * HOUR_S);
  }

  private bearing(): number {
    const b = this.road.bearing[this.seg] as number;
    return this.dir > 0 ? b : (b + 180) % 360;
  }

  /** Finds the segment holding this.s (starting from the current one). */
  private locate(): void {
    const cum = this.road.cum;
    const last = cum.length - 2;
    while (this.seg < last && this.s > (cum[this.seg + 1] as number)) this.seg++;
    while (this.seg > 0 && this.s < (cum[this.seg] as number)) this.seg--;
  }

  /** Advances simulated time by dt seconds. */
  step(dt: number): void {
    const r = this.rng;
    const prev = this.speed;
    if (this.mode === MODE_REST || this.mode === MODE_STOP) {
      this.speed = 0;
      this.modeLeftS -= dt;
      if (this.modeLeftS <= 0) {
        if (this.mode === MODE_REST) {
          this.driveS = 0;
          this.driveLimitS = this.drawDriveLimit();
        }
        this.mode = MODE_DRIVE;
      }
      return;
    }

    let next: number;
    if (this.driveS >= this.driveLimitS) {
      // Rest break (≥ 20 min with margin, so it counts as rest for rule A2).
      this.mode = MODE_REST;
      this.modeLeftS = r.range(21, 45) * MIN_S;
      this.speedingLeftS = 0;
      next = 0;
    } else if (prev > 20 && r.float() < dt / STOP_MEAN_GAP_S) {
      // Short stop: toll gate, traffic, loading; never long enough to count as rest.
      this.mode = MODE_STOP;
      this.modeLeftS = r.range(1, 10) * MIN_S;
      this.speedingLeftS = 0;
      next = 0;
    } else {
      let target: number;
      if (this.speedingLeftS > 0) {
        this.speedingLeftS -= dt;
        target = this.speedingTarget;
      } else if (prev > 50 && r.float() < dt / this.speedingGapS) {
        this.speedingLeftS = r.range(3, 10) * MIN_S;
        this.speedingTarget = r.range(105, 125);
        target = this.speedingTarget;
      } else {
        const c = this.cruise + (r.float() - 0.5) * 2;
        this.cruise = Math.min(Math.max(c, this.cruiseBase - 6, 60), this.cruiseBase + 6, 95);
        target = this.cruise;
      }
      const maxDelta = ACCEL_KMH_PER_S * dt;
      const delta = Math.min(Math.max(target - prev, -maxDelta), maxDelta);
      next = prev + delta + (r.float() - 0.5) * 3;
      next = Math.min(Math.max(next, 3), MAX_VALID_SPEED_KMH);
    }

    this.driveS += dt;
    this.speed = next;
    const dist = (((prev + next) / 2) * dt) / 3.6;
    if (dist > 0) this.advance(dist);
  }

  private advance(dist: number): void {
    const len = this.road.lengthM;
    let s = this.s + this.dir * dist;
    let turned = false;
    if (s >= len) {
      s = len;
      turned = true;
    } else if (s <= 0) {
      s = 0;
      turned = true;
    }
    this.s = s;
    this.odoM += dist;
    this.locate();
    if (turned) {
      // End of the modelled road: a toll gate / interchange, then back the other way.
      this.dir = this.dir > 0 ? -1 : 1;
      if (this.mode === MODE_DRIVE) {
        this.mode = MODE_STOP;
        this.modeLeftS = this.rng.range(2, 8) * MIN_S;
        this.speedingLeftS = 0;
      }
      this.speed = 0;
    }
    this.heading = Math.round(this.bearing() + (this.rng.float() - 0.5) * 2 + 360) % 360;
    this.altitude = this.roadAltitude() + (this.rng.float() - 0.5) * 2;
  }

  /**
   * The fix at gnssTimeMs. `reported`: the rules will see it in order (a valid
   * fix delivered on time); only such fixes advance the reported-driving clock.
   */
  fix(gnssTimeMs: number, reported = true): SimPosition {
    const road = this.road;
    const i = this.seg;
    const a = road.cum[i] as number;
    const segLen = (road.cum[i + 1] as number) - a;
    const f = segLen > 0 ? (this.s - a) / segLen : 0;
    const lat0 = road.lat[i] as number;
    const lon0 = road.lon[i] as number;
    const lat = lat0 + f * ((road.lat[i + 1] as number) - lat0);
    const lon = lon0 + f * ((road.lon[i + 1] as number) - lon0);
    const speedDkmh = Math.round(this.speed * 10);
    let alarms = 0;
    if (this.flagsAlarms) {
      if (speedDkmh > OVERSPEED_DKMH) alarms |= ALARM_OVERSPEED;
      if (this.reportedDriving(gnssTimeMs, speedDkmh > MOVING_DKMH, reported) > FATIGUE_LIMIT_MS) {
        alarms |= ALARM_FATIGUE;
      }
    }
    return {
      plateNumber: this.id.plateNumber,
      plateColor: this.id.plateColor,
      gnssTimeMs,
      latE6: Math.round(lat * 1e6),
      lonE6: Math.round(lon * 1e6),
      speedDkmh,
      headingDeg: this.heading,
      altitudeM: Math.round(this.altitude),
      alarmFlags: alarms,
      statusFlags: this.mode === MODE_REST ? STATUS_POSITIONED : STATUS_POSITIONED | STATUS_ACC_ON,
      odometerHm: Math.floor(this.odoM / 100),
    };
  }

  /**
   * Continuous driving (ms) the reported fixes show at a fix at time t, moving or
   * not; with `commit` the fix becomes part of the record. See
   * FleetOptions.platformAlarms for the counting rules.
   */
  private reportedDriving(t: number, moving: boolean, commit: boolean): number {
    let driveMs = this.repDriveMs;
    let stopMs = this.repStopMs;
    if (this.repLastMs >= 0) {
      const dt = t - this.repLastMs;
      if (dt > REST_MIN_MS) {
        // Nothing reported for longer than a rest: claim nothing about that time.
        driveMs = 0;
        stopMs = dt;
      } else if (this.repLastMoving && moving) {
        driveMs += dt;
        stopMs = 0;
      } else {
        stopMs += dt;
        if (stopMs >= REST_MIN_MS) driveMs = 0;
      }
    }
    if (commit) {
      this.repLastMs = t;
      this.repLastMoving = moving;
      this.repDriveMs = driveMs;
      this.repStopMs = stopMs;
    }
    return driveMs;
  }
}

// ---------------------------------------------------------------------------
// Faults

function corrupt(p: SimPosition, kind: number, r: Rng): SimPosition {
  switch (kind) {
    case 0: // ZERO_FIX: receiver without a fix
      return {
        ...p,
        latE6: 0,
        lonE6: 0,
        speedDkmh: 0,
        headingDeg: 0,
        altitudeM: 0,
        statusFlags: p.statusFlags & ~STATUS_POSITIONED,
      };
    case 1: {
      // COORDINATES_OUT_OF_RANGE: one coordinate beyond its range, the other plausible
      const sign = r.float() < 0.5 ? -1 : 1;
      return r.float() < 0.5
        ? { ...p, latE6: sign * r.int(90_000_001, 120_000_000) }
        : { ...p, lonE6: sign * r.int(180_000_001, 250_000_000) };
    }
    case 2: // FUTURE_TIME
      return { ...p, gnssTimeMs: p.gnssTimeMs + FUTURE_FIX_OFFSET_MS + r.int(0, 86_400) * 1000 };
    case 3: // SPEED_OUT_OF_RANGE (0.1 km/h units: 300 … 999.9 km/h)
      return { ...p, speedDkmh: r.int(3000, 9999) };
    default: // UNKNOWN_PLATE_COLOR
      return { ...p, plateColor: r.int(6, 8) };
  }
}

/** Plate colours Safe Watch accepts (JT/T 697.7). */
const KNOWN_COLORS = new Set([1, 2, 3, 4, 5, 9, 91, 92, 93, 94]);
/** Speed bound the simulator assumes the ingest applies (km/h); valid fixes stay ≤ 130. */
export const SPEED_BOUND_KMH = 250;

/**
 * How the ingest is expected to classify a position (SPEC §5), for tests:
 * the reject reason, or undefined for a valid fix. `nowMs` is the ingest clock
 * (for the simulator's output, the batch's sentAtMs works).
 */
export function classifyPosition(p: safewatch.v1.IPosition, nowMs: number): BadReason | undefined {
  if (!KNOWN_COLORS.has(Number(p.plateColor ?? 0))) return 'UNKNOWN_PLATE_COLOR';
  const lat = Number(p.latE6 ?? 0);
  const lon = Number(p.lonE6 ?? 0);
  if (lat < -90e6 || lat > 90e6 || lon < -180e6 || lon > 180e6) return 'COORDINATES_OUT_OF_RANGE';
  if (lat === 0 && lon === 0) return 'ZERO_FIX';
  if (Number(p.gnssTimeMs ?? 0) > nowMs + 5 * 60_000) return 'FUTURE_TIME';
  if (Number(p.speedDkmh ?? 0) > SPEED_BOUND_KMH * 10) return 'SPEED_OUT_OF_RANGE';
  return undefined;
}

function emptyCounts(): PositionCounts {
  return {
    produced: 0,
    valid: 0,
    bad: {
      ZERO_FIX: 0,
      COORDINATES_OUT_OF_RANGE: 0,
      FUTURE_TIME: 0,
      SPEED_OUT_OF_RANGE: 0,
      UNKNOWN_PLATE_COLOR: 0,
    },
    duplicates: 0,
    late: 0,
  };
}

/** Adds `b` into `a` (for aggregating per-batch counts). */
export function addCounts(a: PositionCounts, b: PositionCounts): void {
  a.produced += b.produced;
  a.valid += b.valid;
  a.duplicates += b.duplicates;
  a.late += b.late;
  for (const k of BAD_REASONS) a.bad[k] += b.bad[k];
}

export function zeroCounts(): PositionCounts {
  return emptyCounts();
}

// ---------------------------------------------------------------------------
// Fleet

interface Pending {
  pos: SimPosition;
  platformIdx: number;
  truckIdx: number;
  kind: number;
}

export function createFleet(opts: FleetOptions): Fleet {
  const seed = opts.seed | 0;
  const nTrucks = opts.trucks;
  const fixIntervalS = opts.fixIntervalS ?? 30;
  const nPlatforms = opts.platforms ?? 4;
  const badRate = opts.badRate ?? 0.002;
  const batchSize = opts.batchSize ?? 500;
  const platformAlarms = opts.platformAlarms ?? true;
  const startTimeMs = opts.startTimeMs;

  if (!Number.isInteger(nTrucks) || nTrucks < 1 || nTrucks > 1_000_000) {
    throw new RangeError(`trucks must be an integer in 1 … 1,000,000, got ${nTrucks}`);
  }
  if (!Number.isFinite(fixIntervalS) || fixIntervalS <= 0) {
    throw new RangeError(`fixIntervalS must be > 0, got ${fixIntervalS}`);
  }
  if (!Number.isInteger(nPlatforms) || nPlatforms < 1 || nPlatforms > 99) {
    throw new RangeError(`platforms must be an integer in 1 … 99, got ${nPlatforms}`);
  }
  if (!(badRate >= 0 && badRate <= 1)) throw new RangeError(`badRate must be in [0, 1], got ${badRate}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!Number.isFinite(startTimeMs)) throw new RangeError('startTimeMs must be a finite number');

  const intervalMs = Math.round(fixIntervalS * 1000);
  const platformIds = Array.from({ length: nPlatforms }, (_, i) => `plat-${String(i + 1).padStart(2, '0')}`);
  const streams = new RngStreams(seed);
  const identities = new IdentityFactory(streams.next());
  const faults = streams.next();
  const trucks: Truck[] = [];
  const infos: TruckInfo[] = [];
  for (let i = 0; i < nTrucks; i++) {
    const rng = streams.next();
    const id = identities.next();
    const platformIdx = rng.int(0, nPlatforms - 1);
    const truck = new Truck(id, platformIdx, rng, fixIntervalS, platformAlarms && platformIdx % 2 === 1);
    trucks.push(truck);
    infos.push({
      ...id,
      index: i,
      platformId: platformIds[platformIdx] as string,
      roadId: truck.road.id,
      pusher: truck.pusher,
    });
  }

  const runTag = `${(seed >>> 0).toString(36)}-${Math.floor(startTimeMs / 1000).toString(36)}`;
  const batchSeq = new Array<number>(nPlatforms).fill(0);
  const pending = new Map<number, Pending[]>();
  const totals = emptyCounts();
  let ticks = 0;
  let batches = 0;
  let tickIndex = 0;
  let lastTickMs = Number.NaN;
  /** GNSS time of the newest valid fix emitted per truck (to tell late fixes). */
  const lastValidMs = new Float64Array(nTrucks).fill(Number.NEGATIVE_INFINITY);

  function schedule(tick: number, item: Pending): void {
    const list = pending.get(tick);
    if (list) list.push(item);
    else pending.set(tick, [item]);
  }

  function nextTick(o?: NextTickOptions): SimTick {
    const k = tickIndex++;
    const timeMs = startTimeMs + k * intervalMs;
    const limit = o?.maxPositions ?? Number.POSITIVE_INFINITY;
    const posLists: SimPosition[][] = platformIds.map(() => []);
    const kindLists: number[][] = platformIds.map(() => []);
    const truckLists: number[][] = platformIds.map(() => []);

    for (let i = 0; i < nTrucks; i++) {
      const t = trucks[i] as Truck;
      if (k > 0) t.step(fixIntervalS);
      // The fault is drawn first (its own stream: the draws are the same as drawing
      // after the fix) so the truck knows whether the rules will see this fix.
      const f = badRate > 0 && faults.float() < badRate ? Math.floor(faults.float() * FAULT_KINDS) : -1;
      const pos = t.fix(timeMs - t.phaseMs, f < 0 || f === BAD_REASONS.length);
      const pi = t.platformIdx;
      if (f >= 0) {
        if (f < BAD_REASONS.length) {
          (posLists[pi] as SimPosition[]).push(corrupt(pos, f, faults));
          (kindLists[pi] as number[]).push(f);
          (truckLists[pi] as number[]).push(i);
        } else if (f === BAD_REASONS.length) {
          (posLists[pi] as SimPosition[]).push(pos);
          (kindLists[pi] as number[]).push(KIND_VALID_DUP_SOURCE);
          (truckLists[pi] as number[]).push(i);
        } else {
          // Held back by the platform and delivered 1–10 minutes late.
          const delayTicks = Math.max(2, Math.round((faults.range(60, 600) * 1000) / intervalMs));
          schedule(k + delayTicks, { pos, platformIdx: pi, truckIdx: i, kind: KIND_LATE });
        }
        continue;
      }
      (posLists[pi] as SimPosition[]).push(pos);
      (kindLists[pi] as number[]).push(KIND_VALID);
      (truckLists[pi] as number[]).push(i);
    }

    const due = pending.get(k);
    if (due) {
      pending.delete(k);
      for (const item of due) {
        (posLists[item.platformIdx] as SimPosition[]).push(item.pos);
        (kindLists[item.platformIdx] as number[]).push(item.kind);
        (truckLists[item.platformIdx] as number[]).push(item.truckIdx);
      }
    }

    const out: SimBatch[] = [];
    let emitted = 0;
    for (let p = 0; p < nPlatforms && emitted < limit; p++) {
      const list = posLists[p] as SimPosition[];
      const kinds = kindLists[p] as number[];
      const truckIdxs = truckLists[p] as number[];
      const platformId = platformIds[p] as string;
      for (let start = 0; start < list.length && emitted < limit; start += batchSize) {
        const end = Math.min(start + batchSize, list.length, start + (limit - emitted));
        const counts = emptyCounts();
        for (let j = start; j < end; j++) {
          const kind = kinds[j] as number;
          if (kind < BAD_REASONS.length) counts.bad[BAD_REASONS[kind] as BadReason]++;
          else if (kind === KIND_DUPLICATE) counts.duplicates++;
          else {
            counts.valid++;
            const pos = list[j] as SimPosition;
            const ti = truckIdxs[j] as number;
            if (pos.gnssTimeMs < (lastValidMs[ti] as number)) counts.late++;
            else lastValidMs[ti] = pos.gnssTimeMs;
            if (kind === KIND_VALID_DUP_SOURCE) {
              schedule(k + faults.int(1, 4), { pos, platformIdx: p, truckIdx: ti, kind: KIND_DUPLICATE });
            }
          }
        }
        counts.produced = end - start;
        const seq = ++(batchSeq[p] as number);
        const batchId = `${platformId}-${runTag}-${seq}`;
        const message: SimBatchMessage = {
          platformId,
          batchId,
          sentAtMs: timeMs,
          positions: start === 0 && end === list.length ? list : list.slice(start, end),
        };
        const bytes = pb.PositionBatch.encode(message).finish();
        out.push({ platformId, batchId, sentAtMs: timeMs, message, bytes, positions: end - start, counts });
        addCounts(totals, counts);
        emitted += end - start;
      }
    }
    ticks++;
    batches += out.length;
    lastTickMs = timeMs;
    return { index: k, timeMs, batches: out, positions: emitted };
  }

  const fleet: Fleet = {
    seed,
    fixIntervalS,
    startTimeMs,
    platformIds,
    trucks: infos,
    nextTickTimeMs: () => startTimeMs + tickIndex * intervalMs,
    nextTick,
    stats: () => {
      const c = emptyCounts();
      addCounts(c, totals);
      return { ...c, ticks, batches, simulatedTimeMs: lastTickMs };
    },
    [Symbol.iterator]: () => ({ next: () => ({ value: nextTick(), done: false }) }),
  };
  return fleet;
}

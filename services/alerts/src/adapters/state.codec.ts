import { pb, type safewatch } from '@safewatch/proto';
import { type DrivingClockState, initialClockState } from '../domain/driving-clock.rule.js';
import type { FatigueEpisodeState, FatigueState } from '../domain/fatigue.rule.js';
import type { SpeedingState } from '../domain/speeding.rule.js';
import type { VehicleState } from '../domain/vehicle.evaluator.js';

/**
 * A vehicle's rule state as its checkpoint holds it: the protobuf message
 * safewatch.v1.AlertsVehicleState (proto/safewatch/v1/alerts_state.proto,
 * ~0.45 kB), or JSON (~1.4 kB, first byte '{') as written before it and still
 * for a state the message cannot hold exactly.
 *
 * The encoder writes the message's wire format by hand, many states into one
 * reused buffer (serialising was the checkpoint's largest cost: on the 2-core
 * bench machine JSON.stringify takes ~6–7 µs a state, protobufjs's writer
 * ~3 µs, this ~1 µs, half of it the 97 slots); the generated decoder reads
 * it back (a state is read once per assignment), and the tests hold the
 * encoder to the contract byte for byte.
 */

/** The layout of AlertsVehicleState this code writes and reads. */
export const STATE_LAYOUT = 1;

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const CLOCK_PHASES = ['UNKNOWN', 'DRIVING', 'RESTING'] as const;
const PHASE_NUMBER: Record<DrivingClockState['phase'], number> = { UNKNOWN: 0, DRIVING: 1, RESTING: 2 };
/**
 * Bytes left for a length-delimited field's length before its content, as it
 * usually is (the clock, an episode, a quiet speeding state: one byte; the
 * fatigue state and its slots: two); a field that ends up longer or shorter is
 * moved once its length is known.
 */
const SHORT = 1;
const LONG = 2;

const isNegativeZero = (x: number) => x === 0 && 1 / x < 0;
const isInt32 = (x: number) => (x | 0) === x && !isNegativeZero(x);

/** A state's bytes at most, but for its zone id and slots: 39 doubles, tags and lengths. */
const MAX_STATE_BYTES = 1024;

/** Appends states' checkpoints to one buffer, reused from one batch of states to the next. */
export class StateEncoder {
  private buf: Buffer;
  private view: DataView;
  private pos = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /**
   * Appends one state; returns its length in bytes. A state the message cannot
   * hold exactly is appended as JSON (without a replacer, JSON.stringify's
   * fast path: -Infinity is written as null).
   */
  add(s: VehicleState): number {
    const start = this.pos;
    if (!this.message(s)) {
      const json = JSON.stringify(s);
      this.pos = start;
      this.room(json.length * 3);
      this.pos += this.buf.write(json, this.pos, 'utf8');
    }
    return this.pos - start;
  }

  /** Starts again from an empty buffer (the bytes handed out before are overwritten). */
  reset(): void {
    this.pos = 0;
  }

  /** The states appended since the last reset, one after the other (this encoder's own buffer). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /** Appends the AlertsVehicleState of `s`; false (and a partial write) when it cannot hold it exactly. */
  private message(s: VehicleState): boolean {
    const f = s.fatigue;
    if (!isInt32(f.slotK) || !(s.clock.phase in PHASE_NUMBER)) return false;
    // Room for the whole state at once: the writes below do not check.
    this.room(MAX_STATE_BYTES + s.speeding.zoneId.length * 3 + f.slots.length * 5);
    this.tag(1, WIRE_VARINT);
    this.varint(STATE_LAYOUT);
    if (s.lastT !== Number.NEGATIVE_INFINITY) this.double(2, s.lastT, true);
    const speeding = this.open(3, SHORT);
    this.speeding(s.speeding);
    this.close(speeding, SHORT);
    const fatigue = this.open(4, LONG);
    if (!this.fatigue(f)) return false;
    this.close(fatigue, LONG);
    const clock = this.open(5, SHORT);
    this.clock(s.clock);
    this.close(clock, SHORT);
    return true;
  }

  private speeding(s: SpeedingState): void {
    this.bool(1, s.open);
    this.bool(2, s.confirmed);
    this.bool(3, s.detected);
    this.bool(4, s.platform);
    this.bool(5, s.lastFlagged);
    this.double(6, s.overSinceMs);
    this.double(7, s.underSinceMs);
    this.double(8, s.startMs);
    this.double(9, s.startLat);
    this.double(10, s.startLon);
    this.double(11, s.peakKmh);
    this.double(12, s.limitKmh);
    this.string(13, s.zoneId);
    this.double(14, s.stopMs);
    this.double(15, s.stopLat);
    this.double(16, s.stopLon);
    this.double(17, s.lastMs);
    this.double(18, s.lastLat);
    this.double(19, s.lastLon);
  }

  /** False when a slot is not a whole number of milliseconds below 2^32: the message cannot hold it. */
  private fatigue(f: FatigueState): boolean {
    this.double(1, f.lastT);
    this.double(2, f.lastLat);
    this.double(3, f.lastLon);
    this.double(4, f.lastSpeedKmh);
    this.double(5, f.stretchStartMs);
    this.double(6, f.continuousMs);
    this.double(7, f.stopMs);
    if (f.slotK !== 0) {
      this.tag(8, WIRE_VARINT);
      // sint32: ZigZag.
      this.varint(((f.slotK << 1) ^ (f.slotK >> 31)) >>> 0);
    }
    if (f.slots.length > 0) {
      const slots = this.open(9, LONG);
      const buf = this.buf;
      let pos = this.pos;
      const slotsOf = f.slots;
      for (let i = 0, n = slotsOf.length; i < n; i++) {
        const x = slotsOf[i] as number;
        let v = x >>> 0;
        if (v !== x || isNegativeZero(x)) return false;
        while (v > 0x7f) {
          buf[pos++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        buf[pos++] = v;
      }
      this.pos = pos;
      this.close(slots, LONG);
    }
    this.double(10, f.recentMs);
    const continuous = this.open(11, SHORT);
    this.episode(f.continuous);
    this.close(continuous, SHORT);
    const daily = this.open(12, SHORT);
    this.episode(f.daily);
    this.close(daily, SHORT);
    return true;
  }

  private episode(e: FatigueEpisodeState): void {
    this.bool(1, e.open);
    this.bool(2, e.detected);
    this.bool(3, e.platform);
    this.bool(4, e.seenDetected);
    this.bool(5, e.seenPlatform);
    this.double(6, e.startMs);
    this.double(7, e.lastStartMs);
  }

  private clock(c: DrivingClockState): void {
    const phase = PHASE_NUMBER[c.phase];
    if (phase !== 0) {
      this.tag(1, WIRE_VARINT);
      this.varint(phase);
    }
    this.bool(2, c.preWarned);
    this.bool(3, c.limitReached);
    this.double(4, c.preWarningStartMs);
  }

  /** A double field; proto3 leaves out 0 (but not -0) unless `always` (a field with presence). */
  private double(field: number, x: number, always = false): void {
    if (x === 0 && !always && !isNegativeZero(x)) return;
    this.tag(field, WIRE_FIXED64);
    this.view.setFloat64(this.pos, x, true);
    this.pos += 8;
  }

  private bool(field: number, x: boolean): void {
    if (!x) return;
    this.tag(field, WIRE_VARINT);
    this.buf[this.pos++] = 1;
  }

  private string(field: number, x: string): void {
    if (x.length === 0) return;
    const at = this.open(field, SHORT);
    this.pos += this.buf.write(x, this.pos, 'utf8');
    this.close(at, SHORT);
  }

  private tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  /** Starts a length-delimited field: its tag, then `reserved` bytes for its length. */
  private open(field: number, reserved: number): number {
    this.tag(field, WIRE_LEN);
    this.pos += reserved;
    return this.pos;
  }

  /** Ends the field opened at `contentStart`: writes its length, moving the content if it needs other room. */
  private close(contentStart: number, reserved: number): void {
    const len = this.pos - contentStart;
    const lenBytes = len < 0x80 ? 1 : len < 0x4000 ? 2 : 3;
    const at = contentStart - reserved;
    if (lenBytes !== reserved) {
      // The state's room check allowed for this byte more.
      this.buf.copyWithin(at + lenBytes, contentStart, this.pos);
    }
    this.pos = at;
    this.varint(len);
    this.pos = at + lenBytes + len;
  }

  /** An unsigned varint below 2^32. */
  private varint(x: number): void {
    const buf = this.buf;
    let pos = this.pos;
    let v = x >>> 0;
    while (v > 0x7f) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    this.pos = pos;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
    this.view = new DataView(bigger.buffer, bigger.byteOffset, bigger.byteLength);
  }
}

/** One state's checkpoint, a buffer of its own. */
export function encodeState(s: VehicleState): Buffer {
  const encoder = new StateEncoder(4096);
  encoder.add(s);
  return Buffer.from(encoder.bytes());
}

/** The first byte of a JSON checkpoint: '{'. */
const JSON_FIRST_BYTE = 0x7b;

/** A checkpoint as Redis returns it (a Buffer) → the state; JSON ones as written before the message. */
export function decodeState(value: Buffer): VehicleState {
  if (value[0] === JSON_FIRST_BYTE) return reviveState(JSON.parse(value.toString('utf8')) as VehicleState);
  const m = pb.AlertsVehicleState.decode(value);
  if (m.layout !== STATE_LAYOUT)
    throw new Error(`alerts state layout ${m.layout} unknown (this service reads ${STATE_LAYOUT})`);
  const sp = m.speeding ?? {};
  const fa = m.fatigue ?? {};
  const cl = m.clock ?? {};
  return {
    v: 1,
    lastT: m.lastT ?? Number.NEGATIVE_INFINITY,
    speeding: {
      open: sp.open ?? false,
      confirmed: sp.confirmed ?? false,
      detected: sp.detected ?? false,
      platform: sp.platform ?? false,
      lastFlagged: sp.lastFlagged ?? false,
      overSinceMs: sp.overSinceMs ?? 0,
      underSinceMs: sp.underSinceMs ?? 0,
      startMs: sp.startMs ?? 0,
      startLat: sp.startLat ?? 0,
      startLon: sp.startLon ?? 0,
      peakKmh: sp.peakKmh ?? 0,
      limitKmh: sp.limitKmh ?? 0,
      zoneId: sp.zoneId ?? '',
      stopMs: sp.stopMs ?? 0,
      stopLat: sp.stopLat ?? 0,
      stopLon: sp.stopLon ?? 0,
      lastMs: sp.lastMs ?? 0,
      lastLat: sp.lastLat ?? 0,
      lastLon: sp.lastLon ?? 0,
    },
    fatigue: {
      v: 1,
      lastT: fa.lastT ?? 0,
      lastLat: fa.lastLat ?? 0,
      lastLon: fa.lastLon ?? 0,
      lastSpeedKmh: fa.lastSpeedKmh ?? 0,
      stretchStartMs: fa.stretchStartMs ?? 0,
      continuousMs: fa.continuousMs ?? 0,
      stopMs: fa.stopMs ?? 0,
      slotK: fa.slotK ?? 0,
      slots: [...(fa.slots ?? [])],
      recentMs: fa.recentMs ?? 0,
      continuous: episode(fa.continuous),
      daily: episode(fa.daily),
    },
    clock: {
      v: 1,
      phase: CLOCK_PHASES[cl.phase ?? 0] ?? 'UNKNOWN',
      preWarned: cl.preWarned ?? false,
      limitReached: cl.limitReached ?? false,
      preWarningStartMs: cl.preWarningStartMs ?? 0,
    },
  };
}

function episode(e: safewatch.v1.AlertsFatigueEpisode.$Properties | null | undefined): FatigueEpisodeState {
  return {
    open: e?.open ?? false,
    detected: e?.detected ?? false,
    platform: e?.platform ?? false,
    seenDetected: e?.seenDetected ?? false,
    seenPlatform: e?.seenPlatform ?? false,
    startMs: e?.startMs ?? 0,
    lastStartMs: e?.lastStartMs ?? 0,
  };
}

/**
 * A JSON state's lastT of null means "nothing evaluated yet"; a checkpoint from before
 * the driving clock (X6) gets one that starts from the fatigue state it holds.
 */
export function reviveState(s: VehicleState): VehicleState {
  if (s.lastT === null) s.lastT = Number.NEGATIVE_INFINITY;
  if (!s.clock) s.clock = initialClockState(s.fatigue);
  return s;
}

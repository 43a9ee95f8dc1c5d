import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FATIGUE_PARAMS,
  dailyDrivingS,
  evaluateFatigue,
  type FatigueParams,
  type FatigueState,
  initialFatigueState,
} from './fatigue.rule.js';
import { METRES_PER_DEGREE } from './geo.js';
import { ALARM_BIT_DAILY_CUMULATIVE, ALARM_BIT_FATIGUE, type Fix, type RuleEvent } from './types.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
/** A quarter-hour boundary (UTC midnight), so daily-window expectations are exact. */
const T0 = Date.UTC(2024, 4, 6);

/** Builds a track heading east from Jinan. A fix's speed holds until the next fix. */
class Track {
  readonly fixes: Fix[] = [];
  private t = T0;
  private lat = 36.65;
  private lon = 117.0;
  private flags = 0;

  drive(ms: number, kmh = 80, stepS = 30): this {
    for (let e = 0; e < ms; e += stepS * S) {
      this.emit(kmh);
      this.move((kmh / 3.6) * stepS);
      this.t += stepS * S;
    }
    return this;
  }

  stop(ms: number, stepS = 30): this {
    for (let e = 0; e < ms; e += stepS * S) {
      this.emit(0);
      this.t += stepS * S;
    }
    return this;
  }

  /** No fixes for `ms` after the last one; the next fix is `moveM` east of the last. */
  gap(ms: number, moveM: number): this {
    const last = this.fixes.at(-1)!;
    this.t = last.t + ms;
    this.lat = last.lat;
    this.lon = last.lon;
    this.move(moveM);
    return this;
  }

  flagged(bits: number, build: (t: this) => void): this {
    this.flags = bits;
    build(this);
    this.flags = 0;
    return this;
  }

  private emit(speedKmh: number): void {
    this.fixes.push({
      t: this.t,
      lat: this.lat,
      lon: this.lon,
      speedKmh,
      headingDeg: 90,
      alarmFlags: this.flags,
    });
  }

  private move(m: number): void {
    this.lon += m / (METRES_PER_DEGREE * Math.cos((this.lat * Math.PI) / 180));
  }
}

function run(fixes: Fix[], params: FatigueParams = DEFAULT_FATIGUE_PARAMS) {
  let state = initialFatigueState();
  const events: RuleEvent[] = [];
  for (const fix of fixes) {
    const r = evaluateFatigue(state, fix, params);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

type FatigueEvent = Extract<RuleEvent, { fatigue: unknown }>;
const brief = (events: RuleEvent[]) =>
  (events as FatigueEvent[]).map((e) => ({
    kind: e.kind,
    phase: e.phase,
    at: (e.atMs - T0) / S,
    key: (e.episodeStartMs - T0) / S,
    source: e.fatigue.source,
  }));

describe('A2 continuous driving (4 h without a 20 min rest)', () => {
  it('3 h 59 min of driving raises nothing', () => {
    expect(run(new Track().drive(3 * H + 59 * MIN).stop(40 * MIN).fixes).events).toEqual([]);
  });

  it('exactly 4 h 00 min is not exceeded', () => {
    const { events, state } = run(new Track().drive(4 * H).stop(MIN).fixes);
    expect(events).toEqual([]);
    expect(state.continuousMs).toBe(4 * H);
  });

  it('4 h 01 min raises one STARTED at the fix that exceeds 4 h and one ENDED when the rest completes', () => {
    const { events } = run(new Track().drive(4 * H + MIN).stop(40 * MIN).fixes);
    expect(brief(events)).toEqual([
      { kind: 'FATIGUE_CONTINUOUS', phase: 'STARTED', at: 4 * 3600 + 30, key: 0, source: 'DETECTED' },
      // The stop starts at 4 h 01 min; 20 min later the rest is complete.
      { kind: 'FATIGUE_CONTINUOUS', phase: 'ENDED', at: 4 * 3600 + 21 * 60, key: 0, source: 'DETECTED' },
    ]);
    const [started, ended] = events as FatigueEvent[];
    expect(started!.fatigue).toMatchObject({
      drivingSinceMs: T0,
      continuousDrivingS: 4 * 3600 + 30,
      limitS: 4 * 3600,
      headingDeg: 90,
    });
    expect(ended!.fatigue).toMatchObject({ drivingSinceMs: T0, continuousDrivingS: 4 * 3600 + 60 });
  });

  it('a 19 min stop does not reset continuous driving; the stop time is not driving either', () => {
    const { events } = run(
      new Track()
        .drive(2 * H)
        .stop(19 * MIN)
        .drive(2 * H + MIN)
        .stop(30 * MIN).fixes,
    );
    expect(brief(events).map((e) => [e.phase, e.key, e.at])).toEqual([
      ['STARTED', 0, 4 * 3600 + 19 * 60 + 30],
      ['ENDED', 0, 4 * 3600 + 19 * 60 + 60 + 20 * 60],
    ]);
  });

  it('a 21 min stop resets it, and so does exactly 20 min', () => {
    expect(
      run(
        new Track()
          .drive(2 * H)
          .stop(21 * MIN)
          .drive(2 * H + MIN)
          .stop(30 * MIN).fixes,
      ).events,
    ).toEqual([]);
    expect(
      run(
        new Track()
          .drive(2 * H)
          .stop(20 * MIN)
          .drive(2 * H + MIN)
          .stop(30 * MIN).fixes,
      ).events,
    ).toEqual([]);
  });

  it('a 25 min data gap without movement is a rest', () => {
    const track = new Track()
      .drive(3 * H)
      .gap(25 * MIN, 0)
      .drive(2 * H)
      .stop(30 * MIN);
    const { events, state } = run(track.fixes);
    expect(events).toEqual([]);
    expect(state.continuousMs).toBe(0);
  });

  it('a 25 min data gap with 30 km of movement is driving (the truck kept going)', () => {
    const track = new Track()
      .drive(3 * H + 40 * MIN)
      .gap(25 * MIN, 30_000)
      .drive(MIN)
      .stop(30 * MIN);
    const { events } = run(track.fixes);
    // Last fix before the gap at 3 h 39 min 30 s; + 25 min of driving: 4 h 04 min 30 s at the fix after it.
    const after = 3 * 3600 + 40 * 60 - 30 + 25 * 60;
    expect(brief(events).map((e) => [e.phase, e.key, e.at])).toEqual([
      ['STARTED', 0, after],
      ['ENDED', 0, after + 60 + 20 * 60],
    ]);
  });

  it('a night offline with the first fix 500 m away is a rest, not 10 h of driving', () => {
    // 500 m at 5 km/h is 6 min: the other 9 h 54 min of the gap are a stop before that driving.
    const { events, state } = run(
      new Track()
        .drive(3 * H + 50 * MIN)
        .gap(10 * H, 500)
        .drive(MIN).fixes,
    );
    expect(events).toEqual([]);
    expect(state.continuousMs).toBe(6 * MIN + 30 * S);
  });

  it('a short interval that covers 200 m or more is driving even when the speed sample said stopped', () => {
    const fixes = new Track().drive(4 * H).fixes.map((f) => ({ ...f, speedKmh: 0 }));
    const { state } = run(fixes);
    expect(state.continuousMs).toBe(4 * H - 30 * S);
  });
});

describe('A2 daily driving (trailing 24 h)', () => {
  // Four 2 h 05 min stints with 1 h rests: 8 h 20 min of driving, never 4 h continuous.
  const day = () => {
    const t = new Track();
    for (let i = 0; i < 4; i++) t.drive(2 * H + 5 * MIN).stop(i < 3 ? H : 0);
    return t;
  };

  it('is crossed when driving in the window exceeds 8 h and cleared 15 min under it as the window slides', () => {
    const { events } = run(day().stop(14 * H, 300).fixes);
    // Stint 4 starts at 9 h 15 min with 6 h 15 min driven: 8 h is reached at 11 h 00 min.
    // Clear at ≤ 7 h 45 min: 35 min of stint 1 (from 0 h 00) must leave the window, at 24 h 35 min.
    expect(brief(events)).toEqual([
      {
        kind: 'FATIGUE_DAILY',
        phase: 'STARTED',
        at: 11 * 3600 + 30,
        key: 11 * 3600 + 30,
        source: 'DETECTED',
      },
      {
        kind: 'FATIGUE_DAILY',
        phase: 'ENDED',
        at: 24 * 3600 + 35 * 60,
        key: 11 * 3600 + 30,
        source: 'DETECTED',
      },
    ]);
    const [started, ended] = events as FatigueEvent[];
    expect(started!.fatigue.cumulativeDrivingS).toBe(8 * 3600 + 30);
    expect(started!.fatigue.limitS).toBe(8 * 3600);
    expect(ended!.fatigue.cumulativeDrivingS).toBe(7 * 3600 + 45 * 60);
  });

  it('prorates the quarter-hour cut by the window edge (driving assumed evenly spread in it)', () => {
    // Driving 00:05-00:35. A bit-18 flag at 24 h 10 min reports the window total in its event:
    // 10 min booked in 00:00-00:15 of which 5/15 are inside [00:10, …] → 3 min 20 s, + 20 min.
    const track = new Track()
      .stop(5 * MIN)
      .drive(30 * MIN)
      .stop(23 * H + 35 * MIN, 300)
      .flagged(ALARM_BIT_DAILY_CUMULATIVE, (t) => t.stop(5 * MIN, 300));
    const [started] = run(track.fixes).events as FatigueEvent[];
    expect(started!.atMs).toBe(T0 + 24 * H + 10 * MIN);
    expect(started!.fatigue.cumulativeDrivingS).toBe(23 * 60 + 20);
  });

  it('exactly 8 h 00 min in the window is not exceeded', () => {
    const t = new Track();
    for (let i = 0; i < 4; i++) t.drive(2 * H).stop(H);
    expect(run(t.fixes).events).toEqual([]);
  });

  it('keeps its state bounded: 97 quarter-hour slots whatever the track length', () => {
    const t = new Track();
    for (let i = 0; i < 40; i++) t.drive(2 * H, 80, 60).stop(H, 600);
    const { state } = run(t.fixes);
    expect(state.slots).toHaveLength(97);
    expect(JSON.stringify(state).length).toBeLessThan(1500);
  });
});

describe('A4 platform fatigue alarms merged with our detection', () => {
  const P = ALARM_BIT_FATIGUE;

  it('a platform-flagged stretch we do not detect is a PLATFORM episode: first flagged → first unflagged fix', () => {
    const track = new Track()
      .drive(H)
      .flagged(P, (t) => t.drive(10 * MIN))
      .drive(H);
    expect(brief(run(track.fixes).events)).toEqual([
      { kind: 'FATIGUE_CONTINUOUS', phase: 'STARTED', at: 3600, key: 3600, source: 'PLATFORM' },
      { kind: 'FATIGUE_CONTINUOUS', phase: 'ENDED', at: 3600 + 600, key: 3600, source: 'PLATFORM' },
    ]);
  });

  it('platform first, then our detection inside it: one episode, keyed by the platform start', () => {
    const track = new Track()
      .drive(3 * H + 55 * MIN)
      .flagged(P, (t) => t.drive(15 * MIN))
      .drive(5 * MIN)
      .stop(30 * MIN);
    expect(brief(run(track.fixes).events)).toEqual([
      {
        kind: 'FATIGUE_CONTINUOUS',
        phase: 'STARTED',
        at: 3 * 3600 + 55 * 60,
        key: 3 * 3600 + 55 * 60,
        source: 'PLATFORM',
      },
      {
        kind: 'FATIGUE_CONTINUOUS',
        phase: 'ENDED',
        at: 4 * 3600 + 15 * 60 + 20 * 60,
        key: 3 * 3600 + 55 * 60,
        source: 'DETECTED_AND_PLATFORM',
      },
    ]);
  });

  it('our detection first, then the platform flags: one episode, keyed by the driving stretch', () => {
    const track = new Track()
      .drive(4 * H + 10 * MIN)
      .flagged(P, (t) => t.drive(10 * MIN))
      .stop(30 * MIN);
    expect(brief(run(track.fixes).events).map((e) => [e.phase, e.key, e.source])).toEqual([
      ['STARTED', 0, 'DETECTED'],
      ['ENDED', 0, 'DETECTED_AND_PLATFORM'],
    ]);
  });

  it('a flag at exactly 4 h opens a PLATFORM episode; our detection joins it one fix later', () => {
    const track = new Track()
      .drive(4 * H)
      .flagged(P, (t) => t.drive(10 * MIN))
      .stop(30 * MIN);
    expect(brief(run(track.fixes).events).map((e) => [e.phase, e.at, e.key, e.source])).toEqual([
      ['STARTED', 4 * 3600, 4 * 3600, 'PLATFORM'],
      ['ENDED', 4 * 3600 + 10 * 60 + 20 * 60, 4 * 3600, 'DETECTED_AND_PLATFORM'],
    ]);
  });

  it('both at the same fix: DETECTED_AND_PLATFORM from the start, keyed by the driving stretch', () => {
    const track = new Track()
      .drive(4 * H + 30 * S)
      .flagged(P, (t) => t.drive(10 * MIN))
      .stop(30 * MIN);
    expect(brief(run(track.fixes).events).map((e) => [e.phase, e.at, e.key, e.source])).toEqual([
      ['STARTED', 4 * 3600 + 30, 0, 'DETECTED_AND_PLATFORM'],
      ['ENDED', 4 * 3600 + 10 * 60 + 30 + 20 * 60, 0, 'DETECTED_AND_PLATFORM'],
    ]);
  });

  it('a flag still set after our rest keeps the episode open until the first unflagged fix', () => {
    const track = new Track()
      .drive(4 * H + 10 * MIN)
      .flagged(P, (t) => t.stop(40 * MIN))
      .stop(5 * MIN);
    expect(brief(run(track.fixes).events).map((e) => [e.phase, e.at, e.source])).toEqual([
      ['STARTED', 4 * 3600 + 30, 'DETECTED'],
      ['ENDED', 4 * 3600 + 50 * 60, 'DETECTED_AND_PLATFORM'],
    ]);
  });

  it('a platform episode that ended before ours started is a separate episode, never with the same key', () => {
    // Flagged on the stretch's first fix only: its key would be the stretch start, ours too.
    const track = new Track()
      .flagged(P, (t) => t.drive(30 * S))
      .drive(4 * H + 5 * MIN)
      .stop(30 * MIN);
    expect(brief(run(track.fixes).events).map((e) => [e.phase, e.at, e.key, e.source])).toEqual([
      ['STARTED', 0, 0, 'PLATFORM'],
      ['ENDED', 30, 0, 'PLATFORM'],
      ['STARTED', 4 * 3600 + 30, 4 * 3600 + 30, 'DETECTED'],
      ['ENDED', 4 * 3600 + 5 * 60 + 30 + 20 * 60, 4 * 3600 + 30, 'DETECTED'],
    ]);
  });

  it('bit 18 is the daily episode', () => {
    const track = new Track()
      .drive(H)
      .flagged(ALARM_BIT_DAILY_CUMULATIVE, (t) => t.drive(5 * MIN))
      .stop(MIN);
    expect(brief(run(track.fixes).events)).toEqual([
      { kind: 'FATIGUE_DAILY', phase: 'STARTED', at: 3600, key: 3600, source: 'PLATFORM' },
      { kind: 'FATIGUE_DAILY', phase: 'ENDED', at: 3900, key: 3600, source: 'PLATFORM' },
    ]);
  });
});

describe('robustness', () => {
  it('ignores a fix that is not newer than the last (the caller drops them; defensive)', () => {
    const fixes = new Track().drive(10 * MIN).fixes;
    const { state } = run(fixes);
    const before = JSON.stringify(state);
    const r = evaluateFatigue(state, { ...fixes[5]!, alarmFlags: ALARM_BIT_FATIGUE }, DEFAULT_FATIGUE_PARAMS);
    expect(r.events).toEqual([]);
    expect(JSON.stringify(r.state)).toBe(before);
  });
});

// ---- properties -------------------------------------------------------------------------

/** Small limits so that random tracks of a few hundred fixes hit every transition. */
const SMALL: FatigueParams = {
  movingKmh: 5,
  restMinS: 10 * 60,
  continuousLimitS: 60 * 60,
  dailyLimitS: 3 * 3600,
  stillMaxM: 200,
};

const segment: fc.Arbitrary<Segment> = fc.oneof(
  fc.record({ k: fc.constant('drive' as const), min: fc.integer({ min: 1, max: 150 }), flags: fc.nat(3) }),
  fc.record({ k: fc.constant('stop' as const), min: fc.integer({ min: 1, max: 40 }), flags: fc.nat(3) }),
  // Up to 30 h, so that daily episodes also clear as the window slides.
  fc.record({
    k: fc.constant('gap' as const),
    min: fc.integer({ min: 1, max: 1800 }),
    moveM: fc.nat(40_000),
  }),
);

type Segment = { k: 'drive' | 'stop'; min: number; flags: number } | { k: 'gap'; min: number; moveM: number };

function trackOf(segments: Segment[]): Fix[] {
  const t = new Track();
  for (const seg of segments) {
    const ms = seg.min * MIN;
    if (seg.k === 'gap') {
      if (t.fixes.length > 0) t.gap(ms, seg.moveM);
      continue;
    }
    const bits = (seg.flags & 1 ? ALARM_BIT_FATIGUE : 0) | (seg.flags & 2 ? ALARM_BIT_DAILY_CUMULATIVE : 0);
    if (seg.k === 'drive') t.flagged(bits, (x) => x.drive(ms, 70, 60));
    else t.flagged(bits, (x) => x.stop(ms, 60));
  }
  return t.fixes;
}

const tracks = fc.array(segment, { minLength: 1, maxLength: 40 }).map(trackOf);

describe('properties', () => {
  it('the same track twice gives identical events', () => {
    fc.assert(
      fc.property(tracks, (fixes) => {
        expect(run(fixes, SMALL).events).toEqual(run(fixes, SMALL).events);
      }),
      { numRuns: 150 },
    );
  });

  it('a JSON round trip of the state at any point changes nothing', () => {
    fc.assert(
      fc.property(tracks, fc.double({ min: 0, max: 1, noNaN: true }), (fixes, at) => {
        const straight = run(fixes, SMALL);
        const cut = Math.floor(at * fixes.length);
        let state = initialFatigueState();
        const events: RuleEvent[] = [];
        fixes.forEach((fix, i) => {
          if (i === cut) state = JSON.parse(JSON.stringify(state)) as FatigueState;
          const r = evaluateFatigue(state, fix, SMALL);
          state = r.state;
          events.push(...r.events);
        });
        expect(events).toEqual(straight.events);
        expect(JSON.parse(JSON.stringify(state))).toEqual(straight.state);
      }),
      { numRuns: 150 },
    );
  });

  it('per kind, events alternate STARTED/ENDED, each pair shares a key and keys never repeat', () => {
    fc.assert(
      fc.property(tracks, (fixes) => {
        const { events } = run(fixes, SMALL);
        for (const kind of ['FATIGUE_CONTINUOUS', 'FATIGUE_DAILY'] as const) {
          const mine = events.filter((e) => e.kind === kind);
          const keys = new Set<number>();
          mine.forEach((e, i) => {
            expect(e.phase).toBe(i % 2 === 0 ? 'STARTED' : 'ENDED');
            if (e.phase === 'STARTED') {
              expect(keys.has(e.episodeStartMs)).toBe(false);
              keys.add(e.episodeStartMs);
            } else {
              expect(e.episodeStartMs).toBe(mine[i - 1]!.episodeStartMs);
              expect(e.atMs).toBeGreaterThanOrEqual(mine[i - 1]!.atMs);
            }
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('daily driving is the exact trailing-24 h sum, but for the pro-rated quarter-hour at the window edge', () => {
    // No gaps: an interval is driving exactly when its first fix was moving, so the exact sum is easy.
    const drivingOnly = fc.array(
      fc.record({ drive: fc.integer({ min: 1, max: 300 }), stop: fc.integer({ min: 1, max: 1200 }) }),
      { minLength: 1, maxLength: 25 },
    );
    fc.assert(
      fc.property(drivingOnly, (segments) => {
        const t = new Track();
        for (const seg of segments) t.drive(seg.drive * MIN, 70, 60).stop(seg.stop * MIN, 300);
        const fixes = t.fixes;
        let state = initialFatigueState();
        fixes.forEach((fix, i) => {
          state = evaluateFatigue(state, fix, SMALL).state;
          const from = fix.t - 24 * H;
          let exact = 0;
          for (let j = 1; j <= i; j++) {
            const a = fixes[j - 1]!;
            if (a.speedKmh > SMALL.movingKmh) exact += Math.max(0, fixes[j]!.t - Math.max(a.t, from));
          }
          const edgeStart = Math.floor(from / (15 * MIN)) * 15 * MIN;
          let edgeDriving = 0;
          for (let j = 1; j <= i; j++) {
            const a = fixes[j - 1]!;
            const b = Math.min(fixes[j]!.t, edgeStart + 15 * MIN);
            if (a.speedKmh > SMALL.movingKmh && b > Math.max(a.t, edgeStart))
              edgeDriving += b - Math.max(a.t, edgeStart);
          }
          expect(Math.abs(dailyDrivingS(state) * S - exact)).toBeLessThanOrEqual(edgeDriving + 1);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('a flagged fix always has an open episode of its kind', () => {
    fc.assert(
      fc.property(tracks, (fixes) => {
        let state = initialFatigueState();
        for (const fix of fixes) {
          state = evaluateFatigue(state, fix, SMALL).state;
          if (fix.alarmFlags & ALARM_BIT_FATIGUE) expect(state.continuous.open).toBe(true);
          if (fix.alarmFlags & ALARM_BIT_DAILY_CUMULATIVE) expect(state.daily.open).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('throughput (printed, not asserted)', () => {
  it('evaluates a long synthetic track', () => {
    const t = new Track();
    // ~600 k fixes (300 days): 2 h stints, stop-and-go, short and long rests, gaps, nights.
    for (let day = 0; day < 300; day++) {
      for (let i = 0; i < 4; i++) {
        t.drive(2 * H).stop(i % 2 ? 15 * MIN : 25 * MIN);
        for (let j = 0; j < 10; j++) t.drive(30 * S, 12).stop(30 * S);
      }
      t.gap(30 * MIN, 40_000)
        .drive(H)
        .stop(4 * H)
        .gap(4 * H, 0);
    }
    const fixes = t.fixes;
    const params = DEFAULT_FATIGUE_PARAMS;
    let state = initialFatigueState();
    let events = 0;
    let warm = initialFatigueState();
    for (const fix of fixes.slice(0, 50_000)) warm = evaluateFatigue(warm, fix, params).state;
    const started = process.hrtime.bigint();
    for (const fix of fixes) {
      const r = evaluateFatigue(state, fix, params);
      state = r.state;
      events += r.events.length;
    }
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `evaluateFatigue: ${fixes.length} fixes in ${(s * 1000).toFixed(0)} ms = ${Math.round(fixes.length / s).toLocaleString('en')} fixes/s (${events} events)`,
    );
    expect(events).toBeGreaterThan(0);
  });
});

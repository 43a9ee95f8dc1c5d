import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPEEDING_PARAMS,
  evaluateSpeeding,
  initialSpeedingState,
  type SpeedingLimit,
  type SpeedingParams,
  type SpeedingState,
} from './speeding.rule.js';
import { ALARM_BIT_OVERSPEED, type Fix, type RuleEvent } from './types.js';

const P = DEFAULT_SPEEDING_PARAMS;
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0);
const ms = (s: number) => T0 + s * 1000;
const DEFAULT_LIMIT: SpeedingLimit = { limitKmh: 100, zoneId: '' };
const FLAG = ALARM_BIT_OVERSPEED;

/** A fix `s` seconds after T0; the truck drives south along G2 so that places differ. */
const fixAt = (s: number, speedKmh: number, alarmFlags = 0): Fix => ({
  t: ms(s),
  lat: 36.6 - s * 1e-4,
  lon: 117.05,
  speedKmh,
  headingDeg: 180,
  alarmFlags,
});
/** Fixes from `from` to `to` seconds inclusive, every `step` seconds. */
function stretch(
  from: number,
  to: number,
  step: number,
  speedKmh: number | ((s: number) => number),
  flags = 0,
) {
  const out: Fix[] = [];
  for (let s = from; s <= to; s += step)
    out.push(fixAt(s, typeof speedKmh === 'number' ? speedKmh : speedKmh(s), flags));
  return out;
}

type LimitOf = (fix: Fix, i: number) => SpeedingLimit;
function run(
  fixes: Fix[],
  params: SpeedingParams = P,
  limitOf: LimitOf = () => DEFAULT_LIMIT,
  start: SpeedingState = initialSpeedingState(),
) {
  let state = start;
  const events: RuleEvent[] = [];
  fixes.forEach((fix, i) => {
    const r = evaluateSpeeding(state, fix, params, limitOf(fix, i));
    state = r.state;
    events.push(...r.events);
  });
  return { state, events };
}
const phases = (events: RuleEvent[]) => events.map((e) => `${e.phase}@${(e.atMs - T0) / 1000}`);
const speedingOf = (e: RuleEvent | undefined) => {
  if (e?.kind !== 'SPEEDING') throw new Error(`expected a SPEEDING event, got ${JSON.stringify(e)}`);
  return e;
};

describe('A1 speeding: exact thresholds', () => {
  it('speed equal to the limit is not above it', () => {
    expect(run(stretch(0, 600, 1, 100)).events).toEqual([]);
  });

  it('above for minOverS − 1 s does not open an episode, minOverS does (1 s spacing)', () => {
    expect(run([...stretch(0, 29, 1, 110), ...stretch(30, 120, 1, 90)]).events).toEqual([]);
    const { events } = run([...stretch(0, 30, 1, 110), ...stretch(31, 120, 1, 90)]);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@61']);
    const started = speedingOf(events[0]);
    expect(started.episodeStartMs).toBe(ms(0));
    expect(started.episode).toMatchObject({ startMs: ms(0), endMs: 0, endPlace: null, durationS: 30 });
  });

  it('above for minOverS − 1 s vs minOverS with fixes 10 s apart', () => {
    const below = stretch(40, 200, 10, 80);
    expect(run([...[0, 10, 20, 29].map((s) => fixAt(s, 120)), ...below]).events).toEqual([]);
    const { events } = run([...[0, 10, 20, 30].map((s) => fixAt(s, 120)), ...below]);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@70']);
    expect(speedingOf(events[1]).episode).toMatchObject({ startMs: ms(0), endMs: ms(40), durationS: 40 });
  });

  it('one fix at the limit breaks a pending run: the run restarts at the next fix above', () => {
    const { events } = run([...stretch(0, 20, 1, 110), fixAt(21, 100), ...stretch(22, 60, 1, 110)]);
    expect(phases(events)).toEqual(['STARTED@52']);
    expect(events[0]?.episodeStartMs).toBe(ms(22));
  });

  it('at or below for minUnderS − 1 s keeps the episode, minUnderS ends it at the first fix at/below', () => {
    const kept = run([...stretch(0, 60, 1, 110), ...stretch(61, 90, 1, 100), ...stretch(91, 120, 1, 110)]);
    expect(phases(kept.events)).toEqual(['STARTED@30']);
    const { events } = run([...stretch(0, 60, 1, 110), ...stretch(61, 91, 1, 100)]);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@91']);
    expect(speedingOf(events[1]).episode).toMatchObject({
      startMs: ms(0),
      endMs: ms(61),
      durationS: 61,
      endPlace: { lat: fixAt(61, 0).lat, lon: fixAt(61, 0).lon },
    });
  });

  it('zero thresholds: the first fix above opens, the first fix at/below ends', () => {
    const p = { ...P, minOverS: 0, minUnderS: 0 };
    const { events } = run([fixAt(0, 90), fixAt(1, 101), fixAt(2, 99), fixAt(3, 99)], p);
    expect(phases(events)).toEqual(['STARTED@1', 'ENDED@2']);
    expect(speedingOf(events[1]).episode).toMatchObject({ startMs: ms(1), endMs: ms(2), durationS: 1 });
  });
});

describe('A1 speeding: one episode, not one alert per position', () => {
  it('a 2-hour stretch with short dips gives one STARTED and one ENDED, with peak and duration', () => {
    // 105-125 km/h, dipping to 95 for 20 s every 10 minutes; peak 131 once.
    const speed = (s: number) => (s % 600 >= 300 && s % 600 < 320 ? 95 : s === 4321 ? 131 : 105 + (s % 21));
    const fixes = [...stretch(0, 7199, 1, speed), ...stretch(7200, 7300, 1, 80)];
    const { events } = run(fixes);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@7230']);
    const end = speedingOf(events[1]);
    expect(end.episodeStartMs).toBe(ms(0));
    expect(end.episode).toMatchObject({
      startMs: ms(0),
      endMs: ms(7200),
      durationS: 7200,
      peakSpeedKmh: 131,
      limitKmh: 100,
      zoneId: '',
      source: 'DETECTED',
      startPlace: { lat: fixAt(0, 0).lat, lon: fixAt(0, 0).lon },
    });
  });

  it('records the strictest limit seen while speeding, with its zone', () => {
    const limitOf: LimitOf = (fix) =>
      fix.t >= ms(40) && fix.t < ms(80) ? { limitKmh: 80, zoneId: 'g2-jinan-taian' } : DEFAULT_LIMIT;
    const { events } = run(
      [...stretch(0, 39, 1, 110), ...stretch(40, 79, 1, 95), ...stretch(80, 200, 1, 90)],
      P,
      limitOf,
    );
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@110']);
    expect(speedingOf(events[1]).episode).toMatchObject({
      limitKmh: 80,
      zoneId: 'g2-jinan-taian',
      endMs: ms(80),
    });
  });
  it('on equal limits keeps the zone seen first', () => {
    const limitOf: LimitOf = (fix) =>
      fix.t < ms(50) ? { limitKmh: 80, zoneId: 'first' } : { limitKmh: 80, zoneId: 'second' };
    const { events } = run([...stretch(0, 100, 1, 95), ...stretch(101, 140, 1, 70)], P, limitOf);
    expect(speedingOf(events[1]).episode).toMatchObject({ limitKmh: 80, zoneId: 'first' });
  });
});

describe('A1 speeding: gaps in the data', () => {
  it('a gap longer than maxGapS closes the episode at the last known fix', () => {
    const { events, state } = run([...stretch(0, 60, 1, 110), fixAt(361, 110)]);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@361']);
    expect(speedingOf(events[1]).episode).toMatchObject({
      endMs: ms(60),
      durationS: 60,
      endPlace: { lat: fixAt(60, 0).lat, lon: fixAt(60, 0).lon },
    });
    // The fix after the gap starts a new pending run; nothing is guessed across the gap.
    expect(state.overSinceMs).toBe(ms(361));
    expect(phases(run(stretch(362, 391, 1, 110), P, undefined, state).events)).toEqual(['STARTED@391']);
  });

  it('a gap of exactly maxGapS is not a gap', () => {
    const { events } = run([...stretch(0, 60, 1, 110), ...stretch(360, 400, 1, 110)]);
    expect(phases(events)).toEqual(['STARTED@30']);
  });

  it('a gap during a dip closes the episode when the speeding stopped', () => {
    const { events } = run([...stretch(0, 60, 1, 110), ...stretch(61, 70, 1, 90), fixAt(400, 90)]);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@400']);
    expect(speedingOf(events[1]).episode).toMatchObject({ endMs: ms(61), durationS: 61 });
  });

  it('a gap discards a pending run', () => {
    const { events } = run([...stretch(0, 20, 1, 110), ...stretch(330, 370, 1, 110)]);
    expect(phases(events)).toEqual(['STARTED@360']);
    expect(events[0]?.episodeStartMs).toBe(ms(330));
  });
});

describe('A1 speeding: the state machine itself', () => {
  it('returns the same state object and no events on the common path', () => {
    const s0 = initialSpeedingState();
    const r = evaluateSpeeding(s0, fixAt(0, 80), P, DEFAULT_LIMIT);
    expect(r.state).toBe(s0);
    expect(r.events).toEqual([]);
    expect(() => r.events.push(r.events[0] as RuleEvent)).toThrow();
  });

  it('never mutates the state it is given', () => {
    let state = initialSpeedingState();
    for (const fix of [...stretch(0, 100, 1, 110, FLAG), ...stretch(101, 200, 1, 90)]) {
      state = evaluateSpeeding(Object.freeze(state), fix, P, DEFAULT_LIMIT).state;
    }
    expect(state).toEqual(initialSpeedingState());
  });

  it('ignores a late or duplicate fix that slips through', () => {
    const { state } = run(stretch(0, 10, 1, 110));
    const r = evaluateSpeeding(state, fixAt(10, 200), P, DEFAULT_LIMIT);
    expect(r.state).toBe(state);
  });
});

describe('A4 platform overspeed bit, merged with our detection', () => {
  it('the bit on a fix of a detected episode: one episode, source DETECTED_AND_PLATFORM', () => {
    const fixes = [
      ...stretch(0, 49, 1, 110),
      fixAt(50, 110, FLAG),
      ...stretch(51, 100, 1, 110),
      ...stretch(101, 140, 1, 90),
    ];
    const { events } = run(fixes);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@131']);
    expect(speedingOf(events[0]).episode.source).toBe('DETECTED');
    expect(speedingOf(events[1]).episode).toMatchObject({
      source: 'DETECTED_AND_PLATFORM',
      startMs: ms(0),
      endMs: ms(101),
    });
  });

  it('the bit on the confirming fix: STARTED already says both', () => {
    const fixes = [...stretch(0, 29, 1, 110), fixAt(30, 110, FLAG), ...stretch(31, 100, 1, 90)];
    const { events } = run(fixes);
    expect(phases(events)).toEqual(['STARTED@30', 'ENDED@61']);
    expect(events.map((e) => speedingOf(e).episode.source)).toEqual([
      'DETECTED_AND_PLATFORM',
      'DETECTED_AND_PLATFORM',
    ]);
  });

  it('the bit alone (below our limit): a PLATFORM episode from the first flagged to the first unflagged fix', () => {
    const fixes = [...stretch(0, 99, 1, 90), ...stretch(100, 160, 1, 92, FLAG), ...stretch(161, 300, 1, 90)];
    const { events } = run(fixes);
    expect(phases(events)).toEqual(['STARTED@100', 'ENDED@161']);
    expect(speedingOf(events[0]).episode).toMatchObject({
      source: 'PLATFORM',
      startMs: ms(100),
      durationS: 0,
    });
    expect(speedingOf(events[1]).episode).toMatchObject({
      source: 'PLATFORM',
      startMs: ms(100),
      endMs: ms(161),
      durationS: 61,
      peakSpeedKmh: 92,
      limitKmh: 100,
      endPlace: { lat: fixAt(161, 0).lat, lon: fixAt(161, 0).lon },
    });
  });

  it('platform-only, then our detection confirms overlapping: still one episode, no second STARTED', () => {
    // The platform (its own limit, lower) flags from 0 s; we go above 100 from 10 s and confirm at 40 s.
    const fixes = [
      ...stretch(0, 9, 1, 95, FLAG),
      ...stretch(10, 20, 1, 110, FLAG),
      ...stretch(21, 90, 1, 112),
      ...stretch(91, 200, 1, 80),
    ];
    const { events } = run(fixes);
    expect(phases(events)).toEqual(['STARTED@0', 'ENDED@121']);
    expect(events.every((e) => e.episodeStartMs === ms(0))).toBe(true);
    expect(speedingOf(events[1]).episode).toMatchObject({
      source: 'DETECTED_AND_PLATFORM',
      startMs: ms(0),
      endMs: ms(91),
      peakSpeedKmh: 112,
    });
  });

  it('a platform episode whose flag clears while our run is pending waits for that run', () => {
    const flaggedThen = (tail: Fix[]) =>
      run([...stretch(0, 9, 1, 105, FLAG), ...stretch(10, 20, 1, 105), ...tail]);
    // The run breaks before minOverS: the platform episode ends at its first unflagged fix.
    const broke = flaggedThen(stretch(21, 100, 1, 90));
    expect(phases(broke.events)).toEqual(['STARTED@0', 'ENDED@21']);
    expect(speedingOf(broke.events[1]).episode).toMatchObject({
      source: 'PLATFORM',
      endMs: ms(10),
      durationS: 10,
    });
    // The run confirms: one episode, both sources.
    const joined = flaggedThen([...stretch(21, 60, 1, 105), ...stretch(61, 100, 1, 90)]);
    expect(phases(joined.events)).toEqual(['STARTED@0', 'ENDED@91']);
    expect(speedingOf(joined.events[1]).episode).toMatchObject({
      source: 'DETECTED_AND_PLATFORM',
      endMs: ms(61),
    });
  });

  it('the platform keeps flagging after our speeding stopped: the episode ends when the flag clears', () => {
    const fixes = [
      ...stretch(0, 100, 1, 110, FLAG),
      ...stretch(101, 150, 1, 95, FLAG),
      ...stretch(151, 200, 1, 90),
    ];
    const { events } = run(fixes);
    expect(phases(events)).toEqual(['STARTED@0', 'ENDED@151']);
    expect(speedingOf(events[1]).episode).toMatchObject({ source: 'DETECTED_AND_PLATFORM', endMs: ms(151) });
  });

  it('a platform episode cut by a gap ends at its last flagged fix', () => {
    const { events } = run([...stretch(0, 50, 1, 90, FLAG), fixAt(400, 90)]);
    expect(phases(events)).toEqual(['STARTED@0', 'ENDED@400']);
    expect(speedingOf(events[1]).episode).toMatchObject({ source: 'PLATFORM', endMs: ms(50) });
  });
});

// ---- properties ----------------------------------------------------------------------

const LIMITS: SpeedingLimit[] = [DEFAULT_LIMIT, { limitKmh: 80, zoneId: 'a' }, { limitKmh: 60, zoneId: 'b' }];
interface Step {
  dtS: number;
  /** Speeds and zones hold for a while (runs above and below the limit), then change. */
  newSpeed: boolean;
  speed: number;
  toggleFlag: boolean;
  newZone: boolean;
  zone: number;
}
const rarely = fc.oneof(
  { arbitrary: fc.constant(false), weight: 10 },
  { arbitrary: fc.constant(true), weight: 1 },
);
const stepArb: fc.Arbitrary<Step> = fc.record({
  dtS: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 12 },
    { arbitrary: fc.integer({ min: 1, max: 700 }), weight: 1 },
  ),
  newSpeed: rarely,
  speed: fc.oneof(fc.integer({ min: 30, max: 140 }), fc.constantFrom(60, 80, 100)),
  toggleFlag: rarely,
  newZone: rarely,
  zone: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.constant(1), fc.constant(2)),
});
const paramsArb: fc.Arbitrary<SpeedingParams> = fc.oneof(
  fc.constant(P),
  fc.record({
    defaultLimitKmh: fc.constant(100),
    minOverS: fc.integer({ min: 0, max: 60 }),
    minUnderS: fc.integer({ min: 0, max: 60 }),
    maxGapS: fc.integer({ min: 20, max: 300 }),
  }),
);
interface Track {
  fixes: Fix[];
  limits: SpeedingLimit[];
}
function buildTrack(steps: Step[], withFlags: boolean): Track {
  let t = ms(0);
  let flagged = false;
  let speed = 90;
  let zone = 0;
  const fixes: Fix[] = [];
  const limits: SpeedingLimit[] = [];
  for (const st of steps) {
    t += st.dtS * 1000;
    if (withFlags && st.toggleFlag) flagged = !flagged;
    if (st.newSpeed) speed = st.speed;
    if (st.newZone) zone = st.zone;
    fixes.push({
      t,
      lat: 36 + (t % 1e6) * 1e-7,
      lon: 117,
      speedKmh: speed,
      headingDeg: 0,
      alarmFlags: flagged ? FLAG : 0,
    });
    limits.push(LIMITS[zone] as SpeedingLimit);
  }
  return { fixes, limits };
}
const trackArb = (withFlags: boolean) =>
  fc.array(stepArb, { maxLength: 400, size: 'max' }).map((s) => buildTrack(s, withFlags));
const runTrack = (tr: Track, params: SpeedingParams) =>
  run(tr.fixes, params, (_f, i) => tr.limits[i] as SpeedingLimit);

describe('A1/A4 speeding properties', () => {
  it('events alternate STARTED/ENDED per episode, episodes never overlap, times and durations are sane', () => {
    fc.assert(
      fc.property(trackArb(true), paramsArb, (tr, params) => {
        let open: RuleEvent | undefined;
        let lastEndMs = Number.NEGATIVE_INFINITY;
        for (const e of runTrack(tr, params).events) {
          const ev = speedingOf(e);
          expect(ev.episodeStartMs).toBeLessThanOrEqual(ev.atMs);
          expect(ev.episode.startMs).toBe(ev.episodeStartMs);
          expect(ev.episode.durationS).toBeGreaterThanOrEqual(0);
          if (ev.phase === 'STARTED') {
            expect(open).toBeUndefined();
            expect(ev.episodeStartMs).toBeGreaterThanOrEqual(lastEndMs);
            open = ev;
          } else {
            expect(open?.episodeStartMs).toBe(ev.episodeStartMs);
            expect(ev.episode.endMs).toBeGreaterThanOrEqual(ev.episode.startMs);
            expect(ev.episode.endMs).toBeLessThanOrEqual(ev.atMs);
            expect(ev.episode.durationS).toBe((ev.episode.endMs - ev.episode.startMs) / 1000);
            lastEndMs = ev.episode.endMs;
            open = undefined;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same track evaluated twice from the initial state gives identical events', () => {
    fc.assert(
      fc.property(trackArb(true), paramsArb, (tr, params) => {
        expect(runTrack(tr, params).events).toEqual(runTrack(tr, params).events);
      }),
    );
  });

  it('the state survives JSON round trips: split anywhere, or round-tripped at every fix', () => {
    fc.assert(
      fc.property(trackArb(true), paramsArb, fc.nat(), (tr, params, cut) => {
        const straight = runTrack(tr, params);
        const k = tr.fixes.length === 0 ? 0 : cut % (tr.fixes.length + 1);
        const limitOf: LimitOf = (_f, i) => tr.limits[i] as SpeedingLimit;
        const first = run(tr.fixes.slice(0, k), params, limitOf);
        const resumed = JSON.parse(JSON.stringify(first.state)) as SpeedingState;
        expect(resumed).toEqual(first.state);
        const rest = run(tr.fixes.slice(k), params, (_f, i) => tr.limits[k + i] as SpeedingLimit, resumed);
        expect([...first.events, ...rest.events]).toEqual(straight.events);

        let state = initialSpeedingState();
        const events: RuleEvent[] = [];
        tr.fixes.forEach((fix, i) => {
          const r = evaluateSpeeding(state, fix, params, tr.limits[i] as SpeedingLimit);
          events.push(...r.events);
          state = JSON.parse(JSON.stringify(r.state));
        });
        expect(events).toEqual(straight.events);
      }),
    );
  });

  it('without platform bits, agrees with a straightforward offline reading of the track', () => {
    fc.assert(
      fc.property(trackArb(false), paramsArb, (tr, params) => {
        const got: Array<{ start: number; end: number | null; peak?: number; limit?: number }> = [];
        for (const e of runTrack(tr, params).events) {
          const ev = speedingOf(e);
          expect(ev.episode.source).toBe('DETECTED');
          if (ev.phase === 'STARTED') got.push({ start: ev.episodeStartMs, end: null });
          else
            Object.assign(got[got.length - 1] ?? {}, {
              end: ev.episode.endMs,
              peak: ev.episode.peakSpeedKmh,
              limit: ev.episode.limitKmh,
            });
        }
        expect(got).toEqual(offlineEpisodes(tr, params));
      }),
      { numRuns: 300 },
    );
  });
});

/** The A1 definition applied to a whole track at once (the oracle for the state machine). */
function offlineEpisodes(tr: Track, p: SpeedingParams) {
  const { fixes, limits } = tr;
  const above = (i: number) => (fixes[i] as Fix).speedKmh > (limits[i] as SpeedingLimit).limitKmh;
  const t = (i: number) => (fixes[i] as Fix).t;
  const out: Array<{ start: number; end: number | null; peak?: number; limit?: number }> = [];
  // Split into segments at gaps longer than maxGapS.
  let segStart = 0;
  for (let i = 1; i <= fixes.length; i++) {
    if (i < fixes.length && t(i) - t(i - 1) <= p.maxGapS * 1000) continue;
    const segEnd = i; // exclusive
    const lastSegment = i === fixes.length;
    let k = segStart;
    while (k < segEnd) {
      if (!above(k)) {
        k++;
        continue;
      }
      const runStart = k;
      let confirmed = -1;
      let j = k;
      for (; j < segEnd && above(j); j++) {
        if (t(j) - t(runStart) >= p.minOverS * 1000) {
          confirmed = j;
          break;
        }
      }
      if (confirmed < 0) {
        k = j;
        continue;
      }
      let peak = 0;
      let limit = Number.POSITIVE_INFINITY;
      let underStart = -1;
      let end: number | null = null;
      let m = runStart;
      for (; m < segEnd; m++) {
        if (above(m)) {
          underStart = -1;
          peak = Math.max(peak, (fixes[m] as Fix).speedKmh);
          limit = Math.min(limit, (limits[m] as SpeedingLimit).limitKmh);
        } else {
          if (underStart < 0) underStart = m;
          if (t(m) - t(underStart) >= p.minUnderS * 1000) {
            end = t(underStart);
            break;
          }
        }
      }
      if (end === null && !lastSegment) end = underStart >= 0 ? t(underStart) : t(segEnd - 1);
      out.push(end === null ? { start: t(runStart), end } : { start: t(runStart), end, peak, limit });
      k = m + 1;
    }
    segStart = i;
  }
  return out;
}

describe('A1 speeding: rate (printed, not asserted)', () => {
  it('evaluates a long synthetic track', () => {
    // 24 h at 1 s per fix, ×12: cruising at 85-99 km/h, a 5-minute speeding episode every hour.
    const day: Fix[] = [];
    for (let s = 0; s < 86_400; s++) {
      const speeding = s % 3600 >= 1800 && s % 3600 < 2100;
      day.push(fixAt(s, speeding ? 108 + (s % 7) : 85 + (s % 15)));
    }
    let state = initialSpeedingState();
    let events = 0;
    const rounds = 12;
    const startedAt = performance.now();
    for (let r = 0; r < rounds; r++) {
      state = initialSpeedingState();
      for (const fix of day) {
        const res = evaluateSpeeding(state, fix, P, DEFAULT_LIMIT);
        state = res.state;
        events += res.events.length;
      }
    }
    const elapsedMs = performance.now() - startedAt;
    const n = day.length * rounds;
    console.log(
      `evaluateSpeeding: ${n} fixes in ${elapsedMs.toFixed(0)} ms = ${Math.round(n / (elapsedMs / 1000)).toLocaleString('en')} fixes/s (${events} events; 8 % of fixes in an episode)`,
    );
    expect(events).toBe(rounds * 24 * 2);

    // Worst case: every fix inside one episode (the state is copied on each fix).
    const speedingDay = day.map((f, i) => ({ ...f, speedKmh: 110 + (i % 9) }));
    const t1 = performance.now();
    for (let r = 0; r < rounds; r++) {
      state = initialSpeedingState();
      for (const fix of speedingDay) state = evaluateSpeeding(state, fix, P, DEFAULT_LIMIT).state;
    }
    const worstMs = performance.now() - t1;
    console.log(
      `evaluateSpeeding, all fixes speeding: ${Math.round(n / (worstMs / 1000)).toLocaleString('en')} fixes/s`,
    );
  });
});

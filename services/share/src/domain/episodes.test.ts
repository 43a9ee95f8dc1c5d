import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlertRecordRow, durationWords, episodeStartOf, toEpisodes } from './episodes.js';
import { place } from './geo.js';

const V = '鲁A12345:2';
const T0 = Date.parse('2026-12-01T02:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const rec = (
  kind: string,
  phase: string,
  startMs: number,
  occurredMin: number,
  detail: unknown,
  source = 'DETECTED',
): AlertRecordRow => ({
  alertId: `${V}|${kind}|${startMs}|${phase}`,
  kind,
  phase,
  source,
  occurredAt: at(occurredMin),
  episodeStartMs: startMs,
  detail,
});

const speedStart = rec('SPEEDING', 'STARTED', T0, 1, {
  startMs: T0,
  peakSpeedDkmh: 1085,
  limitKmh: 100,
  durationS: 60,
  startPlace: { latE6: 36651200, lonE6: 117120100 },
});
const speedEnd = rec('SPEEDING', 'ENDED', T0, 5, {
  startMs: T0,
  endMs: T0 + 4 * 60_000 + 30_000,
  peakSpeedDkmh: 1143,
  limitKmh: 100,
  durationS: 270,
  startPlace: { latE6: 36651200, lonE6: 117120100 },
  endPlace: { latE6: 36700000, lonE6: 117200000 },
});
const F0 = T0 + 60 * 60_000;
const fatigueStart = rec('FATIGUE_CONTINUOUS', 'STARTED', F0, 60 + 241, {
  drivingSinceMs: F0,
  continuousDrivingS: 4 * 3600 + 60,
  cumulativeDrivingS: 5 * 3600,
  limitS: 4 * 3600,
  place: { latE6: 36200000, lonE6: 117000000 },
  suggestedRestStops: [
    {
      id: 'rs-1',
      name: '泰山服务区司机之家',
      type: 'REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA',
      location: { latE6: 36100000, lonE6: 117050000 },
      services: ['停车', '餐饮'],
      distanceM: 12_400,
    },
  ],
});
const fatigueEnd = rec('FATIGUE_CONTINUOUS', 'ENDED', F0, 60 + 270, {
  drivingSinceMs: F0,
  continuousDrivingS: 4 * 3600 + 29 * 60,
  cumulativeDrivingS: 5 * 3600 + 29 * 60,
  limitS: 4 * 3600,
  place: { latE6: 36000000, lonE6: 117100000 },
});
const P0 = T0 + 400 * 60_000;
const platformFatigue = rec(
  'FATIGUE_CONTINUOUS',
  'STARTED',
  P0,
  400,
  {
    drivingSinceMs: P0 - 16 * 60_000,
    continuousDrivingS: 16 * 60,
    cumulativeDrivingS: 6 * 3600,
    limitS: 4 * 3600,
    place: { latE6: 36500000, lonE6: 117500000 },
  },
  'PLATFORM',
);

describe('toEpisodes (S10)', () => {
  it('S10: folds a STARTED and its ENDED record into one ended episode with the ENDED figures', () => {
    const [e, ...rest] = toEpisodes([speedStart, speedEnd], T0 + 10 * 60_000);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      episodeId: `SPEEDING:${T0}`,
      kind: 'SPEEDING',
      state: 'ENDED',
      startedAt: at(0),
      endedAt: new Date(T0 + 270_000).toISOString(),
      durationS: 270,
      speeding: { peakKmh: 114.3, limitKmh: 100 },
      source: 'DETECTED',
      platformOnly: false,
    });
  });

  it('S10: an ongoing episode reports its figures so far and its duration to the latest fix', () => {
    const [e] = toEpisodes([speedStart], T0 + 3 * 60_000);
    expect(e).toMatchObject({
      state: 'ONGOING',
      endedAt: null,
      durationS: 180,
      speeding: { peakKmh: 108.5 },
    });
  });

  it('S10: order and redelivery change nothing (any permutation, any duplicates)', () => {
    const all = [speedStart, speedEnd, fatigueStart, fatigueEnd, platformFatigue];
    const expected = toEpisodes(all, P0);
    expect(expected).toHaveLength(3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: all.length - 1 }), { maxLength: 10 }), (extra) => {
        const shuffled = [...all, ...extra.map((i) => all[i] as AlertRecordRow)].sort(
          () => Math.random() - 0.5,
        );
        expect(toEpisodes(shuffled, P0)).toEqual(expected);
      }),
    );
  });

  it('S10: an ENDED record arriving before its STARTED gives the same ended episode', () => {
    const [only] = toEpisodes([fatigueEnd], P0);
    const [both] = toEpisodes([fatigueEnd, fatigueStart], P0);
    expect(only?.state).toBe('ENDED');
    expect(both?.state).toBe('ENDED');
    expect(both?.fatigue).toEqual(only?.fatigue);
  });

  it('S10: newest episode first', () => {
    const kinds = toEpisodes([speedStart, fatigueStart, platformFatigue], P0).map((e) => e.startedAt);
    expect(kinds).toEqual([...kinds].sort().reverse());
  });

  it('S11/X3: places in decimal degrees in both datums, speeds in km/h', () => {
    const [e] = toEpisodes([speedEnd], undefined);
    expect(e?.place).toEqual(place(36.6512, 117.1201));
    expect(e?.place?.gcj02.lat).not.toBe(36.6512);
    expect(e?.endPlace).toEqual(place(36.7, 117.2));
    expect(JSON.stringify(e)).not.toMatch(/E6|Dkmh/);
  });

  it('X1/X3: fatigue episodes carry their rest stops in both datums, with distance and a bare type', () => {
    const [e] = toEpisodes([fatigueStart], F0 + 5 * 3600_000);
    expect(e?.fatigue).toEqual({
      drivingSince: new Date(F0).toISOString(),
      continuousDrivingS: 4 * 3600 + 60,
      cumulativeDrivingS: 5 * 3600,
      limitS: 4 * 3600,
    });
    expect(e?.restStops).toEqual([
      {
        id: 'rs-1',
        name: '泰山服务区司机之家',
        type: 'EXPRESSWAY_SERVICE_AREA',
        services: ['停车', '餐饮'],
        distanceM: 12_400,
        location: place(36.1, 117.05),
      },
    ]);
  });

  it('S10: a fatigue episode keeps the rest stops of its start once ended', () => {
    const [e] = toEpisodes([fatigueStart, fatigueEnd], P0);
    expect(e?.restStops.map((s) => s.id)).toEqual(['rs-1']);
    expect(e?.fatigue?.continuousDrivingS).toBe(4 * 3600 + 29 * 60);
    expect(e?.durationS).toBe(29 * 60);
  });

  it('A4: a platform-only fatigue flag is kept, labelled as the platform’s, with our own figures', () => {
    const [e] = toEpisodes([platformFatigue], P0 + 60_000);
    expect(e?.platformOnly).toBe(true);
    expect(e?.sourceText).toBe(
      '此提醒来自车辆的定位平台。按本系统记录，当时已连续驾驶 16 分钟，未超过 4 小时的限制。',
    );
  });

  it('A4: a platform-only speeding flag states our limit and peak', () => {
    const flagged = rec(
      'SPEEDING',
      'ENDED',
      T0,
      2,
      { startMs: T0, endMs: T0 + 60_000, peakSpeedDkmh: 985, limitKmh: 100, durationS: 60 },
      'PLATFORM',
    );
    const [e] = toEpisodes([flagged], undefined);
    expect(e?.platformOnly).toBe(true);
    expect(e?.sourceText).toContain('限速 100 km/h');
    expect(e?.sourceText).toContain('最高 98.5 km/h');
  });

  it('A4: an ongoing platform-only speeding flag says our detection has not confirmed it yet', () => {
    const flagged = rec(
      'SPEEDING',
      'STARTED',
      T0,
      1,
      { startMs: T0, peakSpeedDkmh: 1067, limitKmh: 100, durationS: 0 },
      'PLATFORM',
    );
    const [e] = toEpisodes([flagged], T0 + 60_000);
    expect(e?.platformOnly).toBe(true);
    expect(e?.sourceText).toBe(
      '此提醒来自车辆的定位平台。本系统按限速 100 km/h 尚未确认持续超速（目前最高 106.7 km/h）。',
    );
  });

  it('A4: an episode both we and the platform saw is ours, not platform-only', () => {
    const both = { ...speedEnd, source: 'DETECTED_AND_PLATFORM' };
    const [e] = toEpisodes([both], undefined);
    expect(e?.platformOnly).toBe(false);
    expect(e?.sourceText).toContain('本系统判定');
  });

  it('records stored before the episode start was sent take it from their id', () => {
    const legacy = { ...speedEnd, episodeStartMs: null };
    expect(episodeStartOf(legacy)).toBe(T0);
    expect(toEpisodes([speedStart, legacy], undefined)).toHaveLength(1);
  });

  it('X6: the fatigue pre-warning is an episode of its own beside the fatigue it warned of, ended by the rest', () => {
    const W0 = F0 + 210 * 60_000;
    const detail = { drivingSinceMs: F0, cumulativeDrivingS: 4 * 3600 + 30 * 60, limitS: 4 * 3600 };
    const warned = rec('FATIGUE_PRE_WARNING', 'STARTED', W0, 60 + 210, {
      ...detail,
      continuousDrivingS: 3.5 * 3600,
    });
    const rested = rec('FATIGUE_PRE_WARNING', 'ENDED', W0, 60 + 270, {
      ...detail,
      continuousDrivingS: 4 * 3600 + 29 * 60,
    });
    const ongoing = toEpisodes([warned, fatigueStart], F0 + 245 * 60_000);
    expect(ongoing.map((e) => `${e.kind} ${e.state}`)).toEqual([
      'FATIGUE_CONTINUOUS ONGOING',
      'FATIGUE_PRE_WARNING ONGOING',
    ]);
    expect(ongoing[1]).toMatchObject({
      episodeId: `FATIGUE_PRE_WARNING:${W0}`,
      startedAt: new Date(W0).toISOString(),
      durationS: 35 * 60,
      fatigue: { continuousDrivingS: 3.5 * 3600, limitS: 4 * 3600 },
      platformOnly: false,
    });
    const ended = toEpisodes([warned, rested, fatigueStart, fatigueEnd, speedStart], P0);
    const pre = ended.find((e) => e.kind === 'FATIGUE_PRE_WARNING');
    expect(pre).toMatchObject({
      kind: 'FATIGUE_PRE_WARNING',
      state: 'ENDED',
      endedAt: at(60 + 270),
      durationS: 60 * 60,
      fatigue: { continuousDrivingS: 4 * 3600 + 29 * 60 },
    });
  });

  it('ignores kinds that are not episodes', () => {
    expect(toEpisodes([{ ...speedStart, kind: 'TRANSPORT_CERT_EXPIRING' }], undefined)).toEqual([]);
  });
});

describe('durationWords', () => {
  it.each([
    [40, '40 秒'],
    [16 * 60, '16 分钟'],
    [4 * 3600, '4 小时'],
    [4 * 3600 + 5 * 60 + 59, '4 小时 5 分钟'],
  ])('%i s → %s', (s, words) => expect(durationWords(s)).toBe(words));
});

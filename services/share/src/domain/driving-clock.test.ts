import { describe, expect, it } from 'vitest';
import { clockView, isNewerClock, newestClocks, type StoredClock } from './driving-clock.js';

const MIN = 60;
const H = 3600;
/** 14:00 China time. */
const T = Date.parse('2026-11-21T06:00:00Z');
const at = (s: number) => T + s * 1000;

/** A DRIVING_STARTED event at T: 3 h 10 min since the last rest, 5 h 50 min today. */
const driving: StoredClock = {
  eventId: `鲁A1:2|clock|DRIVING_STARTED|${T}`,
  vehicleKey: '鲁A1:2',
  kind: 'DRIVING_STARTED',
  atMs: T,
  state: 'DRIVING',
  continuousDrivingS: 3 * H + 10 * MIN,
  dailyDrivingS: 6 * H,
  todayDrivingS: 5 * H + 50 * MIN,
  drivingSinceMs: T - 4 * H * 1000,
  restingSinceMs: null,
  restMinS: 20 * MIN,
  preWarningS: 3.5 * H,
  continuousLimitS: 4 * H,
  dailyLimitS: 8 * H,
};

describe('X6 the clock at the last fix', () => {
  it('driving: runs on from the event to the last fix (3 h 40 min, 20 min before the limit)', () => {
    const preWarned = {
      ...driving,
      kind: 'PRE_WARNING' as const,
      continuousDrivingS: 3.5 * H,
      todayDrivingS: 6 * H,
    };
    expect(clockView({ ...preWarned, atMs: T }, at(10 * MIN))).toEqual({
      state: 'DRIVING',
      asOf: new Date(at(10 * MIN)).toISOString(),
      continuousDrivingS: 3 * H + 40 * MIN,
      drivingSince: new Date(T - 4 * H * 1000).toISOString(),
      restDueInS: 20 * MIN,
      todayDrivingS: 6 * H + 10 * MIN,
      restingSince: null,
      restingS: 0,
      preWarning: true,
      limitReached: false,
      restMinS: 20 * MIN,
      preWarningS: 3.5 * H,
      continuousLimitS: 4 * H,
    });
  });

  it('driving: stays below a threshold the alerts service has not announced yet', () => {
    // 30 min after 3 h 10 min is 3 h 40 min, but no PRE_WARNING came: short stops did not count.
    expect(clockView(driving, at(30 * MIN))).toMatchObject({
      continuousDrivingS: 3.5 * H - 1,
      preWarning: false,
    });
    const preWarned = { ...driving, kind: 'PRE_WARNING' as const, continuousDrivingS: 3.5 * H };
    expect(clockView(preWarned, at(2 * H))).toMatchObject({
      continuousDrivingS: 4 * H,
      restDueInS: 0,
      limitReached: false,
    });
    const over = { ...driving, kind: 'LIMIT_REACHED' as const, continuousDrivingS: 4 * H + 30 };
    expect(clockView(over, at(H))).toMatchObject({
      continuousDrivingS: 5 * H + 30,
      restDueInS: 0,
      limitReached: true,
    });
  });

  it('resting: how long the stop has lasted; the driving figures stand', () => {
    const resting: StoredClock = {
      ...driving,
      kind: 'REST_STARTED',
      state: 'RESTING',
      restingSinceMs: T - 5 * MIN * 1000,
    };
    expect(clockView(resting, at(7 * MIN))).toMatchObject({
      state: 'RESTING',
      restingSince: new Date(T - 5 * MIN * 1000).toISOString(),
      restingS: 12 * MIN,
      continuousDrivingS: 3 * H + 10 * MIN,
      todayDrivingS: 5 * H + 50 * MIN,
    });
    // Rest completed: continuous driving reset, no driving start.
    const rested = {
      ...resting,
      kind: 'REST_COMPLETED' as const,
      continuousDrivingS: 0,
      drivingSinceMs: null,
    };
    expect(clockView(rested, at(30 * MIN))).toMatchObject({
      continuousDrivingS: 0,
      drivingSince: null,
      restDueInS: 4 * H,
      restingS: 35 * MIN,
    });
  });

  it('today is the China day of the last fix', () => {
    // 23:50 China time (15:50Z), driving; the last fix at 00:20 the next day.
    const late = { ...driving, atMs: Date.parse('2026-11-21T15:50:00Z'), continuousDrivingS: H };
    expect(clockView(late, Date.parse('2026-11-21T16:20:00Z'))).toMatchObject({
      continuousDrivingS: H + 30 * MIN,
      todayDrivingS: 20 * MIN,
    });
    const resting = { ...late, state: 'RESTING' as const, restingSinceMs: late.atMs };
    expect(clockView(resting, Date.parse('2026-11-21T16:20:00Z'))).toMatchObject({ todayDrivingS: 0 });
  });

  it('no event: no clock; a last fix older than the event: the event’s own figures', () => {
    expect(clockView(null, T)).toBeNull();
    expect(clockView(driving, T - 60_000)).toMatchObject({
      asOf: new Date(T).toISOString(),
      continuousDrivingS: driving.continuousDrivingS,
    });
  });
});

describe('X6 ordering of clock events', () => {
  it('a later fix wins; at one fix the later event of the fix; redelivery changes nothing', () => {
    const rest = { ...driving, kind: 'REST_STARTED' as const, atMs: at(60), state: 'RESTING' as const };
    const done = { ...rest, kind: 'REST_COMPLETED' as const };
    expect(isNewerClock(rest, driving)).toBe(true);
    expect(isNewerClock(done, rest)).toBe(true);
    expect(isNewerClock(rest, done)).toBe(false);
    expect(isNewerClock(rest, rest)).toBe(false);
    const other = { ...driving, vehicleKey: '鲁A2:2' };
    expect(newestClocks([done, driving, rest, other, done])).toEqual([done, other]);
  });
});

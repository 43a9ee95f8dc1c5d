import { describe, expect, it } from 'vitest';
import type { DrivingClockView } from '../../../domain/view.schema.js';
import { clockWording, hoursMinutes } from './clock.js';

const MIN = 60;
const H = 3600;
/** 3 h 40 min since the last rest, 6 h 10 min today. */
const driving: DrivingClockView = {
  state: 'DRIVING',
  asOf: '2026-05-04T06:00:00.000Z',
  continuousDrivingS: 3 * H + 40 * MIN + 25,
  drivingSince: '2026-05-04T02:20:00.000Z',
  restDueInS: 19 * MIN + 35,
  todayDrivingS: 6 * H + 10 * MIN + 5,
  restingSince: null,
  restingS: 0,
  preWarning: true,
  limitReached: false,
  restMinS: 20 * MIN,
  preWarningS: 3.5 * H,
  continuousLimitS: 4 * H,
};
const resting: DrivingClockView = {
  ...driving,
  state: 'RESTING',
  restDueInS: 20 * MIN,
  restingSince: '2026-05-04T05:48:00.000Z',
  restingS: 12 * MIN + 30,
};

describe('X6 driving clock wording (X2)', () => {
  it('normal type: the sentences of the issue, whole minutes', () => {
    const w = clockWording.normal;
    // 3 h 40 min 25 s driven, 19 min 35 s left: within 20 minutes.
    expect(w.now(driving)).toBe('已连续驾驶 3 小时 40 分 · 20 分钟内需休息');
    expect(w.today(driving)).toBe('今日累计驾驶 6 小时 10 分');
    expect(w.now(resting)).toBe('正在休息 12 分钟');
    expect(w.now({ ...driving, continuousDrivingS: 4 * H, restDueInS: 0 })).toBe(
      '已连续驾驶 4 小时 · 已达 4 小时，应立即休息',
    );
    expect(
      w.now({ ...driving, continuousDrivingS: 4 * H + 10 * MIN, restDueInS: 0, limitReached: true }),
    ).toBe('已连续驾驶 4 小时 10 分 · 已超过 4 小时，应立即休息');
    expect(w.now({ ...driving, continuousDrivingS: 30, restDueInS: 4 * H - 30 })).toBe(
      '已连续驾驶 不到 1 分钟 · 4 小时内需休息',
    );
    expect(w.now({ ...driving, continuousDrivingS: 4 * H - 20, restDueInS: 20 })).toBe(
      '已连续驾驶 3 小时 59 分 · 1 分钟内需休息',
    );
  });

  it('large type: plain words with the same figures', () => {
    const w = clockWording.large;
    expect(w.now(driving)).toBe('已经连续开车 3 小时 40 分，再过 20 分钟就该停车休息了');
    expect(w.today(driving)).toBe('今天一共开了 6 小时 10 分');
    expect(w.now(resting)).toBe('正在停车休息，已经休息 12 分钟');
    expect(
      w.now({ ...driving, continuousDrivingS: 4 * H + 10 * MIN, restDueInS: 0, limitReached: true }),
    ).toBe('已经连续开车 4 小时 10 分，超过 4 小时，该马上停车休息了');
  });

  it('hours and minutes, rounded down', () => {
    expect([0, 59, 60, 3599, 3600, 3660, 22_259].map(hoursMinutes)).toEqual([
      '不到 1 分钟',
      '不到 1 分钟',
      '1 分钟',
      '59 分钟',
      '1 小时',
      '1 小时 1 分',
      '6 小时 10 分',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { EpisodeView } from '../../../domain/view.schema.js';
import { episodeWording } from './episodes.js';

const place = {
  wgs84: { lat: 36.6, lon: 117 },
  gcj02: { lat: 36.6013, lon: 117.0052 },
  text: '济南市历城区附近',
};
const base = {
  episodeId: 'e',
  startedAt: '2026-05-04T02:00:00Z',
  endedAt: '2026-05-04T02:04:00Z',
  durationS: 240,
  source: 'DETECTED',
  platformOnly: false,
  sourceText: '本系统根据车辆上报的位置和速度判定。',
  speeding: null,
  fatigue: null,
  place,
  endPlace: null,
  restStops: [],
} satisfies Omit<EpisodeView, 'kind' | 'state'>;
const speeding: EpisodeView = {
  ...base,
  kind: 'SPEEDING',
  state: 'ENDED',
  speeding: { peakKmh: 114.3, limitKmh: 100 },
};
const fatigue: EpisodeView = {
  ...base,
  kind: 'FATIGUE_CONTINUOUS',
  state: 'ONGOING',
  endedAt: null,
  fatigue: {
    drivingSince: '2026-05-03T22:00:00Z',
    continuousDrivingS: 4 * 3600 + 5 * 60,
    cumulativeDrivingS: 7 * 3600,
    limitS: 4 * 3600,
  },
};
const platformOnly: EpisodeView = {
  ...fatigue,
  state: 'ENDED',
  source: 'PLATFORM',
  platformOnly: true,
  fatigue: {
    drivingSince: base.startedAt,
    continuousDrivingS: 16 * 60,
    cumulativeDrivingS: 3600,
    limitS: 4 * 3600,
  },
};
const daily: EpisodeView = { ...fatigue, kind: 'FATIGUE_DAILY' };
/** X6: the pre-warning at 3 h 30 min of continuous driving. */
const preWarning: EpisodeView = {
  ...fatigue,
  kind: 'FATIGUE_PRE_WARNING',
  fatigue: { ...(fatigue.fatigue as NonNullable<EpisodeView['fatigue']>), continuousDrivingS: 3.5 * 3600 },
};

describe('episode wording (S10, A4, X2)', () => {
  it('normal type: the figures of each episode as stored', () => {
    const w = episodeWording.normal;
    expect(w.summary(speeding)).toBe('超速 4 分钟，最高 114.3 km/h（限速 100）');
    expect(w.summary({ ...speeding, state: 'ONGOING' })).toBe(
      '正在超速，已 4 分钟，最高 114.3 km/h（限速 100）',
    );
    expect(w.summary(fatigue)).toBe('已连续驾驶 4 小时 5 分钟（规定不超过 4 小时）');
    expect(w.summary(daily)).toBe('今日累计驾驶 7 小时，已超过 4 小时');
    expect(w.summary(platformOnly)).toBe('定位平台报告疲劳驾驶；本系统记录连续驾驶 16 分钟，未超过 4 小时');
    expect(w.stateChip(fatigue)).toBe('进行中');
    expect(w.kindChip(preWarning)).toBe('疲劳预警');
    expect(w.summary(preWarning)).toBe('已连续驾驶 3 小时 30 分钟，快到 4 小时上限，请提醒司机休息');
    expect(w.summary({ ...preWarning, state: 'ENDED' })).toBe('连续驾驶 3 小时 30 分钟后已休息');
    expect(w.detailTitle(preWarning)).toBe('疲劳驾驶预警（连续驾驶）');
    expect(w.rows(speeding, Date.parse(base.startedAt))).toContainEqual(['最高车速', '114.3 km/h']);
  });

  it('large type: plain words with the same figures', () => {
    const w = episodeWording.large;
    expect(w.summary(speeding)).toBe('超速开了 4 分钟，最快每小时 114.3 公里（限速 100 公里）');
    expect(w.summary(fatigue)).toBe('已经连续开车 4 小时 5 分钟，该休息了');
    expect(w.summary(daily)).toBe('今天一共开了 7 小时，开得太久了');
    expect(w.summary(preWarning)).toBe('已经连续开车 3 小时 30 分钟，快到 4 小时了，可以打电话提醒他休息');
    expect(w.summary(platformOnly)).toBe(
      '车上的定位平台报了疲劳驾驶，但按我们的记录只连续开了 16 分钟，没有超过 4 小时',
    );
    expect(w.rows(fatigue, Date.parse(base.startedAt))[0]).toEqual(['开始提醒', '今天 10:00']);
  });

  it('both modes word every part, and a platform-only flag is never said as our finding', () => {
    for (const w of [episodeWording.normal, episodeWording.large]) {
      for (const e of [speeding, fatigue, daily, platformOnly, preWarning]) {
        expect(w.summary(e)).not.toBe('');
        expect(w.rows(e, Date.now()).every(([k, v]) => k && v)).toBe(true);
      }
      expect(w.summary(platformOnly)).toContain('定位平台');
      expect(w.restStopType('SOMETHING_NEW')).toBe(w.restStopType('OTHER'));
    }
  });
});

/**
 * Episodes (S10) as the share view gives them, for the page tests: typed as
 * the view's EpisodeView and checked against ViewSchema when the fake API
 * answers. Times are relative to the fake clock.
 */
import type { EpisodeView } from '../../src/domain/view.schema.js';
import { type FakeShareApi, fakePlace } from './fake-api.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A speeding episode that started `minutesAgo`; ended after `durationS` unless ongoing. */
export function speedingEpisode(
  a: FakeShareApi,
  o: { minutesAgo: number; durationS: number; peakKmh: number; ongoing?: boolean },
): EpisodeView {
  const start = a.nowMs - o.minutesAgo * MIN;
  return {
    episodeId: `SPEEDING:${start}`,
    kind: 'SPEEDING',
    state: o.ongoing ? 'ONGOING' : 'ENDED',
    startedAt: iso(start),
    endedAt: o.ongoing ? null : iso(start + o.durationS * 1000),
    durationS: o.durationS,
    source: 'DETECTED',
    platformOnly: false,
    sourceText: '本系统根据车辆上报的位置和速度判定。',
    speeding: { peakKmh: o.peakKmh, limitKmh: 100 },
    fatigue: null,
    place: fakePlace(36.64, 117.05),
    endPlace: o.ongoing ? null : fakePlace(36.645, 117.09),
    restStops: [],
  };
}

/** Ongoing continuous-driving fatigue: 4 h 12 min at the alert, 6 h 30 min today, two rest stops ahead. */
export function fatigueEpisode(a: FakeShareApi): EpisodeView {
  const start = a.nowMs - 5 * MIN;
  return {
    episodeId: `FATIGUE_CONTINUOUS:${start}`,
    kind: 'FATIGUE_CONTINUOUS',
    state: 'ONGOING',
    startedAt: iso(start),
    endedAt: null,
    durationS: 5 * 60,
    source: 'DETECTED',
    platformOnly: false,
    sourceText: '本系统根据车辆上报的位置和速度判定。',
    speeding: null,
    fatigue: {
      drivingSince: iso(a.nowMs - (4 * 60 + 17) * MIN),
      continuousDrivingS: 4 * 3600 + 12 * 60,
      cumulativeDrivingS: 6 * 3600 + 30 * 60,
      limitS: 4 * 3600,
    },
    place: fakePlace(36.6512, 117.1201),
    endPlace: null,
    restStops: [
      {
        id: 'rs-zhangqiu',
        name: '章丘物流园司机之家',
        type: 'LOGISTICS_PARK',
        services: ['餐饮', '淋浴', '停车'],
        distanceM: 800,
        location: fakePlace(36.6601, 117.1302),
      },
      {
        id: 'rs-jinandong',
        name: '济南东服务区司机之家',
        type: 'EXPRESSWAY_SERVICE_AREA',
        services: ['餐饮', '住宿', '洗衣'],
        distanceM: 3240,
        location: fakePlace(36.6702, 117.1605),
      },
    ],
  };
}

/** A4: the platform's fatigue alarm after 16 minutes of driving, which our figures contradict. */
export const PLATFORM_FATIGUE_TEXT =
  '此提醒来自车辆的定位平台。按本系统记录，当时已连续驾驶 16 分钟，未超过 4 小时的限制。';

export function platformFatigueEpisode(a: FakeShareApi, minutesAgo: number): EpisodeView {
  const start = a.nowMs - minutesAgo * MIN;
  return {
    episodeId: `FATIGUE_CONTINUOUS:${start}`,
    kind: 'FATIGUE_CONTINUOUS',
    state: 'ENDED',
    startedAt: iso(start),
    endedAt: iso(start + 2 * MIN),
    durationS: 2 * 60,
    source: 'PLATFORM',
    platformOnly: true,
    sourceText: PLATFORM_FATIGUE_TEXT,
    speeding: null,
    fatigue: {
      drivingSince: iso(start - 16 * MIN),
      continuousDrivingS: 16 * 60,
      cumulativeDrivingS: 2 * 3600 + 5 * 60,
      limitS: 4 * 3600,
    },
    place: fakePlace(36.62, 116.98),
    endPlace: null,
    restStops: [],
  };
}

/** The three episodes of the episode tests, newest first: fatigue now, speeding 40 min ago, the platform's flag. */
export function threeEpisodes(a: FakeShareApi) {
  const fatigue = fatigueEpisode(a);
  const speeding = speedingEpisode(a, { minutesAgo: 40, durationS: 4 * 60, peakKmh: 114.3 });
  const platform = platformFatigueEpisode(a, 90);
  a.episodes = [fatigue, speeding, platform];
  return { fatigue, speeding, platform };
}

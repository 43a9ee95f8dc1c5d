/**
 * X2 wording of the speeding and fatigue episodes (S10): the marquee line, the
 * 详情 title and rows (episode-rows.ts), rest stops (X1). The figures are the view's, unchanged:
 * peak and limit for speeding, continuous and daily driving for fatigue. An
 * episode only the positioning platform flagged (A4) is said to be the
 * platform's report, with our own figure beside it, never as our finding.
 */
import type { EpisodeView, RestStopView } from '../../../domain/view.schema.js';
import { distance, duration, speedFigure } from '../format.js';
import {
  drivenS,
  episodeRows,
  fatigueOf,
  isDaily,
  isPreWarning,
  ongoing,
  type Row,
  speedingOf,
} from './episode-rows.js';

export interface EpisodeWording {
  title: string;
  empty: string;
  detailButton: string;
  dialogTitle: string;
  close: string;
  platformChip: string;
  kindChip(e: EpisodeView): string;
  stateChip(e: EpisodeView): string;
  summary(e: EpisodeView): string;
  detailTitle(e: EpisodeView): string;
  detailLabel(e: EpisodeView): string;
  announce(e: EpisodeView): string;
  rows(e: EpisodeView, nowMs: number): Row[];
  sourceLabel: string;
  restStopsTitle(e: EpisodeView): string;
  restStopDistance(metres: number): string;
  /** A rest stop's type in words (X1). */
  restStopType(type: RestStopView['type']): string;
}

function normalSummary(e: EpisodeView): string {
  const f = fatigueOf(e);
  if (e.kind === 'SPEEDING') {
    const { peakKmh, limitKmh } = speedingOf(e);
    const figures = `最高 ${speedFigure(peakKmh)} km/h（限速 ${limitKmh}）`;
    if (e.platformOnly) return `定位平台报告超速；本系统未测得持续超速，${figures}`;
    return ongoing(e)
      ? `正在超速，已 ${duration(e.durationS)}，${figures}`
      : `超速 ${duration(e.durationS)}，${figures}`;
  }
  const driven = isDaily(e)
    ? `今日累计驾驶 ${duration(f.cumulativeDrivingS)}`
    : `连续驾驶 ${duration(f.continuousDrivingS)}`;
  // X6: once the rest ended it, a pre-warning reads like the fatigue it warned of.
  if (isPreWarning(e) && ongoing(e))
    return `已${driven}，快到 ${duration(f.limitS)}上限，请提醒司机休息${stopsNearby(e)}`;
  if (e.platformOnly) return `定位平台报告疲劳驾驶；本系统记录${driven}，未超过 ${duration(f.limitS)}`;
  if (!ongoing(e)) return isDaily(e) ? `${driven}，提醒已结束` : `${driven}后已休息`;
  if (isDaily(e)) return `${driven}，已超过 ${duration(f.limitS)}`;
  return `已${driven}（规定不超过 ${duration(f.limitS)}）${stopsNearby(e)}`;
}

const stopsNearby = (e: EpisodeView) =>
  e.restStops.length ? `，附近有 ${e.restStops.length} 处司机之家` : '';

function largeSummary(e: EpisodeView): string {
  const f = fatigueOf(e);
  if (e.kind === 'SPEEDING') {
    const { peakKmh, limitKmh } = speedingOf(e);
    const figures = `最快每小时 ${speedFigure(peakKmh)} 公里（限速 ${limitKmh} 公里）`;
    if (e.platformOnly) return `车上的定位平台报了超速，我们没有测到一直超速，${figures}`;
    return ongoing(e)
      ? `正在超速！已经 ${duration(e.durationS)}，${figures}`
      : `超速开了 ${duration(e.durationS)}，${figures}`;
  }
  const limit = duration(f.limitS);
  if (isPreWarning(e) && ongoing(e))
    return `已经连续开车 ${duration(f.continuousDrivingS)}，快到 ${limit}了，可以打电话提醒他休息`;
  if (e.platformOnly) {
    const driven = isDaily(e) ? `今天一共开了 ${duration(drivenS(e))}` : `只连续开了 ${duration(drivenS(e))}`;
    return `车上的定位平台报了疲劳驾驶，但按我们的记录${driven}，没有超过 ${limit}`;
  }
  if (isDaily(e))
    return `今天一共开了 ${duration(f.cumulativeDrivingS)}，${ongoing(e) ? '开得太久了' : '提醒已结束'}`;
  if (!ongoing(e)) return `连续开了 ${duration(f.continuousDrivingS)}，已经休息了`;
  const stops = e.restStops.length ? `，附近有 ${e.restStops.length} 个司机之家可以休息` : '';
  return `已经连续开车 ${duration(f.continuousDrivingS)}，该休息了${stops}`;
}

const kindWord = (e: EpisodeView) =>
  e.kind === 'SPEEDING' ? '超速' : isPreWarning(e) ? '疲劳预警' : '疲劳驾驶';

const STOP_TYPES = {
  normal: {
    FUEL_STATION: '加油站',
    LOGISTICS_PARK: '物流园区',
    EXPRESSWAY_SERVICE_AREA: '高速服务区',
    OTHER: '司机之家',
    UNSPECIFIED: '司机之家',
  },
  large: {
    FUEL_STATION: '加油站',
    LOGISTICS_PARK: '物流园',
    EXPRESSWAY_SERVICE_AREA: '高速公路服务区',
    OTHER: '休息点',
    UNSPECIFIED: '休息点',
  },
} as const satisfies Record<'normal' | 'large', Record<string, string>>;

const stopType = (mode: 'normal' | 'large', type: string): string =>
  (STOP_TYPES[mode] as Record<string, string>)[type] ?? STOP_TYPES[mode].OTHER;

/** What both modes say alike: the kind, the platform's label (A4), the rows and rest stop types of their mode. */
const common = (mode: 'normal' | 'large') => ({
  platformChip: '定位平台提示',
  kindChip: kindWord,
  close: '关闭',
  rows: (e: EpisodeView, nowMs: number) => episodeRows(e, mode === 'large', nowMs),
  restStopType: (t: string) => stopType(mode, t),
});

export const episodeWording: Record<'normal' | 'large', EpisodeWording> = {
  normal: {
    ...common('normal'),
    title: '动态提醒',
    empty: '暂无超速、疲劳驾驶提醒',
    detailButton: '详情',
    dialogTitle: '提醒详情',
    stateChip: (e) => (ongoing(e) ? '进行中' : '已结束'),
    summary: normalSummary,
    detailTitle: (e) =>
      e.kind === 'SPEEDING'
        ? '超速行驶'
        : isPreWarning(e)
          ? '疲劳驾驶预警（连续驾驶）'
          : isDaily(e)
            ? '疲劳驾驶（当日累计）'
            : '疲劳驾驶（连续驾驶）',
    detailLabel: (e) => `${kindWord(e)}提醒详情`,
    announce: (e) => `新的动态提醒：${kindWord(e)}，${normalSummary(e)}`,
    sourceLabel: '来源',
    restStopsTitle: (e) => (ongoing(e) ? '建议就近到司机之家休息' : '当时附近的司机之家'),
    restStopDistance: (m) => `距离 ${distance(m)}`,
  },
  large: {
    ...common('large'),
    title: '开车提醒',
    empty: '没有超速、疲劳驾驶的提醒，一切正常',
    detailButton: '看详情',
    dialogTitle: '提醒的详细情况',
    stateChip: (e) => (ongoing(e) ? '正在发生' : '已经结束'),
    summary: largeSummary,
    // A4: a platform-only flag is not our finding, so its title does not assert it.
    detailTitle: (e) =>
      e.platformOnly
        ? `定位平台报了${e.kind === 'SPEEDING' ? '超速' : '疲劳驾驶'}`
        : e.kind === 'SPEEDING'
          ? '开车超速'
          : isPreWarning(e)
            ? '快到疲劳驾驶了：该休息了'
            : isDaily(e)
              ? '疲劳驾驶：今天开车太久'
              : '疲劳驾驶：连续开车太久',
    detailLabel: (e) => `看${kindWord(e)}提醒的详细情况`,
    announce: (e) => `新提醒：${largeSummary(e)}`,
    sourceLabel: '谁发现的',
    restStopsTitle: (e) => (ongoing(e) ? '可以到这些司机之家休息' : '当时附近的司机之家'),
    restStopDistance: (m) => `离车 ${distance(m)}`,
  },
};

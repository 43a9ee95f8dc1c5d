/**
 * The episode's facts as the view gives them, and the rows of its 详情 in the
 * normal and the large type (X2): times in China time, figures unchanged.
 */
import type { EpisodeView } from '../../../domain/view.schema.js';
import { dateTime, dayAndClock, duration, speedFigure } from '../format.js';

export type Row = readonly [label: string, value: string];

const ms = (iso: string) => Date.parse(iso);
export const fatigueOf = (e: EpisodeView) =>
  e.fatigue ?? { drivingSince: e.startedAt, continuousDrivingS: 0, cumulativeDrivingS: 0, limitS: 0 };
export const speedingOf = (e: EpisodeView) => e.speeding ?? { peakKmh: 0, limitKmh: 0 };
export const ongoing = (e: EpisodeView) => e.state === 'ONGOING';
export const isDaily = (e: EpisodeView) => e.kind === 'FATIGUE_DAILY';
/** X6: the warning before the continuous-driving limit (its figures are continuous driving's). */
export const isPreWarning = (e: EpisodeView) => e.kind === 'FATIGUE_PRE_WARNING';
/** The fatigue figure the episode is about: daily driving for a daily one, else continuous driving. */
export const drivenS = (e: EpisodeView) =>
  isDaily(e) ? fatigueOf(e).cumulativeDrivingS : fatigueOf(e).continuousDrivingS;

/** The 详情 rows of an episode: speeding (times, duration, peak, limit) or fatigue (times, driving, limit). */
export function episodeRows(e: EpisodeView, large: boolean, nowMs: number): Row[] {
  return e.kind === 'SPEEDING' ? speedingRows(e, large, nowMs) : fatigueRows(e, large, nowMs);
}

function speedingRows(e: EpisodeView, large: boolean, nowMs: number): Row[] {
  const { peakKmh, limitKmh } = speedingOf(e);
  const at = (iso: string) => (large ? dayAndClock(ms(iso), nowMs) : dateTime(ms(iso), true));
  const kmh = (v: string) => (large ? `每小时 ${v} 公里` : `${v} km/h`);
  return [
    [large ? '开始超速' : '开始时间', at(e.startedAt)],
    [large ? '结束超速' : '结束时间', e.endedAt ? at(e.endedAt) : large ? '还在超速' : '仍在超速'],
    [large ? '超速多久' : '持续时间', `${ongoing(e) ? '已 ' : ''}${duration(e.durationS)}`],
    [large ? '最快车速' : '最高车速', kmh(speedFigure(peakKmh))],
    ['限速', kmh(String(limitKmh))],
    ...placeRow(e, large ? '在哪里超速' : '开始地点'),
  ];
}

/** X5: where it started (speeding) or was found (fatigue), in words, when the service could say. */
function placeRow(e: EpisodeView, label: string): Row[] {
  return e.place?.text ? [[label, e.place.text]] : [];
}

function fatigueRows(e: EpisodeView, large: boolean, nowMs: number): Row[] {
  const f = fatigueOf(e);
  const at = (iso: string) => (large ? dayAndClock(ms(iso), nowMs) : dateTime(ms(iso), false));
  const limit = isDaily(e)
    ? large
      ? `每天最多开 ${duration(f.limitS)}`
      : `每日不超过 ${duration(f.limitS)}`
    : large
      ? `连续开车最多 ${duration(f.limitS)}`
      : `连续驾驶不超过 ${duration(f.limitS)}`;
  return [
    [large ? '开始提醒' : '提醒开始', at(e.startedAt)],
    ['提醒结束', e.endedAt ? at(e.endedAt) : large ? '还没有结束' : '仍在持续'],
    [large ? '这次开始开车' : '本次开始驾驶', at(f.drivingSince)],
    [large ? '已连续开车' : '连续驾驶', duration(f.continuousDrivingS)],
    [large ? '今天一共开车' : '当日累计驾驶', duration(f.cumulativeDrivingS)],
    [large ? '规定' : '规定上限', limit],
    ...placeRow(e, large ? '在哪里' : '地点'),
  ];
}

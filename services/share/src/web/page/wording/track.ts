/** X2 wording of today's track (X7) under the map, normal and large type. */
import { clock, distance, duration } from '../format.js';

export interface TrackStopWords {
  startMs: number;
  endMs: number;
  durationS: number;
  ongoing: boolean;
  placeText: string | null;
}

export interface TrackWording {
  /** Today's distance and stops, the line under the map. */
  summary(distanceM: number, stops: number): string;
  /** No fix since 00:00 China time: the map shows the last known position. */
  noFixToday: string;
  /** Beside a stop's marker on the map. */
  stopMark(durationS: number): string;
  /** One stop in the list under the map. */
  stopItem(s: TrackStopWords): string;
}

const where = (placeText: string | null, sep: string) => (placeText ? `${sep}${placeText}` : '');

export const trackWording: Record<'normal' | 'large', TrackWording> = {
  normal: {
    summary: (m, stops) => `今天已行驶 ${distance(m)}${stops ? `，停车 ${stops} 次（20 分钟以上）` : ''}`,
    noFixToday: '今天还没有行驶记录，显示最后已知位置',
    stopMark: (s) => `停 ${duration(s)}`,
    stopItem: (s) =>
      s.ongoing
        ? `${clock(s.startMs)} 起停车，已停 ${duration(s.durationS)}${where(s.placeText, ' · ')}`
        : `${clock(s.startMs)}–${clock(s.endMs)} 停车 ${duration(s.durationS)}${where(s.placeText, ' · ')}`,
  },
  large: {
    summary: (m, stops) => `今天开了 ${distance(m)}${stops ? `，中间停车休息了 ${stops} 次` : ''}`,
    noFixToday: '今天还没有行驶记录，显示最后已知位置',
    stopMark: (s) => `停了 ${duration(s)}`,
    stopItem: (s) =>
      s.ongoing
        ? `从 ${clock(s.startMs)} 停到现在，已经停了 ${duration(s.durationS)}${where(s.placeText, '，在')}`
        : `${clock(s.startMs)} 到 ${clock(s.endMs)}，停了 ${duration(s.durationS)}${where(s.placeText, '，在')}`,
  },
};

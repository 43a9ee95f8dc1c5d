/**
 * Numbers, times and lengths as the family reads them. Times are China
 * Standard Time whatever the phone's zone (the driver's day is a China day);
 * pure, so the same on the page and in unit tests.
 */
export const CHINA_TZ = 'Asia/Shanghai';

const partsFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CHINA_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface ChinaParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function chinaParts(ms: number): ChinaParts {
  const o: Record<string, string> = {};
  for (const p of partsFmt.formatToParts(new Date(ms))) o[p.type] = p.value;
  return { year: '', month: '', day: '', hour: '', minute: '', second: '', ...o };
}

/** "5月3日 14:05" or, with seconds, "5月3日 14:05:09". */
export function dateTime(ms: number, withSeconds: boolean): string {
  const p = chinaParts(ms);
  return `${p.month}月${p.day}日 ${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
}

/** "14:05". */
export function clock(ms: number): string {
  const p = chinaParts(ms);
  return `${p.hour}:${p.minute}`;
}

const chinaDay = (ms: number) => {
  const p = chinaParts(ms);
  return `${p.year}-${p.month}-${p.day}`;
};

/** "今天 14:05", "昨天 23:40", else "5月3日 14:05": the plain words of the age-friendly mode. */
export function dayAndClock(ms: number, nowMs: number): string {
  if (chinaDay(ms) === chinaDay(nowMs)) return `今天 ${clock(ms)}`;
  if (chinaDay(ms) === chinaDay(nowMs - 86_400_000)) return `昨天 ${clock(ms)}`;
  return dateTime(ms, false);
}

/** "2026-12-01" → "2026年12月1日". */
export function dateText(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}

/** "刚刚", "5 分钟前", "2 小时前", "3 天前"; empty for a time that is not one. */
export function ago(ms: number, nowMs: number): string {
  const s = (nowMs - ms) / 1000;
  if (!Number.isFinite(s)) return '';
  if (s < 60) return '刚刚';
  if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时前`;
  return `${Math.floor(s / 86400)} 天前`;
}

/** "4 小时 12 分钟", "4 小时", "16 分钟", "40 秒": the words of the view's own sentences. */
export { durationWords as duration } from '../../domain/duration-words.js';

/** "800 米", "3.2 公里". */
export function distance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} 米` : `${(metres / 1000).toFixed(1)} 公里`;
}

/** A speed as stored, to 0.1 km/h: "114.3", "100". */
export function speedFigure(kmh: number): string {
  const v = Math.round(kmh * 10) / 10;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** The live speed, to the km/h. */
export const wholeKmh = (kmh: number) => Math.round(kmh);

const COMPASS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];

/** "东", "西南": the nearest of eight directions. */
export function compass(deg: number): string {
  return COMPASS[Math.round((((deg % 360) + 360) % 360) / 45) % 8] ?? '北';
}

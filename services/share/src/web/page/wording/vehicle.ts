/** X2 wording of the vehicle card, the page's frame and the refresh line (normal, then large type). */
import { ago, compass, dateTime, dayAndClock, wholeKmh } from '../format.js';

export interface VehicleWording {
  loading: string;
  largeToggle: string;
  speedLabel: string;
  headingLabel: string;
  fixLabel: string;
  /** X5: the label of the place in words. */
  placeLabel: string;
  online: string;
  offline: string;
  noFix: string;
  speed(kmh: number): string;
  heading(deg: number, kmh: number): string;
  fixTime(ms: number, nowMs: number): string;
  offlineNote(hasFix: boolean): string;
  refreshed(refreshSeconds: number, at: string): string;
  reconnecting: string;
}

export const vehicleWording: Record<'normal' | 'large', VehicleWording> = {
  normal: {
    loading: '正在打开车辆动态…',
    largeToggle: '大字模式',
    speedLabel: '速度',
    headingLabel: '方向',
    fixLabel: '定位时间',
    placeLabel: '位置',
    online: '在线',
    offline: '离线',
    noFix: '暂无定位',
    speed: (kmh) => `${wholeKmh(kmh)} km/h`,
    heading: (deg) => `${compass(deg)} ${Math.round(deg)}°`,
    fixTime: (ms, nowMs) => {
      const when = ago(ms, nowMs);
      return `${dateTime(ms, true)}${when ? `（${when}）` : ''}`;
    },
    offlineNote: (hasFix) =>
      hasFix
        ? '超过 10 分钟未收到新的定位，车辆显示为离线（可能已停车熄火或所在地信号不好）。'
        : '尚未收到车辆定位。',
    refreshed: (seconds, at) => `每 ${seconds} 秒自动刷新 · 上次刷新 ${at}`,
    reconnecting: '网络连接中断，正在重新连接…',
  },
  large: {
    loading: '正在打开，请稍等…',
    largeToggle: '大字模式',
    speedLabel: '车速',
    headingLabel: '行驶方向',
    fixLabel: '最后定位时间',
    placeLabel: '车在哪里',
    online: '在线',
    offline: '离线',
    noFix: '还没有收到车辆位置',
    speed: (kmh) => (wholeKmh(kmh) === 0 ? '停着（每小时 0 公里）' : `每小时 ${wholeKmh(kmh)} 公里`),
    heading: (deg, kmh) => (wholeKmh(kmh) === 0 ? `车头朝${compass(deg)}` : `向${compass(deg)}行驶`),
    fixTime: (ms, nowMs) => {
      const when = ago(ms, nowMs);
      return `${dayAndClock(ms, nowMs)}${when ? `，${when}` : ''}`;
    },
    offlineNote: (hasFix) =>
      hasFix
        ? '已经超过 10 分钟没有收到车辆的新位置，可能是车停了熄火，或者那里信号不好。下面是最后一次的位置。'
        : '还没有收到车辆的位置信息。',
    refreshed: (seconds, at) => `位置每 ${seconds} 秒自动更新，上次更新 ${at}`,
    reconnecting: '网络不太好，正在重新连接，请稍等…',
  },
};

/** Plate colours (JT/T 808 codes) in words. */
export const PLATE_COLORS: Readonly<Record<number, string>> = {
  1: '蓝牌',
  2: '黄牌',
  3: '黑牌',
  4: '白牌',
  5: '绿牌',
  9: '其他颜色号牌',
  91: '农黄牌',
  92: '农绿牌',
  93: '黄绿牌',
  94: '渐变绿牌',
};

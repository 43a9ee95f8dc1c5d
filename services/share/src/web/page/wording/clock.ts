/**
 * X2 wording of the driving clock (X6) in the vehicle card: how long the driver
 * has driven since his last rest and when the next rest is due, today's
 * driving, and while resting how long the rest has lasted (normal, then large
 * type). The figures are the view's clock, unchanged.
 */
import type { DrivingClockView } from '../../../domain/view.schema.js';

export interface ClockWording {
  title: string;
  /** Driving: continuous driving and when to rest; resting: how long. */
  now(c: DrivingClockView): string;
  today(c: DrivingClockView): string;
}

/** "3 小时 40 分", "4 小时", "20 分钟", "不到 1 分钟": whole minutes, rounded down (time driven or rested). */
export function hoursMinutes(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return '不到 1 分钟';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`;
}

const due = (c: DrivingClockView) => c.state === 'DRIVING' && c.restDueInS === 0;
/** "Rest within": the time left rounded up to the minute, so that the sentence stays true. */
const within = (c: DrivingClockView) => hoursMinutes(Math.ceil(c.restDueInS / 60) * 60);

export const clockWording: Record<'normal' | 'large', ClockWording> = {
  normal: {
    title: '驾驶时长',
    now: (c) => {
      if (c.state === 'RESTING') return `正在休息 ${hoursMinutes(c.restingS)}`;
      const driven = `已连续驾驶 ${hoursMinutes(c.continuousDrivingS)}`;
      if (!due(c)) return `${driven} · ${within(c)}内需休息`;
      const limit = hoursMinutes(c.continuousLimitS);
      return `${driven} · ${c.limitReached ? '已超过' : '已达'} ${limit}，应立即休息`;
    },
    today: (c) => `今日累计驾驶 ${hoursMinutes(c.todayDrivingS)}`,
  },
  large: {
    title: '开车时间',
    now: (c) => {
      if (c.state === 'RESTING') return `正在停车休息，已经休息 ${hoursMinutes(c.restingS)}`;
      const driven = `已经连续开车 ${hoursMinutes(c.continuousDrivingS)}`;
      if (!due(c)) return `${driven}，再过 ${within(c)}就该停车休息了`;
      return `${driven}，${c.limitReached ? '超过' : '到了'} ${hoursMinutes(c.continuousLimitS)}，该马上停车休息了`;
    },
    today: (c) => `今天一共开了 ${hoursMinutes(c.todayDrivingS)}`,
  },
};

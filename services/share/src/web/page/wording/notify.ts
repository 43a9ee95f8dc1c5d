/** X2 wording of the notification opt-in (X8, Web Push), normal and large type. */
import type { NotificationChoices } from '../../../domain/notify.schema.js';

export type NotificationKind = NotificationChoices['kinds'][number];

/** Why notifications could not be turned on or changed. */
export type NotifyProblem = 'unsupported' | 'denied' | 'failed' | 'saveFailed';

export interface NotifyWording {
  title: string;
  /** The list's name for screen readers. */
  legend: string;
  /** A kind's checkbox label. */
  kind(kind: NotificationKind): string;
  /** Off: what turning it on does. */
  off: string;
  /** Off, just turned off here: said so, and how to turn it on again. */
  turnedOff: string;
  /** On: which kinds are notified. */
  on(kinds: readonly NotificationKind[]): string;
  /** The browser's subscription stopped (the push service dropped it): turn it on again. */
  refused: string;
  enable: string;
  enableAgain: string;
  save: string;
  disable: string;
  busy: string;
  problem(p: NotifyProblem): string;
}

type Words<K extends string> = Record<K, readonly [normal: string, large: string]>;

const KINDS: Words<NotificationKind> = {
  PRE_WARNING: ['疲劳预警（连续驾驶 3 小时 30 分）', '快到疲劳驾驶了（连续开车 3 个半小时）'],
  FATIGUE: ['疲劳驾驶', '疲劳驾驶（开车时间太长）'],
  SPEEDING: ['超速', '开得太快（超速）'],
  OFFLINE: ['离线 30 分钟', '30 分钟没有车辆位置（离线）'],
};

const SHORT: Record<NotificationKind, string> = {
  PRE_WARNING: '疲劳预警',
  FATIGUE: '疲劳驾驶',
  SPEEDING: '超速',
  OFFLINE: '离线 30 分钟',
};

const PROBLEMS: Words<NotifyProblem> = {
  unsupported: [
    '此浏览器不支持提醒，请在微信小程序中开启。',
    '这个浏览器不能发提醒。请在微信“平安守望”小程序里开启提醒。',
  ],
  denied: [
    '浏览器没有允许通知，提醒未开启。请在浏览器设置中允许本网页发送通知后再试。',
    '您的浏览器没有允许发通知，所以没法提醒您。请在浏览器设置里允许这个网页发通知，再点“开启提醒”。',
  ],
  failed: ['提醒开启失败，请稍后再试。', '没有开启成功，请过一会儿再试。'],
  saveFailed: ['保存失败，请检查网络后再试。', '没有保存成功，网络可能不好，请再试一次。'],
};

const list = (kinds: readonly NotificationKind[]) => kinds.map((k) => SHORT[k]).join('、');

function inMode(i: 0 | 1): Pick<NotifyWording, 'kind' | 'problem'> {
  return { kind: (k) => KINDS[k][i], problem: (p) => PROBLEMS[p][i] };
}

export const notifyWording: Record<'normal' | 'large', NotifyWording> = {
  normal: {
    ...inMode(0),
    title: '家人提醒',
    legend: '提醒哪些情况',
    off: '开启后，车辆出现下列情况时，本浏览器会弹出通知（不开着本页也能收到）。',
    turnedOff: '提醒已关闭。如需重新开启，请勾选情况后点“开启提醒”。',
    on: (kinds) => `已开启提醒：${list(kinds)}。`,
    refused: '本浏览器的提醒订阅已停止（可能清除了浏览器数据或关闭了通知），收不到提醒了。请重新开启。',
    enable: '开启提醒',
    enableAgain: '重新开启提醒',
    save: '保存',
    disable: '关闭提醒',
    busy: '请稍候…',
  },
  large: {
    ...inMode(1),
    title: '有情况时提醒我',
    legend: '哪些情况提醒我',
    off: '开启后，车子出现下面勾选的情况，手机会弹出通知告诉您，不用一直开着这个网页。',
    turnedOff: '提醒已经关了。想再开，请勾选下面的情况，再点“开启提醒”。',
    on: (kinds) => `提醒已经开启：${list(kinds)}。`,
    refused: '这个浏览器现在收不到提醒了（可能清理过浏览器）。请点下面的“重新开启提醒”。',
    enable: '开启提醒',
    enableAgain: '重新开启提醒',
    save: '保存',
    disable: '关闭提醒',
    busy: '请稍等…',
  },
};

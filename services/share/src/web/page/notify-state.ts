/**
 * X8: what the notification section offers, from the service's answer for
 * Web Push, the kinds ticked now and what this browser can do. Pure, so that
 * every case is tested without a browser.
 *
 * - Off (or stopped: the push service dropped the subscription): 开启提醒
 *   (重新开启提醒), once a kind is ticked; not in a browser without Web Push.
 * - On: 保存 when the ticks differ from what is stored, 关闭提醒 beside it;
 *   with nothing ticked the one button is 关闭提醒.
 */
import type { NotificationChoices } from '../../domain/notify.schema.js';
import type { NotificationKind } from './wording/notify.js';

export type NotifyAction = 'enable' | 'enableAgain' | 'save' | 'disable';

export type NotifyStatus = 'off' | 'on' | 'refused';

export interface NotifyControls {
  status: NotifyStatus;
  /** The main button, or null for none. */
  primary: NotifyAction | null;
  /** 关闭提醒 beside 保存 (or alone once saved). */
  offButton: boolean;
  /** Whether the kinds may be ticked (not in a browser that cannot subscribe). */
  kindsEnabled: boolean;
}

const sameKinds = (a: readonly NotificationKind[], b: readonly NotificationKind[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

export function notifyControls(
  webPush: NotificationChoices['webPush'],
  ticked: readonly NotificationKind[],
  supported: boolean,
): NotifyControls {
  const status: NotifyStatus = !webPush.subscribed ? 'off' : webPush.refused ? 'refused' : 'on';
  if (status !== 'on') {
    const primary = !supported || ticked.length === 0 ? null : status === 'off' ? 'enable' : 'enableAgain';
    return { status, primary, offButton: false, kindsEnabled: supported };
  }
  if (ticked.length === 0) return { status, primary: 'disable', offButton: false, kindsEnabled: supported };
  const changed = !sameKinds(ticked, webPush.kinds);
  return {
    status,
    // Changing the kinds sends this browser's subscription again: a browser without Web Push may only turn it off.
    primary: changed && supported ? 'save' : null,
    offButton: true,
    kindsEnabled: supported,
  };
}

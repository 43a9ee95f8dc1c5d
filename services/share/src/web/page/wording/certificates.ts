/** X2 wording of the certificate reminders (S6, A3), normal and large type. */
import type { CertificateView } from '../../../domain/view.schema.js';
import { dateText } from '../format.js';

export interface CertificateWording {
  title: string;
  allValid: string;
  name(kind: CertificateView['kind']): string;
  chip(c: CertificateView): string;
  text(c: CertificateView): string;
}

const NAMES = { TRANSPORT: '道路运输证', QUALIFICATION: '从业资格证' } as const;

type Said = (on: string, days: number) => string;

/** The sentence for an expired certificate, one expiring today, or one expiring later. */
const reminder =
  (expired: Said, today: Said, later: Said) =>
  (c: CertificateView): string => {
    const days = Math.abs(c.daysLeft);
    const said = c.status === 'EXPIRED' ? expired : days === 0 ? today : later;
    return said(dateText(c.expiresOn), days);
  };

export const certificateWording: Record<'normal' | 'large', CertificateWording> = {
  normal: {
    title: '证照提醒',
    allValid: '道路运输证、从业资格证均在有效期内',
    name: (kind) => NAMES[kind],
    chip: (c) => (c.status === 'EXPIRED' ? '已过期' : '即将到期'),
    text: reminder(
      (on, days) => `已于 ${on} 过期，已过期 ${days} 天`,
      (on) => `今天（${on}）到期`,
      (on, days) => `将于 ${on} 到期，还剩 ${days} 天`,
    ),
  },
  large: {
    title: '证件到期提醒',
    allValid: '道路运输证和从业资格证都没有过期',
    name: (kind) => NAMES[kind],
    chip: (c) => (c.status === 'EXPIRED' ? '已经过期' : '快到期了'),
    text: reminder(
      (on, days) => `已经过期 ${days} 天了（${on} 到期），请提醒司机尽快办理`,
      () => '今天到期，请提醒司机尽快办理',
      (on, days) => `还有 ${days} 天到期（${on}），请提醒司机及时办理`,
    ),
  },
};

/**
 * X2 wording of the full-page states (S2, S6): an ended share, a link claimed
 * by someone else, an unknown link, no permission, no login, an error. Each
 * line gives the normal words, then the large type's plain words.
 */
export type NoticeKind = 'ended' | 'claimed' | 'invalid' | 'forbidden' | 'login' | 'error';

export interface Notice {
  title: string;
  text: string;
}

export interface NoticeWording {
  notices: Record<NoticeKind, Notice>;
  retry: string;
}

type Both = readonly [normal: string, large: string];

const NOTICES: Record<NoticeKind, { title: Both; text: Both }> = {
  ended: {
    title: ['车辆动态已结束', '车辆动态已结束'],
    text: [
      '司机已结束分享，或分享时间已到。如需继续查看，请联系司机重新分享。',
      '司机已经不再分享这辆车的位置了（分享时间到了，或司机取消了分享）。想继续看，请让司机重新分享给您。',
    ],
  },
  claimed: {
    title: ['该分享链接已被他人打开', '该分享链接已被他人打开'],
    text: [
      '每个分享链接只允许 1 个人打开。如需查看，请联系司机单独分享给您。',
      '这个链接已经被别人打开过了，一个链接只能给一个人看。请让司机再单独分享一次给您。',
    ],
  },
  invalid: {
    title: ['分享链接无效', '分享链接无效'],
    text: ['请检查链接是否完整，或联系司机重新分享。', '这个链接打不开。请让司机重新分享一次给您。'],
  },
  forbidden: {
    title: ['无法查看该车辆动态', '无法查看该车辆动态'],
    text: ['您没有查看该分享链接的权限。', '您不能查看这个链接。'],
  },
  login: {
    title: ['请先登录', '请先登录'],
    text: [
      '请在“平安守望”小程序中通过【一键登录】打开此链接。',
      '请在微信“平安守望”小程序里点【一键登录】，再打开这个链接。',
    ],
  },
  error: {
    title: ['暂时无法打开', '暂时打不开'],
    text: ['网络不太稳定，请稍后重试。', '网络不太好，请过一会儿再点“重新加载”。'],
  },
};

function inMode(i: 0 | 1): NoticeWording {
  const notices = {} as Record<NoticeKind, Notice>;
  for (const [kind, n] of Object.entries(NOTICES) as [NoticeKind, (typeof NOTICES)[NoticeKind]][])
    notices[kind] = { title: n.title[i], text: n.text[i] };
  return { notices, retry: '重新加载' };
}

export const noticeWording: Record<'normal' | 'large', NoticeWording> = {
  normal: inMode(0),
  large: inMode(1),
};

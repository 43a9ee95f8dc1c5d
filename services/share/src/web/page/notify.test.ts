import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NotificationChoices } from '../../domain/notify.schema.js';
import { notifyControls } from './notify-state.js';
import { base64UrlToBytes } from './push.js';
import { type NotificationKind, type NotifyProblem, notifyWording } from './wording/notify.js';
import {
  clickTarget,
  familyPageUrl,
  notificationTag,
  pageKey,
  pageMessageOf,
  pushPayloadOf,
  shareIdOf,
} from './worker-messages.js';

const KINDS: NotificationKind[] = ['PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE'];
const PROBLEMS: NotifyProblem[] = ['unsupported', 'denied', 'failed', 'saveFailed'];
const ORIGIN = 'https://watch.example.cn';
const SHARE = '6f1c2a9e-3b4d-4c5e-8f70-112233445566';
const PAGE = `${ORIGIN}/s/${'A'.repeat(43)}`;

const webPush = (p: Partial<NotificationChoices['webPush']> = {}): NotificationChoices['webPush'] => ({
  available: true,
  subscribed: false,
  refused: false,
  kinds: [],
  vapidPublicKey: 'key',
  ...p,
});

describe('X8 on the family page: Web Push key', () => {
  it('decodes base64url to the bytes Buffer reads, padded or not', () => {
    for (const bytes of [0, 1, 2, 3, 16, 31, 32, 65].map((n) =>
      Buffer.from(Array.from({ length: n }, (_, i) => (i * 97 + 251) % 256)),
    )) {
      const text = bytes.toString('base64url');
      expect(Buffer.from(base64UrlToBytes(text))).toEqual(bytes);
      expect(
        Buffer.from(base64UrlToBytes(bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_'))),
      ).toEqual(bytes);
    }
  });

  it('gives the 65 bytes of an uncompressed P-256 VAPID public key', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = publicKey.export({ format: 'jwk' });
    const raw = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(jwk.x ?? '', 'base64url'),
      Buffer.from(jwk.y ?? '', 'base64url'),
    ]);
    const bytes = base64UrlToBytes(raw.toString('base64url'));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
    expect(Buffer.from(bytes).equals(raw)).toBe(true);
  });

  it('refuses what is not base64url', () => {
    expect(() => base64UrlToBytes('ab+c')).toThrow();
    expect(() => base64UrlToBytes('ab/c')).toThrow();
    expect(() => base64UrlToBytes('abcde')).toThrow();
    expect(() => base64UrlToBytes('a b')).toThrow();
  });
});

describe('X8/X2 notification wording', () => {
  it.each(['normal', 'large'] as const)('%s type words every kind, state, button and problem', (mode) => {
    const w = notifyWording[mode];
    for (const s of [
      w.title,
      w.legend,
      w.off,
      w.turnedOff,
      w.refused,
      w.enable,
      w.enableAgain,
      w.save,
      w.disable,
      w.busy,
    ])
      expect(s.trim()).not.toBe('');
    for (const k of KINDS) expect(w.kind(k).trim()).not.toBe('');
    expect(new Set(KINDS.map((k) => w.kind(k))).size).toBe(KINDS.length);
    for (const p of PROBLEMS) expect(w.problem(p).trim()).not.toBe('');
    expect(new Set(PROBLEMS.map((p) => w.problem(p))).size).toBe(PROBLEMS.length);
    expect(w.on(['FATIGUE', 'SPEEDING'])).toMatch(/疲劳驾驶、超速/);
  });

  it('names the four choices as the product does, and says plainly where an unsupported browser may turn it on', () => {
    const w = notifyWording.normal;
    expect(KINDS.map((k) => w.kind(k))).toEqual([
      '疲劳预警（连续驾驶 3 小时 30 分）',
      '疲劳驾驶',
      '超速',
      '离线 30 分钟',
    ]);
    expect([w.enable, w.save, w.disable]).toEqual(['开启提醒', '保存', '关闭提醒']);
    expect(w.problem('unsupported')).toBe('此浏览器不支持提醒，请在微信小程序中开启。');
    expect(notifyWording.large.problem('unsupported')).toContain('小程序');
  });
});

describe('X8: what the notification section offers', () => {
  it('off: 开启提醒 once a kind is ticked; nothing to press in a browser without Web Push', () => {
    expect(notifyControls(webPush(), ['FATIGUE'], true)).toEqual({
      status: 'off',
      primary: 'enable',
      offButton: false,
      kindsEnabled: true,
    });
    expect(notifyControls(webPush(), [], true).primary).toBeNull();
    expect(notifyControls(webPush(), ['FATIGUE'], false)).toMatchObject({
      primary: null,
      kindsEnabled: false,
    });
  });

  it('on: 保存 only for a change, 关闭提醒 beside it, and 关闭提醒 alone with nothing ticked', () => {
    const on = webPush({ subscribed: true, kinds: ['FATIGUE', 'SPEEDING'] });
    expect(notifyControls(on, ['SPEEDING', 'FATIGUE'], true)).toEqual({
      status: 'on',
      primary: null,
      offButton: true,
      kindsEnabled: true,
    });
    expect(notifyControls(on, ['FATIGUE'], true)).toMatchObject({ primary: 'save', offButton: true });
    expect(notifyControls(on, [], true)).toMatchObject({ primary: 'disable', offButton: false });
    // Saved elsewhere, opened where Web Push is missing: it may still be turned off.
    expect(notifyControls(on, ['FATIGUE', 'SPEEDING'], false)).toMatchObject({
      primary: null,
      offButton: true,
    });
  });

  it('stopped by the push service: 重新开启提醒', () => {
    const refused = webPush({ subscribed: true, refused: true, kinds: ['FATIGUE'] });
    expect(notifyControls(refused, ['FATIGUE'], true)).toEqual({
      status: 'refused',
      primary: 'enableAgain',
      offButton: false,
      kindsEnabled: true,
    });
  });
});

describe('X8: what the page and its service worker share', () => {
  it('takes only a share id and a family page of its own origin from the page', () => {
    const m = { type: 'family-page', shareId: SHARE, pageUrl: `${PAGE}?x=1#viewerToken=secret` };
    expect(pageMessageOf(m, ORIGIN)).toEqual({ type: 'family-page', shareId: SHARE, pageUrl: PAGE });
    expect(pageMessageOf({ ...m, pageUrl: `https://evil.example/s/${'A'.repeat(43)}` }, ORIGIN)).toBeNull();
    expect(pageMessageOf({ ...m, pageUrl: `${ORIGIN}/v1/shares/x` }, ORIGIN)).toBeNull();
    expect(pageMessageOf({ ...m, shareId: '../x' }, ORIGIN)).toBeNull();
    expect(pageMessageOf({ ...m, type: 'other' }, ORIGIN)).toBeNull();
    expect(pageMessageOf('family-page', ORIGIN)).toBeNull();
    expect(familyPageUrl('/s/', ORIGIN)).toBeNull();
    expect(pageKey(SHARE)).toBe(`/s/sw-pages?share=${SHARE}`);
  });

  it("reads the notifier's push, and still shows one that is not its JSON", () => {
    const url = `${ORIGIN}/s/?share=${SHARE}`;
    const p = pushPayloadOf(JSON.stringify({ title: '平安守望：鲁A12345', body: '超速行驶', url }), ORIGIN);
    expect(p).toEqual({ title: '平安守望：鲁A12345', body: '超速行驶', url });
    expect(shareIdOf(p.url, ORIGIN)).toBe(SHARE);
    expect(pushPayloadOf('车辆提醒', ORIGIN)).toEqual({
      title: '平安守望',
      body: '车辆提醒',
      url: `${ORIGIN}/s/`,
    });
    expect(pushPayloadOf(null, ORIGIN).title).toBe('平安守望');
    // A URL elsewhere is never opened.
    expect(
      pushPayloadOf(JSON.stringify({ title: 't', body: 'b', url: 'https://evil.example/' }), ORIGIN).url,
    ).toBe(`${ORIGIN}/s/`);
  });

  it('tags the same message alike (a resend replaces it), and another event apart', () => {
    const url = `${ORIGIN}/s/?share=${SHARE}`;
    const a = { title: '平安守望：鲁A12345', body: '超速行驶。时间：12月6日 14:05。', url };
    const tag = notificationTag(a, ORIGIN);
    expect(tag).toMatch(new RegExp(`^${SHARE}:[0-9a-f]{8}$`));
    expect(notificationTag({ ...a }, ORIGIN)).toBe(tag);
    expect(notificationTag({ ...a, body: '超速行驶。时间：12月6日 15:40。' }, ORIGIN)).not.toBe(tag);
  });

  it("a click focuses the share's open page, else opens it; without one any family page, else the push's URL", () => {
    const other = `${ORIGIN}/s/${'B'.repeat(43)}`;
    const pushUrl = `${ORIGIN}/s/?share=${SHARE}`;
    expect(clickTarget([other, `${PAGE}#x`], PAGE, pushUrl, ORIGIN)).toEqual({ focus: 1 });
    expect(clickTarget([other], PAGE, pushUrl, ORIGIN)).toEqual({ open: PAGE });
    expect(clickTarget([`${ORIGIN}/other`, other], null, pushUrl, ORIGIN)).toEqual({ focus: 1 });
    expect(clickTarget([], null, pushUrl, ORIGIN)).toEqual({ open: pushUrl });
  });
});

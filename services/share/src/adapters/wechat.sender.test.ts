import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SubscribeMessage, WechatSender } from './wechat.sender.js';

/**
 * A local stand-in for WeChat's server API, answering as its documentation
 * says: /cgi-bin/token issues tokens (expires_in 7200) and
 * /cgi-bin/message/subscribe/send answers { errcode, errmsg, msgid }. The
 * test scripts token rotation and the send's error codes.
 */
let server: Server;
let base: string;
let issued: string[] = [];
/** Tokens the stand-in still accepts. */
let valid = new Set<string>();
let sendCode: () => number = () => 0;
const sent: { token: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://wechat');
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('secret') !== 'secret-1')
        return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `token-${issued.length + 1}`;
      issued.push(token);
      valid.add(token);
      return reply({ access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        const token = url.searchParams.get('access_token') ?? '';
        if (!valid.has(token)) return reply({ errcode: 42001, errmsg: 'access_token expired rid: 1' });
        sent.push({ token, body: JSON.parse(raw) });
        const code = sendCode();
        reply(
          code === 0
            ? { errcode: 0, errmsg: 'ok', msgid: 2_000 + sent.length }
            : { errcode: code, errmsg: `e${code}` },
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  issued = [];
  valid = new Set();
  sendCode = () => 0;
  sent.length = 0;
});

const message: SubscribeMessage = {
  openId: 'o-viewer-1',
  templateId: 'tmpl-fatigue',
  page: 'pages/share/index?s=abc',
  data: { thing1: '鲁A12345', phrase2: '疲劳驾驶', time3: '2026-12-06 14:05', thing4: '泰安市岱岳区附近' },
};
const sender = (now = () => Date.now()) =>
  new WechatSender({ appId: 'wx1', appSecret: 'secret-1', baseUrl: base, now });

describe('X8 WeChat subscription messages', () => {
  it('sends in WeChat’s documented shape with a token fetched once for concurrent sends', async () => {
    const s = sender();
    const outcomes = await Promise.all([s.send(message), s.send(message), s.send(message)]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(issued).toEqual(['token-1']);
    expect(sent[0]?.body).toEqual({
      touser: 'o-viewer-1',
      template_id: 'tmpl-fatigue',
      page: 'pages/share/index?s=abc',
      data: {
        thing1: { value: '鲁A12345' },
        phrase2: { value: '疲劳驾驶' },
        time3: { value: '2026-12-06 14:05' },
        thing4: { value: '泰安市岱岳区附近' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });

  it('a token expired mid-run (42001) is fetched again and the send retried once', async () => {
    const s = sender();
    expect((await s.send(message)).ok).toBe(true);
    valid.clear(); // WeChat rotated it
    const o = await s.send(message);
    expect(o.ok).toBe(true);
    expect(issued).toEqual(['token-1', 'token-2']);
    expect(sent.map((x) => x.token)).toEqual(['token-1', 'token-2']);
  });

  it('renews the token 5 minutes before it expires', async () => {
    let now = 1_000_000;
    const s = sender(() => now);
    await s.send(message);
    now += 7_200_000 - 5 * 60_000 - 1;
    await s.send(message);
    expect(issued).toHaveLength(1);
    now += 1;
    await s.send(message);
    expect(issued).toHaveLength(2);
  });

  it('43101 (the user refused) is permanent for the viewer; bad parameters for the message; limits transient', async () => {
    const s = sender();
    for (const [code, kind] of [
      [43101, 'REFUSED'],
      [40003, 'INVALID'],
      [40037, 'INVALID'],
      [47003, 'INVALID'],
      [45009, 'TRANSIENT'],
      [-1, 'TRANSIENT'],
    ] as const) {
      sendCode = () => code;
      expect(await s.send(message)).toMatchObject({ ok: false, kind, code });
    }
  });

  it('a refused access token or an unreachable API is a transient failure, never a throw', async () => {
    const wrong = new WechatSender({ appId: 'wx1', appSecret: 'nope', baseUrl: base });
    expect(await wrong.send(message)).toMatchObject({ ok: false, kind: 'TRANSIENT' });
    const down = new WechatSender({
      appId: 'wx1',
      appSecret: 'secret-1',
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 500,
    });
    expect(await down.send(message)).toMatchObject({ ok: false, kind: 'TRANSIENT' });
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's server API, as far as the notifier uses it,
 * answering as WeChat's documentation says:
 * - GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…
 *   → { access_token, expires_in } or { errcode: 40013 invalid appid | 40125 invalid appsecret };
 * - POST /cgi-bin/message/subscribe/send?access_token=… with JSON
 *   { touser, template_id, page, data: { key: { value } }, miniprogram_state, lang }
 *   → { errcode: 0, errmsg: "ok", msgid } or an error: 40001 / 42001 (token
 *   invalid / expired), 40003 (touser), 40037 (template_id), 47003 (data),
 *   43101 (the user refused, or no subscription left), 45009 (rate limit), -1 (busy).
 *
 * A send is handled `answerDelayMs` after it arrived (a slow API). One whose
 * caller hung up before that is not handled, as a front proxy drops a request
 * whose client went away; a send handled is recorded and answered at once.
 * Tests and the demo script what WeChat does: tokens expired mid-run, users
 * who refused, transient failures.
 */
export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  /** Template ids WeChat knows (others: 40037); empty: any. */
  templates?: string[];
  tokenTtlS?: number;
  answerDelayMs?: number;
  port?: number;
}

export interface DeliveredMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  atMs: number;
}

export interface FakeWechat {
  url: string;
  /** Messages handled with errcode 0, in order. */
  delivered: DeliveredMessage[];
  /** Every send that reached the handler, with its answer's errcode. */
  answered: { touser: string; errcode: number }[];
  tokensIssued(): number;
  /** Every token issued so far stops working (42001), as when WeChat renews a token elsewhere. */
  expireTokens(): void;
  /** This user refused subscription messages (43101 from now on). */
  refuse(openId: string): void;
  /** The next `n` sends fail with `errcode` (e.g. -1 busy, 45009 rate limit). */
  failNext(n: number, errcode: number): void;
  setAnswerDelay(ms: number): void;
  stop(): Promise<void>;
}

export async function startFakeWechat(opts: FakeWechatOptions): Promise<FakeWechat> {
  const valid = new Map<string, number>();
  let issued = 0;
  let delayMs = opts.answerDelayMs ?? 0;
  const refused = new Set<string>();
  let failing: { n: number; errcode: number } = { n: 0, errcode: 0 };
  const delivered: DeliveredMessage[] = [];
  const answered: { touser: string; errcode: number }[] = [];
  const templates = new Set(opts.templates ?? []);

  const reply = (res: ServerResponse, body: object) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const handleSend = (url: URL, raw: string, res: ServerResponse) => {
    const token = url.searchParams.get('access_token') ?? '';
    const expires = valid.get(token);
    if (expires === undefined)
      return reply(res, {
        errcode: 40001,
        errmsg: 'invalid credential, access_token is invalid or not latest',
      });
    if (Date.now() >= expires) return reply(res, { errcode: 42001, errmsg: 'access_token expired' });
    let body: Partial<DeliveredMessage>;
    try {
      body = JSON.parse(raw) as Partial<DeliveredMessage>;
    } catch {
      return reply(res, { errcode: 47001, errmsg: 'data format error' });
    }
    const touser = typeof body.touser === 'string' ? body.touser : '';
    const answer = (errcode: number, errmsg: string) => {
      answered.push({ touser, errcode });
      reply(res, { errcode, errmsg });
    };
    if (!touser) return answer(40003, 'invalid openid');
    if (!body.template_id || (templates.size > 0 && !templates.has(body.template_id)))
      return answer(40037, 'invalid template_id');
    if (!body.data || typeof body.data !== 'object' || Object.keys(body.data).length === 0)
      return answer(47003, 'argument invalid! data is empty');
    if (refused.has(touser)) return answer(43101, 'user refuse to accept the msg');
    if (failing.n > 0) {
      failing.n -= 1;
      return answer(
        failing.errcode,
        failing.errcode === 45009 ? 'reach max api daily quota limit' : 'system error',
      );
    }
    delivered.push({ ...(body as DeliveredMessage), touser, atMs: Date.now() });
    answered.push({ touser, errcode: 0 });
    reply(res, { errcode: 0, errmsg: 'ok', msgid: 1_000_000 + delivered.length });
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://wechat');
    if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
      if (url.searchParams.get('appid') !== opts.appId)
        return reply(res, { errcode: 40013, errmsg: 'invalid appid' });
      if (url.searchParams.get('secret') !== opts.appSecret)
        return reply(res, { errcode: 40125, errmsg: 'invalid appsecret' });
      issued += 1;
      const ttl = opts.tokenTtlS ?? 7_200;
      const token = `fake-token-${issued}-${Math.random().toString(36).slice(2)}`;
      valid.set(token, Date.now() + ttl * 1000);
      return reply(res, { access_token: token, expires_in: ttl });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = '';
      let gone = false;
      res.on('close', () => {
        if (!res.writableFinished) gone = true;
      });
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        raw += c;
      });
      req.on('end', () => {
        const handle = () => {
          if (gone || res.destroyed) return;
          handleSend(url, raw, res);
        };
        if (delayMs > 0) setTimeout(handle, delayMs);
        else handle();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    answered,
    tokensIssued: () => issued,
    expireTokens: () => {
      for (const k of valid.keys()) valid.set(k, 0);
    },
    refuse: (openId) => refused.add(openId),
    failNext: (n, errcode) => {
      failing = { n, errcode };
    },
    setAnswerDelay: (ms) => {
      delayMs = ms;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

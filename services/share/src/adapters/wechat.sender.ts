/**
 * X8: WeChat subscription messages (订阅消息) of the mini-program, through
 * WeChat's server API:
 * - the access token: GET /cgi-bin/token?grant_type=client_credential&appid&secret
 *   → { access_token, expires_in } (7,200 s) or { errcode, errmsg }; kept
 *   until 5 minutes before it expires, fetched once however many sends wait
 *   for it, and fetched again when a send says it expired (40001, 40014,
 *   42001), then that send retried once;
 * - the send: POST /cgi-bin/message/subscribe/send?access_token=… with
 *   { touser, template_id, page, data: { key: { value } }, miniprogram_state,
 *   lang } → { errcode: 0, errmsg: "ok", msgid } or an error code.
 * Outcomes are classified for the notifier: 43101 (the user refused, or has
 * no subscription left) is permanent for that viewer; invalid parameters
 * (40003 touser, 40037 template_id, 41030 page, 47003 data) are permanent
 * for that message; rate and quota limits (45009, 45168), -1 (system busy)
 * and network failures are transient (retry with backoff).
 */

export interface WechatSenderOptions {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com unless a stand-in is given. */
  baseUrl?: string;
  timeoutMs?: number;
  /** developer, trial or formal (default). */
  miniprogramState?: 'developer' | 'trial' | 'formal';
  now?: () => number;
}

export interface SubscribeMessage {
  /** The viewer's openid in the mini-program. */
  openId: string;
  templateId: string;
  /** The mini-program page the notification opens. */
  page: string;
  /** Template keywords → values (thing ≤ 20 characters, time, phrase ≤ 5 …). */
  data: Record<string, string>;
}

export type SendOutcome =
  | { ok: true; msgId: string }
  | { ok: false; kind: 'REFUSED' | 'INVALID' | 'TRANSIENT'; code: number; reason: string };

const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);
const INVALID = new Set([40003, 40037, 41030, 47003]);
/** Renew the token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  msgid?: number | string;
  access_token?: string;
  expires_in?: number;
}

export class WechatSender {
  private token: { value: string; renewAtMs: number; generation: number } | undefined;
  private fetching: Promise<string> | undefined;
  /** Counts the tokens fetched: a send that found its token expired names the generation it used. */
  private generation = 0;
  readonly stats = { tokenFetches: 0, sends: 0 };

  constructor(private readonly opts: WechatSenderOptions) {}

  private get base(): string {
    return this.opts.baseUrl ?? 'https://api.weixin.qq.com';
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private async call(url: URL, init?: RequestInit): Promise<WechatAnswer> {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5_000) });
    if (!res.ok) throw new Error(`WeChat answered HTTP ${res.status}`);
    return (await res.json()) as WechatAnswer;
  }

  /** The access token, fetched once for every waiting send; `expired` is the generation a send found expired. */
  async accessToken(expired?: number): Promise<string> {
    const held = this.token;
    if (held && held.generation !== expired && this.now() < held.renewAtMs) return held.value;
    this.fetching ??= (async () => {
      try {
        const url = new URL('/cgi-bin/token', this.base);
        url.searchParams.set('grant_type', 'client_credential');
        url.searchParams.set('appid', this.opts.appId);
        url.searchParams.set('secret', this.opts.appSecret);
        this.stats.tokenFetches += 1;
        const a = await this.call(url);
        if (!a.access_token)
          throw new Error(`WeChat refused the access token: ${a.errcode} ${a.errmsg ?? ''}`);
        const lifeMs = (a.expires_in ?? 7_200) * 1000;
        this.generation += 1;
        this.token = {
          value: a.access_token,
          renewAtMs: this.now() + Math.max(lifeMs - TOKEN_MARGIN_MS, lifeMs / 2),
          generation: this.generation,
        };
        return a.access_token;
      } finally {
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }

  /** Sends one subscription message; never throws (a failure is an outcome). */
  async send(m: SubscribeMessage): Promise<SendOutcome> {
    try {
      let credential = await this.accessToken();
      for (let attempt = 0; ; attempt++) {
        const used = this.generation;
        const a = await this.post(credential, m);
        const code = a.errcode ?? 0;
        if (code === 0) return { ok: true, msgId: String(a.msgid ?? '') };
        if (TOKEN_EXPIRED.has(code) && attempt === 0) {
          credential = await this.accessToken(used);
          continue;
        }
        const kind = code === 43101 ? 'REFUSED' : INVALID.has(code) ? 'INVALID' : 'TRANSIENT';
        return { ok: false, kind, code, reason: a.errmsg ?? '' };
      }
    } catch (err) {
      return {
        ok: false,
        kind: 'TRANSIENT',
        code: 0,
        reason: err instanceof Error ? err.message : String(err),
      };
    }
  }

  private post(credential: string, m: SubscribeMessage): Promise<WechatAnswer> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.base);
    url.searchParams.set('access_token', credential);
    this.stats.sends += 1;
    return this.call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: m.openId,
        template_id: m.templateId,
        page: m.page,
        data: Object.fromEntries(Object.entries(m.data).map(([k, value]) => [k, { value }])),
        miniprogram_state: this.opts.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      }),
    });
  }
}

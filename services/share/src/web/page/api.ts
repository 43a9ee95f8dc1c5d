/// <reference lib="dom" />
/**
 * The viewer API client (API.md): claim the link (S2), read the view with its
 * ETag (S6, S7), open the stream. Every call carries the viewer token; a
 * refused token is replaced once (dev login), then the page asks to log in.
 * Answers come back as outcomes the page acts on, never as raw responses.
 */
import type { NotificationChoices } from '../../domain/notify.schema.js';
import type { TrackView, View } from '../../domain/view.schema.js';
import type { PushSubscriptionBody } from './push.js';
import { forgetViewerToken, obtainViewerToken } from './viewer-token.js';
import type { NotificationKind } from './wording/notify.js';
import type { NoticeKind } from './wording.js';

/** What POST /v1/shares/{token}/claim answers. */
export type Claim = Pick<View, 'shareId' | 'plateNumber' | 'plateColor' | 'expiresAt'>;

/** A refusal that ends the page (S2, S6). */
export type Refusal = Extract<NoticeKind, 'ended' | 'claimed' | 'invalid' | 'forbidden'>;

export type ClaimAnswer =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed' };

export type ViewAnswer =
  | { kind: 'view'; view: View; etag: string | null }
  | { kind: 'unchanged' }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed' };

export type StreamAnswer =
  | { kind: 'stream'; body: ReadableStream<Uint8Array> }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed' };

/** The viewer has no token the API accepts: only a login helps. */
export class LoginRequired extends Error {}

async function problemCode(res: Response): Promise<string | null> {
  const body: unknown = await res.json().catch(() => null);
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** The page state a refusal means, or null when the answer is not a final one. */
async function refusalOf(res: Response): Promise<Refusal | null> {
  if (res.status === 410) return 'ended';
  if (res.status === 404) return 'invalid';
  if (res.status === 403) return (await problemCode(res)) === 'SHARE_CLAIMED' ? 'claimed' : 'forbidden';
  return null;
}

interface CallInit {
  method?: 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

async function choicesOf(res: Response): Promise<NotificationChoices | null> {
  const body: unknown = res.ok ? await res.json().catch(() => null) : null;
  return isObject(body) && Array.isArray(body.kinds) && isObject(body.webPush)
    ? (body as NotificationChoices)
    : null;
}

export class ViewerApi {
  private constructor(
    private readonly shareToken: string,
    private viewerToken: string,
  ) {}

  /** A client for the share link, or null when no viewer token can be had (the page asks to log in). */
  static async open(shareToken: string): Promise<ViewerApi | null> {
    const token = await obtainViewerToken(false);
    return token ? new ViewerApi(shareToken, token) : null;
  }

  async claim(): Promise<ClaimAnswer> {
    const res = await this.call('/claim', { method: 'POST' });
    const refusal = await refusalOf(res);
    if (refusal) return { kind: 'refused', refusal };
    const body: unknown = res.ok ? await res.json().catch(() => null) : null;
    return isObject(body) ? { kind: 'claimed', claim: body as Claim } : { kind: 'failed' };
  }

  /** The view; with the ETag of the last one, `unchanged` when it is the same (304). */
  async view(etag: string | null = null): Promise<ViewAnswer> {
    const res = await this.call('', { headers: etag ? { 'if-none-match': etag } : {} });
    if (res.status === 304) return { kind: 'unchanged' };
    const refusal = await refusalOf(res);
    if (refusal) return { kind: 'refused', refusal };
    const body: unknown = res.ok ? await res.json().catch(() => null) : null;
    return isObject(body) && Array.isArray(body.episodes)
      ? { kind: 'view', view: body as View, etag: res.headers.get('etag') }
      : { kind: 'failed' };
  }

  /** X7: today's track; null when it cannot be had now (the view's answers decide about refusals). */
  async track(): Promise<TrackView | null> {
    const res = await this.call('/track', {});
    const body: unknown = res.ok ? await res.json().catch(() => null) : null;
    return isObject(body) && Array.isArray(body.points) && Array.isArray(body.stops)
      ? (body as TrackView)
      : null;
  }

  /** X8: the viewer's notification choices; null when they cannot be had (the section stays hidden). */
  async notifications(): Promise<NotificationChoices | null> {
    return choicesOf(await this.call('/notifications', {}));
  }

  /** X8: opts in to Web Push with this browser's subscription and the kinds chosen; null when refused or failed. */
  async saveWebPush(
    subscription: PushSubscriptionBody,
    kinds: readonly NotificationKind[],
  ): Promise<NotificationChoices | null> {
    const body = JSON.stringify({ subscription, kinds });
    const headers = { 'content-type': 'application/json' };
    return choicesOf(await this.call('/notifications/web-push', { method: 'PUT', headers, body }));
  }

  /** X8: opts out of Web Push for this share; whether the service took it. */
  async removeWebPush(): Promise<boolean> {
    return (await this.call('/notifications/web-push', { method: 'DELETE' })).status === 204;
  }

  /** The Server-Sent Events stream, resumed after `lastEventId` when given. */
  async stream(lastEventId: string | null, signal: AbortSignal): Promise<StreamAnswer> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const res = await this.call('/stream', { headers, signal });
    // A 404 here may be a proxy's: only the share's own end or a refusal is final.
    if (res.status === 410 || res.status === 403) {
      const refusal = await refusalOf(res);
      if (refusal) return { kind: 'refused', refusal };
    }
    const type = res.headers.get('content-type') ?? '';
    return res.ok && res.body && type.includes('text/event-stream')
      ? { kind: 'stream', body: res.body }
      : { kind: 'failed' };
  }

  /** fetch with the viewer token, never a cookie or a Referer; a refused token is replaced once. */
  private async call(suffix: string, init: CallInit, retried = false): Promise<Response> {
    const res = await fetch(`/v1/shares/${encodeURIComponent(this.shareToken)}${suffix}`, {
      ...init,
      headers: { accept: 'application/json', ...init.headers, authorization: `Bearer ${this.viewerToken}` },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (res.status !== 401) return res;
    if (retried) throw new LoginRequired();
    forgetViewerToken();
    const renewed = await obtainViewerToken(true);
    if (!renewed) throw new LoginRequired();
    this.viewerToken = renewed;
    return this.call(suffix, init, true);
  }
}

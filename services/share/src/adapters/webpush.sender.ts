/**
 * X8: family notifications as Web Push messages to the viewer's browser, sent
 * with the `web-push` library:
 * - the protocol is RFC 8030 (Generic Event Delivery Using HTTP Push): one
 *   POST to the subscription's endpoint with the headers `TTL` (how long the
 *   push service keeps an undelivered message; 4 h unless configured),
 *   `Urgency` (normal, or high for what cannot wait) and `Topic`: the
 *   idempotency key hashed (SHA-256, base64url, the first 32 characters, the
 *   most §5.4 allows), so that a resend of the same notification replaces a
 *   copy the push service has not delivered yet instead of arriving twice;
 * - the payload `{ title, body, url }` is encrypted for the browser as
 *   RFC 8291 (Message Encryption for Web Push) says, `Content-Encoding:
 *   aes128gcm` (RFC 8188), with the subscription's p256dh key and auth
 *   secret; a push service need not accept more than 4,096 bytes of body,
 *   so a message longer than 3,993 bytes (4,096 less the 86 bytes of the
 *   record header, padding delimiter and tag) is refused before sending;
 * - the sender identifies itself with VAPID, RFC 8292: `Authorization: vapid
 *   t=<JWT ES256 signed with the private key, aud = the endpoint's origin,
 *   exp ≤ 24 h, sub = the contact>, k=<public key>`.
 * Outcomes are classified for the notifier as the WeChat sender's are:
 * - 201 Created (RFC 8030 §5) and 202 Accepted (§5.1): ok, msgId = the
 *   `Location` of the push message resource ('' without one); any other 2xx
 *   counts as accepted too, resending would only deliver it twice;
 * - 404 and 410 Gone (§6.4, §7.3): the subscription expired or the viewer
 *   unsubscribed, REFUSED: the channel stops for that viewer;
 * - 400 and 413 (payload too large): INVALID for that message; 401 and 403:
 *   INVALID, the push service rejected the VAPID credentials (RFC 8292 §4);
 *   any other 4xx: INVALID, retrying would not change the answer;
 * - 408, 429 (too many requests, §8.4) and 5xx: TRANSIENT, as are network
 *   failures and timeouts (code 0) and any other status: retry with backoff;
 * - a subscription that is not well formed, or a message too long, is
 *   INVALID with code 0 and nothing is sent.
 * `code` is the HTTP status (0 when there was none); `reason` is a short
 * English text that never carries the endpoint, the push service's answer
 * body or anything of the viewer.
 *
 * RFC 8030 requires https. For a stand-in push service on this machine an
 * endpoint `http://127.0.0.1` or `http://localhost` is sent over plain TCP
 * (web-push itself speaks only https); `subscriptionProblem(sub, false)`
 * refuses such endpoints from browsers in production.
 */
import { createECDH, createHash, ECDH } from 'node:crypto';
import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import { connect, type Socket } from 'node:net';
import webpush from 'web-push';
import type { SendOutcome } from './wechat.sender.js';

export interface WebPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface WebPushSenderOptions {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  /** mailto: or https: contact, required by VAPID */
  subject: string;
  timeoutMs?: number;
  /** how long the push service keeps an undelivered message, default 4 h */
  ttlSeconds?: number;
}

export interface PushMessage {
  title: string;
  body: string;
  /** page the notification opens */
  url: string;
}

const DEFAULT_TTL_SECONDS = 4 * 3600;
const DEFAULT_TIMEOUT_MS = 5_000;
/** RFC 8030 §5.4: a topic is at most 32 characters of the base64url alphabet. */
const TOPIC_LENGTH = 32;
/** 4,096 bytes of body (RFC 8291 §4) less salt 16, rs 4, idlen 1, key 65, delimiter 1, tag 16. */
const MAX_PLAINTEXT_BYTES = 4096 - 86;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Browsers' endpoints are a few hundred characters; this bounds what a client may store. */
const MAX_ENDPOINT_LENGTH = 2048;

/** The bytes of an unpadded base64url string, or undefined if it is not one. */
function base64url(value: unknown): Buffer | undefined {
  return typeof value === 'string' && BASE64URL.test(value) ? Buffer.from(value, 'base64url') : undefined;
}

/** An uncompressed P-256 point (0x04 ‖ x ‖ y) that lies on the curve. */
function isP256Point(key: Buffer): boolean {
  if (key.length !== 65 || key[0] !== 0x04) return false;
  try {
    ECDH.convertKey(key, 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { publicKey, privateKey };
}

/**
 * Validates a PushSubscription JSON from a browser (https endpoint, or
 * http://127.0.0.1/localhost only when allowInsecureLocal; p256dh = 65-byte
 * uncompressed P-256 point in base64url; auth = 16 bytes base64url).
 * Returns a problem string or null.
 */
export function subscriptionProblem(sub: unknown, allowInsecureLocal: boolean): string | null {
  if (typeof sub !== 'object' || sub === null || Array.isArray(sub)) return 'subscription is not an object';
  const { endpoint, keys } = sub as { endpoint?: unknown; keys?: unknown };
  if (typeof endpoint !== 'string' || endpoint.length === 0) return 'endpoint is missing';
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return 'endpoint is too long';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'endpoint is not a URL';
  }
  if (url.username || url.password) return 'endpoint carries credentials';
  const local = allowInsecureLocal && url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) return 'endpoint is not https';
  if (typeof keys !== 'object' || keys === null) return 'keys are missing';
  const { p256dh, auth } = keys as { p256dh?: unknown; auth?: unknown };
  const point = base64url(p256dh);
  if (!point || !isP256Point(point)) return 'p256dh is not an uncompressed P-256 public key';
  if (base64url(auth)?.length !== 16) return 'auth is not a 16-byte secret';
  return null;
}

/** The RFC 8030 Topic for an idempotency key: SHA-256, base64url, 32 characters. */
function topicOf(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, TOPIC_LENGTH);
}

/**
 * web-push sends over https only and accepts only an https.Agent: this one
 * opens plain TCP connections, for a push service stand-in on this machine.
 */
class LoopbackAgent extends HttpsAgent {
  override createConnection(options: RequestOptions): Socket {
    return connect({ host: options.hostname ?? options.host ?? '127.0.0.1', port: Number(options.port) });
  }
}

function statusOutcome(status: number): SendOutcome {
  if (status === 404 || status === 410)
    return { ok: false, kind: 'REFUSED', code: status, reason: 'subscription expired or unsubscribed' };
  if (status === 401 || status === 403)
    return {
      ok: false,
      kind: 'INVALID',
      code: status,
      reason: 'push service rejected the VAPID credentials',
    };
  if (status === 413) return { ok: false, kind: 'INVALID', code: status, reason: 'payload too large' };
  if (status === 408 || status === 429 || status >= 500 || status < 400) {
    const reason = status === 429 ? 'push service rate limit' : `push service answered HTTP ${status}`;
    return { ok: false, kind: 'TRANSIENT', code: status, reason };
  }
  return {
    ok: false,
    kind: 'INVALID',
    code: status,
    reason: `push service refused the request (HTTP ${status})`,
  };
}

function networkOutcome(err: unknown): SendOutcome {
  const code = (err as { code?: unknown } | null)?.code;
  const timedOut = err instanceof Error && err.message === 'Socket timeout';
  const reason = timedOut
    ? 'push service did not answer in time'
    : `network error${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` ${code}` : ''}`;
  return { ok: false, kind: 'TRANSIENT', code: 0, reason };
}

export class WebPushSender {
  private readonly loopback = new LoopbackAgent();

  constructor(private readonly opts: WebPushSenderOptions) {
    if (!/^(mailto:|https:)/.test(opts.subject))
      throw new Error('VAPID subject must be a mailto: or https: URL');
    const publicKey = base64url(opts.vapidPublicKey);
    if (!publicKey || !isP256Point(publicKey)) throw new Error('VAPID public key is not a P-256 public key');
    const privateKey = base64url(opts.vapidPrivateKey);
    if (privateKey?.length !== 32) throw new Error('VAPID private key is not 32 bytes of base64url');
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(privateKey);
    if (!ecdh.getPublicKey().equals(publicKey)) throw new Error('VAPID keys are not one pair');
  }

  /**
   * Sends one push message; never throws (a failure is an outcome).
   * `idempotencyKey` becomes the RFC 8030 Topic header (SHA-256 → base64url,
   * 32 chars) so that a resend replaces a not-yet-delivered copy at the push
   * service.
   */
  async send(
    sub: WebPushSubscription,
    message: PushMessage,
    opts: { idempotencyKey: string; urgency?: 'high' | 'normal' },
  ): Promise<SendOutcome> {
    const problem = subscriptionProblem(sub, true);
    if (problem) return { ok: false, kind: 'INVALID', code: 0, reason: problem };
    const payload = Buffer.from(
      JSON.stringify({ title: message.title, body: message.body, url: message.url }),
    );
    if (payload.length > MAX_PLAINTEXT_BYTES)
      return {
        ok: false,
        kind: 'INVALID',
        code: 0,
        reason: `message longer than ${MAX_PLAINTEXT_BYTES} bytes`,
      };
    const insecureLocal = new URL(sub.endpoint).protocol === 'http:';
    try {
      const res = await webpush.sendNotification(sub, payload, {
        vapidDetails: {
          subject: this.opts.subject,
          publicKey: this.opts.vapidPublicKey,
          privateKey: this.opts.vapidPrivateKey,
        },
        TTL: this.opts.ttlSeconds ?? DEFAULT_TTL_SECONDS,
        topic: topicOf(opts.idempotencyKey),
        urgency: opts.urgency ?? 'normal',
        timeout: this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        contentEncoding: 'aes128gcm',
        ...(insecureLocal ? { agent: this.loopback } : {}),
      });
      const location = res.headers.location;
      return { ok: true, msgId: typeof location === 'string' ? location : '' };
    } catch (err) {
      if (err instanceof webpush.WebPushError) return statusOutcome(err.statusCode);
      return networkOutcome(err);
    }
  }
}

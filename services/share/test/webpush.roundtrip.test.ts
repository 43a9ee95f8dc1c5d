import {
  createDecipheriv,
  createECDH,
  createHash,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  generateVapidKeys,
  type PushMessage,
  subscriptionProblem,
  WebPushSender,
  type WebPushSubscription,
} from '../src/adapters/webpush.sender.js';

/**
 * A real Web Push round trip on this machine. The test plays the browser:
 * a P-256 key pair and a 16-byte auth secret, as PushManager.subscribe()
 * makes them; and the push service: an HTTP server on 127.0.0.1 that checks
 * the VAPID credentials (RFC 8292) and the RFC 8030 headers, keeps the body,
 * and answers with the status a test asks for. The body is decrypted here
 * by hand with node:crypto (RFC 8291 key derivation, RFC 8188 aes128gcm),
 * independently of the library that encrypted it.
 */

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Browser {
  ecdh: ECDH;
  auth: Buffer;
  subscription: WebPushSubscription;
}

const SUBJECT = 'mailto:ops@safewatch.example';
const vapid = generateVapidKeys();
const message: PushMessage = {
  title: '超速提醒',
  body: '鲁A·12345 在 G2 京沪高速 超速 18%',
  url: 'https://safewatch.example/s/AbCdEf0123456789',
};

let server: Server;
let origin: string;
let received: Received[] = [];
/** How the push service stand-in answers the next requests. */
let answer: { status: number; headers?: Record<string, string> } | 'hang' = { status: 201 };

function browserSubscribe(): Browser {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const endpoint = `${origin}/wpush/v2/${randomUUID()}`;
  return {
    ecdh,
    auth,
    subscription: {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
  };
}

/** RFC 8291 §3.4 and RFC 8188 §2: what the browser does with a push message's body. */
function decrypt(body: Buffer, browser: Browser): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  expect(idlen).toBe(65);
  const senderPublic = body.subarray(21, 21 + 65);
  const record = body.subarray(21 + 65);
  // a push message is one record
  expect(record.length).toBeLessThanOrEqual(rs);
  const ecdhSecret = browser.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, browser.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // the last record ends with the delimiter 0x02 and zero padding
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end);
}

/** What a push service checks of `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292 §2–§3). */
function vapidClaims(authorization: string | undefined): Record<string, unknown> {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  expect(match, `Authorization: ${authorization}`).not.toBeNull();
  const [, header, claims, signature, k] = match!;
  expect(k).toBe(vapid.publicKey);
  expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
  const point = Buffer.from(k!, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = Buffer.from(`${header}.${claims}`);
  const valid = verify(
    'sha256',
    signed,
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature!, 'base64url'),
  );
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(claims!, 'base64url').toString());
}

function expectedTopic(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32);
}

function sender(extra: { timeoutMs?: number; ttlSeconds?: number } = {}): WebPushSender {
  return new WebPushSender({
    vapidPublicKey: vapid.publicKey,
    vapidPrivateKey: vapid.privateKey,
    subject: SUBJECT,
    ...extra,
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  answer = { status: 201 };
});

describe('X8 Web Push: a round trip through a push service stand-in', () => {
  it('delivers a message only the subscribed browser can read, with VAPID and the RFC 8030 headers', async () => {
    const browser = browserSubscribe();
    const endpoint = new URL(browser.subscription.endpoint);
    answer = { status: 201, headers: { location: `${origin}/m/msg-1` } };

    const out = await sender().send(browser.subscription, message, { idempotencyKey: 'alert:42:viewer:7' });

    expect(out).toEqual({ ok: true, msgId: `${origin}/m/msg-1` });
    expect(received).toHaveLength(1);
    const req = received[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(endpoint.pathname);

    const claims = vapidClaims(req.headers.authorization);
    expect(claims.aud).toBe(endpoint.origin);
    expect(claims.sub).toBe(SUBJECT);
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 24 * 3600);

    expect(req.headers.ttl).toBe(String(4 * 3600));
    expect(req.headers.urgency).toBe('normal');
    expect(req.headers.topic).toBe(expectedTopic('alert:42:viewer:7'));
    expect(req.headers['content-encoding']).toBe('aes128gcm');

    expect(req.body.includes(Buffer.from(message.title))).toBe(false);
    expect(JSON.parse(decrypt(req.body, browser).toString())).toEqual(message);
    // another browser's keys cannot read it
    const stranger = browserSubscribe();
    expect(() => decrypt(req.body, stranger)).toThrow();
  });

  it('sends the configured TTL and a high urgency', async () => {
    const browser = browserSubscribe();
    const out = await sender({ ttlSeconds: 600 }).send(browser.subscription, message, {
      idempotencyKey: 'clock:9',
      urgency: 'high',
    });
    expect(out.ok).toBe(true);
    expect(received[0]?.headers.ttl).toBe('600');
    expect(received[0]?.headers.urgency).toBe('high');
    expect(JSON.parse(decrypt(received[0]!.body, browser).toString())).toEqual(message);
  });

  it('gives the same Topic to the same idempotency key and another to another key', async () => {
    const { subscription } = browserSubscribe();
    const s = sender();
    await s.send(subscription, message, { idempotencyKey: 'alert:42:viewer:7' });
    await s.send(subscription, message, { idempotencyKey: 'alert:42:viewer:7' });
    await s.send(subscription, message, { idempotencyKey: 'alert:43:viewer:7' });
    const topics = received.map((r) => r.headers.topic);
    expect(topics).toHaveLength(3);
    for (const t of topics) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(topics[1]).toBe(topics[0]);
    expect(topics[2]).not.toBe(topics[0]);
    expect(topics[0]).toBe(expectedTopic('alert:42:viewer:7'));
  });

  it('takes a 202 without Location as delivered, with an empty msgId', async () => {
    answer = { status: 202 };
    const out = await sender().send(browserSubscribe().subscription, message, { idempotencyKey: 'k' });
    expect(out).toEqual({ ok: true, msgId: '' });
  });

  it.each([
    [410, 'REFUSED'],
    [404, 'REFUSED'],
    [429, 'TRANSIENT'],
    [503, 'TRANSIENT'],
    [500, 'TRANSIENT'],
    [400, 'INVALID'],
    [413, 'INVALID'],
    [401, 'INVALID'],
    [403, 'INVALID'],
  ] as const)('classifies HTTP %i from the push service as %s', async (status, kind) => {
    answer = { status };
    const { subscription } = browserSubscribe();
    const out = await sender().send(subscription, message, { idempotencyKey: 'k' });
    expect(received).toHaveLength(1);
    expect(out).toMatchObject({ ok: false, kind, code: status });
    const reason = out.ok ? '' : out.reason;
    expect(reason).not.toBe('');
    expect(reason).not.toContain(new URL(subscription.endpoint).pathname.split('/').pop());
    expect(reason).not.toContain('wpush');
  });

  it('takes a closed port as TRANSIENT with code 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { subscription } = browserSubscribe();
    subscription.endpoint = `http://127.0.0.1:${port}/wpush/v2/${randomUUID()}`;

    const out = await sender().send(subscription, message, { idempotencyKey: 'k' });
    expect(out).toEqual({ ok: false, kind: 'TRANSIENT', code: 0, reason: 'network error ECONNREFUSED' });
  });

  it('takes a push service that does not answer in time as TRANSIENT with code 0', async () => {
    answer = 'hang';
    const started = Date.now();
    const out = await sender({ timeoutMs: 300 }).send(browserSubscribe().subscription, message, {
      idempotencyKey: 'k',
    });
    expect(out).toEqual({
      ok: false,
      kind: 'TRANSIENT',
      code: 0,
      reason: 'push service did not answer in time',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(received).toHaveLength(1);
  });

  it('refuses without sending a message too long for Web Push and a malformed subscription', async () => {
    const s = sender();
    const long = await s.send(
      browserSubscribe().subscription,
      { ...message, body: 'x'.repeat(4_000) },
      {
        idempotencyKey: 'k',
      },
    );
    expect(long).toMatchObject({ ok: false, kind: 'INVALID', code: 0 });

    const { subscription } = browserSubscribe();
    const plain = await s.send({ ...subscription, endpoint: 'http://push.example.com/wpush/1' }, message, {
      idempotencyKey: 'k',
    });
    expect(plain).toEqual({ ok: false, kind: 'INVALID', code: 0, reason: 'endpoint is not https' });
    expect(received).toHaveLength(0);
  });

  it('refuses a VAPID identity that cannot sign', () => {
    const other = generateVapidKeys();
    const opts = { vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: SUBJECT };
    expect(() => new WebPushSender(opts)).not.toThrow();
    expect(() => new WebPushSender({ ...opts, vapidPrivateKey: other.privateKey })).toThrow(/not one pair/);
    expect(() => new WebPushSender({ ...opts, subject: 'http://safewatch.example' })).toThrow(/subject/);
    expect(() => new WebPushSender({ ...opts, vapidPublicKey: 'AAAA' })).toThrow(/public key/);
  });
});

describe('X8 Web Push: subscriptionProblem on what a browser sends', () => {
  const browser = () => browserSubscribe().subscription;

  it('accepts a real subscription, and a local http endpoint only when allowed', () => {
    const sub = browser();
    const https = {
      ...sub,
      endpoint: 'https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b',
      expirationTime: null,
    };
    expect(subscriptionProblem(https, false)).toBeNull();
    expect(subscriptionProblem(sub, true)).toBeNull();
    expect(subscriptionProblem(sub, false)).toBe('endpoint is not https');
    expect(subscriptionProblem({ ...sub, endpoint: 'http://localhost:8080/push/1' }, true)).toBeNull();
  });

  const onCurveless = Buffer.alloc(65, 1);
  onCurveless[0] = 4;
  it.each([
    ['a non-object', () => 'subscription', /not an object/],
    ['null', () => null, /not an object/],
    ['an array', () => [browser()], /not an object/],
    ['a missing endpoint', () => ({ keys: browser().keys }), /endpoint is missing/],
    ['an endpoint that is not a URL', () => ({ ...browser(), endpoint: 'push service' }), /not a URL/],
    [
      'an http endpoint to a public host',
      () => ({ ...browser(), endpoint: 'http://push.example.com/wpush/1' }),
      /not https/,
    ],
    ['missing keys', () => ({ endpoint: 'https://push.example.com/wpush/1' }), /keys are missing/],
    [
      'a short auth',
      () => ({ ...browser(), keys: { ...browser().keys, auth: randomBytes(8).toString('base64url') } }),
      /auth/,
    ],
    [
      'a p256dh of 64 bytes',
      () => ({ ...browser(), keys: { ...browser().keys, p256dh: randomBytes(64).toString('base64url') } }),
      /p256dh/,
    ],
    [
      'a p256dh that is not on the curve',
      () => ({ ...browser(), keys: { ...browser().keys, p256dh: onCurveless.toString('base64url') } }),
      /p256dh/,
    ],
    [
      'a p256dh in standard base64',
      () => {
        const sub = browser();
        return { ...sub, keys: { ...sub.keys, p256dh: `${sub.keys.p256dh.slice(0, -2)}+/` } };
      },
      /p256dh/,
    ],
  ])('rejects %s', (_name, make, problem) => {
    expect(subscriptionProblem(make(), true)).toMatch(problem);
  });
});

/**
 * Token attacks beyond forged, expired and `alg: none` (http.test.ts): claims
 * that try to escalate (a role that is an array or unknown, no sub, a carrier
 * without carrierId, NUL in an id), a cached token that expires, and a scan
 * of the sources for secrets compared with `===`.
 *
 * Why the secret comparisons are timing-safe:
 * - JWT signatures (HS256) are checked by fast-jwt with crypto.timingSafeEqual;
 *   RS256 by crypto.verify. Nothing of ours compares signatures.
 * - Share links and delegation links are 256 random bits; only their SHA-256
 *   is stored, and a presented token is looked up by the SHA-256 of what was
 *   presented (a unique index, or a map keyed by the hash). Timing can reveal
 *   at most how much of the *hash* of the attacker's own guess matches a
 *   stored hash — and steering a guess towards a chosen hash prefix means
 *   inverting SHA-256. The guess itself is compared with nothing.
 * - Rate-limit counters of a link are keyed by 64 bits of its SHA-256, never
 *   by the token.
 * The scan below keeps it that way: no `===`/`!==` on a token, secret,
 * signature or hash in the services' sources.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { oddClaimTokens, signClaims } from '@safewatch/testkit';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthConfig, buildHttpApp, mintToken, principalOf, requireRole } from '../../src/index.js';

const auth: AuthConfig = {
  algorithm: 'HS256',
  secret: 'token-attacks-secret-0123456789abcdefgh',
  issuer: 'safewatch-test',
  audience: 'safewatch',
};
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildHttpApp({ service: 'token-attacks', logger: pino({ level: 'silent' }), auth });
  for (const role of ['driver', 'family', 'carrier', 'ops'] as const)
    app.get(`/v1/${role}`, { onRequest: requireRole(role) }, async (req) => principalOf(req));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

const get = (url: string, token: string) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('escalation through odd claims: 401 on every role, never a role granted', () => {
  const cases = Object.entries(oddClaimTokens(auth));
  it.each(cases)('%s', async (_name, token) => {
    for (const role of ['driver', 'family', 'carrier', 'ops']) {
      const res = await get(`/v1/${role}`, token);
      expect(res.statusCode, `${role}: ${res.body}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('ignores claims it does not know: an `admin` flag or `roles` array next to a valid role changes nothing', async () => {
    const token = signClaims(auth, { sub: 'f-1', role: 'family', admin: true, roles: ['ops'], scope: 'ops' });
    expect((await get('/v1/family', token)).statusCode).toBe(200);
    expect((await get('/v1/ops', token)).statusCode).toBe(403);
    expect((await get('/v1/family', token)).json()).toEqual({ sub: 'f-1', role: 'family' });
  });

  it('a non-carrier cannot bring a carrierId along', async () => {
    const token = signClaims(auth, { sub: 'd-1', role: 'driver', carrierId: 'carrier-jinan-01' });
    expect((await get('/v1/driver', token)).json()).toEqual({ sub: 'd-1', role: 'driver' });
    expect((await get('/v1/carrier', token)).statusCode).toBe(403);
  });

  it('a second token in the header, or a token in the query, is not a token', async () => {
    const ok = mintToken(auth, { sub: 'o-1', role: 'ops' }, 600);
    for (const headers of [
      { authorization: `Bearer ${ok} ${ok}` },
      { authorization: `Bearer  ${ok}x` },
      { authorization: `bearer${ok}` },
    ])
      expect((await app.inject({ method: 'GET', url: '/v1/ops', headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/v1/ops?access_token=${ok}` })).statusCode).toBe(401);
  });
});

describe('verified tokens are cached (fast-jwt), never beyond their expiry', () => {
  it('a token accepted (and cached) is refused once it has expired', async () => {
    // Issued an hour ago for an hour and 1.5 s: valid now, expired (beyond the 5 s tolerance) in 6.5 s.
    const token = mintToken(auth, { sub: 'd-cache', role: 'driver' }, 3601, { now: Date.now() - 3_599_500 });
    expect((await get('/v1/driver', token)).statusCode).toBe(200);
    expect((await get('/v1/driver', token)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 7_000));
    const res = await get('/v1/driver', token);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toContain('expired');
  }, 15_000);
});

describe('secrets are never compared with === (timing)', () => {
  const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
      return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
    });
  /** A comparison whose one side names a token, secret, signature, password or hash. */
  const COMPARISON =
    /(\b\w*(token|secret|signature|password|hash|digest)\w*\b[\w.[\]'"]*\s*[!=]==)|([!=]==\s*[\w.]*\b\w*(token|secret|signature|password|hash|digest)\w*\b)/i;
  /** Reviewed: not secrets an attacker can probe. */
  const ALLOWED = [
    // Start-up check that the configured secret is not the public development one.
    /cfg\.secret === DEV_JWT_SECRET/,
    // Cache bookkeeping keyed by hashes already looked up.
    /byShareId\.get\(row\.shareId\) === hex/,
    // A type check of a value just received (its type's name is compared, not the value).
    /typeof \w+ [!=]== '\w+'/,
  ];

  it('finds no direct comparison of a secret in services/*/src and packages/common/src', () => {
    const files = [
      ...sources(join(ROOT, 'packages', 'common', 'src')),
      ...readdirSync(join(ROOT, 'services')).flatMap((s) => {
        const src = join(ROOT, 'services', s, 'src');
        try {
          return sources(src);
        } catch {
          return [];
        }
      }),
    ];
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${relative(ROOT, f)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && COMPARISON.test(line))
        .filter(({ line }) => !ALLOWED.some((a) => a.test(line))),
    );
    expect(hits, hits.map((h) => `${h.where}: ${h.line}`).join('\n')).toEqual([]);
  });
});

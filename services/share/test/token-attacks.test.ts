/**
 * Token attacks on every share endpoint, and guessing share links at scale.
 *
 * - Correctly signed tokens whose claims try to escalate (role array or
 *   unknown, no sub, …) get 401 everywhere; family, driver and carrier tokens
 *   get 403 on the ops endpoint.
 * - Hundreds of random links from one client address, whichever viewer
 *   tokens it holds: the first SHARE_RATE_LIMITS.*.perIp answers are 404 (no
 *   such link), every later one 429 — so guessing a 256-bit link is bounded
 *   to ~120 tries a minute per address. Another address is not affected.
 * - Links are looked up by SHA-256 (see packages/common/test/http/token-attacks.test.ts
 *   for why that is timing-safe); the table holds no usable token.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '@safewatch/common';
import { getInfra, type OpenApiDocument, oddClaimTokens, operationsOf } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_RATE_LIMITS } from '../src/http/share.routes.js';
import { type Binding, bearer, type ShareEnv, startShare } from './helpers.js';

const infra = getInfra();
let e: ShareEnv;
const NOW = Date.parse('2026-11-21T02:00:00Z');
const BOUND: Binding = ['driver-ta-1', randomUUID(), '鲁G00001'];
const guess = () => randomBytes(32).toString('base64url');
const family = (sub: string): Principal => ({ sub, role: 'family' });

beforeAll(async () => {
  e = await startShare('share-token-attacks', infra, { now: () => new Date(NOW) });
  await e.bind([BOUND]);
});
afterAll(async () => {
  await e?.close();
});

describe('escalation through odd claims and other roles', () => {
  it('every endpoint of the OpenAPI document answers 401 to every token with unusable claims', async () => {
    const doc = (
      await e.app.server.inject({ method: 'GET', url: '/openapi.json' })
    ).json() as OpenApiDocument;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(9);
    const fill: Record<string, string> = { token: guess(), shareId: randomUUID(), vehicleId: BOUND[1] };
    for (const op of ops) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? 'x');
      for (const [name, token] of Object.entries(oddClaimTokens(e.auth))) {
        const res = await e.app.server.inject({
          method: op.method as 'GET',
          url,
          headers: bearer(token),
          // Each request from its own address: this test is about tokens, not the per-IP limits.
          remoteAddress: `127.3.${ops.indexOf(op)}.${Object.keys(oddClaimTokens(e.auth)).indexOf(name) + 1}`,
          ...(op.body ? { payload: { vehicleId: BOUND[1], duration: '3d' } } : {}),
        });
        expect(res.statusCode, `${op.id} with ${name}: ${res.body}`).toBe(401);
      }
    }
  });

  it('the ops endpoint refuses family, driver and carrier tokens with 403', async () => {
    for (const p of [
      family('family-ta'),
      { sub: BOUND[0], role: 'driver' },
      { sub: 'c-ta', role: 'carrier', carrierId: 'carrier-jinan-01' },
    ] as Principal[]) {
      const res = await e.app.server.inject({ url: '/v1/ops/adoption', headers: bearer(e.token(p)) });
      expect(res.statusCode, p.role).toBe(403);
    }
    const ops = await e.app.server.inject({
      url: '/v1/ops/adoption',
      headers: bearer(e.token({ sub: 'o', role: 'ops' })),
    });
    expect(ops.statusCode, ops.body).toBe(200);
  });
});

describe('guessing share links at scale is limited per client address', () => {
  const scenarios = [
    {
      name: 'view',
      method: 'GET',
      path: (t: string) => `/v1/shares/${t}`,
      perIp: SHARE_RATE_LIMITS.view.perIp,
    },
    {
      name: 'claim',
      method: 'POST',
      path: (t: string) => `/v1/shares/${t}/claim`,
      perIp: SHARE_RATE_LIMITS.claim.perIp,
    },
    {
      name: 'stream',
      method: 'GET',
      path: (t: string) => `/v1/shares/${t}/stream`,
      perIp: SHARE_RATE_LIMITS.stream.perIp,
    },
  ] as const;

  it.each(scenarios.map((s, i) => [s.name, s, i] as const))(
    '%s: 400 random links from one address with 50 viewer identities → 404 up to the limit, then only 429',
    async (_name, s, i) => {
      const ip = `127.4.${i}.1`;
      const viewers = Array.from({ length: 50 }, (_, k) => bearer(e.token(family(`guesser-${i}-${k}`))));
      const statuses: number[] = [];
      // In batches of 50, as a scripted guesser would send them.
      for (let batch = 0; batch < 8; batch++) {
        const rs = await Promise.all(
          viewers.map((headers) =>
            e.app.server.inject({ method: s.method, url: s.path(guess()), headers, remoteAddress: ip }),
          ),
        );
        statuses.push(...rs.map((r) => r.statusCode));
      }
      expect(statuses.filter((x) => x === 200)).toEqual([]);
      expect(statuses.filter((x) => x === 404)).toHaveLength(s.perIp);
      expect(statuses.filter((x) => x === 429)).toHaveLength(400 - s.perIp);
      // Once limited, the address stays limited for the window — a real link included.
      const real = await e.app.server.inject({
        method: 'POST',
        url: '/v1/drivers/me/shares',
        headers: bearer(e.token({ sub: BOUND[0], role: 'driver' })),
        payload: { vehicleId: BOUND[1], duration: '3d' },
      });
      if (real.statusCode === 201) {
        const limited = await e.app.server.inject({
          method: s.method,
          url: s.path(real.json().token),
          headers: viewers[0],
          remoteAddress: ip,
        });
        expect(limited.statusCode).toBe(429);
        await e.app.server.inject({
          method: 'DELETE',
          url: `/v1/drivers/me/shares/${real.json().shareId}`,
          headers: bearer(e.token({ sub: BOUND[0], role: 'driver' })),
        });
      }
      // Another address guesses on, from its own budget.
      const other = await e.app.server.inject({
        method: s.method,
        url: s.path(guess()),
        headers: viewers[0],
        remoteAddress: `127.4.${i}.2`,
      });
      expect(other.statusCode).toBe(404);
      expect(e.app.hub.connections).toBe(0);
    },
  );

  it('stores no token: the shares table holds SHA-256 hashes only', async () => {
    const cols = await e.app.deps.pool.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'shares' AND table_schema = current_schema()",
    );
    const names = cols.rows.map((c) => c.column_name);
    expect(names).toContain('token_hash');
    expect(names.filter((n) => /token/.test(n))).toEqual(['token_hash']);
    expect(cols.rows.find((c) => c.column_name === 'token_hash')?.data_type).toBe('bytea');
  });
});

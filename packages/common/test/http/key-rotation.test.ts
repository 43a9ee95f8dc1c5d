/**
 * Rotating the token key without refusing anyone: while JWT_PREVIOUS_SECRET
 * (or JWT_PREVIOUS_PUBLIC_KEY) is set, tokens signed with the previous key
 * are still accepted; a token of any other key is refused; the previous key
 * never mints. The runbook's procedure (docs/runbook.md) relies on this.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  authConfig,
  authEnv,
  buildHttpApp,
  mintToken,
  parseConfig,
  principalOf,
  requireRole,
  z,
} from '../../src/index.js';

const OLD = 'rotation-old-secret-0123456789abcdefghij';
const NEW = 'rotation-new-secret-0123456789abcdefghij';
const OTHER = 'rotation-other-secret-0123456789abcdefgh';
const parse = (env: Record<string, string>) => authConfig(parseConfig(z.object(authEnv), env));
const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

async function serve(env: Record<string, string>) {
  const app = await buildHttpApp({
    service: 'rotation',
    logger: pino({ level: 'silent' }),
    auth: parse(env),
  });
  app.get('/v1/me', { onRequest: requireRole('driver') }, async (req) => principalOf(req));
  apps.push(app);
  return (token: string) =>
    app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
}
const tokenOf = (env: Record<string, string>, ttlS = 600, now?: number) =>
  mintToken(parse(env), { sub: 'driver-1', role: 'driver' }, ttlS, now ? { now } : {});

describe('JWT key rotation (HS256)', () => {
  it('accepts tokens of the current and of the previous secret, refuses any other', async () => {
    const get = await serve({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD });
    expect((await get(tokenOf({ JWT_SECRET: NEW }))).statusCode).toBe(200);
    expect((await get(tokenOf({ JWT_SECRET: OLD }))).statusCode).toBe(200);
    const other = await get(tokenOf({ JWT_SECRET: OTHER }));
    expect(other.statusCode).toBe(401);
    expect(other.json().code).toBe('UNAUTHENTICATED');
  });

  it('an expired token of the previous secret is refused as expired', async () => {
    const get = await serve({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD });
    const expired = await get(tokenOf({ JWT_SECRET: OLD }, 60, Date.now() - 3_600_000));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toContain('expired');
  });

  it('without the previous secret, its tokens are refused (the end of the rotation)', async () => {
    const get = await serve({ JWT_SECRET: NEW });
    expect((await get(tokenOf({ JWT_SECRET: OLD }))).statusCode).toBe(401);
  });

  it('mints with the current secret only, and refuses a previous key of the other algorithm', () => {
    const cfg = parse({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD });
    expect(cfg.algorithm === 'HS256' && cfg.secret).toBe(NEW);
    expect(() => parse({ JWT_PREVIOUS_SECRET: OLD })).toThrow(/set JWT_SECRET too/);
  });
});

describe('JWT key rotation (RS256)', () => {
  const pair = () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  };
  it('accepts tokens of the previous public key while it is set', async () => {
    const oldPair = pair();
    const newPair = pair();
    const get = await serve({ JWT_PUBLIC_KEY: newPair.pub, JWT_PREVIOUS_PUBLIC_KEY: oldPair.pub });
    expect(
      (await get(tokenOf({ JWT_PUBLIC_KEY: oldPair.pub, JWT_PRIVATE_KEY: oldPair.priv }))).statusCode,
    ).toBe(200);
    expect(
      (await get(tokenOf({ JWT_PUBLIC_KEY: newPair.pub, JWT_PRIVATE_KEY: newPair.priv }))).statusCode,
    ).toBe(200);
    const third = pair();
    expect((await get(tokenOf({ JWT_PUBLIC_KEY: third.pub, JWT_PRIVATE_KEY: third.priv }))).statusCode).toBe(
      401,
    );
  });
});

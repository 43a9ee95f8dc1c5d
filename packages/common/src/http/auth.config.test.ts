import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, z } from '../config.js';
import { authConfig, authEnv, DEV_JWT_SECRET, usesDevSecret } from './auth.config.js';
import { principalFromClaims } from './principal.js';

const schema = z.object(authEnv);
const load = (env: Record<string, string | undefined>) => authConfig(parseConfig(schema, env));
const rsa = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const keys = rsa();

describe('authEnv', () => {
  it('selects HS256 with a secret and applies issuer/audience defaults', () => {
    expect(load({ JWT_SECRET: 'x'.repeat(32) })).toEqual({
      algorithm: 'HS256',
      secret: 'x'.repeat(32),
      issuer: 'safewatch-dev',
      audience: 'safewatch',
    });
  });

  it('selects RS256 with a public key, accepting "\\n"-escaped PEM', () => {
    const cfg = load({
      JWT_PUBLIC_KEY: keys.publicKey.replace(/\n/g, '\\n'),
      JWT_ISSUER: 'gov-sso',
      JWT_AUDIENCE: 'sw',
    });
    expect(cfg).toMatchObject({
      algorithm: 'RS256',
      issuer: 'gov-sso',
      audience: 'sw',
      privateKey: undefined,
    });
    expect(cfg.algorithm === 'RS256' && cfg.publicKey).toBe(keys.publicKey.trim());
  });

  it('accepts the matching private key for minting', () => {
    const cfg = load({ JWT_PUBLIC_KEY: keys.publicKey, JWT_PRIVATE_KEY: keys.privateKey });
    expect(cfg.algorithm === 'RS256' && cfg.privateKey).toBe(keys.privateKey.trim());
  });

  it.each([
    [{}, /JWT_SECRET \(HS256\) or JWT_PUBLIC_KEY \(RS256\) is required/],
    [{ JWT_SECRET: 'x'.repeat(32), JWT_PUBLIC_KEY: keys.publicKey }, /either JWT_SECRET .* not both/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET: must be at least 32 characters/],
    [{ JWT_PUBLIC_KEY: 'not a key' }, /JWT_PUBLIC_KEY: must be an RSA public key in PEM format/],
    [
      { JWT_SECRET: 'x'.repeat(32), JWT_PRIVATE_KEY: keys.privateKey },
      /JWT_PRIVATE_KEY needs JWT_PUBLIC_KEY/,
    ],
    [
      { JWT_PUBLIC_KEY: keys.publicKey, JWT_PRIVATE_KEY: rsa().privateKey },
      /does not belong to JWT_PUBLIC_KEY/,
    ],
    [{ JWT_SECRET: 'x'.repeat(32), JWT_ISSUER: '' }, /JWT_ISSUER/],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('flags the public development secret', () => {
    expect(usesDevSecret(load({ JWT_SECRET: DEV_JWT_SECRET }))).toBe(true);
    expect(usesDevSecret(load({ JWT_SECRET: 'y'.repeat(40) }))).toBe(false);
    expect(DEV_JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});

describe('principalFromClaims', () => {
  it('keeps sub and role, and carrierId only for carriers', () => {
    expect(principalFromClaims({ sub: 'd-1', role: 'driver', carrierId: 'c', iat: 1 })).toEqual({
      sub: 'd-1',
      role: 'driver',
    });
    expect(principalFromClaims({ sub: 'c-1', role: 'carrier', carrierId: 'c-01' })).toEqual({
      sub: 'c-1',
      role: 'carrier',
      carrierId: 'c-01',
    });
  });

  it.each([
    { sub: '', role: 'driver' },
    { sub: 'x', role: 'admin' },
    { sub: 42, role: 'driver' },
    { sub: 'c-1', role: 'carrier' },
    'a string payload',
  ])('refuses %o', (claims) => {
    expect(principalFromClaims(claims)).toBeUndefined();
  });
});

import { createSigner } from 'fast-jwt';
import type { AuthConfig } from './auth.config.js';
import { type Principal, principalFromClaims } from './principal.js';

export interface MintOptions {
  /** Issue time in epoch ms (default now); lets tests mint tokens that have already expired. */
  now?: number;
}

/**
 * Signs a token the services accept (dev CLI and tests; production tokens come
 * from the government one-stop login). RS256 needs the private key.
 */
export function mintToken(
  cfg: AuthConfig,
  claims: Principal,
  ttlSeconds: number,
  opts: MintOptions = {},
): string {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
    throw new Error('ttlSeconds must be a positive integer');
  const principal = principalFromClaims(claims);
  if (!principal) throw new Error('claims need a non-empty sub, a known role, and carrierId for carriers');
  const key = cfg.algorithm === 'HS256' ? cfg.secret : cfg.privateKey;
  if (!key) throw new Error('minting RS256 tokens needs JWT_PRIVATE_KEY');
  const iat = Math.floor((opts.now ?? Date.now()) / 1000);
  const sign = createSigner({ key, algorithm: cfg.algorithm, iss: cfg.issuer, aud: cfg.audience });
  return sign({ ...principal, iat, exp: iat + ttlSeconds });
}

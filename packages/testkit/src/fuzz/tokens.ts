/**
 * Correctly signed tokens whose claims are unusable — a role that is an array,
 * unknown, empty or of the wrong type; no or an empty `sub`; a carrier without
 * `carrierId` — which every service must refuse with 401 (never treat as a
 * role, never 500). HS256 only: the test services' secret signs them.
 */
import type { AuthConfig } from '@safewatch/common';
import { createSigner } from 'fast-jwt';

export function signClaims(auth: AuthConfig, claims: Record<string, unknown>, ttlSeconds = 3600): string {
  if (auth.algorithm !== 'HS256') throw new Error('signClaims signs with the HS256 secret');
  const iat = Math.floor(Date.now() / 1000);
  const sign = createSigner({ key: auth.secret, algorithm: 'HS256' });
  return sign({ iss: auth.issuer, aud: auth.audience, iat, exp: iat + ttlSeconds, ...claims });
}

/** Name → token with odd claims (all must answer 401 UNAUTHENTICATED). */
export function oddClaimTokens(auth: AuthConfig): Record<string, string> {
  const t = (claims: Record<string, unknown>) => signClaims(auth, claims);
  return {
    'role array': t({ sub: 'odd-1', role: ['driver', 'ops'] }),
    'role array of one': t({ sub: 'odd-2', role: ['ops'] }),
    'role unknown': t({ sub: 'odd-3', role: 'admin' }),
    'role upper case': t({ sub: 'odd-4', role: 'DRIVER' }),
    'role empty': t({ sub: 'odd-5', role: '' }),
    'role null': t({ sub: 'odd-6', role: null }),
    'role object': t({ sub: 'odd-7', role: { name: 'ops' } }),
    'role __proto__': t({ sub: 'odd-8', role: '__proto__' }),
    'sub missing': t({ role: 'driver' }),
    'sub empty': t({ sub: '   ', role: 'driver' }),
    'sub number': t({ sub: 12345, role: 'driver' }),
    'sub with NUL': t({ sub: 'driver-0001\u0000', role: 'driver' }),
    'carrier without carrierId': t({ sub: 'odd-9', role: 'carrier' }),
    'carrier with empty carrierId': t({ sub: 'odd-10', role: 'carrier', carrierId: ' ' }),
    'carrierId array': t({ sub: 'odd-11', role: 'carrier', carrierId: ['carrier-jinan-01'] }),
  };
}

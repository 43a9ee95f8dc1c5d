import { type AuthConfig, mintToken, type Principal } from '@safewatch/common';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * Tokens every HTTP service must refuse with 401, for authorization matrices:
 * signed with another secret, expired beyond the clock tolerance, and an
 * unsigned `alg: none` token with otherwise valid claims.
 */
export function attackTokens(
  auth: AuthConfig,
  principal: Principal,
): { forged: string; expired: string; algNone: string } {
  const iat = Math.floor(Date.now() / 1000);
  const claims = { ...principal, iss: auth.issuer, aud: auth.audience, iat, exp: iat + 3600 };
  return {
    forged: mintToken(
      { ...auth, algorithm: 'HS256', secret: 'another-secret-of-at-least-32-chars!!' },
      principal,
      3600,
    ),
    // Expired over an hour ago: far beyond the verifier's clock tolerance.
    expired: mintToken(auth, principal, 600, { now: Date.now() - 2 * 3600_000 }),
    algNone: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`,
  };
}

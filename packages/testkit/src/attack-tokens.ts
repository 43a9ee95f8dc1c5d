import { type AuthConfig, mintToken, type Principal, type Role } from '@safewatch/common';

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

/** Every kind of caller an authorization matrix tries on every endpoint. */
export const CALLERS = [
  'no token',
  'forged token',
  'expired token',
  'alg none',
  'driver',
  'family',
  'carrier',
  'ops',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Whether the caller holds a valid token of a role (not one of the bad-token kinds). */
export const isRoleCaller = (c: Caller): c is Role =>
  !['no token', 'forged token', 'expired token', 'alg none'].includes(c);

/**
 * The headers a caller sends. A bad token carries `own` (the endpoint's own
 * role), so only the token's fault is tested; a role caller sends
 * `principals[role]` signed as the service expects.
 */
export function callerHeaders(
  caller: Caller,
  auth: AuthConfig,
  own: Principal,
  principals: Record<Role, Principal>,
): Record<string, string> {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  switch (caller) {
    case 'no token':
      return {};
    case 'forged token':
      return bearer(attackTokens(auth, own).forged);
    case 'expired token':
      return bearer(attackTokens(auth, own).expired);
    case 'alg none':
      return bearer(attackTokens(auth, own).algNone);
    default:
      return bearer(mintToken(auth, principals[caller], 3600));
  }
}

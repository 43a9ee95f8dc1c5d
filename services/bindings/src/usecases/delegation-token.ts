import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe; only its SHA-256 is stored, so a database leak reveals no usable link. */
export function newDelegationToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashDelegationToken(token) };
}

export function hashDelegationToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Tokens are 43 base64url characters; anything else is not one of ours (answered as unknown, not looked up). */
export const DELEGATION_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

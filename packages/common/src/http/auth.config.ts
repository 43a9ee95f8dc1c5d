import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../config.js';

/**
 * The development signing secret: `npm start` and `npm run token` use it when
 * JWT_SECRET is not set. It is public (it is in the repository), so every
 * deployment must set its own JWT_SECRET or, better, JWT_PUBLIC_KEY.
 */
export const DEV_JWT_SECRET = 'safewatch-development-secret-not-for-production';

/** Env values often carry PEM newlines as literal "\n". */
const pem = (load: (pem: string) => KeyObject, what: string) =>
  z
    .string()
    .transform((s) => s.replace(/\\n/g, '\n').trim())
    .refine(
      (s) => {
        try {
          return load(s).asymmetricKeyType === 'rsa';
        } catch {
          return false;
        }
      },
      { message: `must be an RSA ${what} key in PEM format` },
    );

/**
 * Token verification settings. Give exactly one of JWT_SECRET (HS256) and
 * JWT_PUBLIC_KEY (RS256); JWT_PRIVATE_KEY only where tokens are minted.
 * Spread into a service's schema, then pass the result to `authConfig()`.
 */
export const authEnv = {
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PUBLIC_KEY: pem(createPublicKey, 'public').optional(),
  JWT_PRIVATE_KEY: pem(createPrivateKey, 'private').optional(),
  /**
   * Key rotation: the key being replaced, still accepted for verification
   * (never for minting) until the tokens it signed have expired.
   */
  JWT_PREVIOUS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PREVIOUS_PUBLIC_KEY: pem(createPublicKey, 'public').optional(),
  JWT_ISSUER: z.string().min(1).default('safewatch-dev'),
  JWT_AUDIENCE: z.string().min(1).default('safewatch'),
};

const authSchema = z.object(authEnv);
export type AuthEnv = z.infer<typeof authSchema>;

export type AuthConfig = {
  issuer: string;
  audience: string;
  /** The previous secret (HS256) or public key (RS256) during a key rotation: verification only. */
  previousKey?: string;
} & ({ algorithm: 'HS256'; secret: string } | { algorithm: 'RS256'; publicKey: string; privateKey?: string });

const samePublicKey = (privatePem: string, publicPem: string) =>
  createPublicKey(privatePem)
    .export({ type: 'spki', format: 'der' })
    .equals(createPublicKey(publicPem).export({ type: 'spki', format: 'der' }));

/** Turns the parsed variables into one verification mode; throws a one-line ConfigError otherwise. */
export function authConfig(env: AuthEnv): AuthConfig {
  const fail = (msg: string): never => {
    throw new ConfigError(`invalid configuration: ${msg}`);
  };
  const base: { issuer: string; audience: string; previousKey?: string } = {
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  };
  if (env.JWT_PREVIOUS_SECRET && !env.JWT_SECRET)
    return fail('JWT_PREVIOUS_SECRET rotates JWT_SECRET (HS256): set JWT_SECRET too');
  if (env.JWT_PREVIOUS_PUBLIC_KEY && !env.JWT_PUBLIC_KEY)
    return fail('JWT_PREVIOUS_PUBLIC_KEY rotates JWT_PUBLIC_KEY (RS256): set JWT_PUBLIC_KEY too');
  const previous = env.JWT_PREVIOUS_SECRET ?? env.JWT_PREVIOUS_PUBLIC_KEY;
  if (previous) base.previousKey = previous;
  if (env.JWT_SECRET && env.JWT_PUBLIC_KEY)
    return fail('set either JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256), not both');
  if (env.JWT_SECRET) {
    if (env.JWT_PRIVATE_KEY) return fail('JWT_PRIVATE_KEY needs JWT_PUBLIC_KEY (RS256), not JWT_SECRET');
    return { ...base, algorithm: 'HS256', secret: env.JWT_SECRET };
  }
  if (env.JWT_PUBLIC_KEY) {
    if (env.JWT_PRIVATE_KEY && !samePublicKey(env.JWT_PRIVATE_KEY, env.JWT_PUBLIC_KEY))
      return fail('JWT_PRIVATE_KEY does not belong to JWT_PUBLIC_KEY');
    return { ...base, algorithm: 'RS256', publicKey: env.JWT_PUBLIC_KEY, privateKey: env.JWT_PRIVATE_KEY };
  }
  return fail('JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256) is required');
}

export function usesDevSecret(cfg: AuthConfig): boolean {
  return cfg.algorithm === 'HS256' && cfg.secret === DEV_JWT_SECRET;
}

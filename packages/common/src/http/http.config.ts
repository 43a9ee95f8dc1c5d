import { z } from 'zod';
import { positiveInt } from '../config.js';

export type TrustProxy = boolean | number | string[];

/** "true" | "false" | hop count | comma-separated proxy addresses or CIDRs (fastify's trustProxy). */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Settings of the HTTP platform shared by every HTTP service (see buildHttpApp). */
export const httpAppEnv = {
  /** Largest accepted request body, bytes. */
  HTTP_BODY_LIMIT: positiveInt(64 * 1024),
  /** Set behind a load balancer so client IPs (per-IP rate limits) come from X-Forwarded-For. */
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
};

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

/**
 * Comma-separated browser origins (`https://h5.example.cn`, scheme + host [+ port],
 * nothing else) allowed to call the API cross-origin. No wildcard: a list or nothing.
 */
export function parseCorsOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of origins) {
    let url: URL | undefined;
    try {
      url = new URL(o);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o || o.includes('*'))
      throw new Error(`"${o}" is not an origin (scheme://host[:port], no path, no wildcard)`);
  }
  return origins;
}

const corsOrigins = z
  .string()
  .default('')
  .transform((v, ctx) => {
    try {
      return parseCorsOrigins(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });

/** Server timeouts: what a slow or stalled client may hold (see buildHttpApp). */
export interface HttpTimeouts {
  /** Until the request headers are complete (slowloris). */
  headersMs: number;
  /** Until the whole request (headers and body) is received; a response may stream longer (SSE). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this; above the load balancer's idle timeout. */
  keepAliveMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 72_000,
};

/** Settings of the HTTP platform shared by every HTTP service (see buildHttpApp). */
export const httpAppEnv = {
  /** Largest accepted request body, bytes. */
  HTTP_BODY_LIMIT: positiveInt(64 * 1024),
  /** Set behind a load balancer so client IPs (per-IP rate limits) come from X-Forwarded-For. */
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  /** Browser origins allowed by CORS (comma-separated); empty: none, no CORS headers at all. */
  HTTP_CORS_ORIGINS: corsOrigins,
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(DEFAULT_HTTP_TIMEOUTS.headersMs),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(DEFAULT_HTTP_TIMEOUTS.requestMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt(DEFAULT_HTTP_TIMEOUTS.keepAliveMs),
};

/** The timeouts of a parsed `httpAppEnv`, for buildHttpApp. */
export const httpTimeouts = (cfg: {
  HTTP_HEADERS_TIMEOUT_MS: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number;
}): HttpTimeouts => ({
  headersMs: cfg.HTTP_HEADERS_TIMEOUT_MS,
  requestMs: cfg.HTTP_REQUEST_TIMEOUT_MS,
  keepAliveMs: cfg.HTTP_KEEP_ALIVE_TIMEOUT_MS,
});

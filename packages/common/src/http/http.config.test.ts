import { describe, expect, it } from 'vitest';
import { parseConfig, z } from '../config.js';
import { httpAppEnv, httpTimeouts, parseCorsOrigins, parseTrustProxy } from './http.config.js';

describe('httpAppEnv', () => {
  it('defaults to a 64 KiB body limit, no trusted proxy, no CORS origin and explicit timeouts', () => {
    const cfg = parseConfig(z.object(httpAppEnv), {});
    expect(cfg).toEqual({
      HTTP_BODY_LIMIT: 65536,
      TRUST_PROXY: false,
      HTTP_CORS_ORIGINS: [],
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 30_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 72_000,
    });
    expect(httpTimeouts(cfg)).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 72_000 });
  });

  it('reads HTTP_CORS_ORIGINS as exact origins', () => {
    expect(parseCorsOrigins(' https://h5.example.cn , http://127.0.0.1:8080')).toEqual([
      'https://h5.example.cn',
      'http://127.0.0.1:8080',
    ]);
    expect(parseCorsOrigins('')).toEqual([]);
  });

  it.each([
    '*',
    'https://*.example.cn',
    'https://h5.example.cn/',
    'https://h5.example.cn/page',
    'h5.example.cn',
    'ftp://x.cn',
  ])('refuses HTTP_CORS_ORIGINS=%s (not an exact origin)', (value) => {
    expect(() => parseConfig(z.object(httpAppEnv), { HTTP_CORS_ORIGINS: value })).toThrow(
      /HTTP_CORS_ORIGINS/,
    );
  });

  it.each([
    ['true', true],
    ['false', false],
    ['1', 1],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it('refuses a non-positive body limit', () => {
    expect(() => parseConfig(z.object(httpAppEnv), { HTTP_BODY_LIMIT: '0' })).toThrow(/HTTP_BODY_LIMIT/);
  });
});

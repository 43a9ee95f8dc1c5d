import { describe, expect, it } from 'vitest';
import { parseConfig, z } from '../config.js';
import { httpAppEnv, parseTrustProxy } from './http.config.js';

describe('httpAppEnv', () => {
  it('defaults to a 64 KiB body limit and no trusted proxy', () => {
    expect(parseConfig(z.object(httpAppEnv), {})).toEqual({ HTTP_BODY_LIMIT: 65536, TRUST_PROXY: false });
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

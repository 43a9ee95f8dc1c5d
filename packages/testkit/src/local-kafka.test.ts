import { describe, expect, it } from 'vitest';
import { newClusterId } from './local-kafka.js';

describe('local Kafka', () => {
  it('makes cluster ids kafka-storage accepts: 22 base64url characters, never a leading "-"', () => {
    // 1 in 64 random ids would start with '-' (seen as a failed format in a test run).
    const ids = Array.from({ length: 5_000 }, newClusterId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

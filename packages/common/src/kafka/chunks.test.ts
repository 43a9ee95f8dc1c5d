import { describe, expect, it } from 'vitest';
import { chunksOf } from './chunks.js';
import type { KafkaMessage } from './client.js';

const message = (offset: number, bytes: number) =>
  ({ offset: String(offset), value: Buffer.alloc(bytes) }) as unknown as KafkaMessage;
const sizes = (chunks: KafkaMessage[][]) => chunks.map((c) => c.map((m) => m.value?.length ?? 0));

describe('chunksOf', () => {
  it('cuts at the message limit', () => {
    const all = Array.from({ length: 7 }, (_, i) => message(i, 1));
    expect([...chunksOf(all, { maxMessages: 3 })].map((c) => c.length)).toEqual([3, 3, 1]);
  });

  it('never goes over the byte limit; a larger message is a chunk alone', () => {
    const all = [4, 4, 3, 10, 1, 1].map((b, i) => message(i, b));
    expect(sizes([...chunksOf(all, { maxBytes: 8 })])).toEqual([[4, 4], [3], [10], [1, 1]]);
  });

  it('applies whichever limit comes first, and keeps the order', () => {
    const all = Array.from({ length: 6 }, (_, i) => message(i, 2));
    const chunks = [...chunksOf(all, { maxMessages: 2, maxBytes: 100 })];
    expect(chunks.map((c) => c.map((m) => m.offset))).toEqual([
      ['0', '1'],
      ['2', '3'],
      ['4', '5'],
    ]);
  });

  it('counts a message without a value as empty', () => {
    const all = [
      { offset: '0', value: null },
      { offset: '1', value: null },
    ] as unknown as KafkaMessage[];
    expect([...chunksOf(all, { maxBytes: 1 })].map((c) => c.length)).toEqual([2]);
  });

  it('gives nothing for nothing', () => {
    expect([...chunksOf([], { maxMessages: 5 })]).toEqual([]);
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// patches/kafkajs+2.2.4.patch: kafkajs's varint writer and per-partition
// grouping rewritten for speed. These tests hold the patched code to the
// original algorithms' output (the integration suites run it against the broker).
const require = createRequire(import.meta.url);
type KafkaEncoder = {
  writeVarInt(v: number): unknown;
  writeUVarInt(v: number): unknown;
  writeVarLong(v: number): unknown;
  writeInt32(v: number): unknown;
  buffer: Buffer;
};
const Encoder = require('kafkajs/src/protocol/encoder') as (new () => KafkaEncoder) & {
  sizeOfVarLong(v: number): number;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (r: {
  offsetDelta: number;
  timestampDelta: number;
  key: string | Buffer | null;
  value: Buffer | null;
  headers?: Record<string, string>;
}) => KafkaEncoder;
const groupMessagesPerPartition = require('kafkajs/src/producer/groupMessagesPerPartition') as (args: {
  topic: string;
  partitionMetadata: unknown[];
  messages: { key: string; partition?: number }[];
  partitioner: (a: { message: { key: string; partition?: number } }) => number;
}) => Record<string, { key: string }[]>;

/** kafkajs 2.2.4's own unsigned varint (LEB128), as it was before the patch. */
function originalUVarInt(value: number): number[] {
  const bytes: number[] = [];
  while ((value & 0xffffff80) !== 0) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value & 0x7f);
  return bytes;
}
const zigZag = (v: number) => (v << 1) ^ (v >> 31);

/** Zig-zag LEB128 of a 64-bit value, in BigInt arithmetic (the Kafka record format's varlong). */
function referenceVarLong(v: number): number[] {
  let z = BigInt.asUintN(64, (BigInt(v) << 1n) ^ (BigInt(v) >> 63n));
  const bytes: number[] = [];
  while (z >= 0x80n) {
    bytes.push(Number(z & 0x7fn) | 0x80);
    z >>= 7n;
  }
  bytes.push(Number(z));
  return bytes;
}

/** A v2 record (Kafka's DefaultRecord layout), from the protocol description. */
function referenceRecord(
  offsetDelta: number,
  timestampDelta: number,
  key: Buffer,
  value: Buffer,
  headers: [string, string][],
) {
  const varint = (n: number) => originalUVarInt(zigZag(n));
  const bytes = (b: Buffer) => [...varint(b.length), ...b];
  const body = [
    0,
    ...referenceVarLong(timestampDelta),
    ...varint(offsetDelta),
    ...bytes(key),
    ...bytes(value),
    ...varint(headers.length),
    ...headers.flatMap(([k, v]) => [...bytes(Buffer.from(k)), ...bytes(Buffer.from(v))]),
  ];
  return [...varint(body.length), ...body];
}

describe('patched kafkajs encoder', () => {
  const values = [
    0,
    1,
    -1,
    63,
    -64,
    64,
    127,
    128,
    300,
    16_383,
    16_384,
    -65_536,
    2 ** 28,
    2 ** 31 - 1,
    -(2 ** 31),
  ];

  it('writes every varint as the original did, across buffer growth', () => {
    const e = new Encoder();
    const expected: number[] = [];
    // Enough varints to grow the 512-byte initial buffer several times.
    for (let round = 0; round < 100; round++)
      for (const v of values) {
        e.writeVarInt(v);
        expected.push(...originalUVarInt(zigZag(v)));
        e.writeUVarInt(v >>> 0);
        expected.push(...originalUVarInt(v >>> 0));
      }
    expect([...e.buffer]).toEqual(expected);
  });

  it('writes every varlong as the Kafka format has it, small ones by the 32-bit path, and sizes it', () => {
    const longs = [
      0,
      1,
      -1,
      2 ** 30 - 1,
      -(2 ** 30),
      2 ** 30,
      -(2 ** 30) - 1,
      2 ** 31,
      -(2 ** 31),
      2 ** 40,
      -(2 ** 40),
      1_700_000_000_000,
    ];
    for (const v of longs) {
      const e = new Encoder();
      e.writeVarLong(v);
      expect([...e.buffer], String(v)).toEqual(referenceVarLong(v));
      expect(Encoder.sizeOfVarLong(v), String(v)).toBe(referenceVarLong(v).length);
    }
  });

  it('encodes a record as the protocol lays it out, with and without headers', () => {
    const key = Buffer.from('鲁A12345:2');
    const value = Buffer.alloc(300, 7);
    expect([...Record({ offsetDelta: 5, timestampDelta: 0, key: '鲁A12345:2', value }).buffer]).toEqual(
      referenceRecord(5, 0, key, value, []),
    );
    expect([
      ...Record({
        offsetDelta: 70_000,
        timestampDelta: -3,
        key,
        value,
        headers: { traceparent: '00-ab-cd-01' },
      }).buffer,
    ]).toEqual(referenceRecord(70_000, -3, key, value, [['traceparent', '00-ab-cd-01']]));
  });

  it('returns only the bytes written (the unzeroed tail never shows)', () => {
    const e = new Encoder();
    e.writeInt32(7);
    e.writeVarInt(300);
    expect([...e.buffer]).toEqual([0, 0, 0, 7, ...originalUVarInt(zigZag(300))]);
  });
});

describe('patched kafkajs per-partition grouping', () => {
  it('keeps every message, in order, under the partition the partitioner chose', () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, partition: (i * 7) % 8 }));
    const grouped = groupMessagesPerPartition({
      topic: 't',
      partitionMetadata: Array.from({ length: 8 }),
      messages,
      partitioner: ({ message }) => message.partition as number,
    });
    // The original: a reduce over the messages, appending to the partition's array.
    const expected: Record<string, { key: string }[]> = {};
    for (const m of messages) {
      const list = expected[String(m.partition)] ?? [];
      list.push(m);
      expected[String(m.partition)] = list;
    }
    expect(grouped).toEqual(expected);
  });

  it('groups nothing when the topic has no partition metadata', () => {
    expect(
      groupMessagesPerPartition({
        topic: 't',
        partitionMetadata: [],
        messages: [{ key: 'a' }],
        partitioner: () => 0,
      }),
    ).toEqual({});
  });
});

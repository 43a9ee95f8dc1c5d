import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { commitInBatch } from './chunk-consumer.js';
import type { Consumer } from './client.js';

const refusingConsumer = (err: unknown) =>
  ({ commitOffsets: () => Promise.reject(err) }) as unknown as Consumer;

describe('commitInBatch', () => {
  it('rethrows a refused commit as the refusal itself, whose type kafkajs re-joins the group on', async () => {
    // What kafkajs's consumer.commitOffsets rejects with once the broker has forgotten the member.
    const refusal = new KafkaJSProtocolError({
      type: 'UNKNOWN_MEMBER_ID',
      code: 25,
      retriable: false,
      message: 'The coordinator is not aware of this member',
    } as unknown as Error);
    // As kafkajs's retrier builds it (its typings omit the options argument).
    const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error;
    const wrapped = new NonRetriable(refusal, { cause: refusal });
    expect((wrapped as unknown as { type?: string }).type).toBeUndefined();

    const thrown = await commitInBatch(refusingConsumer(wrapped), [
      { topic: 't', partition: 0, offset: '1' },
    ]).catch((e: unknown) => e);
    expect(thrown).toBe(refusal);
    expect((thrown as { type: string }).type).toBe('UNKNOWN_MEMBER_ID');
  });

  it('passes other errors on unchanged', async () => {
    const plain = new Error('socket closed');
    await expect(commitInBatch(refusingConsumer(plain), [])).rejects.toBe(plain);
  });

  it('commits what it is given', async () => {
    const seen: unknown[] = [];
    const consumer = { commitOffsets: async (o: unknown) => void seen.push(o) } as unknown as Consumer;
    await commitInBatch(consumer, [{ topic: 't', partition: 2, offset: '10' }]);
    expect(seen).toEqual([[{ topic: 't', partition: 2, offset: '10' }]]);
  });
});

import { EventEmitter } from 'node:events';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import type { Consumer } from './client.js';
import { commitInBatch, restartAfterCrash } from './consumer-recovery.js';

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

/** The two instrumentation events restartAfterCrash listens to, on a plain emitter. */
function fakeConsumer() {
  const emitter = new EventEmitter();
  const events = { CRASH: 'consumer.crash', GROUP_JOIN: 'consumer.group_join' };
  const consumer = {
    events,
    on: (name: string, fn: (e: unknown) => void) => emitter.on(name, fn),
  } as unknown as Consumer;
  const crash = (restart: boolean) =>
    emitter.emit(events.CRASH, { payload: { error: new Error('Invalid request'), groupId: 'g', restart } });
  return { consumer, crash, joined: () => emitter.emit(events.GROUP_JOIN, { payload: {} }) };
}

describe('restartAfterCrash', () => {
  const logger = createLogger('test', 'silent');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a consumer again after a crash kafkajs will not restart, backing off while it keeps failing', async () => {
    vi.useFakeTimers();
    const c = fakeConsumer();
    const start = vi.fn(async () => undefined);
    restartAfterCrash(c.consumer, start, () => false, logger);

    c.crash(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(start).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(1);

    c.crash(false); // failed again before joining: waits longer
    await vi.advanceTimersByTimeAsync(1_999);
    expect(start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(2);

    c.joined(); // running again: the next crash starts over from 1 s
    c.crash(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(start).toHaveBeenCalledTimes(3);
  });

  it('leaves kafkajs its own restarts, and a stopping consumer stopped', async () => {
    vi.useFakeTimers();
    let stopping = false;
    const c = fakeConsumer();
    const start = vi.fn(async () => undefined);
    restartAfterCrash(c.consumer, start, () => stopping, logger);
    c.crash(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).not.toHaveBeenCalled();
    c.crash(false);
    stopping = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).not.toHaveBeenCalled();
  });

  it('tries again when starting fails', async () => {
    vi.useFakeTimers();
    const c = fakeConsumer();
    const start = vi.fn().mockRejectedValueOnce(new Error('connect refused')).mockResolvedValue(undefined);
    restartAfterCrash(c.consumer, start, () => false, logger);
    c.crash(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(start).toHaveBeenCalledTimes(2);
  });
});

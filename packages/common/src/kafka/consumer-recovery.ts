import type { Logger } from '../logger.js';
import type { Consumer } from './client.js';

/**
 * Commits offsets from inside an eachBatch handler. kafkajs wraps a refused
 * commit in an error that hides the refusal's type, so a commit refused
 * because the group moved on (UNKNOWN_MEMBER_ID after the broker was
 * unreachable longer than the session, REBALANCE_IN_PROGRESS,
 * ILLEGAL_GENERATION) crashed the consumer for good, the process alive but
 * consuming nothing. Thrown as it came, the refusal makes kafkajs re-join the
 * group; the uncommitted chunk is delivered again, which every step tolerates.
 */
export async function commitInBatch(
  consumer: Consumer,
  offsets: Parameters<Consumer['commitOffsets']>[0],
): Promise<void> {
  try {
    await consumer.commitOffsets(offsets);
  } catch (err) {
    throw (err as { cause?: unknown }).cause ?? err;
  }
}

/**
 * kafkajs starts a crashed consumer again only after a retriable error. After
 * any other one it stays disconnected for good while the process and its
 * /healthz live on (seen with the local test broker, which refuses a slow
 * member's SyncGroup during a rebalance with INVALID_REQUEST where Kafka
 * answers REBALANCE_IN_PROGRESS). This starts it again, with back-off, until
 * it joins the group or the service stops; readiness stays down meanwhile.
 */
export function restartAfterCrash(
  consumer: Consumer,
  start: () => Promise<void>,
  stopping: () => boolean,
  logger: Logger,
): void {
  let attempt = 0;
  const again = (reason: string) => {
    if (stopping()) return;
    const delayMs = Math.min(30_000, 1_000 * 2 ** attempt++);
    logger.error(
      { err: reason, delayMs },
      'consumer stopped by an error kafkajs does not retry; starting it again',
    );
    setTimeout(() => {
      if (stopping()) return;
      start().catch((err: unknown) => again(err instanceof Error ? err.message : String(err)));
    }, delayMs).unref();
  };
  consumer.on(consumer.events.GROUP_JOIN, () => {
    attempt = 0;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) again(payload.error.message);
  });
}

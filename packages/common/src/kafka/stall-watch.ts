import type { Logger } from '../logger.js';
import type { Kafka } from './client.js';

export interface StallWatchOptions {
  kafka: Kafka;
  groupId: string;
  topic: string;
  /** No progress for this long while messages wait on our partitions is a stall. */
  stallMs: number;
  logger: Logger;
  /** Called once per stall; the watch resumes counting when it returns. */
  onStall: (waiting: { partition: number; behind: number }[]) => Promise<void>;
  /** What the consumer's chunks in hand are doing, logged with a stall. */
  inHand?: () => unknown[];
}

/** A check that cannot get an answer from the cluster within this long gives no verdict. */
const CHECK_TIMEOUT_MS = 15_000;

/**
 * A consumer that is a member of its group, heartbeats and yet takes no
 * message while messages wait on its partitions looks healthy from outside
 * (readiness up, no error logged) and holds its partitions for good. kafkajs
 * was seen doing so once after a whole cluster restart on the fault suite's
 * 3-node cluster. The watch compares, when nothing has progressed for
 * stallMs, the partitions' high watermarks with the group's committed
 * offsets; messages waiting on one of ours is a stall, handed to onStall.
 * Progress is a commit or any step attempt (a step retrying against a down
 * database is progress of a kind: the step runner already handles it).
 */
export class StallWatch {
  private lastProgress = Date.now();
  private assigned = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(private readonly opts: StallWatchOptions) {}

  progress(): void {
    this.lastProgress = Date.now();
  }

  /** The partitions the group gave us; a new assignment starts the count again. */
  assign(partitions: number[]): void {
    this.assigned = new Set(partitions);
    this.progress();
  }

  start(): void {
    this.progress();
    this.timer ??= setInterval(() => void this.check(), Math.max(250, this.opts.stallMs / 4));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Checks now; exposed for tests. */
  async check(): Promise<void> {
    if (this.checking || Date.now() - this.lastProgress < this.opts.stallMs || this.assigned.size === 0)
      return;
    this.checking = true;
    try {
      let timer: NodeJS.Timeout | undefined;
      const waiting = await Promise.race([
        this.waiting(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer from the cluster')), CHECK_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      if (waiting.length > 0) {
        this.opts.logger.error(
          {
            groupId: this.opts.groupId,
            topic: this.opts.topic,
            waiting,
            stallMs: this.opts.stallMs,
            inHand: this.opts.inHand?.(),
          },
          'consumer made no progress while messages wait on its partitions; starting it again',
        );
        await this.opts.onStall(waiting);
      }
      this.progress();
    } catch (err) {
      // The cluster cannot say (unreachable): no verdict, the consumer's own errors report the outage.
      this.opts.logger.warn({ err: (err as Error).message }, 'stall check failed');
    } finally {
      this.checking = false;
    }
  }

  private async waiting(): Promise<{ partition: number; behind: number }[]> {
    const admin = this.opts.kafka.admin();
    await admin.connect();
    try {
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(this.opts.topic),
        admin.fetchOffsets({ groupId: this.opts.groupId, topics: [this.opts.topic] }),
      ]);
      const done = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      const out: { partition: number; behind: number }[] = [];
      for (const e of ends) {
        if (!this.assigned.has(e.partition)) continue;
        const from = Math.max(done.get(e.partition) ?? -1, Number(e.low));
        const behind = Number(e.high) - from;
        if (behind > 0) out.push({ partition: e.partition, behind });
      }
      return out;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

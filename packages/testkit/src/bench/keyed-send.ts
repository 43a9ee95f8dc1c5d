import type { Admin, Producer } from 'kafkajs';

export interface KeyedMessage {
  key: string;
  value: Buffer;
}

/**
 * kafkajs puts a send's messages for one partition into one record batch, which
 * the broker refuses above its message.max.bytes (1 MiB by default, as on the
 * benchmarks' topics): sends of at most this many value bytes stay under it
 * whichever partitions their keys pick.
 */
export const BYTES_PER_SEND = 900 * 1024;

/**
 * Positioning platforms in the benchmarks' fleets. Raw batches are keyed by
 * platform, so one platform feeds one partition: a province is fed by dozens
 * of platforms, and the simulator's default of four would leave most
 * partitions (and consumer concurrency) idle.
 */
export const BENCH_PLATFORMS = 16;

/**
 * Produces keyed messages to one topic as a client should on Kafka: the
 * producer's partitioner places each by its key (one key's messages stay in
 * order on one partition), queued into sends of at most BYTES_PER_SEND value
 * bytes, each acknowledged by all in-sync replicas before the next starts.
 */
export class KeyedSender {
  private queue: KeyedMessage[] = [];
  private bytes = 0;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  /** Queues a message; sends the queue first when the message would take it past BYTES_PER_SEND. */
  async add(message: KeyedMessage): Promise<void> {
    if (this.queue.length > 0 && this.bytes + message.value.length > BYTES_PER_SEND) await this.flush();
    this.queue.push(message);
    this.bytes += message.value.length;
  }

  async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    const messages = this.queue;
    this.queue = [];
    this.bytes = 0;
    await this.producer.send({ topic: this.topic, acks: -1, messages });
  }
}

/** Sends `messages` now, in as few sends as BYTES_PER_SEND allows (see KeyedSender). */
export async function sendKeyed(producer: Producer, topic: string, messages: KeyedMessage[]): Promise<void> {
  const sender = new KeyedSender(producer, topic);
  for (const m of messages) await sender.add(m);
  await sender.flush();
}

/**
 * Where the keys put a topic's messages, for a benchmark's workload line:
 * "on 4 of 16 partitions, the busiest with 26 % of the messages".
 */
export async function describeSpread(admin: Admin, topic: string): Promise<string> {
  const counts = (await admin.fetchTopicOffsets(topic)).map((o) => Number(o.high) - Number(o.low));
  const total = counts.reduce((a, b) => a + b, 0);
  const used = counts.filter((c) => c > 0).length;
  const busiest = total > 0 ? Math.round((100 * Math.max(...counts)) / total) : 0;
  return `on ${used} of ${counts.length} partitions, the busiest with ${busiest} % of the messages`;
}

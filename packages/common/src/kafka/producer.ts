import type {
  Kafka,
  Producer,
  ProducerBatch,
  ProducerConfig,
  ProducerRecord,
  RecordMetadata,
} from './client.js';
import { producerConfig } from './client.js';
import { Placement } from './placement.js';

/**
 * The producer every service uses: kafkajs's idempotent producer
 * (producerConfig), one send at a time, and a new idempotent session after a
 * send that failed.
 *
 * kafkajs numbers a partition's batches (the sequence the broker dedupes
 * retries by) when it sends them, and gives the numbers back when a request
 * fails, even a request the broker did store before the answer was lost (a
 * broker stopped or frozen mid-request, a request timeout). Another send that
 * goes out before the failed one is retried then takes those numbers: the
 * broker answers it as a duplicate of the stored batch when the counts match
 * (its messages are lost although the send succeeded) or refuses it with
 * OUT_OF_ORDER_SEQUENCE_NUMBER, which kafkajs never recovers from (kafkajs
 * issues #598, #1005). Hence:
 * - sends are queued, so kafkajs's own retries of a send reuse its numbers
 *   before any other send is numbered (kafkajs already sends one request at
 *   a time per broker for an idempotent producer, so little is lost);
 * - once a send has failed, the numbering is unknown: the next send first
 *   starts a new session (a new producer id, numbers from 0). The failed
 *   send's messages may then be stored twice, once per session; consumers
 *   dedupe by idempotency key.
 * - every message gets its partition before the send and the send fails when
 *   a partition has no answer (Placement: kafkajs can drop a partition whose
 *   leader moved during the send and still succeed).
 */
/** Longer than kafkajs's own retries of a send take to fail (about 30 s against a broker that refuses connections). */
const SEND_TIMEOUT_MS = 90_000;

export class IdempotentProducer implements Producer {
  private session: Producer;
  private queue: Promise<unknown> = Promise.resolve();
  private unsure = false;
  private closed = false;
  private readonly placement: Placement;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: ProducerConfig = producerConfig(),
  ) {
    this.session = kafka.producer(config);
    this.placement = new Placement(kafka);
  }

  async connect(): Promise<void> {
    this.closed = false;
    await this.session.connect();
  }

  /** Lets queued sends finish (or fail), then disconnects. */
  async disconnect(): Promise<void> {
    this.closed = true;
    await this.queue;
    await this.session.disconnect();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.queued(async () => {
      const { records, expected } = await this.placement.place([record]);
      const result = await this.session.send(records[0] as ProducerRecord);
      if (record.acks !== 0) this.placement.check(expected, result);
      return result;
    });
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.queued(async () => {
      const { records, expected } = await this.placement.place(batch.topicMessages ?? []);
      const result = await this.session.sendBatch({ ...batch, topicMessages: records });
      if (batch.acks !== 0) this.placement.check(expected, result);
      return result;
    });
  }

  private queued<T>(send: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('producer disconnected'));
    const turn = this.queue.then(async () => {
      if (this.unsure) await this.renew();
      let timer: NodeJS.Timeout | undefined;
      try {
        // A send kafkajs never settles would hold every later one: it fails instead.
        return await Promise.race([
          send(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`Kafka send not answered within ${SEND_TIMEOUT_MS / 1000} s`)),
              SEND_TIMEOUT_MS,
            );
          }),
        ]);
      } catch (err) {
        this.unsure = true;
        throw err;
      } finally {
        clearTimeout(timer);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** A new session (kafkajs asks for a producer id on connect); the old one is closed. */
  private async renew(): Promise<void> {
    const next = this.kafka.producer(this.config);
    try {
      await next.connect();
    } catch (err) {
      await next.disconnect().catch(() => undefined);
      throw err;
    }
    const old = this.session;
    this.session = next;
    this.unsure = false;
    await old.disconnect().catch(() => undefined);
  }
}

/** The service producer (see IdempotentProducer); connect() it before sending. */
export function createProducer(kafka: Kafka, extra: ProducerConfig = {}): IdempotentProducer {
  return new IdempotentProducer(kafka, producerConfig(extra));
}

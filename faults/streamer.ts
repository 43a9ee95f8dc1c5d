import { createKafka, createLogger, createProducer, type Producer, sleep } from '@safewatch/common';
import type { Plan } from './plan.js';

/**
 * Sends the plan's ticks to positions.raw as the positioning platforms would
 * (each batch keyed by platform), in order, at a pace the suite sets. It is
 * gated: the suite lets it run up to a tick, so faults land at known points of
 * the simulated data. A send that fails (broker gone) is retried until it
 * succeeds: the platforms keep their data until the broker takes it. Its
 * producer is the services' one (idempotent, acks=all).
 */
export class Streamer {
  /** Index of the next tick to send. */
  sent = 0;
  /** Sends that failed and were tried again (a broker gone, a leader moving). */
  failedSends = 0;
  private gate = 0;
  private pauseMs = 0;
  private stopped = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly producer: Producer;

  constructor(
    private readonly plan: Plan,
    brokers: string[],
    private readonly topic: string,
  ) {
    const logger = createLogger('fault-streamer', 'silent');
    this.producer = createProducer(createKafka({ brokers, clientId: 'fault-simulator', logger }));
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.loop = this.run();
  }

  /** Lets the ticks before `tick` go out, `ticksPerSecond` at a time (Infinity: as fast as the broker takes them). */
  runTo(tick: number, ticksPerSecond = Number.POSITIVE_INFINITY): void {
    this.gate = Math.min(tick, this.plan.ticks.length);
    this.pauseMs = Number.isFinite(ticksPerSecond) ? 1000 / ticksPerSecond : 0;
    this.wake?.();
  }

  get done(): boolean {
    return this.sent >= this.plan.ticks.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.producer.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.sent >= this.gate) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
        continue;
      }
      const tick = this.plan.ticks[this.sent];
      if (!tick) break;
      const messages = tick.batches.map((b) => ({
        key: b.platformId,
        value: Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength),
      }));
      for (;;) {
        try {
          await this.producer.send({ topic: this.topic, acks: -1, messages });
          break;
        } catch {
          if (this.stopped) return;
          this.failedSends++;
          await sleep(500);
        }
      }
      this.sent++;
      if (this.pauseMs > 0) await sleep(this.pauseMs);
    }
  }
}

import type { Pool, Redis } from '@safewatch/common';

/** What the use cases need; built once in app.ts. */
export interface BindingsDeps {
  pool: Pool;
  redis: Redis;
  /** Prefix of the last-position keys written by ingest. */
  redisPrefix: string;
  /** Topic of binding events (bindings.events, with the configured prefix). */
  eventsTopic: string;
  /** Asks the outbox relay to publish soon after a change committed. */
  eventsWritten: () => void;
  now: () => Date;
  delegationTtlMs: number;
}

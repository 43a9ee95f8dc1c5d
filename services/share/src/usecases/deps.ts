import type { Pool, Redis } from '@safewatch/common';

export interface ShareDeps {
  pool: Pool;
  redis: Redis;
  /** Prefix of the last-position keys written by ingest. */
  redisPrefix: string;
  now: () => Date;
  publicBaseUrl: string;
  /** Told when shares end (S5, S8, expiry), so open streams get their "ended" event. */
  sharesEnded: (ended: { shareId: string; reason: string }[]) => void;
}

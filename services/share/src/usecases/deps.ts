import type { LastPosition, Pool } from '@safewatch/common';
import type { PositionCache } from '../adapters/position-cache.js';
import type { ShareReadModel } from '../adapters/read-model.js';
import type { TrackCache } from '../adapters/track-cache.js';
import type { ViewRecorder } from '../adapters/view-recorder.js';
import type { PlaceDescriber } from './track.usecase.js';

/**
 * The repositories the use cases work through (all SQL lives in them). The
 * service passes the adapters (`shareRepos` in app.ts); a test may pass others.
 */
export interface ShareRepos {
  shares: typeof import('../adapters/shares.repo.js');
  bindings: typeof import('../adapters/current-bindings.repo.js');
  history: typeof import('../adapters/binding-history.repo.js');
  alerts: typeof import('../adapters/vehicle-alerts.repo.js');
  /** X6: each vehicle's latest driving clock event. */
  clocks: typeof import('../adapters/vehicle-clocks.repo.js');
  adoption: typeof import('../adapters/adoption.repo.js');
  /** X7: read-only (the service may only SELECT positions). */
  positions: typeof import('../adapters/positions.repo.js');
  /** X8: the viewers' notification addresses and consents, and the outbox. */
  notify: typeof import('../adapters/notify.repo.js');
}

/** The last positions of many vehicles written by ingest (absent: never seen). */
export type LastPositions = (vehicleKeys: readonly string[]) => Promise<Map<string, LastPosition>>;

export interface ShareDeps {
  pool: Pool;
  repos: ShareRepos;
  /** The service reads them through its position cache, else from Redis (`lastPositionsFrom`). */
  lastPositions: LastPositions;
  now: () => Date;
  publicBaseUrl: string;
  /** Told when shares end (S5, S8, expiry), so open streams get their "ended" event. */
  sharesEnded: (ended: { shareId: string; reason: string }[]) => void;
  /** The in-memory read model of the views (the service); absent: every read goes to Postgres (CLIs). */
  readModel?: ShareReadModel;
  /** Last positions kept in memory until Redis invalidates them (the service): the view's reads without I/O. */
  positions?: PositionCache;
  /** Batched recording of views (the service); absent: one INSERT per view. */
  views?: ViewRecorder;
  /** X7: today's tracks (JSON) kept per vehicle for a short time (the service); absent: every read loads. */
  tracks?: TrackCache;
  /** X5: a stop's place in words (the places package, once ready); absent: placeText stays null. */
  describePlace?: PlaceDescriber;
}

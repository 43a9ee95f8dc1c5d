import type { ClockEvent, GeoPoint, RuleEvent } from './types.js';

/** An alert as stored and published: a rule event (or reminder) with its vehicle and idempotency key. */
export interface AlertRecord {
  /** Idempotency key: deterministic from vehicle, kind, episode and phase. */
  alertId: string;
  vehicleKey: string;
  plateNumber: string;
  plateColor: number;
  kind:
    | RuleEvent['kind']
    | 'QUALIFICATION_CERT_EXPIRING'
    | 'QUALIFICATION_CERT_EXPIRED'
    | 'TRANSPORT_CERT_EXPIRING'
    | 'TRANSPORT_CERT_EXPIRED';
  phase: 'STARTED' | 'ENDED' | 'RAISED';
  source: 'DETECTED' | 'PLATFORM' | 'DETECTED_AND_PLATFORM';
  occurredAtMs: number;
  episodeStartMs: number;
  /** The details shown to the family (speeding episode, fatigue with rest stops, certificate). */
  detail: Record<string, unknown>;
}

export interface SuggestedRestStop {
  id: string;
  name: string;
  type: string;
  lat: number;
  lon: number;
  services: string[];
  distanceM: number;
}

export function alertId(vehicleKey: string, kind: string, episodeStartMs: number, phase: string): string {
  return `${vehicleKey}|${kind}|${episodeStartMs}|${phase}`;
}

/** A rule event as an alert record; fatigue alerts carry the suggested rest stops ahead (X1). */
export function toAlertRecord(
  vehicle: { vehicleKey: string; plateNumber: string; plateColor: number },
  e: RuleEvent,
  restStopsAhead: (place: GeoPoint, headingDeg: number) => SuggestedRestStop[],
): AlertRecord {
  const base = {
    alertId: alertId(vehicle.vehicleKey, e.kind, e.episodeStartMs, e.phase),
    ...vehicle,
    kind: e.kind,
    phase: e.phase,
    occurredAtMs: e.atMs,
    episodeStartMs: e.episodeStartMs,
  };
  if (e.kind === 'SPEEDING') return { ...base, source: e.episode.source, detail: { ...e.episode } };
  const suggested = e.phase === 'STARTED' ? restStopsAhead(e.fatigue.place, e.fatigue.headingDeg) : [];
  return { ...base, source: e.fatigue.source, detail: { ...e.fatigue, suggestedRestStops: suggested } };
}

/** X6: a driving clock event as stored and published, with its vehicle and idempotency key. */
export interface ClockRecord {
  /** Idempotency key: deterministic from vehicle, event kind and fix time. */
  eventId: string;
  vehicleKey: string;
  plateNumber: string;
  plateColor: number;
  event: ClockEvent;
}

export function toClockRecord(
  vehicle: { vehicleKey: string; plateNumber: string; plateColor: number },
  e: ClockEvent,
): ClockRecord {
  return { eventId: `${vehicle.vehicleKey}|clock|${e.kind}|${e.atMs}`, ...vehicle, event: e };
}

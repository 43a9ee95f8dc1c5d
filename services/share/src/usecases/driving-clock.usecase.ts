import { vehicleKey } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import { CLOCK_KINDS, type ClockKind, newestClocks, type StoredClock } from '../domain/driving-clock.js';
import type { ShareDeps } from './deps.js';

const KINDS = new Set<string>(CLOCK_KINDS);
/** 0 means "none" on the wire (proto3 has no null). */
const orNull = (ms: number | null | undefined) => Number(ms ?? 0) || null;

/** A DrivingClock message as stored; undefined for one that is not a clock (a bad or unknown event). */
function toStored(m: safewatch.v1.IDrivingClock): StoredClock | undefined {
  const kind = (pb.DrivingClockEvent[m.event ?? 0] ?? '').replace('DRIVING_CLOCK_EVENT_', '');
  const state = (pb.DrivingClockState[m.state ?? 0] ?? '').replace('DRIVING_CLOCK_STATE_', '');
  if (!m.eventId || !m.vehicle?.plateNumber || !KINDS.has(kind)) return undefined;
  if (state !== 'DRIVING' && state !== 'RESTING') return undefined;
  return {
    eventId: m.eventId,
    vehicleKey: vehicleKey(m.vehicle.plateNumber, m.vehicle.plateColor ?? 0),
    kind: kind as ClockKind,
    atMs: Number(m.occurredAtMs ?? 0),
    state,
    continuousDrivingS: m.continuousDrivingS ?? 0,
    dailyDrivingS: m.dailyDrivingS ?? 0,
    todayDrivingS: m.todayDrivingS ?? 0,
    drivingSinceMs: orNull(m.drivingSinceMs),
    restingSinceMs: orNull(m.restingSinceMs),
    restMinS: m.restMinS ?? 0,
    preWarningS: m.preWarningS ?? 0,
    continuousLimitS: m.continuousLimitS ?? 0,
    dailyLimitS: m.dailyLimitS ?? 0,
  };
}

/**
 * driving.clock (X6): keeps each vehicle's latest clock event. Idempotent and
 * ordered by fix time: of a chunk only each vehicle's newest event is
 * written, and only over an older one, so a redelivered or late event
 * changes nothing. Returns the vehicles whose clock changed.
 */
export async function onDrivingClock(
  deps: ShareDeps,
  messages: safewatch.v1.IDrivingClock[],
): Promise<Set<string>> {
  const clocks = messages.flatMap((m) => toStored(m) ?? []);
  return deps.repos.clocks.storeClocks(deps.pool, newestClocks(clocks));
}

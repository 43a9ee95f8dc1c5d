import { type Producer, tracedSend, withTraceHeaders } from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import type { AlertRecord, ClockRecord } from '../domain/alert-record.js';

const e6 = (deg: unknown) => Math.round(Number(deg ?? 0) * 1e6);
const point = (p: unknown) => {
  const g = p as { lat?: number; lon?: number } | null;
  return g ? { latE6: e6(g.lat), lonE6: e6(g.lon) } : null;
};

/** The Alert message (proto/safewatch/v1/alert.proto) of a record. */
export function encodeAlert(a: AlertRecord): Uint8Array {
  const d = a.detail as Record<string, unknown>;
  const message: Record<string, unknown> = {
    alertId: a.alertId,
    vehicle: { plateNumber: a.plateNumber, plateColor: a.plateColor },
    type: pb.AlertType[`ALERT_TYPE_${a.kind}` as keyof typeof pb.AlertType],
    phase: pb.AlertPhase[`ALERT_PHASE_${a.phase}` as keyof typeof pb.AlertPhase],
    source: pb.AlertSource[`ALERT_SOURCE_${a.source}` as keyof typeof pb.AlertSource],
    occurredAtMs: a.occurredAtMs,
    episodeStartMs: a.phase === 'RAISED' ? 0 : a.episodeStartMs,
  };
  if (a.kind === 'SPEEDING') {
    message.speeding = {
      startMs: d.startMs,
      endMs: d.endMs,
      peakSpeedDkmh: Math.round(Number(d.peakSpeedKmh) * 10),
      limitKmh: d.limitKmh,
      durationS: Math.round(Number(d.durationS)),
      startPlace: point(d.startPlace),
      endPlace: point(d.endPlace),
      zoneId: d.zoneId,
    };
  } else if (
    a.kind === 'FATIGUE_CONTINUOUS' ||
    a.kind === 'FATIGUE_DAILY' ||
    a.kind === 'FATIGUE_PRE_WARNING'
  ) {
    const stops =
      (d.suggestedRestStops as {
        id: string;
        name: string;
        type: string;
        lat: number;
        lon: number;
        services: string[];
        distanceM: number;
      }[]) ?? [];
    message.fatigue = {
      drivingSinceMs: d.drivingSinceMs,
      continuousDrivingS: Math.round(Number(d.continuousDrivingS)),
      cumulativeDrivingS: Math.round(Number(d.cumulativeDrivingS)),
      limitS: d.limitS,
      place: point(d.place),
      headingDeg: d.headingDeg,
      suggestedRestStops: stops.map((s) => ({
        id: s.id,
        name: s.name,
        type: pb.RestStopType[`REST_STOP_TYPE_${s.type}` as keyof typeof pb.RestStopType] ?? 0,
        location: { latE6: e6(s.lat), lonE6: e6(s.lon) },
        services: s.services,
        distanceM: Math.round(s.distanceM),
      })),
    };
  } else {
    message.certificate = {
      expiresOn: d.expiresOn,
      daysLeft: d.daysLeft,
      driverId: d.driverId ?? '',
      certificate: d.certificate,
    };
  }
  return pb.Alert.encode(message as safewatch.v1.IAlert).finish();
}

/** The DrivingClock message (proto/safewatch/v1/clock.proto) of a clock event (X6); 0 for "none". */
export function encodeClock(r: ClockRecord): Uint8Array {
  const e = r.event;
  return pb.DrivingClock.encode({
    eventId: r.eventId,
    vehicle: { plateNumber: r.plateNumber, plateColor: r.plateColor },
    event: pb.DrivingClockEvent[`DRIVING_CLOCK_EVENT_${e.kind}`],
    occurredAtMs: e.atMs,
    state: pb.DrivingClockState[`DRIVING_CLOCK_STATE_${e.state}`],
    continuousDrivingS: e.continuousDrivingS,
    dailyDrivingS: e.dailyDrivingS,
    todayDrivingS: e.todayDrivingS,
    drivingSinceMs: Math.max(0, e.drivingSinceMs),
    restingSinceMs: Math.max(0, e.restingSinceMs),
    restMinS: e.restMinS,
    preWarningS: e.preWarningS,
    continuousLimitS: e.continuousLimitS,
    dailyLimitS: e.dailyLimitS,
  }).finish();
}

/**
 * Alerts to the `alerts` topic and driving clock events to `driving.clock`, keyed by
 * vehicle (consumers dedupe by alert_id / event_id).
 */
export class AlertsPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly clockTopic: string,
  ) {}

  publish(alerts: AlertRecord[]): Promise<void> {
    return this.send(this.topic, alerts, encodeAlert);
  }

  publishClock(events: ClockRecord[]): Promise<void> {
    return this.send(this.clockTopic, events, encodeClock);
  }

  private async send<T extends { vehicleKey: string }>(
    topic: string,
    records: T[],
    encode: (r: T) => Uint8Array,
  ): Promise<void> {
    if (records.length === 0) return;
    await tracedSend(topic, records.length, (headers) =>
      this.producer.send({
        topic,
        acks: -1,
        messages: withTraceHeaders(
          records.map((r) => ({ key: r.vehicleKey, value: Buffer.from(encode(r)) })),
          headers,
        ),
      }),
    );
  }
}

import type { Pool } from '@safewatch/common';
import type { AlertRecord, ClockRecord } from '../domain/alert-record.js';

/** Alerts and driving clock events (X6) in Postgres, queryable per vehicle and time range. */
export class AlertsRepo {
  constructor(private readonly pool: Pool) {}

  /** Stores alerts not stored yet (by alert_id); one round trip. Returns the ids that were new. */
  async insert(alerts: AlertRecord[]): Promise<Set<string>> {
    if (alerts.length === 0) return new Set();
    const r = await this.pool.query<{ alert_id: string }>(
      `INSERT INTO alerts (alert_id, plate_number, plate_color, kind, phase, source, occurred_at, episode_start, detail)
       SELECT id, p, c, k, ph, s, timestamptz 'epoch' + o * interval '1 millisecond',
              timestamptz 'epoch' + e * interval '1 millisecond', d
         FROM unnest($1::text[], $2::text[], $3::int2[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[], $9::jsonb[])
              AS u(id, p, c, k, ph, s, o, e, d)
       ON CONFLICT (alert_id) DO NOTHING
       RETURNING alert_id`,
      [
        alerts.map((a) => a.alertId),
        alerts.map((a) => a.plateNumber),
        alerts.map((a) => a.plateColor),
        alerts.map((a) => a.kind),
        alerts.map((a) => a.phase),
        alerts.map((a) => a.source),
        alerts.map((a) => a.occurredAtMs),
        alerts.map((a) => a.episodeStartMs),
        alerts.map((a) => JSON.stringify(a.detail)),
      ],
    );
    return new Set(r.rows.map((x) => x.alert_id));
  }

  /** X6: stores driving clock events not stored yet (by event_id); one round trip. */
  async insertClock(events: ClockRecord[]): Promise<void> {
    if (events.length === 0) return;
    await this.pool.query(
      `INSERT INTO driving_clock_events (event_id, plate_number, plate_color, kind, occurred_at, clock)
       SELECT id, p, c, k, timestamptz 'epoch' + o * interval '1 millisecond', d
         FROM unnest($1::text[], $2::text[], $3::int2[], $4::text[], $5::int8[], $6::jsonb[]) AS u(id, p, c, k, o, d)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.plateNumber),
        events.map((e) => e.plateColor),
        events.map((e) => e.event.kind),
        events.map((e) => e.event.atMs),
        events.map((e) => JSON.stringify(e.event)),
      ],
    );
  }

  /** Which of these alert ids are already stored. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const r = await this.pool.query<{ alert_id: string }>(
      'SELECT alert_id FROM alerts WHERE alert_id = ANY($1)',
      [ids],
    );
    return new Set(r.rows.map((x) => x.alert_id));
  }

  async forVehicle(plateNumber: string, plateColor: number, fromMs: number, toMs: number) {
    const r = await this.pool.query(
      `SELECT alert_id AS "alertId", kind, phase, source, occurred_at AS "occurredAt", episode_start AS "episodeStart", detail
         FROM alerts WHERE plate_number = $1 AND plate_color = $2
          AND occurred_at >= to_timestamp($3 / 1000.0) AND occurred_at < to_timestamp($4 / 1000.0)
        ORDER BY occurred_at`,
      [plateNumber, plateColor, fromMs, toMs],
    );
    return r.rows;
  }
}

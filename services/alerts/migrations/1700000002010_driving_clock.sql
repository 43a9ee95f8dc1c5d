-- Up Migration

-- X6: the driving clock's events, one row per state change (driving started,
-- rest started/completed, pre-warning, limit reached), each with the whole
-- clock at its fix. event_id is the idempotency key (vehicle, event, fix
-- time): re-evaluating the same track never stores an event twice.
CREATE TABLE driving_clock_events (
  event_id     text PRIMARY KEY,
  plate_number text        NOT NULL,
  plate_color  smallint    NOT NULL,
  kind         text        NOT NULL,
  occurred_at  timestamptz NOT NULL,   -- GNSS time of the fix that changed the clock
  clock        jsonb       NOT NULL,   -- the figures and thresholds at that fix (services/alerts/src/domain/types.ts ClockEvent)
  created_at   timestamptz NOT NULL DEFAULT now()
);
-- "The clock of a vehicle in a time range".
CREATE INDEX driving_clock_events_vehicle_time_idx
  ON driving_clock_events (plate_number, plate_color, occurred_at DESC);

-- Down Migration
DROP TABLE driving_clock_events;

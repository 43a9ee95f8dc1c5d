-- Up Migration

-- Alerts (SPEC A1-A4): one row per alert event. alert_id is the idempotency
-- key (vehicle, kind, episode start, phase): re-evaluating the same track, or
-- a redelivered position, never stores an alert twice.
CREATE TABLE alerts (
  alert_id      text PRIMARY KEY,
  plate_number  text        NOT NULL,
  plate_color   smallint    NOT NULL,
  kind          text        NOT NULL,
  phase         text        NOT NULL CHECK (phase IN ('STARTED', 'ENDED', 'RAISED')),
  source        text        NOT NULL,
  occurred_at   timestamptz NOT NULL,   -- GNSS time of the position that raised it (evaluation time for reminders)
  episode_start timestamptz NOT NULL,
  detail        jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
-- "Alerts of a vehicle in a time range".
CREATE INDEX alerts_vehicle_time_idx ON alerts (plate_number, plate_color, occurred_at DESC);

-- A3: certificate expiry dates that concern each vehicle's viewers, kept from
-- the bindings service's events: the vehicle's road transport certificate
-- (driver_id = '') and the qualification certificate of each driver bound to it.
CREATE TABLE certificates (
  plate_number text     NOT NULL,
  plate_color  smallint NOT NULL,
  driver_id    text     NOT NULL DEFAULT '',
  kind         text     NOT NULL CHECK (kind IN ('TRANSPORT', 'QUALIFICATION')),
  expires_on   date,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plate_number, plate_color, driver_id, kind)
);

-- Down Migration
DROP TABLE certificates;
DROP TABLE alerts;

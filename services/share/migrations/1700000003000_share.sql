-- Up Migration

-- Current bindings as the bindings service announces them (bindings.events):
-- S1 lets a driver share only a vehicle bound to him now.
CREATE TABLE current_bindings (
  driver_id    text     NOT NULL,
  vehicle_id   uuid     NOT NULL,
  plate_number text     NOT NULL,
  plate_color  smallint NOT NULL,
  bound_at     timestamptz NOT NULL,
  PRIMARY KEY (driver_id, vehicle_id)
);

-- Share links (S1-S5, S8). Only the SHA-256 of a link's token is stored. A share
-- is active while ended_at is null and expires_at is in the future.
CREATE TABLE shares (
  share_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   bytea    NOT NULL UNIQUE,
  driver_id    text     NOT NULL,
  vehicle_id   uuid     NOT NULL,
  plate_number text     NOT NULL,
  plate_color  smallint NOT NULL,
  duration     text     NOT NULL CHECK (duration IN ('3d', '7d', '1m', '1y')),
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  ended_at     timestamptz,
  ended_reason text CHECK (ended_reason IN ('CANCELLED', 'UNBOUND', 'EXPIRED')),
  claimed_by   text,
  claimed_at   timestamptz
);
CREATE INDEX shares_vehicle_active_idx ON shares (vehicle_id) WHERE ended_at IS NULL;
CREATE INDEX shares_driver_idx ON shares (driver_id, created_at DESC);
CREATE INDEX shares_claimed_by_idx ON shares (claimed_by) WHERE claimed_by IS NOT NULL;

-- Every view of a share: who and when, for the driver to see.
CREATE TABLE share_views (
  share_id  uuid NOT NULL REFERENCES shares (share_id),
  viewer_id text NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX share_views_share_idx ON share_views (share_id, viewed_at DESC);

-- Dynamic alerts (speeding, fatigue) of each vehicle, from the alerts topic.
CREATE TABLE vehicle_alerts (
  alert_id     text PRIMARY KEY,
  vehicle_key  text NOT NULL,
  kind         text NOT NULL,
  phase        text NOT NULL,
  source       text NOT NULL,
  occurred_at  timestamptz NOT NULL,
  detail       jsonb NOT NULL
);
CREATE INDEX vehicle_alerts_vehicle_idx ON vehicle_alerts (vehicle_key, occurred_at DESC);

-- Certificate reminders (A3) per vehicle: the road transport certificate
-- (driver_id '') and each bound driver's qualification certificate.
CREATE TABLE vehicle_reminders (
  vehicle_key text NOT NULL,
  driver_id   text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('TRANSPORT', 'QUALIFICATION')),
  status      text NOT NULL CHECK (status IN ('EXPIRING', 'EXPIRED')),
  expires_on  date NOT NULL,
  PRIMARY KEY (vehicle_key, driver_id, kind)
);

-- Down Migration
DROP TABLE vehicle_reminders;
DROP TABLE vehicle_alerts;
DROP TABLE share_views;
DROP TABLE shares;
DROP TABLE current_bindings;

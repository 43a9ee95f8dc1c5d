-- Up Migration

-- Every binding learned from bindings.events (and the rebuild command), with
-- when it began and ended, for the adoption statistics (X4). A binding is in
-- force from bound_at (included) to unbound_at (excluded; null while current).
CREATE TABLE binding_history (
  driver_id    text        NOT NULL,
  vehicle_id   uuid        NOT NULL,
  plate_number text        NOT NULL,
  plate_color  smallint    NOT NULL,
  bound_at     timestamptz NOT NULL,
  unbound_at   timestamptz,
  PRIMARY KEY (driver_id, vehicle_id, bound_at),
  CONSTRAINT binding_history_ordered CHECK (unbound_at IS NULL OR unbound_at >= bound_at)
);
-- At most one binding in force per driver and vehicle, as in the bindings service.
CREATE UNIQUE INDEX binding_history_current_key ON binding_history (driver_id, vehicle_id)
  WHERE unbound_at IS NULL;
CREATE INDEX binding_history_bound_at_idx ON binding_history (bound_at);

-- The history begins with the bindings known so far.
INSERT INTO binding_history (driver_id, vehicle_id, plate_number, plate_color, bound_at)
SELECT driver_id, vehicle_id, plate_number, plate_color, bound_at FROM current_bindings;

-- Views recorded within a period. share_views is appended in time order, so
-- a BRIN index serves the range and costs the view path almost nothing.
CREATE INDEX share_views_viewed_at_brin ON share_views USING brin (viewed_at);

-- Down Migration
DROP INDEX share_views_viewed_at_brin;
DROP TABLE binding_history;

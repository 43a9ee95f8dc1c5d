-- Up Migration

-- The live stream loads the active shares of every watched vehicle once per tick.
CREATE INDEX shares_plate_active_idx ON shares (plate_number, plate_color) WHERE ended_at IS NULL;

-- Down Migration
DROP INDEX shares_plate_active_idx;

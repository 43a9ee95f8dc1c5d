-- Up Migration

-- The start of the episode each alert record belongs to (S10), so that the
-- STARTED and ENDED records of one episode fold into one item. Records stored
-- before the field existed carry it in their id (vehicle|kind|startMs|phase).
ALTER TABLE vehicle_alerts ADD COLUMN episode_start_ms bigint;
UPDATE vehicle_alerts
   SET episode_start_ms = split_part(alert_id, '|', 3)::bigint
 WHERE split_part(alert_id, '|', 3) ~ '^[0-9]+$';

-- Down Migration
ALTER TABLE vehicle_alerts DROP COLUMN episode_start_ms;

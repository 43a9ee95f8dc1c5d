-- Up Migration

-- X6: each vehicle's latest driving clock event (driving.clock), from which
-- the view computes the clock at the last fix. An older or redelivered event
-- never replaces a newer one (at_ms, then kind_rank: the order of the events
-- of one fix). Writes NOTIFY the read model like the alerts (1700000003010).
CREATE TABLE vehicle_clocks (
  vehicle_key        text PRIMARY KEY,
  event_id           text     NOT NULL,
  kind               text     NOT NULL,
  kind_rank          smallint NOT NULL,
  at_ms              bigint   NOT NULL,
  state              text     NOT NULL CHECK (state IN ('DRIVING', 'RESTING')),
  continuous_s       integer  NOT NULL,
  daily_s            integer  NOT NULL,
  today_s            integer  NOT NULL,
  driving_since_ms   bigint,
  resting_since_ms   bigint,
  rest_min_s         integer  NOT NULL,
  pre_warning_s      integer  NOT NULL,
  continuous_limit_s integer  NOT NULL,
  daily_limit_s      integer  NOT NULL
);

CREATE TRIGGER vehicle_clocks_cache_notify AFTER INSERT OR UPDATE OR DELETE ON vehicle_clocks
  FOR EACH ROW EXECUTE FUNCTION share_cache_notify();

-- Down Migration
DROP TABLE vehicle_clocks;

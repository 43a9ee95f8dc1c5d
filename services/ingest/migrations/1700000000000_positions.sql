-- Up Migration

-- Dynamic monitoring data (SPEC §5). One row per (vehicle, GNSS time): the
-- primary key makes redelivered and resent positions idempotent and serves
-- "track of a vehicle over a time range" queries.
-- Units as in proto/safewatch/v1/position.proto: micro-degrees WGS-84,
-- 0.1 km/h, degrees, metres, 0.1 km.
CREATE TABLE positions (
  plate_number text        NOT NULL,
  plate_color  smallint    NOT NULL,
  gnss_time    timestamptz NOT NULL,
  lat_e6       integer     NOT NULL,
  lon_e6       integer     NOT NULL,
  speed_dkmh   integer     NOT NULL,
  heading_deg  smallint    NOT NULL,
  altitude_m   integer     NOT NULL,
  alarm_flags  bigint      NOT NULL,
  status_flags bigint      NOT NULL,
  odometer_hm  bigint      NOT NULL,
  platform_id  text        NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT positions_pkey PRIMARY KEY (plate_number, plate_color, gnss_time)
);

-- With TimescaleDB (needs the extension preloaded): a hypertable in daily
-- chunks, compressed per vehicle after 7 days, and a retention policy that
-- drops chunks once all their data is older than 6 months — the minimum the
-- rules require us to keep. Without it: the same table, plain, plus the time
-- index the hypertable would have created.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
     AND current_setting('shared_preload_libraries', true) LIKE '%timescaledb%' THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public;
    PERFORM public.create_hypertable('positions', 'gnss_time', chunk_time_interval => INTERVAL '1 day');
    ALTER TABLE positions SET (
      timescaledb.compress,
      timescaledb.compress_segmentby = 'plate_number, plate_color',
      timescaledb.compress_orderby = 'gnss_time DESC'
    );
    PERFORM public.add_compression_policy('positions', INTERVAL '7 days');
    PERFORM public.add_retention_policy('positions', INTERVAL '6 months');
  ELSE
    CREATE INDEX positions_gnss_time_idx ON positions (gnss_time DESC);
  END IF;
END
$$;

-- Down Migration
DROP TABLE positions;

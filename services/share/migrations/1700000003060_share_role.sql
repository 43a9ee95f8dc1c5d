-- Up Migration

-- Least privilege for the share service. Since today's track (X7) it reads
-- ingest's `positions`: it may SELECT them and never write them. The group
-- role safewatch_share holds exactly what the service does:
--   * SELECT on positions (ingest's; the only table of another service it uses),
--   * SELECT, INSERT, UPDATE, DELETE on its own tables,
-- and the service connects as a login role that is a member of it
-- (deploy/k8s/README.md "Database roles", docker-compose.yml `db-roles`);
-- the migrations keep running as the owner of the schema.
--
-- The role is created here when the migrating user may create roles; where
-- it may not, a DBA creates it first (CREATE ROLE safewatch_share NOLOGIN)
-- and the grants below are given on the next migration of a new schema, or by
-- hand. Roles belong to the cluster, grants to this schema.
-- A share migration that adds a table grants it to safewatch_share too.
DO $$
DECLARE
  own text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safewatch_share') THEN
    BEGIN
      CREATE ROLE safewatch_share NOLOGIN;
    EXCEPTION
      -- Another schema's migration created it at the same moment.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'role safewatch_share not created (the migrating user lacks CREATEROLE): see deploy/k8s/README.md';
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safewatch_share') THEN
    RETURN;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO safewatch_share', current_schema());
  -- Ingest's migrations run before the share service's (`npm run migrate` goes by service name).
  IF to_regclass('positions') IS NOT NULL THEN
    GRANT SELECT ON positions TO safewatch_share;
  ELSE
    RAISE NOTICE 'no table positions yet: run the ingest migrations first, then GRANT SELECT ON positions TO safewatch_share';
  END IF;
  FOREACH own IN ARRAY ARRAY['current_bindings', 'shares', 'share_views', 'vehicle_alerts',
                             'vehicle_reminders', 'binding_history', 'vehicle_clocks'] LOOP
    IF to_regclass(own) IS NOT NULL THEN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO safewatch_share', own);
    END IF;
  END LOOP;
END
$$;

-- Down Migration
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safewatch_share') THEN
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM safewatch_share', current_schema());
    EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM safewatch_share', current_schema());
  END IF;
END
$$;

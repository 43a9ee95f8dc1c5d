-- The share service's login role, for docker-compose.yml's `db-roles` step
-- (run as the database owner, before the migrations; idempotent):
--   psql -v pw="$SHARE_DB_PASSWORD" -f share-role.sql
-- safewatch_share holds what the service may do, granted by the migration
-- services/share/migrations/1700000003060_share_role.sql: SELECT on ingest's
-- positions, read/write on the share service's own tables, nothing else.
-- On Kubernetes a DBA does the same (deploy/k8s/README.md, "Database roles").
SELECT 'CREATE ROLE safewatch_share NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safewatch_share') \gexec
SELECT 'CREATE ROLE safewatch_share_app LOGIN IN ROLE safewatch_share'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safewatch_share_app') \gexec
ALTER ROLE safewatch_share_app PASSWORD :'pw';

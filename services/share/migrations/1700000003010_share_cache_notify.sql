-- Up Migration
-- Every instance of the share service keeps share rows and each vehicle's
-- alerts and reminders in memory (src/adapters/read-model.ts). These triggers
-- tell all of them, on commit, which entry changed: channel share_cache,
-- payload "<schema> s <token hash hex>" or "<schema> v <vehicle key>" (the
-- schema, because one database may hold several deployments' schemas).
CREATE FUNCTION share_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'shares' THEN
    PERFORM pg_notify('share_cache', TG_TABLE_SCHEMA || ' s ' || encode(r.token_hash, 'hex'));
  ELSE
    PERFORM pg_notify('share_cache', TG_TABLE_SCHEMA || ' v ' || r.vehicle_key);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER shares_cache_notify AFTER UPDATE OR DELETE ON shares
  FOR EACH ROW EXECUTE FUNCTION share_cache_notify();
CREATE TRIGGER vehicle_alerts_cache_notify AFTER INSERT OR UPDATE OR DELETE ON vehicle_alerts
  FOR EACH ROW EXECUTE FUNCTION share_cache_notify();
CREATE TRIGGER vehicle_reminders_cache_notify AFTER INSERT OR UPDATE OR DELETE ON vehicle_reminders
  FOR EACH ROW EXECUTE FUNCTION share_cache_notify();

-- Down Migration
DROP TRIGGER vehicle_reminders_cache_notify ON vehicle_reminders;
DROP TRIGGER vehicle_alerts_cache_notify ON vehicle_alerts;
DROP TRIGGER shares_cache_notify ON shares;
DROP FUNCTION share_cache_notify();

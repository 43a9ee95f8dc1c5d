-- Up Migration
-- The share notifications also carry the share id: every instance ends its
-- own open streams of a share ended through another instance (S5, S8,
-- expiry) at once, not at its next tick. Payload "<schema> s <token hash hex>
-- <share id>"; readers of the old three-part payload ignore the rest.
CREATE OR REPLACE FUNCTION share_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'shares' THEN
    PERFORM pg_notify('share_cache', TG_TABLE_SCHEMA || ' s ' || encode(r.token_hash, 'hex') || ' ' || r.share_id);
  ELSE
    PERFORM pg_notify('share_cache', TG_TABLE_SCHEMA || ' v ' || r.vehicle_key);
  END IF;
  RETURN NULL;
END
$$;

-- Down Migration
CREATE OR REPLACE FUNCTION share_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- Up Migration

-- X8 family notifications.
--
-- Where a share's claimed viewer is notified, one address per channel:
--   WECHAT   {"openId": "..."} (the viewer's openid in the mini-program),
--   WEB_PUSH the browser's PushSubscription {"endpoint", "keys": {"p256dh", "auth"}}.
-- A permanent refusal (WeChat 43101, a push subscription gone: 404/410) stops
-- the channel until the viewer opts in again.
CREATE TABLE notify_endpoints (
  share_id       uuid NOT NULL REFERENCES shares (share_id) ON DELETE CASCADE,
  channel        text NOT NULL CHECK (channel IN ('WECHAT', 'WEB_PUSH')),
  viewer_id      text NOT NULL,
  address        jsonb NOT NULL,
  refused_at     timestamptz,
  refused_reason text,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (share_id, channel)
);

-- The kinds a viewer consented to per channel; for WeChat the subscription
-- template consented to (the mini-program reports wx.requestSubscribeMessage's answer).
CREATE TABLE notify_consents (
  share_id    uuid NOT NULL,
  channel     text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE')),
  template_id text,
  granted_at  timestamptz NOT NULL,
  PRIMARY KEY (share_id, channel, kind),
  FOREIGN KEY (share_id, channel) REFERENCES notify_endpoints (share_id, channel) ON DELETE CASCADE
);

-- Consent ends with the share: when a share ends (cancelled, unbound, expired)
-- its addresses and consents are deleted in the same transaction.
CREATE FUNCTION notify_forget_ended_share() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM notify_endpoints WHERE share_id = NEW.share_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER shares_ended_forget_notify
  AFTER UPDATE OF ended_at ON shares
  FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
  EXECUTE FUNCTION notify_forget_ended_share();

-- The outbox: one row per notification, written (with its idempotency key)
-- before anything is sent. key = channel|viewer|vehicle|kind:episode start,
-- so a redelivered alert, a restarted notifier or a second share of the same
-- truck finds the row and sends nothing again.
--   PENDING  waiting for its first or next attempt (next_at),
--   SENDING  taken by a notifier until lease_until (one that died leaves it to another after the lease),
--   SENT     delivered to WeChat or the push service,
--   FAILED   refused, invalid, or given up after the last attempt (last_error),
--   DROPPED  not sent: the share ended, the consent or the address is gone (last_error).
CREATE TABLE notify_outbox (
  key         text PRIMARY KEY,
  share_id    uuid NOT NULL,
  viewer_id   text NOT NULL,
  channel     text NOT NULL CHECK (channel IN ('WECHAT', 'WEB_PUSH')),
  kind        text NOT NULL CHECK (kind IN ('PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE')),
  episode_id  text NOT NULL,
  event_at    timestamptz NOT NULL,
  heard_at    timestamptz NOT NULL,
  message     jsonb NOT NULL,
  state       text NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED')),
  attempts    integer NOT NULL DEFAULT 0,
  next_at     timestamptz NOT NULL,
  lease_until timestamptz,
  last_error  text,
  sent_at     timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX notify_outbox_due_idx ON notify_outbox (next_at) WHERE state IN ('PENDING', 'SENDING');
CREATE INDEX notify_outbox_cooldown_idx ON notify_outbox (share_id, channel, kind, event_at DESC);

DO $$
DECLARE
  own text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safewatch_share') THEN
    FOREACH own IN ARRAY ARRAY['notify_endpoints', 'notify_consents', 'notify_outbox'] LOOP
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO safewatch_share', own);
    END LOOP;
  END IF;
END
$$;

-- Down Migration
DROP TABLE notify_outbox;
DROP TRIGGER shares_ended_forget_notify ON shares;
DROP FUNCTION notify_forget_ended_share();
DROP TABLE notify_consents;
DROP TABLE notify_endpoints;

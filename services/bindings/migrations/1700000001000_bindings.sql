-- Up Migration

-- Reference data from the road transport administration system (SPEC §2),
-- loaded by the registry import command. A vehicle is plate number + colour;
-- vehicle_id is the stable id used in URLs.
CREATE TABLE registry_vehicles (
  vehicle_id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plate_number              text NOT NULL,
  plate_color               smallint NOT NULL,
  transport_cert_no         text NOT NULL,          -- 道路运输证号
  vin                       text NOT NULL,
  carrier_id                text NOT NULL,          -- owning carrier (业户)
  transport_cert_expires_on date,
  is_freight                boolean NOT NULL DEFAULT true,
  updated_at                timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT registry_vehicles_plate_key UNIQUE (plate_number, plate_color)
);
CREATE INDEX registry_vehicles_carrier_idx ON registry_vehicles (carrier_id);

-- Drivers' qualification certificates (从业资格证). driver_id is the identity
-- provider's subject id of the person (the JWT `sub` of role driver).
-- name and phone are personal data: shown masked to carriers only, never logged.
CREATE TABLE registry_drivers (
  driver_id                     text PRIMARY KEY,
  qualification_cert_no         text NOT NULL,
  qualification_cert_expires_on date,
  name                          text NOT NULL DEFAULT '',
  phone                         text NOT NULL DEFAULT '',
  updated_at                    timestamptz NOT NULL DEFAULT now()
);

-- Person-vehicle bindings. A row is current while unbound_at is null, and
-- history afterwards. One current binding per (driver, vehicle).
CREATE TABLE bindings (
  binding_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  driver_id    text NOT NULL,
  vehicle_id   uuid NOT NULL REFERENCES registry_vehicles (vehicle_id),
  channel      text NOT NULL CHECK (channel IN ('SELF', 'REBIND', 'DELEGATED')),
  delegate_id  text,                                  -- family member who completed a delegated binding
  bound_at     timestamptz NOT NULL DEFAULT now(),
  unbound_at   timestamptz,
  unbound_by   text CHECK (unbound_by IN ('DRIVER', 'CARRIER')),
  CONSTRAINT bindings_unbound_consistent CHECK ((unbound_at IS NULL) = (unbound_by IS NULL))
);
CREATE UNIQUE INDEX bindings_current_key ON bindings (driver_id, vehicle_id) WHERE unbound_at IS NULL;
CREATE INDEX bindings_driver_idx ON bindings (driver_id, bound_at DESC);
CREATE INDEX bindings_vehicle_current_idx ON bindings (vehicle_id) WHERE unbound_at IS NULL;
CREATE INDEX bindings_delegate_idx ON bindings (delegate_id) WHERE delegate_id IS NOT NULL;

-- B5 one-time delegation links. Only a hash of the token is stored.
CREATE TABLE delegations (
  delegation_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash    bytea NOT NULL UNIQUE,
  driver_id     text NOT NULL,
  plate_number  text NOT NULL,
  plate_color   smallint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  completed_at  timestamptz,
  completed_by  text,
  binding_id    uuid REFERENCES bindings (binding_id)
);
CREATE INDEX delegations_driver_idx ON delegations (driver_id, created_at DESC);

-- Transactional outbox: events are written in the same transaction as the
-- change they describe, and relayed to Kafka `bindings.events` afterwards.
CREATE TABLE outbox (
  id           bigserial PRIMARY KEY,
  event_id     uuid NOT NULL UNIQUE,
  topic        text NOT NULL,
  message_key  text NOT NULL,
  payload      bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;

-- Down Migration
DROP TABLE outbox;
DROP TABLE delegations;
DROP TABLE bindings;
DROP TABLE registry_drivers;
DROP TABLE registry_vehicles;

import { problemResponses } from '@safewatch/common';

/** JSON schemas of the bindings API: validated by fastify, documented in /openapi.json. */
const plateColor = {
  type: 'integer',
  // Codes are small; beyond smallint the registry lookup itself would fail (500).
  minimum: 0,
  maximum: 255,
  description: 'Plate colour code (JT/T 697.7): 1 blue, 2 yellow, 3 black, 4 white, 5 green, 9 other, 91-94',
} as const;
const plateNumber = {
  type: 'string',
  minLength: 1,
  maxLength: 16,
  description: 'e.g. 鲁A12345 (full-width and spaces are normalised)',
} as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;

export const vehicleIdParams = {
  type: 'object',
  required: ['vehicleId'],
  properties: { vehicleId: { type: 'string', format: 'uuid' } },
} as const;

export const tokenParams = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

export const bindBody = {
  type: 'object',
  required: ['plateNumber', 'plateColor', 'transportCertNo', 'vin'],
  additionalProperties: false,
  properties: {
    plateNumber,
    plateColor,
    transportCertNo: { type: 'string', minLength: 1, maxLength: 40, description: '道路运输证号' },
    vin: { type: 'string', minLength: 1, maxLength: 40 },
  },
} as const;

export const delegationBody = {
  type: 'object',
  required: ['plateNumber', 'plateColor'],
  additionalProperties: false,
  properties: { plateNumber, plateColor },
} as const;

export const completeDelegationBody = {
  type: 'object',
  required: ['transportCertNo', 'vin'],
  additionalProperties: false,
  properties: {
    transportCertNo: { type: 'string', minLength: 1, maxLength: 40 },
    vin: { type: 'string', minLength: 1, maxLength: 40 },
  },
} as const;

export const lastPosition = {
  type: ['object', 'null'],
  description: 'Last position reported for the vehicle (WGS-84), null if none yet',
  properties: {
    gnssTime: dateTime,
    lat: { type: 'number' },
    lon: { type: 'number' },
    speedKmh: { type: 'number' },
    headingDeg: { type: 'integer' },
  },
} as const;

export const binding = {
  type: 'object',
  properties: {
    vehicleId: { type: 'string' },
    plateNumber: { type: 'string' },
    plateColor: { type: 'integer' },
    channel: { type: 'string', enum: ['SELF', 'REBIND', 'DELEGATED'] },
    boundAt: dateTime,
    unboundAt: nullableDateTime,
    unboundBy: { type: ['string', 'null'], enum: ['DRIVER', 'CARRIER', null] },
    lastPosition,
  },
} as const;

export const bindingEnvelope = { type: 'object', properties: { binding } } as const;

export const driverListQuery = {
  type: 'object',
  properties: { list: { type: 'string', enum: ['current', 'history'], default: 'current' } },
} as const;

export const carrierListQuery = {
  type: 'object',
  properties: { list: { type: 'string', enum: ['bound', 'all'], default: 'bound' } },
} as const;

export const carrierVehicle = {
  type: 'object',
  properties: {
    vehicleId: { type: 'string' },
    plateNumber: { type: 'string' },
    plateColor: { type: 'integer' },
    transportCertExpiresOn: { type: ['string', 'null'] },
    currentBindings: { type: 'integer' },
  },
} as const;

export const carrierVehicleDetail = {
  type: 'object',
  properties: {
    ...carrierVehicle.properties,
    bindings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          driverId: { type: 'string' },
          driverName: { type: 'string', description: 'masked, e.g. 张*丰' },
          driverPhone: { type: 'string', description: 'masked, e.g. 138****1234' },
          channel: { type: 'string' },
          boundAt: dateTime,
          unboundAt: nullableDateTime,
          unboundBy: { type: ['string', 'null'] },
          current: { type: 'boolean' },
        },
      },
    },
  },
} as const;

export const createdDelegation = {
  type: 'object',
  properties: {
    delegationId: { type: 'string' },
    token: { type: 'string', description: 'one-time token (256 bits); send the link to one family member' },
    link: { type: 'string' },
    plateNumber: { type: 'string' },
    plateColor: { type: 'integer' },
    expiresAt: dateTime,
  },
} as const;

export const delegationView = {
  type: 'object',
  properties: { plateNumber: { type: 'string' }, plateColor: { type: 'integer' }, expiresAt: dateTime },
} as const;

export const delegatedVehicle = {
  type: 'object',
  properties: {
    vehicleId: { type: 'string' },
    plateNumber: { type: 'string' },
    plateColor: { type: 'integer' },
    delegatingDriver: { type: 'object', properties: { name: { type: 'string', description: 'masked' } } },
    boundAt: dateTime,
    current: { type: 'boolean' },
  },
} as const;

/**
 * The refusals each route documents next to the platform's (400, 401, 403,
 * 413, 429: see buildHttpApp's OpenAPI). Codes first: clients switch on them.
 */
const NOT_QUALIFIED =
  'NO_QUALIFICATION: no valid qualification certificate on record (B7); FORBIDDEN: not this role';
const NOT_VERIFIED =
  'VEHICLE_NOT_VERIFIED with `failedCheck` (B1): the details do not match one registered freight vehicle';
const LIMITS = 'BINDING_LIMIT_CURRENT (B2), BINDING_LIMIT_12_MONTHS (B3) or ALREADY_BOUND';

export const refusals = {
  bind: problemResponses({ 403: NOT_QUALIFIED, 409: LIMITS, 422: NOT_VERIFIED }),
  unbind: problemResponses({ 409: 'NOT_BOUND: the vehicle is not currently bound to this driver' }),
  rebind: problemResponses({
    403: NOT_QUALIFIED,
    404: "NOT_FOUND: the vehicle is not in this driver's binding history",
    409: LIMITS,
  }),
  delegate: problemResponses({ 403: NOT_QUALIFIED, 422: NOT_VERIFIED }),
  openDelegation: problemResponses({
    404: 'NOT_FOUND: no such delegation link',
    410: 'DELEGATION_ENDED: the link was already used or has expired',
  }),
  completeDelegation: problemResponses({
    403: `${NOT_QUALIFIED} (the delegating driver's)`,
    404: 'NOT_FOUND: no such delegation link',
    409: LIMITS,
    410: 'DELEGATION_ENDED: the link was already used or has expired',
    422: NOT_VERIFIED,
  }),
  carrierVehicle: problemResponses({
    404: "NOT_FOUND: no such vehicle among the carrier's own (another carrier's vehicle answers the same)",
  }),
  carrierUnbind: problemResponses({
    404: "NOT_FOUND: no such vehicle among the carrier's own (another carrier's vehicle answers the same)",
    409: 'NOT_BOUND: the driver is not currently bound to this vehicle',
  }),
};

export const itemsOf = (item: object, extra: Record<string, object> = {}) =>
  ({ type: 'object', properties: { items: { type: 'array', items: item }, ...extra } }) as const;

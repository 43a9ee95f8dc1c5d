/**
 * What the share routes answer, for their `response` schemas and so for
 * /openapi.json (API.md is the prose). The platform's own answers (400, 401,
 * 403, 413 and 429 of `config.rateLimit`) are added by buildHttpApp.
 */
import { problemResponses } from '@safewatch/common';
import { DURATIONS } from '../domain/share.rules.js';
import { SharedVehicleSchema, TrackSchema, ViewSchema } from '../domain/view.schema.js';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const status = { type: 'string', enum: ['active', 'ended'] } as const;
/**
 * A closed object whose every property is required: its answers are
 * serialised from this schema (fast-json-stringify), so a missing field
 * fails instead of being left out, and the document says exactly what comes.
 */
const object = (properties: Record<string, object>, description?: string) =>
  ({
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  }) as const;

const ENDED = 'SHARE_ENDED: 车辆动态已结束 (expired, cancelled or unbound), with `reason`';
const UNKNOWN = 'NOT_FOUND: no such share link (or, for the view, not claimed yet)';
const CLAIMED =
  "SHARE_CLAIMED: opened by someone else; SHARE_OWN_LINK: the caller is the link's own driver (S12); FORBIDDEN: neither a family nor a driver token";
const PER_LINK = 'RATE_LIMITED: too many requests from this IP or for this link; retry after `retry-after` s';

export const shareResponses = {
  create: {
    201: object({
      shareId: str,
      token: { type: 'string', description: '256 bits, base64url; only its SHA-256 is stored' },
      link: str,
      vehicleId: str,
      plateNumber: str,
      plateColor: int,
      duration: { type: 'string', enum: [...DURATIONS] },
      expiresAt: dateTime,
    }),
    ...problemResponses({
      409: 'NOT_BOUND (S1), SHARE_OTHER_VEHICLE_ACTIVE (S4) or SHARE_LIMIT_VEHICLE (S3)',
    }),
  },
  list: {
    200: object({
      items: {
        type: 'array',
        items: object({
          shareId: str,
          vehicleId: str,
          plateNumber: str,
          plateColor: int,
          duration: str,
          createdAt: dateTime,
          expiresAt: dateTime,
          status,
          endedReason: { type: ['string', 'null'] },
          claimed: { type: 'boolean' },
          views: { type: 'array', items: object({ at: dateTime }) },
        }),
      },
    }),
  },
  cancel: {
    200: object({ share: object({ shareId: str, status: str, endedReason: str }) }),
    ...problemResponses({ 404: "NOT_FOUND: no active share with this id among the driver's" }),
  },
  cancelVehicle: { 200: object({ cancelled: int }) },
  claim: {
    200: object({ shareId: str, plateNumber: str, plateColor: int, expiresAt: dateTime }),
    ...problemResponses({ 403: CLAIMED, 404: 'NOT_FOUND: no such share link', 410: ENDED, 429: PER_LINK }),
  },
  view: {
    200: ViewSchema,
    304: { description: 'Not modified: If-None-Match matched the ETag', type: 'null' },
    ...problemResponses({ 403: CLAIMED, 404: UNKNOWN, 410: ENDED, 429: PER_LINK }),
  },
  track: {
    200: TrackSchema,
    ...problemResponses({ 403: CLAIMED, 404: UNKNOWN, 410: ENDED, 429: PER_LINK }),
  },
  sharedWithMe: {
    200: object(
      {
        items: {
          type: 'array',
          items: SharedVehicleSchema,
        },
      },
      'The share links this viewer claimed (S9; for a driver, S12: vehicles others shared with him)',
    ),
  },
  devViewerToken: { 200: object({ token: str }) },
};

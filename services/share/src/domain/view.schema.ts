/**
 * The family's view, defined once (S6, S10, S11, X3): these JSON schemas are
 * the OpenAPI response schemas, the serialisers of the view answer and of the
 * stream frames are compiled from them (an unknown field is never sent, a
 * missing one fails), and their static types are what the page reads.
 */
import { type Static, Type } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const LatLonSchema = Type.Object({ lat: Type.Number(), lon: Type.Number() }, closed);

/** X3: every coordinate in WGS-84 (as stored) and GCJ-02 (for Chinese map components), decimal degrees. */
export const PlaceSchema = Type.Object(
  {
    wgs84: LatLonSchema,
    gcj02: LatLonSchema,
    text: Nullable(
      Type.String({ description: 'X5: the place in words, e.g. "G2京沪高速 · 泰安市岱岳区附近"' }),
    ),
  },
  { ...closed, description: 'WGS-84 as stored and GCJ-02 for Chinese map components (X3)' },
);

export const PositionSchema = Type.Object(
  {
    gnssTime: DateTime,
    wgs84: LatLonSchema,
    gcj02: LatLonSchema,
    text: Nullable(Type.String({ description: 'X5: where the truck is, in words' })),
    speedKmh: Type.Number(),
    headingDeg: Type.Integer(),
  },
  closed,
);

export const RestStopSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    type: Type.Union(
      ['FUEL_STATION', 'LOGISTICS_PARK', 'EXPRESSWAY_SERVICE_AREA', 'OTHER', 'UNSPECIFIED'].map((t) =>
        Type.Literal(t),
      ),
    ),
    services: Type.Array(Type.String()),
    distanceM: Type.Integer({ description: 'from the truck when suggested' }),
    location: PlaceSchema,
  },
  closed,
);

/** S10: one speeding or fatigue episode. */
export const EpisodeSchema = Type.Object(
  {
    episodeId: Type.String({ description: 'stable per episode' }),
    kind: Type.Union([
      Type.Literal('SPEEDING'),
      Type.Literal('FATIGUE_CONTINUOUS'),
      Type.Literal('FATIGUE_DAILY'),
      Type.Literal('FATIGUE_PRE_WARNING'),
    ]),
    state: Type.Union([Type.Literal('ONGOING'), Type.Literal('ENDED')]),
    startedAt: DateTime,
    endedAt: Nullable(DateTime),
    durationS: Type.Integer({ description: 'ended: its length; ongoing: so far, to the latest fix' }),
    source: Type.Union([
      Type.Literal('DETECTED'),
      Type.Literal('PLATFORM'),
      Type.Literal('DETECTED_AND_PLATFORM'),
    ]),
    platformOnly: Type.Boolean({
      description: 'A4: flagged by the positioning platform only; our own figures do not confirm it',
    }),
    sourceText: Type.String({ description: 'who found it, in plain words' }),
    speeding: Nullable(Type.Object({ peakKmh: Type.Number(), limitKmh: Type.Integer() }, closed)),
    fatigue: Nullable(
      Type.Object(
        {
          drivingSince: DateTime,
          continuousDrivingS: Type.Integer(),
          cumulativeDrivingS: Type.Integer(),
          limitS: Type.Integer(),
        },
        closed,
      ),
    ),
    place: Nullable(PlaceSchema),
    endPlace: Nullable(PlaceSchema),
    restStops: Type.Array(RestStopSchema, { description: 'X1: the nearest rest stops ahead (fatigue)' }),
  },
  closed,
);

export const CertificateSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('TRANSPORT'), Type.Literal('QUALIFICATION')]),
    status: Type.Union([Type.Literal('EXPIRING'), Type.Literal('EXPIRED')]),
    expiresOn: Type.String({ format: 'date' }),
    daysLeft: Type.Integer({ description: 'China days; negative once expired' }),
  },
  closed,
);

/** X6: the driving clock at the vehicle's last fix (domain/driving-clock.ts computes it). */
export const DrivingClockSchema = Type.Object(
  {
    state: Type.Union([Type.Literal('DRIVING'), Type.Literal('RESTING')]),
    asOf: Type.String({ format: 'date-time', description: 'the fix the figures are at (the last fix)' }),
    continuousDrivingS: Type.Integer({ description: 'driving since the last rest of at least restMinS' }),
    drivingSince: Nullable(DateTime),
    restDueInS: Type.Integer({
      description: 'until continuous driving reaches continuousLimitS; 0 once there',
    }),
    todayDrivingS: Type.Integer({ description: "driving since 00:00 China time of asOf's day" }),
    restingSince: Nullable(DateTime),
    restingS: Type.Integer({ description: 'resting: how long the stop has lasted so far; else 0' }),
    preWarning: Type.Boolean({ description: 'continuous driving ≥ preWarningS' }),
    limitReached: Type.Boolean({ description: 'continuous driving > continuousLimitS' }),
    restMinS: Type.Integer({ description: 'a stop resets continuous driving once it lasts this long' }),
    preWarningS: Type.Integer(),
    continuousLimitS: Type.Integer(),
  },
  closed,
);

/** The vehicle's part of a view: the same for every viewer of the vehicle. */
export const VehiclePartSchema = Type.Object(
  {
    online: Type.Boolean({ description: 'false without a fix in the last 10 minutes (S7)' }),
    position: Nullable(PositionSchema),
    episodes: Type.Array(EpisodeSchema, { description: 'S10: one item per episode, newest first' }),
    clock: Type.Union([DrivingClockSchema, Type.Null()], {
      description: 'X6: null while unknown or offline',
    }),
  },
  closed,
);

/** The share's part of a view. */
export const SharePartSchema = Type.Object(
  {
    shareId: Type.String(),
    plateNumber: Type.String(),
    plateColor: Type.Integer(),
    expiresAt: DateTime,
    refreshSeconds: Type.Integer(),
    certificates: Type.Array(CertificateSchema),
  },
  closed,
);

/** S6: the share view; the same JSON as a stream frame's data. */
export const ViewSchema = Type.Composite([SharePartSchema, VehiclePartSchema], {
  ...closed,
  description: 'The share view (S6, S10, S11, X3); the same JSON as the stream frames',
});

/** S9/S12: one share in a viewer's list of the vehicles shared with him. */
export const SharedVehicleSchema = Type.Object(
  {
    shareId: Type.String(),
    plateNumber: Type.String(),
    plateColor: Type.Integer(),
    expiresAt: DateTime,
    status: Type.Union([Type.Literal('active'), Type.Literal('ended')]),
  },
  closed,
);

/** X7: one point of today's track (simplified): its fix's time and place. */
export const TrackPointSchema = Type.Object(
  { gnssTime: DateTime, wgs84: LatLonSchema, gcj02: LatLonSchema },
  closed,
);

/** X7: a stop of 20 minutes or more (domain/track-stops.ts defines it). */
export const TrackStopSchema = Type.Object(
  {
    startedAt: DateTime,
    endedAt: DateTime,
    durationS: Type.Integer(),
    ongoing: Type.Boolean({ description: "it lasts to the day's last fix: the truck may still be there" }),
    place: PlaceSchema,
    placeText: Nullable(
      Type.String({ description: 'X5: the place in words; null until it can be described' }),
    ),
  },
  closed,
);

/** X7: the truck's route of the current China day (00:00 Asia/Shanghai to now). */
export const TrackSchema = Type.Object(
  {
    day: Type.String({ format: 'date', description: 'the China day (Asia/Shanghai)' }),
    from: DateTime,
    to: DateTime,
    fixes: Type.Integer({ description: "the day's fixes the track was drawn from" }),
    distanceM: Type.Integer({ description: "driven today along the fixes (stops' jitter left out)" }),
    points: Type.Array(TrackPointSchema, { maxItems: 500, description: 'simplified, oldest first' }),
    stops: Type.Array(TrackStopSchema, { description: 'oldest first' }),
    lastKnown: Type.Union([PositionSchema, Type.Null()], {
      description: 'without a fix today: the last known position',
    }),
    reason: Nullable(
      Type.String({ description: 'without a fix today: why the track is empty, in plain words' }),
    ),
  },
  { ...closed, description: "Today's track (X7)" },
);

export type SharedVehicle = Static<typeof SharedVehicleSchema>;
export type LatLon = Static<typeof LatLonSchema>;
export type PlaceView = Static<typeof PlaceSchema>;
export type PositionView = Static<typeof PositionSchema>;
export type RestStopView = Static<typeof RestStopSchema>;
export type EpisodeView = Static<typeof EpisodeSchema>;
export type CertificateView = Static<typeof CertificateSchema>;
export type VehiclePart = Static<typeof VehiclePartSchema>;
export type SharePart = Static<typeof SharePartSchema>;
export type View = Static<typeof ViewSchema>;
export type DrivingClockView = Static<typeof DrivingClockSchema>;
export type TrackPointView = Static<typeof TrackPointSchema>;
export type TrackStopView = Static<typeof TrackStopSchema>;
export type TrackView = Static<typeof TrackSchema>;

import { createHash } from 'node:crypto';
import ajvModule from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { ShareRow } from '../adapters/shares.repo.js';
import type { StoredClock } from '../domain/driving-clock.js';
import { place } from '../domain/geo.js';
import { ViewSchema } from '../domain/view.schema.js';
import { shareView, shareViewAnswer, shareViewJson, type VehicleView } from './view.builder.js';

// CommonJS modules: their default export is the module object under NodeNext typings.
const Ajv = ajvModule.default;
const addFormats = formatsModule.default;
const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(ViewSchema);

const share: ShareRow = {
  shareId: '0b5e1f4c-0000-4000-8000-000000000001',
  driverId: 'driver-1',
  vehicleId: '0b5e1f4c-0000-4000-8000-0000000000aa',
  plateNumber: '鲁A12345',
  plateColor: 2,
  duration: '7d',
  createdAt: new Date('2026-11-20T00:00:00Z'),
  expiresAt: new Date('2026-11-27T00:00:00Z'),
  endedAt: null,
  endedReason: null,
  claimedBy: 'family-1',
};
const now = new Date('2026-11-21T06:00:00Z');
const FATIGUE_START = Date.parse('2026-11-21T01:00:00Z');
const SPEED_START = Date.parse('2026-11-21T03:00:00Z');
const position = {
  gnssTimeMs: now.getTime() - 60_000,
  lat: 36.651,
  lon: 117.12,
  speedKmh: 82.5,
  headingDeg: 90,
  altitudeM: 40,
  alarmFlags: 0,
};
/** X6: driving since 09:00 China time (01:00Z), the pre-warning event at 12:30 (04:30Z). */
const drivingClock: StoredClock = {
  eventId: `鲁A12345:2|clock|PRE_WARNING|${Date.parse('2026-11-21T04:30:00Z')}`,
  vehicleKey: '鲁A12345:2',
  kind: 'PRE_WARNING',
  atMs: Date.parse('2026-11-21T04:30:00Z'),
  state: 'DRIVING',
  continuousDrivingS: 12_600,
  dailyDrivingS: 20_000,
  todayDrivingS: 18_000,
  drivingSinceMs: FATIGUE_START,
  restingSinceMs: null,
  restMinS: 1200,
  preWarningS: 12_600,
  continuousLimitS: 14_400,
  dailyLimitS: 28_800,
};
const vehicle = (over: Partial<VehicleView> = {}): VehicleView => ({
  position,
  // As the share service stores them: the protobuf detail (0.1 km/h, micro-degrees).
  alerts: [
    {
      alertId: `鲁A12345:2|FATIGUE_CONTINUOUS|${FATIGUE_START}|STARTED`,
      kind: 'FATIGUE_CONTINUOUS',
      phase: 'STARTED',
      source: 'DETECTED',
      occurredAt: '2026-11-21T05:00:00.000Z',
      episodeStartMs: FATIGUE_START,
      detail: {
        drivingSinceMs: FATIGUE_START,
        continuousDrivingS: 14_430,
        cumulativeDrivingS: 20_000,
        limitS: 14_400,
        place: { latE6: 36651000, lonE6: 117120000 },
        suggestedRestStops: [
          {
            id: 'rs-9',
            name: '济南东服务区 "司机之家"',
            type: 'REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA',
            location: { latE6: 36700000, lonE6: 117200000 },
            services: ['停车'],
            distanceM: 12_000,
          },
        ],
      },
    },
    {
      alertId: `鲁A12345:2|SPEEDING|${SPEED_START}|STARTED`,
      kind: 'SPEEDING',
      phase: 'STARTED',
      source: 'DETECTED',
      occurredAt: '2026-11-21T03:01:00.000Z',
      episodeStartMs: SPEED_START,
      detail: { startMs: SPEED_START, peakSpeedDkmh: 1080, limitKmh: 100, durationS: 60 },
    },
    {
      alertId: `鲁A12345:2|SPEEDING|${SPEED_START}|ENDED`,
      kind: 'SPEEDING',
      phase: 'ENDED',
      source: 'DETECTED',
      occurredAt: '2026-11-21T03:05:00.000Z',
      episodeStartMs: SPEED_START,
      detail: {
        startMs: SPEED_START,
        endMs: SPEED_START + 240_000,
        peakSpeedDkmh: 1143,
        limitKmh: 100,
        durationS: 240,
        startPlace: { latE6: 36600000, lonE6: 117000000 },
        endPlace: { latE6: 36610000, lonE6: 117050000 },
      },
    },
  ],
  reminders: [
    { driverId: '', kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01' },
    { driverId: 'driver-1', kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-11-01' },
    { driverId: 'driver-2', kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-10-01' },
  ],
  clock: drivingClock,
  version: 1,
  ...over,
});

describe('S6 view serialized with the vehicle part spliced in', () => {
  it.each([
    ['online with alerts and reminders', vehicle()],
    [
      'offline (last fix 11 min old)',
      vehicle({ position: { ...position, gnssTimeMs: now.getTime() - 11 * 60_000 } }),
    ],
    ['no position yet, no alerts', vehicle({ position: undefined, alerts: [], reminders: [], clock: null })],
    ['no vehicle data at all', undefined],
  ])('is exactly the view object, valid against the schema: %s', (_name, v) => {
    const sent = JSON.parse(shareViewJson(share, v, now));
    expect(sent).toEqual(shareView(share, v, now));
    expect(validate(sent), JSON.stringify(validate.errors)).toBe(true);
  });

  it('S10/S11/X3: alerts as episodes with the stored figures in km/h and both datums', () => {
    const { episodes } = JSON.parse(shareViewJson(share, vehicle(), now));
    expect(episodes.map((e: { kind: string; state: string }) => [e.kind, e.state])).toEqual([
      ['FATIGUE_CONTINUOUS', 'ONGOING'],
      ['SPEEDING', 'ENDED'],
    ]);
    const [fatigue, speeding] = episodes;
    expect(speeding).toMatchObject({
      speeding: { peakKmh: 114.3, limitKmh: 100 },
      durationS: 240,
      startedAt: '2026-11-21T03:00:00.000Z',
      endedAt: '2026-11-21T03:04:00.000Z',
      place: place(36.6, 117),
      endPlace: place(36.61, 117.05),
    });
    expect(fatigue.fatigue).toEqual({
      drivingSince: '2026-11-21T01:00:00.000Z',
      continuousDrivingS: 14_430,
      cumulativeDrivingS: 20_000,
      limitS: 14_400,
    });
    // Ongoing: from its start (05:00) to the latest fix (05:59).
    expect(fatigue.durationS).toBe(59 * 60);
    expect(fatigue.restStops[0]).toMatchObject({ type: 'EXPRESSWAY_SERVICE_AREA', distanceM: 12_000 });
    expect(fatigue.restStops[0].location).toEqual(place(36.7, 117.2));
  });

  it('X6: the driving clock at the last fix, from the stored event; none while offline', () => {
    // The last fix (05:59Z) is 1 h 29 min after the pre-warning event; without the alerts
    // service's limit event the clock stops at the limit (short stops do not count as driving).
    expect(JSON.parse(shareViewJson(share, vehicle(), now)).clock).toEqual({
      state: 'DRIVING',
      asOf: '2026-11-21T05:59:00.000Z',
      continuousDrivingS: 14_400,
      drivingSince: '2026-11-21T01:00:00.000Z',
      restDueInS: 0,
      todayDrivingS: 18_000 + 1800,
      restingSince: null,
      restingS: 0,
      preWarning: true,
      limitReached: false,
      restMinS: 1200,
      preWarningS: 12_600,
      continuousLimitS: 14_400,
    });
    const offline = vehicle({ position: { ...position, gnssTimeMs: now.getTime() - 11 * 60_000 } });
    expect(JSON.parse(shareViewJson(share, offline, now)).clock).toBeNull();
  });

  it('the schema refuses an unknown or a missing field', () => {
    const view = shareView(share, vehicle(), now);
    expect(validate({ ...view, alerts: [] })).toBe(false);
    const { online: _, ...missing } = view;
    expect(validate(missing)).toBe(false);
    const [e] = view.episodes;
    expect(validate({ ...view, episodes: [{ ...e, speeding: { peakSpeedKmh: 1 } }] })).toBe(false);
  });

  it('only the sharing driver’s certificates, never another driver’s', () => {
    const certificates = JSON.parse(shareViewJson(share, vehicle(), now)).certificates;
    expect(certificates).toEqual([
      { kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01', daysLeft: 10 },
      { kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-11-01', daysLeft: -20 },
    ]);
  });

  it('reuses the vehicle part while its fix and version are the same, and not once either changes', () => {
    const v = vehicle();
    const first = shareViewJson(share, v, now);
    const other = shareViewJson({ ...share, shareId: 'x', driverId: 'driver-2' }, v, now);
    expect(other.slice(other.indexOf('"online"'), other.indexOf(',"certificates"'))).toBe(
      first.slice(first.indexOf('"online"'), first.indexOf(',"certificates"')),
    );
    const moved = { ...v, position: { ...position, gnssTimeMs: position.gnssTimeMs + 30_000, lat: 36.7 } };
    expect(JSON.parse(shareViewJson(share, moved, now)).position.wgs84.lat).toBe(36.7);
    // Same objects, but 10 minutes later: offline.
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(JSON.parse(shareViewJson(share, v, later)).online).toBe(false);
  });
});

describe('S6/S7 view answer (body and ETag) kept per share', () => {
  const etagOf = (body: Buffer) =>
    `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

  it('is the view JSON in UTF-8 with an ETag of its bytes', () => {
    const a = shareViewAnswer({ ...share }, vehicle(), now);
    expect(a.body.toString('utf8')).toBe(shareViewJson(share, vehicle(), now));
    expect(a.etag).toBe(etagOf(a.body));
  });

  it('is the same answer while nothing shown changed, and a new one as soon as anything does', () => {
    const row = { ...share };
    const v = vehicle();
    const first = shareViewAnswer(row, v, now);
    // Another request a few seconds later, with the same objects (another VehicleView wrapper).
    expect(shareViewAnswer(row, { ...v }, new Date(now.getTime() + 5_000))).toBe(first);
    const changed: [string, () => ReturnType<typeof shareViewAnswer>][] = [
      [
        'new position',
        () =>
          shareViewAnswer(
            row,
            { ...v, position: { ...position, gnssTimeMs: position.gnssTimeMs + 30_000, lat: 36.7 } },
            now,
          ),
      ],
      ['new alerts', () => shareViewAnswer(row, { ...v, alerts: [], version: 2 }, now)],
      ['new reminders', () => shareViewAnswer(row, { ...v, reminders: [], version: 3 }, now)],
      [
        'new driving clock',
        () =>
          shareViewAnswer(
            row,
            {
              ...v,
              clock: { ...drivingClock, kind: 'LIMIT_REACHED' as const, continuousDrivingS: 14_430 },
              version: 4,
            },
            now,
          ),
      ],
      // The last fix is 1 min old: 9 min 1 s later the vehicle is offline (S7).
      ['offline', () => shareViewAnswer(row, v, new Date(now.getTime() + 9 * 60_000 + 1_000))],
      // 06:00Z is 14:00 in China: 10 h later the certificates' days left move on.
      ['next day in China', () => shareViewAnswer(row, v, new Date(now.getTime() + 10 * 3600_000))],
      [
        'share extended',
        () => shareViewAnswer({ ...row, expiresAt: new Date('2026-12-27T00:00:00Z') }, v, now),
      ],
    ];
    for (const [what, next] of changed) {
      const a = shareViewAnswer(row, v, now);
      const b = next();
      expect(b, what).not.toBe(a);
      expect(b.etag, what).toBe(etagOf(b.body));
      expect(b.etag, what).not.toBe(a.etag);
    }
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ShareRow } from '../adapters/shares.repo.js';
import { shareView, shareViewAnswer, shareViewJson, type VehicleView } from './view.builder.js';

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
const position = {
  gnssTimeMs: now.getTime() - 60_000,
  lat: 36.651,
  lon: 117.12,
  speedKmh: 82.5,
  headingDeg: 90,
  altitudeM: 40,
  alarmFlags: 0,
};
const vehicle = (over: Partial<VehicleView> = {}): VehicleView => ({
  position,
  alerts: [
    {
      alertId: 'a1',
      kind: 'FATIGUE_CONTINUOUS',
      phase: 'STARTED',
      source: 'DETECTED',
      occurredAt: '2026-11-21T05:00:00.000Z',
      detail: { restStops: [{ name: '济南东服务区 "司机之家"', distanceKm: 12 }] },
    },
  ],
  reminders: [
    { driverId: '', kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01' },
    { driverId: 'driver-1', kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-11-01' },
    { driverId: 'driver-2', kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-10-01' },
  ],
  ...over,
});

describe('S6 view serialized with the vehicle part spliced in', () => {
  it.each([
    ['online with alerts and reminders', vehicle()],
    [
      'offline (last fix 11 min old)',
      vehicle({ position: { ...position, gnssTimeMs: now.getTime() - 11 * 60_000 } }),
    ],
    ['no position yet, no alerts', vehicle({ position: undefined, alerts: [], reminders: [] })],
    ['no vehicle data at all', undefined],
  ])('is exactly the view object: %s', (_name, v) => {
    expect(JSON.parse(shareViewJson(share, v, now))).toEqual(shareView(share, v, now));
  });

  it('only the sharing driver’s certificates, never another driver’s', () => {
    const certificates = JSON.parse(shareViewJson(share, vehicle(), now)).certificates;
    expect(certificates).toEqual([
      { kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01', daysLeft: 10 },
      { kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-11-01', daysLeft: -20 },
    ]);
  });

  it('reuses the vehicle part while position and alerts are the same objects, and not once either changes', () => {
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

describe('S6/S7 view answer (body and ETag) kept per share row', () => {
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
      ['new position', () => shareViewAnswer(row, { ...v, position: { ...position, lat: 36.7 } }, now)],
      ['new alerts', () => shareViewAnswer(row, { ...v, alerts: [] }, now)],
      ['new reminders', () => shareViewAnswer(row, { ...v, reminders: [] }, now)],
      // The last fix is 1 min old: 9 min 1 s later the vehicle is offline (S7).
      ['offline', () => shareViewAnswer(row, v, new Date(now.getTime() + 9 * 60_000 + 1_000))],
      // 06:00Z is 14:00 in China: 10 h later the certificates' days left move on.
      ['next day in China', () => shareViewAnswer(row, v, new Date(now.getTime() + 10 * 3600_000))],
      ['another share row (the share changed)', () => shareViewAnswer({ ...row }, v, now)],
    ];
    for (const [what, next] of changed) {
      const a = shareViewAnswer(row, v, now);
      const b = next();
      expect(b, what).not.toBe(a);
      expect(b.etag, what).toBe(etagOf(b.body));
      if (what !== 'another share row (the share changed)') expect(b.etag, what).not.toBe(a.etag);
    }
  });
});

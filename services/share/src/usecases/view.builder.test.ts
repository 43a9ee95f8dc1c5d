import { describe, expect, it } from 'vitest';
import type { ShareRow } from '../adapters/shares.repo.js';
import { shareView, shareViewJson, type VehicleView } from './view.builder.js';

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

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROADS, SHANDONG_BBOX } from '@safewatch/simulator';
import { describe, expect, it } from 'vitest';
import { OfflineGeocoder } from './offline.geocoder.js';

const RESULTS_DIR = join(import.meta.dirname, '..', '..', '..', 'test-results', 'places');

/** Deterministic points: along the simulator's roads (where trucks are) and anywhere in Shandong's box. */
function points(n: number, onRoads: boolean): Float64Array {
  const out = new Float64Array(2 * n);
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    if (onRoads) {
      const road = ROADS[i % ROADS.length] as (typeof ROADS)[number];
      const k = Math.floor(rand() * (road.lat.length - 1));
      const f = rand();
      out[2 * i] = (road.lat[k] as number) + f * ((road.lat[k + 1] as number) - (road.lat[k] as number));
      out[2 * i + 1] = (road.lon[k] as number) + f * ((road.lon[k + 1] as number) - (road.lon[k] as number));
    } else {
      out[2 * i] = SHANDONG_BBOX.minLat + rand() * (SHANDONG_BBOX.maxLat - SHANDONG_BBOX.minLat);
      out[2 * i + 1] = SHANDONG_BBOX.minLon + rand() * (SHANDONG_BBOX.maxLon - SHANDONG_BBOX.minLon);
    }
  }
  return out;
}

function microsPerCall(geocoder: OfflineGeocoder, pts: Float64Array): number {
  const n = pts.length / 2;
  let sink = 0;
  for (let i = 0; i < Math.min(n, 5_000); i++)
    sink += geocoder.describeSync(pts[2 * i] as number, pts[2 * i + 1] as number).text.length;
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    sink += geocoder.describeSync(pts[2 * i] as number, pts[2 * i + 1] as number).text.length;
  const us = ((performance.now() - t0) * 1000) / n;
  expect(sink).toBeGreaterThan(0);
  return us;
}

describe('X5 offline geocoder cost', () => {
  it('X5: describes a position in microseconds, so the share service can do it inline', () => {
    const t0 = performance.now();
    const geocoder = OfflineGeocoder.load();
    const loadMs = performance.now() - t0;
    const n = 100_000;
    const roadUs = microsPerCall(geocoder, points(n, true));
    const anyUs = microsPerCall(geocoder, points(n, false));
    const report = [
      '# X5: offline geocoder cost (one core, this machine)',
      '',
      `- load (parse the boundaries, build the grids): ${loadMs.toFixed(0)} ms`,
      `- ${n.toLocaleString('en')} positions along the simulator roads: ${roadUs.toFixed(2)} µs a call (${Math.round(1e6 / roadUs).toLocaleString('en')} calls/s)`,
      `- ${n.toLocaleString('en')} positions anywhere in Shandong's box: ${anyUs.toFixed(2)} µs a call (${Math.round(1e6 / anyUs).toLocaleString('en')} calls/s)`,
      '',
    ].join('\n');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'per-call-cost.md'), report);
    console.log(report);
    // Thousands of calls a second is the need; the bound leaves room for slow CI machines.
    expect(roadUs).toBeLessThan(100);
    expect(anyUs).toBeLessThan(100);
  });
});

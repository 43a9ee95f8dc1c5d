/**
 * The people of the end-to-end benchmark, through the services' HTTP APIs:
 * one driver per shared truck binds it (bindings service, B1 against the
 * sample registry), shares it `sharesPerTruck` times (share service, once the
 * binding arrived through bindings.events), and each link is claimed by its
 * own family member. The drivers are added to the sample registry in a file
 * of this run (the sample's 20 drivers could bind only 60 trucks, B2).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSampleRegistry, type SampleVehicle } from '@safewatch/bindings/sample-registry';
import type { AuthConfig } from '@safewatch/common';
import { mintToken, sleep } from '@safewatch/common';
import type { Viewer } from './viewers.child.js';

const driverId = (i: number) => `bench-e2e-driver-${String(i).padStart(4, '0')}`;
/** A distinct client address per family member (x-forwarded-for through the trusted loopback proxy). */
const clientAddress = (i: number) => `10.77.${(i >> 8) & 255}.${i & 255}`;

/** The sample registry plus `drivers` qualified drivers of this benchmark; returns the file. */
export function writeRegistry(dir: string, drivers: number): string {
  const sample = readSampleRegistry();
  const extra = Array.from({ length: drivers }, (_, i) => ({
    driver_id: driverId(i),
    qualification_cert_no: `BENCHQ${String(i).padStart(10, '0')}`,
    qualification_cert_expires_on: '2035-12-31',
  }));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'registry.json');
  writeFileSync(file, JSON.stringify({ vehicles: sample.vehicles, drivers: [...sample.drivers, ...extra] }));
  return file;
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i] as T, i);
      }
    }),
  );
}

async function call(method: string, url: string, bearer: string, body?: unknown, forwardedFor?: string) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: bearer,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

export interface SharedFleet {
  viewers: Viewer[];
  trucks: number;
  /** Bind refusals of sample vehicles skipped, by problem code. */
  skipped: Record<string, number>;
  seconds: number;
}

export async function bindAndShare(opts: {
  auth: AuthConfig;
  bindingsBase: string;
  shareBase: string;
  trucks: number;
  sharesPerTruck: number;
}): Promise<SharedFleet> {
  const t0 = performance.now();
  const sample = readSampleRegistry();
  const bearer = (sub: string, role: 'driver' | 'family') =>
    `Bearer ${mintToken(opts.auth, { sub, role }, 4 * 3600)}`;
  const skipped: Record<string, number> = {};
  // B1: each driver binds one vehicle of the sample registry; refused vehicles are skipped.
  const bound: { driver: string; vehicleId: string; key: string }[] = [];
  let nextVehicle = 0;
  await pool(
    Array.from({ length: opts.trucks }, (_, i) => i),
    8,
    async (i) => {
      const driver = driverId(i);
      while (nextVehicle < sample.vehicles.length) {
        const v = sample.vehicles[nextVehicle++] as SampleVehicle;
        const r = await call(
          'POST',
          `${opts.bindingsBase}/v1/drivers/me/bindings`,
          bearer(driver, 'driver'),
          {
            plateNumber: v.plate_number,
            plateColor: v.plate_color,
            transportCertNo: v.transport_cert_no,
            vin: v.vin,
          },
        );
        const binding = r.body.binding as { vehicleId?: string } | undefined;
        if (r.status === 201 && binding?.vehicleId) {
          bound.push({ driver, vehicleId: binding.vehicleId, key: `${v.plate_number}:${v.plate_color}` });
          return;
        }
        const code = String(r.body.failedCheck ?? r.body.code ?? r.status);
        skipped[code] = (skipped[code] ?? 0) + 1;
      }
    },
  );
  if (bound.length < opts.trucks)
    throw new Error(
      `only ${bound.length} of ${opts.trucks} sample vehicles could be bound: ${JSON.stringify(skipped)}`,
    );

  // S1: shares, once the share service learned the binding from bindings.events; S2: claims.
  const viewers: Viewer[] = [];
  await pool(bound, 8, async (b, i) => {
    for (let j = 0; j < opts.sharesPerTruck; j++) {
      const deadline = Date.now() + 60_000;
      let token: string | undefined;
      while (!token) {
        const r = await call('POST', `${opts.shareBase}/v1/drivers/me/shares`, bearer(b.driver, 'driver'), {
          vehicleId: b.vehicleId,
          duration: '7d',
        });
        if (r.status === 201) token = String(r.body.token);
        else if (r.body.code === 'NOT_BOUND' && Date.now() < deadline) await sleep(300);
        else throw new Error(`share of ${b.key} refused: ${r.status} ${JSON.stringify(r.body)}`);
      }
      const n = i * opts.sharesPerTruck + j;
      const viewer = `bench-e2e-viewer-${n}`;
      const v: Viewer = {
        token,
        bearer: bearer(viewer, 'family'),
        forwardedFor: clientAddress(n),
        vehicleKey: b.key,
      };
      const claim = await call(
        'POST',
        `${opts.shareBase}/v1/shares/${token}/claim`,
        v.bearer,
        undefined,
        v.forwardedFor,
      );
      if (claim.status !== 200)
        throw new Error(`claim refused: ${claim.status} ${JSON.stringify(claim.body)}`);
      viewers.push(v);
    }
  });
  return { viewers, trucks: bound.length, skipped, seconds: (performance.now() - t0) / 1000 };
}

/**
 * X8: each viewer reports the mini-program's consent to every template (each
 * viewer his own openid). Returns how many were accepted; a refusal stops the run.
 */
export async function consentToWechat(
  shareBase: string,
  viewers: Viewer[],
  templates: string[],
): Promise<number> {
  let accepted = 0;
  await pool(viewers, 8, async (v, i) => {
    const r = await call(
      'PUT',
      `${shareBase}/v1/shares/${v.token}/notifications/wechat`,
      v.bearer,
      { openId: `o-bench-e2e-${i}`, results: Object.fromEntries(templates.map((t) => [t, 'accept'])) },
      v.forwardedFor,
    );
    if (r.status !== 200) throw new Error(`consent refused: ${r.status} ${JSON.stringify(r.body)}`);
    accepted += 1;
  });
  return accepted;
}

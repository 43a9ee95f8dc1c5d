/**
 * `npm start`'s demo: tokens for the sample registry's people with a bind
 * request to paste, a family link to open, and forgetting what an earlier
 * run stored for the period the simulator replays. (The simulated families
 * who opt in to notifications: families.ts.)
 */
import { readSampleRegistry } from '@safewatch/bindings/sample-registry';
import {
  type AuthConfig,
  authConfig,
  authEnv,
  createPgPool,
  DEV_JWT_SECRET,
  mintToken,
  type Principal,
  parseConfig,
  postgresEnv,
  Redis,
  redisEnv,
  z,
} from '@safewatch/common';

/** The token settings given to the services: ours, or the public development secret (as `npm run token`). */
export function devAuthEnv(): Record<string, string> {
  if (process.env.JWT_SECRET || process.env.JWT_PUBLIC_KEY) return {};
  return { JWT_SECRET: DEV_JWT_SECRET };
}

/** The services' token configuration with `auth` (devAuthEnv) over our environment. */
export function demoAuth(auth: Record<string, string>): AuthConfig {
  return authConfig(parseConfig(z.object(authEnv), { ...process.env, ...auth }));
}

/** A one-connection pool on the local Postgres (the services' settings). */
export function localPool() {
  const pg = parseConfig(z.object(postgresEnv), process.env);
  return createPgPool(
    { databaseUrl: pg.DATABASE_URL, schema: pg.PG_SCHEMA, poolSize: 1, applicationName: 'npm-start' },
    () => undefined,
  );
}

/** Runs `fn` with a one-connection pool on the local Postgres. */
export async function withPool<T>(fn: (pool: ReturnType<typeof createPgPool>) => Promise<T>): Promise<T> {
  const pool = localPool();
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

const DEMO_TTL_S = 12 * 3600;
const DEMO_PRINCIPALS: Record<string, Principal> = {
  DRIVER_TOKEN: { sub: 'driver-0001', role: 'driver' },
  FAMILY_TOKEN: { sub: 'family-0001', role: 'family' },
  CARRIER_TOKEN: { sub: 'carrier-user-0001', role: 'carrier', carrierId: 'carrier-jinan-01' },
};

/**
 * A family link to open in a browser: driver-0002 binds a simulated truck of
 * the sample registry (if not yet bound) and shares it for 7 days. Earlier
 * demo shares of that truck are cancelled first, so reruns keep working.
 */
export async function demoShareLink(
  bindingsBase: string,
  shareBase: string,
  auth: Record<string, string>,
): Promise<string> {
  const headers = {
    authorization: `Bearer ${mintToken(demoAuth(auth), { sub: 'driver-0002', role: 'driver' }, 3600)}`,
    'content-type': 'application/json',
  };
  const v = readSampleRegistry().vehicles[1];
  if (!v) throw new Error('the sample registry has no vehicles');
  await fetch(`${bindingsBase}/v1/drivers/me/bindings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      plateNumber: v.plate_number,
      plateColor: v.plate_color,
      transportCertNo: v.transport_cert_no,
      vin: v.vin,
    }),
  });
  const list = (await (await fetch(`${bindingsBase}/v1/drivers/me/bindings`, { headers })).json()) as {
    items: { vehicleId: string; plateNumber: string }[];
  };
  const vehicleId = list.items.find((b) => b.plateNumber === v.plate_number)?.vehicleId;
  if (!vehicleId) throw new Error(`could not bind ${v.plate_number} for the demo`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    // S5: the demo driver's earlier demo links end (at most 3 active per vehicle, S3). No body, so no content type.
    const cancelled = await fetch(`${shareBase}/v1/drivers/me/vehicles/${vehicleId}/shares`, {
      method: 'DELETE',
      headers: { authorization: headers.authorization },
    });
    if (!cancelled.ok) throw new Error(`cancelling the earlier demo links failed: ${await cancelled.text()}`);
    const r = await fetch(`${shareBase}/v1/drivers/me/shares`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ vehicleId, duration: '7d' }),
    });
    const body = (await r.json()) as { link?: string; code?: string };
    if (r.status === 201 && body.link)
      return `${body.link}   (${v.plate_number}, shared by driver-0002 for 7 days)`;
    // The share service learns the new binding from bindings.events within moments.
    if (body.code !== 'NOT_BOUND' || Date.now() > deadline)
      throw new Error(`demo share refused: ${JSON.stringify(body)}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

/** Demo tokens (12 h) for the sample registry's people, and a bind request to paste. */
export function demoTokens(base: string, auth: Record<string, string>): string {
  let tokens: string[];
  try {
    const cfg = demoAuth(auth);
    tokens = Object.entries(DEMO_PRINCIPALS).map(
      ([name, p]) => `export ${name}=${mintToken(cfg, p, DEMO_TTL_S)}   # ${p.role} ${p.carrierId ?? p.sub}`,
    );
  } catch (err) {
    return `(no demo tokens: ${err instanceof Error ? err.message : String(err)})`;
  }
  const v = readSampleRegistry().vehicles[0];
  if (!v) return tokens.join('\n');
  const claim = JSON.stringify({
    plateNumber: v.plate_number,
    plateColor: v.plate_color,
    transportCertNo: v.transport_cert_no,
    vin: v.vin,
  });
  const bearer = (name: string) => `-H "authorization: Bearer $${name}"`;
  return [
    `\ndemo tokens (valid ${DEMO_TTL_S / 3600} h; paste these lines into a shell):`,
    ...tokens,
    `# driver-0001 binds ${v.plate_number} (colour ${v.plate_color}) from the sample registry, then lists it:`,
    `curl -s -X POST ${base}/v1/drivers/me/bindings ${bearer('DRIVER_TOKEN')} -H 'content-type: application/json' -d '${claim}'; echo`,
    `curl -s ${base}/v1/drivers/me/bindings ${bearer('DRIVER_TOKEN')}; echo`,
    `curl -s '${base}/v1/carriers/me/vehicles?list=all' ${bearer('CARRIER_TOKEN')}; echo`,
    '',
  ].join('\n');
}

/**
 * The simulated fleet is replayed from `sinceMs` (the backfill) on every run,
 * and the data are kept between runs: what an earlier run stored for the same
 * simulated trucks after that instant would interleave with this run's fixes
 * (a track zig-zagging between two roads, a driving clock from another
 * drive). Forgets it: positions, alerts, clock events and their copies in the
 * share service from that instant on, and the alerts service's per-vehicle
 * state and the last positions. Bindings, shares and views are kept.
 */
export async function forgetOverlappingRun(sinceMs: number): Promise<number> {
  const since = new Date(sinceMs);
  const positions = await withPool(async (pool) => {
    const n = (await pool.query('DELETE FROM positions WHERE gnss_time >= $1', [since])).rowCount ?? 0;
    for (const table of ['alerts', 'driving_clock_events', 'vehicle_alerts'])
      await pool.query(`DELETE FROM ${table} WHERE occurred_at >= $1`, [since]);
    await pool.query('DELETE FROM vehicle_clocks WHERE at_ms >= $1', [sinceMs]);
    return n;
  });
  const { REDIS_URL, REDIS_KEY_PREFIX } = parseConfig(z.object(redisEnv), process.env);
  const redis = new Redis(REDIS_URL);
  try {
    for (const kind of ['alerts', 'last']) {
      const stream = redis.scanStream({ match: `${REDIS_KEY_PREFIX}${kind}:*`, count: 500 });
      for await (const keys of stream)
        if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
  return positions;
}

/**
 * HTTP fuzzing of every operation of the share OpenAPI document (fast-check,
 * fixed seed; FUZZ_SEED / FUZZ_RUNS / FUZZ_TIME_MS override): schema-shaped
 * and hostile path parameters, queries, headers and bodies, sent with a valid
 * token of each role, bad tokens and none. Never a 5xx, only documented
 * statuses, errors as problem+json with a stable code, security headers on
 * every answer; the process serves on with no polluted prototype.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { API_SECURITY_HEADERS, PROBLEM_CODES, type Principal } from '@safewatch/common';
import {
  attackTokens,
  formatFuzzReport,
  fuzzHttp,
  getInfra,
  injectSender,
  type OpenApiDocument,
  oddClaimTokens,
  operationsOf,
} from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Binding, bearer, type ShareEnv, startShare } from './helpers.js';

const infra = getInfra();
let e: ShareEnv;
/** The app's clock stands still: shares never expire during the run. */
const NOW = Date.parse('2026-11-21T02:00:00Z');
/** Security headers every answer carries. */
const SECURITY_HEADERS = Object.keys(API_SECURITY_HEADERS);

const BOUND: Binding[] = [1, 2, 3, 4].map((i) => [`driver-fz-${i}`, randomUUID(), `鲁F0000${i}`]);
const VIEWER = 'family-fz-1';

beforeAll(async () => {
  e = await startShare('share-fuzz', infra, { now: () => new Date(NOW) });
  await e.bind(BOUND);
});
afterAll(async () => {
  await e?.close();
});

const as = (p: Principal) => bearer(e.token(p));

async function share(driverSub: string, vehicleId: string) {
  const r = await e.app.server.inject({
    method: 'POST',
    url: '/v1/drivers/me/shares',
    headers: as({ sub: driverSub, role: 'driver' }),
    payload: { vehicleId, duration: '7d' },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { shareId: string; token: string };
}

describe('fuzzing every share operation', () => {
  it('answers any request with a documented status, never a 5xx; errors are problem+json with a stable code', async () => {
    const doc = (
      await e.app.server.inject({ method: 'GET', url: '/openapi.json' })
    ).json() as OpenApiDocument;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(9);

    const [d1, d2] = BOUND as [Binding, Binding];
    const claimed = await share(d1[0], d1[1]);
    const open = await share(d1[0], d1[1]);
    const ended = await share(d2[0], d2[1]);
    for (const t of [claimed.token, ended.token]) {
      const r = await e.app.server.inject({
        method: 'POST',
        url: `/v1/shares/${t}/claim`,
        headers: as({ sub: VIEWER, role: 'family' }),
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const cancel = await e.app.server.inject({
      method: 'DELETE',
      url: `/v1/drivers/me/shares/${ended.shareId}`,
      headers: as({ sub: d2[0], role: 'driver' }),
    });
    expect(cancel.statusCode, cancel.body).toBe(200);

    const bad = attackTokens(e.auth, { sub: VIEWER, role: 'family' });
    const odd = oddClaimTokens(e.auth);
    const callers: Record<string, Record<string, string>> = {
      'no token': {},
      'garbage token': { authorization: 'Bearer x.y.z' },
      'forged token': bearer(bad.forged),
      'expired token': bearer(bad.expired),
      'alg none': bearer(bad.algNone),
      'role array': bearer(odd['role array'] as string),
      'sub with NUL': bearer(odd['sub with NUL'] as string),
      claimer: as({ sub: VIEWER, role: 'family' }),
      'other family': as({ sub: 'family-fz-2', role: 'family' }),
      carrier: as({ sub: 'carrier-fz', role: 'carrier', carrierId: 'carrier-jinan-01' }),
      ops: as({ sub: 'ops-fz', role: 'ops' }),
    };
    for (const [sub] of BOUND) callers[`driver ${sub}`] = as({ sub, role: 'driver' });

    const tokens = [claimed.token, open.token, ended.token, randomBytes(32).toString('base64url')];
    const report = await fuzzHttp({
      label: 'share',
      operations,
      callers,
      samples: {
        token: tokens,
        // The claimed link stays active (neither its id nor its vehicle is offered to the cancel routes),
        // so that views of it reach the view builder.
        shareId: [open.shareId, ended.shareId],
        vehicleId: BOUND.slice(1).map((b) => b[1]),
        duration: ['3d', '7d', '1m', '1y'],
        format: ['json', 'csv'],
        from: ['2026-11-01', '2026-11-21'],
        to: ['2026-11-21', '2026-11-30'],
      },
      // The claimer's stream of an active link never ends (and the fuzzer claims links): the stream
      // only gets links that cannot stream.
      operationSamples: {
        'GET /v1/shares/{token}/stream': { token: [ended.token, tokens[3] as string] },
      },
      codes: new Set(Object.keys(PROBLEM_CODES)),
      requiredHeaders: SECURITY_HEADERS,
      numRuns: 6000,
      send: injectSender(e.app.server),
    });
    if (process.env.FUZZ_REPORT)
      console.log(`[fuzz share] seed ${report.seed}, ${report.runs} runs\n${formatFuzzReport(report)}`);
    expect(report.runs).toBeGreaterThan(500);
    for (const op of operations) expect(report.statuses.get(op.id)?.size ?? 0, op.id).toBeGreaterThan(0);
    const reached = operations.filter((op) =>
      [...(report.statuses.get(op.id)?.keys() ?? [])].some((s) => s !== 401 && s !== 403 && s !== 429),
    );
    expect(reached.map((op) => op.id)).toEqual(operations.map((op) => op.id));
    expect(e.app.hub.connections).toBe(0);

    expect((await e.app.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const list = await e.app.server.inject({
      method: 'GET',
      url: '/v1/drivers/me/shares',
      headers: as({ sub: d1[0], role: 'driver' }),
    });
    expect(list.statusCode, list.body).toBe(200);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  }, 120_000);
});

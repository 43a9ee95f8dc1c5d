/**
 * Authorization matrix of the share API (SPEC §4; S2, S5, S6, S12; X4) and the rate
 * limits of the share-link endpoints. Every endpoint × every kind of caller:
 * no, forged, expired and `alg: none` tokens get 401 UNAUTHENTICATED; a valid
 * token of another role gets 403 FORBIDDEN; the endpoint's own role reaches
 * the use case. One row per endpoint: a /v1 route of the OpenAPI document
 * without a row here fails the coverage test.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { lastPositionKey, type Principal, type Role } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { CALLERS, type Caller, callerHeaders, getInfra, isRoleCaller, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_RATE_LIMITS } from '../src/http/share.routes.js';
import { type Binding, bearer, type ShareEnv, startShare } from './helpers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const infra = getInfra();
let e: ShareEnv;
/** The app's clock stands still: shares never expire during the run (tokens use the real clock). */
const NOW = Date.parse('2026-11-21T02:00:00Z');

/** One valid principal per role; driver-0001 has the matrix vehicle bound. */
const PRINCIPALS: Record<Role, Principal> = {
  driver: { sub: 'driver-0001', role: 'driver' },
  family: { sub: 'family-0001', role: 'family' },
  carrier: { sub: 'carrier-user-0001', role: 'carrier', carrierId: 'carrier-jinan-01' },
  ops: { sub: 'ops-0001', role: 'ops' },
};
const driver = (sub: string): Principal => ({ sub, role: 'driver' });
const family = (sub: string): Principal => ({ sub, role: 'family' });

/** Vehicles announced as bound in beforeAll: [driver, vehicleId, plate]. */
const MATRIX: Binding = ['driver-0001', randomUUID(), '鲁B00001'];
/** driver-0002's shares are the viewer fixtures (claimed by family-0001, and by driver-0001: S12). */
const FIXTURE: Binding = ['driver-0002', randomUUID(), '鲁B00002'];
const OTHER_DRIVER: Binding = ['driver-0003', randomUUID(), '鲁B00003'];
const PRIVATE: Binding = ['driver-0004', randomUUID(), '鲁B00004'];
const CLAIMS: Binding = ['driver-0007', randomUUID(), '鲁B00007'];
/** S12: links their own driver tries to open. */
const OWN_LINKS: Binding = ['driver-0008', randomUUID(), '鲁B00008'];
/** Rate-limit tests take fresh links from these (S3: at most 3 active per vehicle). */
const RATE: Binding[] = [1, 2, 3, 4].map((i) => [`driver-rl-${i}`, randomUUID(), `鲁C0000${i}`]);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Every share token this file sees, to check that none reaches a Redis key. */
const tokensSeen = new Set<string>();
const unknownToken = () => {
  const t = randomBytes(32).toString('base64url');
  tokensSeen.add(t);
  return t;
};

/** Ids the rows need, made through the API once the app is up. */
interface Fixture {
  /** driver-0001's own share of the matrix vehicle. */
  ownShareId: string;
  /** Active, claimed by family-0001. */
  activeShareId: string;
  activeToken: string;
  /** Claimed by family-0001, then cancelled: the stream answers 410 without streaming. */
  endedToken: string;
  /** The same two for driver-0001 as the viewer (S12): another driver's links he claimed. */
  driverActiveToken: string;
  driverEndedToken: string;
}
let fx: Fixture;

/** The viewer links of the caller's role: a driver's are those driver-0001 claimed, everyone else's family-0001's. */
const links = (f: Fixture, role: Role) =>
  role === 'driver'
    ? { active: f.driverActiveToken, ended: f.driverEndedToken }
    : { active: f.activeToken, ended: f.endedToken };

interface Endpoint {
  /** As the OpenAPI document names it: method and path template. */
  route: `${Method} /v1/${string}`;
  roles: Role[];
  /** `role`: the caller's role (the endpoint's first role for the bad-token callers). */
  url: (f: Fixture, role: Role) => string;
  body?: (f: Fixture) => object;
  /** What the allowed role gets from the use case with these ids and bodies (neither 401 nor 403). */
  reached: { status: number; code?: string };
}

/** Add a row with every new endpoint. Rows run in this order for the allowed role. */
const ENDPOINTS: Endpoint[] = [
  {
    route: 'POST /v1/drivers/me/shares',
    roles: ['driver'],
    url: () => '/v1/drivers/me/shares',
    body: () => ({ vehicleId: MATRIX[1], duration: '3d' }),
    reached: { status: 201 },
  },
  {
    route: 'GET /v1/drivers/me/shares',
    roles: ['driver'],
    url: () => '/v1/drivers/me/shares',
    reached: { status: 200 },
  },
  {
    route: 'DELETE /v1/drivers/me/shares/{shareId}',
    roles: ['driver'],
    url: (f) => `/v1/drivers/me/shares/${f.ownShareId}`,
    reached: { status: 200 },
  },
  {
    route: 'DELETE /v1/drivers/me/vehicles/{vehicleId}/shares',
    roles: ['driver'],
    url: () => `/v1/drivers/me/vehicles/${MATRIX[1]}/shares`,
    reached: { status: 200 },
  },
  // S12: drivers are viewers too; each viewer role reaches the use case with a link it claimed.
  {
    route: 'POST /v1/shares/{token}/claim',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/claim`,
    reached: { status: 200 },
  },
  {
    route: 'GET /v1/shares/{token}',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}`,
    reached: { status: 200 },
  },
  {
    route: 'GET /v1/shares/{token}/stream',
    roles: ['family', 'driver'],
    // An active link would stream forever under inject: the ended one is refused by the use case.
    url: (f, role) => `/v1/shares/${links(f, role).ended}/stream`,
    reached: { status: 410, code: 'SHARE_ENDED' },
  },
  {
    route: 'GET /v1/shares/{token}/track',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/track`,
    reached: { status: 200 },
  },
  // X8: the claimer's notification choices. This app offers no channel, so opting in is refused by the use case.
  {
    route: 'GET /v1/shares/{token}/notifications',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/notifications`,
    reached: { status: 200 },
  },
  {
    route: 'PUT /v1/shares/{token}/notifications/web-push',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/notifications/web-push`,
    body: () => ({
      subscription: { endpoint: 'https://push.example.com/x', keys: { p256dh: 'a', auth: 'b' } },
      kinds: ['FATIGUE'],
    }),
    reached: { status: 409, code: 'NOTIFY_CHANNEL_UNAVAILABLE' },
  },
  {
    route: 'PUT /v1/shares/{token}/notifications/wechat',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/notifications/wechat`,
    body: () => ({ openId: 'o-authz', results: { 'tmpl-1': 'accept' } }),
    reached: { status: 409, code: 'NOTIFY_CHANNEL_UNAVAILABLE' },
  },
  {
    route: 'DELETE /v1/shares/{token}/notifications/web-push',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/notifications/web-push`,
    reached: { status: 204 },
  },
  {
    route: 'DELETE /v1/shares/{token}/notifications/wechat',
    roles: ['family', 'driver'],
    url: (f, role) => `/v1/shares/${links(f, role).active}/notifications/wechat`,
    reached: { status: 204 },
  },
  {
    route: 'GET /v1/family/me/shared-vehicles',
    roles: ['family'],
    url: () => '/v1/family/me/shared-vehicles',
    reached: { status: 200 },
  },
  {
    route: 'GET /v1/drivers/me/shared-vehicles',
    roles: ['driver'],
    url: () => '/v1/drivers/me/shared-vehicles',
    reached: { status: 200 },
  },
  {
    route: 'GET /v1/ops/adoption',
    roles: ['ops'],
    url: () => '/v1/ops/adoption?from=2026-11-01&to=2026-11-21',
    reached: { status: 200 },
  },
];

function authorization(caller: Caller, endpoint: Endpoint): Record<string, string> {
  return callerHeaders(caller, e.auth, PRINCIPALS[endpoint.roles[0] as Role], PRINCIPALS);
}

const as = (p: Principal) => bearer(e.token(p));

/** `ip` sets the client address (per-IP limits); default 127.0.0.1. */
const inject = (
  method: Method,
  url: string,
  headers: Record<string, string> = {},
  { payload, ip }: { payload?: object; ip?: string } = {},
) =>
  e.app.server.inject({
    method,
    url,
    headers,
    ...(payload ? { payload } : {}),
    ...(ip ? { remoteAddress: ip } : {}),
  });
type Res = Awaited<ReturnType<typeof inject>>;

const expectProblem = (r: Res, status: number, code: string) => {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.json()).toMatchObject({ status, code });
};

const expectRateLimited = (r: Res) => {
  expectProblem(r, 429, 'RATE_LIMITED');
  const retryAfter = Number(r.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
};

async function createShare(driverSub: string, vehicleId: string) {
  const r = await inject('POST', '/v1/drivers/me/shares', as(driver(driverSub)), {
    payload: { vehicleId, duration: '7d' },
  });
  expect(r.statusCode, r.body).toBe(201);
  const body = r.json() as { shareId: string; token: string };
  tokensSeen.add(body.token);
  return body;
}

async function claimed(token: string, viewer: string, role: 'family' | 'driver' = 'family') {
  const r = await inject('POST', `/v1/shares/${token}/claim`, as({ sub: viewer, role }));
  expect(r.statusCode, r.body).toBe(200);
}

let rateShares = 0;
/** A new active link of one of the RATE vehicles. */
const rateShare = () => {
  const [driverSub, vehicleId] = RATE[Math.floor(rateShares++ / 3)] as Binding;
  return createShare(driverSub, vehicleId);
};

/** Every key (recursively) of a JSON value. */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysOf(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  return out;
}

beforeAll(async () => {
  e = await startShare('share-authz', infra, { now: () => new Date(NOW) });
  await e.bind([MATRIX, FIXTURE, OTHER_DRIVER, PRIVATE, CLAIMS, OWN_LINKS, ...RATE]);
  const own = await createShare(MATRIX[0], MATRIX[1]);
  const active = await createShare(FIXTURE[0], FIXTURE[1]);
  const ended = await createShare(FIXTURE[0], FIXTURE[1]);
  await claimed(active.token, PRINCIPALS.family.sub);
  await claimed(ended.token, PRINCIPALS.family.sub);
  const cancel = async (shareId: string) => {
    const r = await inject('DELETE', `/v1/drivers/me/shares/${shareId}`, as(driver(FIXTURE[0])));
    expect(r.statusCode, r.body).toBe(200);
  };
  await cancel(ended.shareId);
  // S3: with `active`, these are the vehicle's second and third active shares until one is cancelled.
  const driverActive = await createShare(FIXTURE[0], FIXTURE[1]);
  const driverEnded = await createShare(FIXTURE[0], FIXTURE[1]);
  await claimed(driverActive.token, PRINCIPALS.driver.sub, 'driver');
  await claimed(driverEnded.token, PRINCIPALS.driver.sub, 'driver');
  await cancel(driverEnded.shareId);
  fx = {
    ownShareId: own.shareId,
    activeShareId: active.shareId,
    activeToken: active.token,
    endedToken: ended.token,
    driverActiveToken: driverActive.token,
    driverEndedToken: driverEnded.token,
  };
});
afterAll(async () => {
  await e?.close();
});

/** `METHOD /path` → the roles its OpenAPI description states (undefined: not guarded). */
async function documentedRoutes(env: ShareEnv) {
  const doc = (await env.app.server.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { description?: string; security?: unknown[] }>>;
  };
  const registered = new Map<string, string | undefined>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const roles = /Roles: ([^.]*)\./.exec(op.description ?? '')?.[1];
      registered.set(`${method.toUpperCase()} ${path}`, roles);
    }
  }
  return registered;
}

describe('authorization matrix', () => {
  it('has a row for every /v1 route the app registers, with the roles its OpenAPI document states', async () => {
    const registered = await documentedRoutes(e);
    expect([...registered.keys()].sort()).toEqual(ENDPOINTS.map((x) => x.route).sort());
    for (const x of ENDPOINTS) expect(registered.get(x.route), x.route).toBe(x.roles.join(', '));
  });

  const cases = ENDPOINTS.flatMap((endpoint) =>
    CALLERS.map((caller) => {
      const expected = !isRoleCaller(caller) ? '401' : endpoint.roles.includes(caller) ? 'reached' : '403';
      return [endpoint.route, caller, expected, endpoint] as const;
    }),
  );

  it.each(cases)('%s · %s → %s', async (_route, caller, expected, endpoint) => {
    const method = endpoint.route.split(' ')[0] as Method;
    const payload = endpoint.body?.(fx);
    const role = isRoleCaller(caller) ? caller : (endpoint.roles[0] as Role);
    const r = await inject(
      method,
      endpoint.url(fx, role),
      authorization(caller, endpoint),
      payload ? { payload } : {},
    );
    if (expected === '401') {
      expectProblem(r, 401, 'UNAUTHENTICATED');
      expect(r.headers['www-authenticate']).toMatch(/^Bearer /);
    } else if (expected === '403') {
      expectProblem(r, 403, 'FORBIDDEN');
    } else {
      expect(r.statusCode, r.body).toBe(endpoint.reached.status);
      if (endpoint.reached.code) expect(r.json()).toMatchObject({ code: endpoint.reached.code });
    }
  });

  it('POST /v1/dev/viewer-token does not exist unless SHARE_DEV_VIEWER_LOGIN is on', async () => {
    expectProblem(await inject('POST', '/v1/dev/viewer-token'), 404, 'NOT_FOUND');
    expectProblem(await inject('POST', '/v1/dev/viewer-token', as(PRINCIPALS.family)), 404, 'NOT_FOUND');
  });
});

describe('with SHARE_DEV_VIEWER_LOGIN on (local demo)', () => {
  let dev: ShareEnv;
  beforeAll(async () => {
    dev = await startShare('share-authz-dev', infra, { env: { SHARE_DEV_VIEWER_LOGIN: 'true' } });
  });
  afterAll(async () => {
    await dev?.close();
  });

  it('POST /v1/dev/viewer-token hands anyone a family token (never another role), limited per IP', async () => {
    const routes = await documentedRoutes(dev);
    expect([...routes.keys()].sort()).toEqual(
      [...ENDPOINTS.map((x) => x.route), 'POST /v1/dev/viewer-token'].sort(),
    );
    expect(routes.get('POST /v1/dev/viewer-token')).toBeUndefined();

    const post = (ip: string) =>
      dev.app.server.inject({ method: 'POST', url: '/v1/dev/viewer-token', remoteAddress: ip });
    const r = await post('10.9.0.1');
    expect(r.statusCode, r.body).toBe(200);
    const token = r.json().token as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
    expect(claims).toMatchObject({ role: 'family', sub: expect.stringMatching(/^viewer-/) });
    const use = (url: string) => dev.app.server.inject({ method: 'GET', url, headers: bearer(token) });
    expect((await use('/v1/family/me/shared-vehicles')).statusCode).toBe(200);
    expectProblem(await use('/v1/drivers/me/shares'), 403, 'FORBIDDEN');

    const rest = await Promise.all(
      Array.from({ length: SHARE_RATE_LIMITS.devViewerTokenPerIp }, () => post('10.9.0.1')),
    );
    expect(rest.filter((x) => x.statusCode === 200)).toHaveLength(SHARE_RATE_LIMITS.devViewerTokenPerIp - 1);
    expectRateLimited(rest.find((x) => x.statusCode === 429) as Res);
    expect((await post('10.9.0.2')).statusCode).toBe(200);
  });
});

describe('who sees what', () => {
  it("S5: a driver cannot cancel another driver's share (404, as for an unknown id); the share stays active", async () => {
    const other = as(driver(OTHER_DRIVER[0]));
    const theirs = await inject('DELETE', `/v1/drivers/me/shares/${fx.activeShareId}`, other);
    expectProblem(theirs, 404, 'NOT_FOUND');
    const unknown = await inject('DELETE', `/v1/drivers/me/shares/${UNKNOWN_ID}`, other);
    expect(theirs.json()).toEqual(unknown.json());
    const all = await inject('DELETE', `/v1/drivers/me/vehicles/${FIXTURE[1]}/shares`, other);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toEqual({ cancelled: 0 });
    // A family token with the owner's id as its sub is not a driver.
    expectProblem(
      await inject('DELETE', `/v1/drivers/me/shares/${fx.activeShareId}`, as(family(FIXTURE[0]))),
      403,
      'FORBIDDEN',
    );

    const otherList = (await inject('GET', '/v1/drivers/me/shares', other)).json().items as {
      shareId: string;
    }[];
    expect(otherList.map((s) => s.shareId)).not.toContain(fx.activeShareId);
    const ownerList = (await inject('GET', '/v1/drivers/me/shares', as(driver(FIXTURE[0])))).json().items as {
      shareId: string;
      status: string;
    }[];
    expect(ownerList.find((s) => s.shareId === fx.activeShareId)).toMatchObject({ status: 'active' });
    const view = await inject('GET', `/v1/shares/${fx.activeToken}`, as(PRINCIPALS.family));
    expect(view.statusCode, view.body).toBe(200);
  });

  it('S2: a family member who did not claim a link cannot view it: 404 while unclaimed, 403 SHARE_CLAIMED once claimed', async () => {
    const link = await createShare(CLAIMS[0], CLAIMS[1]);
    const outsider = as(family('family-0002'));
    const claimer = 'family-0003';

    // Unclaimed: viewing and streaming do not claim it.
    expectProblem(await inject('GET', `/v1/shares/${link.token}`, outsider), 404, 'NOT_FOUND');
    const unclaimedStream = await inject('GET', `/v1/shares/${link.token}/stream`, outsider);
    expectProblem(unclaimedStream, 404, 'NOT_FOUND');
    expect(unclaimedStream.headers['x-accel-buffering']).toBeUndefined();
    const listed = (await inject('GET', '/v1/drivers/me/shares', as(driver(CLAIMS[0])))).json().items as {
      shareId: string;
      claimed: boolean;
    }[];
    expect(listed.find((s) => s.shareId === link.shareId)).toMatchObject({ claimed: false });

    await claimed(link.token, claimer);
    for (const r of [
      await inject('GET', `/v1/shares/${link.token}`, outsider),
      await inject('POST', `/v1/shares/${link.token}/claim`, outsider),
      await inject('GET', `/v1/shares/${link.token}/stream`, outsider),
    ]) {
      expectProblem(r, 403, 'SHARE_CLAIMED');
      // Nothing tells who claimed it, nor whose vehicle it is.
      expect(r.body).not.toContain(claimer);
      expect(r.body).not.toContain(CLAIMS[0]);
      expect(r.body).not.toContain(CLAIMS[2]);
    }
    const mine = (who: string) =>
      inject('GET', '/v1/family/me/shared-vehicles', as(family(who))).then((r) =>
        (r.json().items as { shareId: string }[]).map((s) => s.shareId),
      );
    expect(await mine('family-0002')).not.toContain(link.shareId);
    expect(await mine(claimer)).toContain(link.shareId);
    expect((await inject('GET', `/v1/shares/${link.token}`, as(family(claimer)))).statusCode).toBe(200);
  });

  it("the stream refuses a non-claimer with problem+json before any SSE header; the claimer's stream opens", async () => {
    const link = await createShare(CLAIMS[0], CLAIMS[1]);
    const claimer = family('family-0005');
    await claimed(link.token, claimer.sub);
    const refused = await inject('GET', `/v1/shares/${link.token}/stream`, as(family('family-0006')));
    expectProblem(refused, 403, 'SHARE_CLAIMED');
    expect(refused.headers['content-type']).not.toContain('text/event-stream');
    expect(refused.headers['x-accel-buffering']).toBeUndefined();

    const address = await e.app.server.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const res = await fetch(`${address}/v1/shares/${link.token}/stream`, {
        headers: as(claimer),
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      const deadline = Date.now() + 10_000;
      while (!/event: view\ndata: .*\n/.test(text) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      expect(text).toMatch(/event: view\ndata: \{.*"plateNumber":"鲁B00007"/);
      expect(text).not.toContain('driverId');
      expect(text).not.toContain(CLAIMS[0]);
      expect(text).not.toContain(claimer.sub);
    } finally {
      abort.abort();
    }
  });

  it('S12: the driver who shared a link cannot claim, view or stream it (403 SHARE_OWN_LINK); it stays open for another driver', async () => {
    const [ownerSub, , plate] = OWN_LINKS;
    const link = await createShare(ownerSub, OWN_LINKS[1]);
    // Whatever the role of his token: the link is meant for someone else.
    for (const owner of [as(driver(ownerSub)), as(family(ownerSub))]) {
      for (const r of [
        await inject('POST', `/v1/shares/${link.token}/claim`, owner),
        await inject('GET', `/v1/shares/${link.token}`, owner),
        await inject('GET', `/v1/shares/${link.token}/stream`, owner),
      ]) {
        expectProblem(r, 403, 'SHARE_OWN_LINK');
        expect(r.headers['x-accel-buffering']).toBeUndefined();
      }
    }
    const listed = (await inject('GET', '/v1/drivers/me/shares', as(driver(ownerSub)))).json().items as {
      shareId: string;
      claimed: boolean;
    }[];
    expect(listed.find((s) => s.shareId === link.shareId)).toMatchObject({ claimed: false });
    expect((await inject('GET', '/v1/drivers/me/shared-vehicles', as(driver(ownerSub)))).json()).toEqual({
      items: [],
    });

    const viewer = driver(OTHER_DRIVER[0]);
    await claimed(link.token, viewer.sub, 'driver');
    expect((await inject('GET', `/v1/shares/${link.token}`, as(viewer))).statusCode).toBe(200);
    // Once claimed, its driver still reads that it is his own link, not who holds it.
    const again = await inject('POST', `/v1/shares/${link.token}/claim`, as(driver(ownerSub)));
    expectProblem(again, 403, 'SHARE_OWN_LINK');
    expect(again.body).not.toContain(viewer.sub);
    const shared = (await inject('GET', '/v1/drivers/me/shared-vehicles', as(viewer))).json().items;
    expect(shared).toEqual([
      {
        shareId: link.shareId,
        plateNumber: plate,
        plateColor: 2,
        expiresAt: expect.any(String),
        status: 'active',
      },
    ]);
  });

  it('S6: the view shows what the driver shared and nothing about the driver or the viewers', async () => {
    const [driverSub, vehicleId, plate] = PRIVATE;
    const link = await createShare(driverSub, vehicleId);
    const viewer = family('family-0004');
    const claim = await inject('POST', `/v1/shares/${link.token}/claim`, as(viewer));
    expect(claim.statusCode, claim.body).toBe(200);
    expect(Object.keys(claim.json()).sort()).toEqual(['expiresAt', 'plateColor', 'plateNumber', 'shareId']);

    const key = `${plate}:2`;
    const fix = NOW - 60_000;
    await e.redis.hset(
      lastPositionKey(e.iso.redisPrefix, key),
      't',
      String(fix),
      'p',
      Buffer.from(
        pb.Position.encode({
          plateNumber: plate,
          plateColor: 2,
          gnssTimeMs: fix,
          latE6: 36_651_000,
          lonE6: 117_120_000,
          speedDkmh: 725,
          headingDeg: 90,
        }).finish(),
      ),
    );
    const vehicle = { plateNumber: plate, plateColor: 2 };
    await e.sendAlerts([
      {
        alertId: 'p-speeding',
        vehicle,
        type: 1,
        phase: 1,
        source: 1,
        occurredAtMs: fix,
        speeding: { startMs: fix, peakSpeedDkmh: 1150, limitKmh: 100 },
      },
      {
        alertId: 'p-fatigue',
        vehicle,
        type: 2,
        phase: 1,
        source: 1,
        occurredAtMs: fix,
        fatigue: {
          drivingSinceMs: fix - 4 * 3600_000,
          continuousDrivingS: 4 * 3600 + 60,
          limitS: 4 * 3600,
          suggestedRestStops: [
            {
              id: 'rs-1',
              name: '济南东服务区',
              type: 3,
              location: { latE6: 36_700_000, lonE6: 117_200_000 },
            },
          ],
        },
      },
      // The sharing driver's qualification certificate, another driver's, and the vehicle's.
      {
        alertId: 'p-q-own',
        vehicle,
        type: 4,
        phase: 3,
        source: 1,
        occurredAtMs: NOW,
        certificate: {
          expiresOn: '2026-12-01',
          daysLeft: 10,
          driverId: driverSub,
          certificate: 'QUALIFICATION',
        },
      },
      {
        alertId: 'p-q-other',
        vehicle,
        type: 5,
        phase: 3,
        source: 1,
        occurredAtMs: NOW,
        certificate: {
          expiresOn: '2026-11-01',
          daysLeft: -20,
          driverId: 'driver-9999',
          certificate: 'QUALIFICATION',
        },
      },
      {
        alertId: 'p-t',
        vehicle,
        type: 6,
        phase: 3,
        source: 1,
        occurredAtMs: NOW,
        certificate: { expiresOn: '2026-12-05', daysLeft: 14, certificate: 'TRANSPORT' },
      },
    ]);
    // Waits on the tables, not by polling the view (which is rate-limited per link).
    await waitFor(
      async () => {
        const r = await e.app.deps.pool.query(
          `SELECT (SELECT count(*) FROM vehicle_alerts WHERE vehicle_key = $1)::int AS a,
                  (SELECT count(*) FROM vehicle_reminders WHERE vehicle_key = $1)::int AS c`,
          [key],
        );
        return r.rows[0].a === 2 && r.rows[0].c === 3;
      },
      { timeoutMs: 20_000, message: 'alerts and reminders stored' },
    );

    const r = await inject('GET', `/v1/shares/${link.token}`, as(viewer));
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json();
    expect(Object.keys(view).sort()).toEqual([
      'certificates',
      'clock',
      'episodes',
      'expiresAt',
      'online',
      'plateColor',
      'plateNumber',
      'position',
      'refreshSeconds',
      'shareId',
    ]);
    expect(view.episodes.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'FATIGUE_CONTINUOUS',
      'SPEEDING',
    ]);
    // The vehicle's certificate and the sharing driver's, not another driver's (expired) one.
    expect(
      view.certificates.map((c: { kind: string; status: string }) => `${c.kind} ${c.status}`).sort(),
    ).toEqual(['QUALIFICATION EXPIRING', 'TRANSPORT EXPIRING']);
    const keys = keysOf(view);
    for (const k of [
      'driverId',
      'driver_id',
      'driver',
      'viewerId',
      'viewer',
      'claimedBy',
      'claimed_by',
      'vehicleId',
    ])
      expect(keys.has(k), k).toBe(false);
    for (const id of [driverSub, 'driver-9999', viewer.sub, vehicleId, link.token])
      expect(r.body, id).not.toContain(id);

    const shared = (await inject('GET', '/v1/family/me/shared-vehicles', as(viewer))).json().items;
    expect(shared).toHaveLength(1);
    expect(Object.keys(shared[0]).sort()).toEqual([
      'expiresAt',
      'plateColor',
      'plateNumber',
      'shareId',
      'status',
    ]);
    // The driver sees when the link was viewed, not by whom.
    const own = (await inject('GET', '/v1/drivers/me/shares', as(driver(driverSub)))).json().items;
    const item = own.find((s: { shareId: string }) => s.shareId === link.shareId);
    expect(item.views.length).toBeGreaterThanOrEqual(1);
    for (const v of item.views) expect(Object.keys(v)).toEqual(['at']);
    expect(JSON.stringify(own)).not.toContain(viewer.sub);
  });
});

describe('rate limits (SHARE_RATE_LIMITS: per link and per client IP)', () => {
  const L = SHARE_RATE_LIMITS;
  /** A distinct client address per request `i` of test `n`. */
  const ip = (n: number, i: number) => `10.${n}.${i >> 8}.${i & 255}`;
  const statuses = (rs: Res[]) =>
    rs.map((r) => (r.statusCode === 200 ? '200' : `${r.statusCode} ${r.json().code}`));
  const count = (rs: Res[], s: string) => statuses(rs).filter((x) => x === s).length;

  it(`claim: ${L.claim.perToken} per link, whoever claims from wherever, then 429; other links unaffected`, async () => {
    const link = await rateShare();
    const other = await rateShare();
    const rs = await Promise.all(
      Array.from({ length: L.claim.perToken + 1 }, (_, i) =>
        inject('POST', `/v1/shares/${link.token}/claim`, as(family(`rl-claim-${i}`)), { ip: ip(1, i) }),
      ),
    );
    expect(count(rs, '200')).toBe(1);
    expect(count(rs, '403 SHARE_CLAIMED')).toBe(L.claim.perToken - 1);
    expect(count(rs, '429 RATE_LIMITED')).toBe(1);
    expectRateLimited(rs.find((r) => r.statusCode === 429) as Res);
    const winner = `rl-claim-${rs.findIndex((r) => r.statusCode === 200)}`;
    // The limit is the link's: the claimer too waits, from any address ...
    expectRateLimited(
      await inject('POST', `/v1/shares/${link.token}/claim`, as(family(winner)), { ip: ip(1, 1000) }),
    );
    // ... but viewing it is counted apart, and other links are not limited.
    expect(
      (await inject('GET', `/v1/shares/${link.token}`, as(family(winner)), { ip: ip(1, 1001) })).statusCode,
    ).toBe(200);
    const r = await inject('POST', `/v1/shares/${other.token}/claim`, as(family('rl-claim-0')), {
      ip: ip(1, 0),
    });
    expect(r.statusCode, r.body).toBe(200);
  });

  it(`view: ${L.view.perToken} per link across viewer identities and addresses, then 429`, async () => {
    const link = await rateShare();
    const claimer = family('rl-viewer');
    await claimed(link.token, claimer.sub);
    const rs = await Promise.all(
      Array.from({ length: L.view.perToken }, (_, i) =>
        inject('GET', `/v1/shares/${link.token}`, as(i === 0 ? claimer : family(`rl-view-${i}`)), {
          ip: ip(2, i),
        }),
      ),
    );
    expect(count(rs, '200')).toBe(1);
    expect(count(rs, '403 SHARE_CLAIMED')).toBe(L.view.perToken - 1);
    // A link shared widely is throttled for everyone, the claimer included, until the window ends.
    expectRateLimited(await inject('GET', `/v1/shares/${link.token}`, as(claimer), { ip: ip(2, 1000) }));
    expectRateLimited(
      await inject('GET', `/v1/shares/${link.token}`, as(family('rl-view-x')), { ip: ip(2, 1001) }),
    );
  });

  it(`view: the claimer's own polls count too (served from memory after the first), then 429`, async () => {
    const link = await rateShare();
    const claimer = family('rl-poller');
    await claimed(link.token, claimer.sub);
    const rs: Res[] = [];
    for (let i = 0; i < L.view.perToken; i++)
      rs.push(await inject('GET', `/v1/shares/${link.token}`, as(claimer), { ip: ip(3, i) }));
    expect(count(rs, '200')).toBe(L.view.perToken);
    expectRateLimited(await inject('GET', `/v1/shares/${link.token}`, as(claimer), { ip: ip(3, 1000) }));
  });

  it(`stream: ${L.stream.perToken} opens per link, then 429 problem+json before any SSE header`, async () => {
    const link = await rateShare();
    await claimed(link.token, 'rl-streamer');
    const rs = await Promise.all(
      Array.from({ length: L.stream.perToken + 1 }, (_, i) =>
        inject('GET', `/v1/shares/${link.token}/stream`, as(family(`rl-stream-${i}`)), { ip: ip(3, i) }),
      ),
    );
    expect(count(rs, '403 SHARE_CLAIMED')).toBe(L.stream.perToken);
    const limited = rs.find((r) => r.statusCode === 429) as Res;
    expectRateLimited(limited);
    expect(limited.headers['x-accel-buffering']).toBeUndefined();
  });

  const perIp = [
    {
      n: 10,
      name: 'claim',
      method: 'POST',
      path: (t: string) => `/v1/shares/${t}/claim`,
      max: L.claim.perIp,
    },
    { n: 11, name: 'view', method: 'GET', path: (t: string) => `/v1/shares/${t}`, max: L.view.perIp },
    {
      n: 12,
      name: 'stream',
      method: 'GET',
      path: (t: string) => `/v1/shares/${t}/stream`,
      max: L.stream.perIp,
    },
  ] as const;
  it.each(perIp)(
    '$name: $max per client IP across different links, then 429; another IP is unaffected',
    async ({ n, method, path, max }) => {
      const guesser = as(family(`guesser-${n}`));
      const rs = await Promise.all(
        Array.from({ length: max }, () => inject(method, path(unknownToken()), guesser, { ip: ip(n, 1) })),
      );
      expect(count(rs, '404 NOT_FOUND')).toBe(max);
      expectRateLimited(await inject(method, path(unknownToken()), guesser, { ip: ip(n, 1) }));
      // Another address, even with the same viewer token, is not limited.
      expectProblem(await inject(method, path(unknownToken()), guesser, { ip: ip(n, 2) }), 404, 'NOT_FOUND');
    },
  );

  it(`POST /v1/drivers/me/shares: ${L.createPerDriver} per driver, then 429; another driver unaffected`, async () => {
    const create = (sub: string) =>
      inject('POST', '/v1/drivers/me/shares', as(driver(sub)), {
        payload: { vehicleId: UNKNOWN_ID, duration: '3d' },
        ip: ip(20, 1),
      });
    const rs = await Promise.all(Array.from({ length: L.createPerDriver }, () => create('driver-rl-create')));
    expect(count(rs, '409 NOT_BOUND')).toBe(L.createPerDriver);
    expectRateLimited(await create('driver-rl-create'));
    expectProblem(await create('driver-rl-create-2'), 409, 'NOT_BOUND');
  });

  it('counters are keyed by `ip:<address>` and `share:<16 hex of the SHA-256>`, never by the token', async () => {
    const keys = await e.redis.keys(`${e.iso.redisPrefix}ratelimit:*`);
    expect(keys.some((k) => k.endsWith(`ip:${ip(10, 1)}`))).toBe(true);
    const shareKeys = keys.filter((k) => /share:[0-9a-f]{16}$/.test(k));
    expect(shareKeys.length).toBeGreaterThan(0);
    expect(
      keys.every((k) => /(ip:[0-9a-f.:]+|share:[0-9a-f]{16}|sub:[\w-]+)$/.test(k)),
      keys.join('\n'),
    ).toBe(true);
    expect(tokensSeen.size).toBeGreaterThan(100);
    for (const t of tokensSeen) {
      expect(keys.some((k) => k.includes(t))).toBe(false);
      expect(keys.some((k) => k.includes(t.slice(0, 16)))).toBe(false);
    }
    const hashed = `share:${createHash('sha256').update(fx.activeToken).digest('hex').slice(0, 16)}`;
    expect(keys.some((k) => k.endsWith(hashed))).toBe(true);
  });
});

describe('no HEAD twins of the viewer routes', () => {
  it('HEAD on the view and the stream is not a route (it would record views or hold a stream)', async () => {
    const e = await startShare('share-head', getInfra());
    try {
      const viewer = e.token({ sub: 'family-head', role: 'family' });
      for (const url of [`/v1/shares/${'A'.repeat(43)}`, `/v1/shares/${'A'.repeat(43)}/stream`]) {
        const r = await e.app.server.inject({ method: 'HEAD', url, headers: bearer(viewer) });
        expect(r.statusCode, url).toBe(404);
      }
      expect(e.app.hub.connections).toBe(0);
    } finally {
      await e.close();
    }
  });
});

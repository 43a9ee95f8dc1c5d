/**
 * Least privilege (X7): the share service runs as a login role in
 * safewatch_share, as deployed (deploy/k8s/README.md "Database roles"). It
 * shares, claims, views and reads today's track; it may SELECT ingest's
 * positions and may not write them, nor touch another service's tables.
 */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '@safewatch/common';
import { getInfra } from '@safewatch/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, settle, takeDue } from '../src/adapters/notify.repo.js';
import { generateVapidKeys } from '../src/adapters/webpush.sender.js';
import { type Binding, bearer, claimLink, type ShareEnv, shareLink, startShare } from './helpers.js';

const infra = getInfra();
const LOGIN = 'safewatch_share_test';
const BOUND: Binding = ['driver-role-1', randomUUID(), '鲁R00001'];
const viewer: Principal = { sub: 'family-role-1', role: 'family' };

let e: ShareEnv | undefined;
let owner: pg.Client;
/** Whether the test's database user may create roles (a superuser here; maybe not elsewhere). */
let canCreateRoles = false;

/** Runs `sql` as the group role in a transaction that is rolled back; the error code, or 'ok'. */
async function asShareRole(sql: string): Promise<string> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SET LOCAL search_path = "${e?.iso.schema}"`);
    await owner.query('SET LOCAL ROLE safewatch_share');
    await owner.query(sql);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await owner.query('ROLLBACK');
  }
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: infra.databaseUrl });
  await owner.connect();
  const me = await owner.query(
    'SELECT rolsuper OR rolcreaterole AS can FROM pg_roles WHERE rolname = current_user',
  );
  canCreateRoles = me.rows[0]?.can === true;
  if (!canCreateRoles) return;
  // As a DBA would (deploy/postgres/share-role.sql); other test files may do it at the same time.
  for (const sql of [
    'CREATE ROLE safewatch_share NOLOGIN',
    `CREATE ROLE ${LOGIN} LOGIN IN ROLE safewatch_share`,
  ])
    await owner.query(sql).catch((err: { code?: string }) => {
      if (err.code !== '42710' && err.code !== '23505') throw err;
    });
  const url = new URL(infra.databaseUrl);
  url.username = LOGIN;
  url.password = '';
  e = await startShare('share-db-role', infra, {
    env: {
      DATABASE_URL: url.toString(),
      SHARE_VAPID_PUBLIC_KEY: generateVapidKeys().publicKey,
      SHARE_PUSH_ALLOW_LOCAL: 'true',
    },
  });
  await e.bind([BOUND]);
});
afterAll(async () => {
  await e?.close();
  await owner?.end();
});

describe('X7 least privilege: the share service as safewatch_share', () => {
  it('connects as its own login role, not as the owner', async (ctx) => {
    if (!canCreateRoles) ctx.skip();
    const r = await e?.app.deps.pool.query('SELECT current_user AS u');
    expect(r?.rows[0].u).toBe(LOGIN);
  });

  it('shares, claims, views, reads the track and notifies (X8) with only those grants', async (ctx) => {
    if (!e) return ctx.skip();
    const link = await shareLink(e, BOUND);
    await claimLink(e, link.token, viewer);
    for (const suffix of ['', '/track']) {
      const r = await e.app.server.inject({
        method: 'GET',
        url: `/v1/shares/${link.token}${suffix}`,
        headers: bearer(e.token(viewer)),
      });
      expect(r.statusCode, `${suffix} ${r.body}`).toBe(200);
    }
    // X8: opting in, and the notifier's outbox round (the notifier connects as this role too).
    const optIn = await e.app.server.inject({
      method: 'PUT',
      url: `/v1/shares/${link.token}/notifications/web-push`,
      headers: bearer(e.token(viewer)),
      payload: {
        subscription: {
          endpoint: 'http://127.0.0.1:9/push/role',
          keys: {
            p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
            auth: randomBytes(16).toString('base64url'),
          },
        },
        kinds: ['SPEEDING'],
      },
    });
    expect(optIn.statusCode, optIn.body).toBe(200);
    const now = Date.now();
    const row = {
      key: `WEB_PUSH|${viewer.sub}|role-episode`,
      shareId: link.shareId,
      viewerId: viewer.sub,
      channel: 'WEB_PUSH' as const,
      kind: 'SPEEDING' as const,
      episodeId: 'role-episode',
      eventAtMs: now,
      heardAtMs: now,
      message: { plateNumber: BOUND[2], placeText: null },
    };
    expect((await enqueue(e.app.deps.pool, [row], now)).size).toBe(1);
    const [due] = await takeDue(e.app.deps.pool, now, 30_000, 10);
    expect(due).toMatchObject({ key: row.key, shareValid: true, consented: true });
    await settle(e.app.deps.pool, [{ key: row.key, attempts: 1, state: 'SENT', atMs: now }]);
    const cancel = await e.app.server.inject({
      method: 'DELETE',
      url: `/v1/drivers/me/shares/${link.shareId}`,
      headers: bearer(e.token({ sub: BOUND[0], role: 'driver' })),
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    // The share's end deleted the consent (a trigger, run with this role's grants).
    const left = await e.app.deps.pool.query('SELECT 1 FROM notify_consents WHERE share_id = $1', [
      link.shareId,
    ]);
    expect(left.rowCount).toBe(0);
  });

  it('may SELECT positions, never INSERT, UPDATE, DELETE or TRUNCATE them (42501)', async (ctx) => {
    if (!e) return ctx.skip();
    expect(await asShareRole('SELECT count(*) FROM positions')).toBe('ok');
    expect(
      await asShareRole(
        `INSERT INTO positions (plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg,
                                altitude_m, alarm_flags, status_flags, odometer_hm, platform_id)
         VALUES ('鲁R00001', 2, now(), 36000000, 117000000, 0, 0, 0, 0, 0, 0, 'x')`,
      ),
    ).toBe('42501');
    expect(await asShareRole('UPDATE positions SET speed_dkmh = 0')).toBe('42501');
    expect(await asShareRole('DELETE FROM positions')).toBe('42501');
    expect(await asShareRole('TRUNCATE positions')).toBe('42501');
    // The login role gets no more than its group: the same refusal through the service's own pool.
    await expect(e.app.deps.pool.query('DELETE FROM positions')).rejects.toMatchObject({ code: '42501' });
  });

  it('cannot reach a table the migrations did not grant it', async (ctx) => {
    if (!e) return ctx.skip();
    await owner.query(`CREATE TABLE "${e.iso.schema}".not_share (x int)`);
    expect(await asShareRole('SELECT * FROM not_share')).toBe('42501');
  });
});

/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { lastPositionKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra } from '@safewatch/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../scripts/build-page.js';
import { bearer, type ShareEnv, startShare } from './helpers.js';
import { launchChromium, type PhonePage, phonePage } from './page/browser.js';

// The family page against the real share service (the page tests beside this
// one drive it against a scripted API): claim, live update through the
// stream, offline by the service's clock, and the ended state.
const infra = getInfra();
let clockMs = Date.now();
let e: ShareEnv;
let base: string;
let browser: Browser;
const VEHICLE = randomUUID();
const PLATE = '鲁A66666';

async function setPosition(gnssTimeMs: number, speedDkmh: number) {
  const p = pb.Position.encode({
    plateNumber: PLATE,
    plateColor: 2,
    gnssTimeMs,
    latE6: 36_651_000,
    lonE6: 117_120_000,
    speedDkmh,
    headingDeg: 45,
  }).finish();
  await e.redis.hset(
    lastPositionKey(e.iso.redisPrefix, `${PLATE}:2`),
    't',
    String(gnssTimeMs),
    'p',
    Buffer.from(p),
  );
}

async function bodyHas(page: Page, text: string, timeout = 15_000) {
  try {
    await page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout });
  } catch (err) {
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 300));
    throw new Error(`page never showed "${text}"; it shows: ${shown}`, { cause: err });
  }
}

beforeAll(async () => {
  await buildPage(); // the page of the current sources, not an older bundle
  e = await startShare('page-e2e', infra, {
    now: () => new Date(clockMs),
    env: { SHARE_DEV_VIEWER_LOGIN: 'true', SHARE_STREAM_TICK_MS: '1000' },
  });
  base = await e.app.server.listen({ host: '127.0.0.1', port: 0 });
  await e.bind([['driver-e2e', VEHICLE, PLATE]]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await e?.close();
});

describe('the family page against the real share service', () => {
  let phone: PhonePage;
  it('claims the link, shows the truck, updates live, turns offline after 10 minutes, and shows the end', async () => {
    await setPosition(clockMs - 30_000, 650);
    const created = await e.app.server.inject({
      method: 'POST',
      url: '/v1/drivers/me/shares',
      headers: bearer(e.token({ sub: 'driver-e2e', role: 'driver' })),
      payload: { vehicleId: VEHICLE, duration: '3d' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, shareId } = created.json();

    phone = await phonePage(browser);
    await phone.page.goto(`${base}/s/${token}`);
    await bodyHas(phone.page, PLATE);
    await bodyHas(phone.page, '在线');
    await bodyHas(phone.page, '65 km/h');
    await phone.screenshot('e2e-claimed');

    await setPosition(clockMs - 5_000, 880); // a new fix reaches Redis, as ingest writes it
    await bodyHas(phone.page, '88 km/h');
    await phone.screenshot('e2e-live-update');

    clockMs += 10 * 60_000 + 10_000; // the service's clock: the last fix is now older than 10 minutes
    await bodyHas(phone.page, '离线');
    await phone.screenshot('e2e-offline');

    const cancelled = await e.app.server.inject({
      method: 'DELETE',
      url: `/v1/drivers/me/shares/${shareId}`,
      headers: bearer(e.token({ sub: 'driver-e2e', role: 'driver' })),
    });
    expect(cancelled.statusCode).toBe(200);
    await bodyHas(phone.page, '车辆动态已结束');
    await phone.screenshot('e2e-ended');

    expect(phone.requested.every((u) => u.startsWith(base))).toBe(true);
    expect(phone.errors.filter((x) => !x.includes('410'))).toEqual([]);
    await phone.close();
  }, 90_000);
});

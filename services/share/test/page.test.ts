/**
 * The family page (GET /s/{token}) in real headless Chromium (SPEC S2, S6, S7,
 * X2, X3). The API behind it is a fake with controllable state (page/fake-api.ts)
 * built like the service and serving the real page routes: what is under test
 * is the page. Each case leaves a screenshot in test-results/share-page/.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type PhonePage, phonePage, waitText } from './page/browser.js';
import { FakeShareApi, GCJ_SHIFT } from './page/fake-api.js';

const MIN = 60_000;

// Browser globals of the page.evaluate callbacks (the project compiles without lib "dom").
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
declare const localStorage: BrowserStorage;
declare const sessionStorage: BrowserStorage;
declare const window: Record<string, unknown>;
declare const document: { body: unknown; documentElement: { classList: { contains(c: string): boolean } } };
declare function getComputedStyle(el: unknown): { fontSize: string };
declare class MutationObserver {
  constructor(callback: (records: unknown, observer: MutationObserver) => void);
  observe(target: unknown, options: { childList?: boolean; subtree?: boolean }): void;
  disconnect(): void;
}

let browser: Browser;
let api: FakeShareApi | undefined;
let phone: PhonePage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  const p = phone;
  const a = api;
  phone = undefined;
  api = undefined;
  try {
    if (p && a) {
      // No CDN, no online tiles, no fonts: everything the page loads comes from its own server.
      const foreign = p.requested.filter((u) => !u.startsWith(`${a.url}/`));
      expect(foreign, 'requests that left the test server').toEqual([]);
      // The share token is in the page's path: no request may carry it on in a Referer.
      expect(a.requests.filter((r) => r.referer)).toEqual([]);
      const errors = p.errors.filter((e) => !e.includes('Failed to load resource'));
      expect(errors, 'page errors').toEqual([]);
    }
  } finally {
    await p?.close();
    await a?.close();
  }
});

/** A share with a truck near Jinan, driving east at 72 km/h, last fix 20 s ago. */
async function startApi(web: { tileUrl?: string } = {}): Promise<FakeShareApi> {
  api = await FakeShareApi.start(web);
  api.setFix({ lat: 36.6512, lon: 117.1201, speedKmh: 72.4, headingDeg: 90 });
  return api;
}

async function open(a: FakeShareApi, url = a.pageUrl): Promise<PhonePage> {
  phone = await phonePage(browser);
  await phone.page.goto(url);
  return phone;
}

async function waitForStream(a: FakeShareApi): Promise<void> {
  await expect.poll(() => a.openStreams, { timeout: 10_000 }).toBe(1);
}

const text = async (p: PhonePage, selector: string) => (await p.page.locator(selector).textContent()) ?? '';

function fatigueAlert(a: FakeShareApi) {
  return {
    alertId: `${a.plateNumber}:2|FATIGUE_CONTINUOUS|1|STARTED`,
    kind: 'FATIGUE_CONTINUOUS',
    phase: 'STARTED',
    occurredAt: new Date(a.nowMs - 5 * MIN).toISOString(),
    source: 'DETECTED',
    detail: {
      drivingSinceMs: a.nowMs - (4 * 60 + 17) * MIN,
      continuousDrivingS: 4 * 3600 + 12 * 60,
      cumulativeDrivingS: 6 * 3600 + 30 * 60,
      limitS: 4 * 3600,
      place: { lat: 36.6512, lon: 117.1201 },
      headingDeg: 90,
      source: 'DETECTED',
      suggestedRestStops: [
        {
          id: 'rs-zhangqiu',
          name: '章丘物流园司机之家',
          type: 'LOGISTICS_PARK',
          lat: 36.6601,
          lon: 117.1302,
          services: ['餐饮', '淋浴', '停车'],
          distanceM: 800,
        },
        {
          id: 'rs-jinandong',
          name: '济南东服务区司机之家',
          type: 'EXPRESSWAY_SERVICE_AREA',
          lat: 36.6702,
          lon: 117.1605,
          services: ['餐饮', '住宿', '洗衣'],
          distanceM: 3240,
        },
      ],
    },
  };
}

function speedingAlert(a: FakeShareApi, phase: 'STARTED' | 'ENDED', minutesAgo: number, peak = 112.4) {
  const start = a.nowMs - minutesAgo * MIN;
  return {
    alertId: `${a.plateNumber}:2|SPEEDING|${start}|${phase}`,
    kind: 'SPEEDING',
    phase,
    occurredAt: new Date(phase === 'ENDED' ? start + 5 * MIN : start).toISOString(),
    source: 'DETECTED',
    detail: {
      startMs: start,
      endMs: phase === 'ENDED' ? start + 5 * MIN : 0,
      peakSpeedKmh: peak,
      limitKmh: 100,
      durationS: phase === 'ENDED' ? 300 : 0,
      startPlace: { lat: 36.64, lon: 117.05 },
      endPlace: phase === 'ENDED' ? { lat: 36.645, lon: 117.09 } : null,
      zoneId: '',
      source: 'DETECTED',
    },
  };
}

describe('family page /s/{token}', () => {
  it('S2/S6: claims the link with a viewer token and shows plate, 在线 and speed; strict headers', async () => {
    const a = await startApi();
    const p = await open(a);

    await waitText(p.page, '#badge', '在线');
    expect(await text(p, '#plate')).toBe('鲁B43330');
    expect(await text(p, '#plate-color')).toBe('黄牌');
    expect(await text(p, '#speed')).toBe('72 km/h');
    expect(await text(p, '#heading')).toBe('东 90°');
    expect(await text(p, '#fix-time')).toMatch(/^\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d（刚刚）$/);
    // X3: the map is drawn from the GCJ-02 coordinates, not the WGS-84 ones.
    expect(await p.page.locator('#map').getAttribute('aria-label')).toContain(
      `北纬 ${(36.6512 + GCJ_SHIFT.lat).toFixed(4)}°，东经 ${(117.1201 + GCJ_SHIFT.lon).toFixed(4)}°`,
    );
    expect(await p.page.locator('#map .grid line').count()).toBeGreaterThan(4);
    expect(await p.page.locator('#map .truck').getAttribute('transform')).toMatch(/rotate\(90\)/);

    // The viewer token came from the dev login, is kept, and is on every API call, the stream's too.
    const stored = await p.page.evaluate(() => localStorage.getItem('sw.viewerToken'));
    expect(stored).toMatch(/^viewer-1-/);
    const claims = a.requestsTo('POST', '/claim');
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ authorization: `Bearer ${stored}`, status: 200 });
    expect(a.owner).toBe(stored);
    await waitForStream(a);
    expect(a.requestsTo('GET', '')[0]).toMatchObject({ authorization: `Bearer ${stored}`, status: 200 });
    expect(a.requestsTo('GET', '/stream')[0]).toMatchObject({ authorization: `Bearer ${stored}` });
    await p.screenshot('first-render');

    const page = await fetch(a.pageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "img-src 'self'"])
      expect(csp).toContain(d);
    const html = await page.text();
    const js = /src="(\/s\/assets\/page\.js\?v=[\w-]+)"/.exec(html)?.[1];
    const css = /href="(\/s\/assets\/page\.css\?v=[\w-]+)"/.exec(html)?.[1];
    expect(js && css).toBeTruthy();
    for (const [path, type] of [
      [js, 'text/javascript'],
      [css, 'text/css'],
    ] as const) {
      const res = await fetch(`${a.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('replaces a refused stored viewer token with a new one', async () => {
    const a = await startApi();
    phone = await phonePage(browser);
    await phone.context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('sw.viewerToken', 'expired-token');
      }
    });
    await phone.page.goto(a.pageUrl);
    await waitText(phone.page, '#badge', '在线');
    const claims = a.requestsTo('POST', '/claim');
    expect(claims.map((c) => c.status)).toEqual([401, 200]);
    expect(await phone.page.evaluate(() => localStorage.getItem('sw.viewerToken'))).toBe(a.owner);
    await phone.screenshot('token-renewed');
  });

  it('S7: a stream frame with a new position updates speed, time and track without a reload', async () => {
    const a = await startApi();
    const p = await open(a);
    await waitText(p.page, '#speed', '72 km/h');
    await waitForStream(a);
    const before = await text(p, '#fix-time');
    await p.page.evaluate(() => {
      window.marker = 42;
    });

    a.advance(30_000);
    a.setFix({ lat: 36.6518, lon: 117.1268, speedKmh: 55.2, headingDeg: 135, ageMs: 3_000 });
    a.push();
    await waitText(p.page, '#speed', '55 km/h');
    expect(await text(p, '#heading')).toBe('东南 135°');
    expect(await text(p, '#fix-time')).not.toBe(before);
    expect(await p.page.evaluate(() => window.marker)).toBe(42);
    // The session's track: two fixes, the truck on the newer one, turned to its heading.
    const points = await p.page.locator('#map polyline.track').getAttribute('points');
    expect(points?.split(' ')).toHaveLength(2);
    expect(await p.page.locator('#map .truck').getAttribute('transform')).toMatch(/rotate\(135\)/);

    // A few more fixes, so the screenshot shows a track.
    for (const [lat, lon, speed, heading] of [
      [36.6531, 117.1329, 61, 70],
      [36.6552, 117.1394, 66, 60],
      [36.6561, 117.1468, 70, 80],
    ] as const) {
      a.advance(30_000);
      a.setFix({ lat, lon, speedKmh: speed, headingDeg: heading, ageMs: 2_000 });
      a.push();
      await waitText(p.page, '#speed', `${speed} km/h`);
    }
    expect((await p.page.locator('#map polyline.track').getAttribute('points'))?.split(' ')).toHaveLength(5);
    expect(a.requestsTo('POST', '/claim')).toHaveLength(1);
    await p.screenshot('live-update');

    // A dropped stream is reopened with Last-Event-ID, and goes on delivering.
    const lastId = a.lastFrameId;
    a.dropStreams();
    await waitForStream(a);
    expect(a.requestsTo('GET', '/stream').at(-1)?.lastEventId).toBe(lastId);
    a.advance(30_000);
    a.setFix({ lat: 36.657, lon: 117.153, speedKmh: 81, headingDeg: 85, ageMs: 2_000 });
    a.push();
    await waitText(p.page, '#speed', '81 km/h');
  });

  it('S7: without a stream it polls every refreshSeconds with If-None-Match', async () => {
    const a = await startApi();
    a.streamEnabled = false;
    a.refreshSeconds = 1;
    const p = await open(a);
    await waitText(p.page, '#speed', '72 km/h');
    // Unchanged view: 304 to the page's If-None-Match.
    await expect
      .poll(() => a.requestsTo('GET', '').filter((r) => r.ifNoneMatch && r.status === 304).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);

    a.advance(30_000);
    a.setFix({ lat: 36.652, lon: 117.128, speedKmh: 38, headingDeg: 180, ageMs: 1_000 });
    await waitText(p.page, '#speed', '38 km/h', 15_000);
    expect(await text(p, '#heading')).toBe('南 180°');
    expect(await text(p, '#updated')).toContain('每 1 秒自动刷新');
    const polls = a.requestsTo('GET', '');
    expect(polls.every((r) => r.authorization === polls[0]?.authorization)).toBe(true);
    await p.screenshot('live-update-polling');
  });

  it('S7: 10 minutes without a new position shows the vehicle 离线', async () => {
    const a = await startApi();
    const p = await open(a);
    await waitText(p.page, '#badge', '在线');
    await waitForStream(a);

    const updates = async () => Number(await p.page.locator('#view').getAttribute('data-updates'));
    const seen = await updates();
    a.advance(9 * MIN);
    a.push();
    await expect.poll(updates).toBe(seen + 1);
    expect(await text(p, '#badge')).toBe('在线');

    a.advance(1 * MIN);
    a.push();
    await waitText(p.page, '#badge', '离线');
    expect(await p.page.locator('#offline-note').isVisible()).toBe(true);
    expect(await text(p, '#offline-note')).toContain('10 分钟');
    expect(await p.page.locator('#map .truck').getAttribute('class')).toContain('truck-offline');
    expect(await p.page.locator('#badge').getAttribute('aria-live')).toBe('polite');
    await p.screenshot('offline');
  });

  it('S6: alert marquee (走马灯); 详情 shows fatigue with 司机之家 rest stops and the speeding episode', async () => {
    const a = await startApi();
    a.alerts = [fatigueAlert(a), speedingAlert(a, 'ENDED', 40)];
    const p = await open(a);
    await waitText(p.page, '#marquee-text', '已连续驾驶 4 小时 12 分钟');
    expect(await text(p, '#marquee-text')).toContain('附近有 2 处司机之家');
    expect(await p.page.locator('#marquee').getAttribute('role')).toBe('marquee');
    // It turns to the next reminder by itself.
    await waitText(p.page, '#marquee-text', '超速 5 分钟，最高 112 km/h（限速 100）', 8_000);
    await waitText(p.page, '#marquee-text', '疲劳驾驶', 8_000);
    await p.screenshot('alerts');

    await p.page.locator('#alert-detail').tap();
    const dialog = p.page.locator('#alert-dialog');
    await dialog.waitFor({ state: 'visible' });
    const first = dialog.locator('article.alert-detail').first();
    const fatigue = (await first.textContent()) ?? '';
    expect(fatigue).toContain('疲劳驾驶（连续驾驶）');
    expect(fatigue).toContain('连续驾驶4 小时 12 分钟');
    expect(fatigue).toContain('当日累计驾驶6 小时 30 分钟');
    expect(fatigue).toContain('连续驾驶不超过 4 小时');
    expect(fatigue).toContain('建议就近到司机之家休息');
    const stops = await first.locator('.rest-stops li').allTextContents();
    expect(stops).toEqual([
      '章丘物流园司机之家距离 800 米物流园区：餐饮、淋浴、停车',
      '济南东服务区司机之家距离 3.2 公里高速服务区：餐饮、住宿、洗衣',
    ]);
    const speeding = (await dialog.locator('article.alert-detail').nth(1).textContent()) ?? '';
    for (const part of [
      '超速行驶',
      '开始时间',
      '结束时间',
      '最高车速112 km/h',
      '限速100 km/h',
      '持续时间5 分钟',
    ])
      expect(speeding).toContain(part);
    await p.screenshot('alert-details', { fullPage: false });

    await p.page.locator('#dialog-close').tap();
    await dialog.waitFor({ state: 'hidden' });

    // A new reminder arriving on the stream is announced and shown first.
    await waitForStream(a);
    a.alerts = [speedingAlert(a, 'STARTED', 1, 118), ...a.alerts];
    a.push();
    await waitText(p.page, '#alert-announcer', '新的动态提醒：超速');
    await waitText(p.page, '#marquee-text', '正在超速：118 km/h，限速 100 km/h');
  });

  it('S6/A3: certificate reminders (证照提醒) for expiring and expired certificates', async () => {
    const a = await startApi();
    a.certificates = [
      { kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01', daysLeft: 10 },
      { kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-11-18', daysLeft: -3 },
    ];
    const p = await open(a);
    await waitText(p.page, '#certs', '道路运输证');
    const items = await p.page.locator('#certs li').allTextContents();
    expect(items).toEqual([
      '即将到期道路运输证将于 2026年12月1日 到期，还剩 10 天',
      '已过期从业资格证已于 2026年11月18日 过期，已过期 3 天',
    ]);
    expect(await p.page.locator('#certs-empty').isHidden()).toBe(true);
    expect(await p.page.locator('#alerts-empty').isVisible()).toBe(true);
    await p.screenshot('certificates');
  });

  it('S6: an ended share says 车辆动态已结束 (on opening, and while watching)', async () => {
    const a = await startApi();
    const p = await open(a);
    await waitText(p.page, '#badge', '在线');
    await waitForStream(a);
    a.end('CANCELLED');
    await waitText(p.page, '#notice-title', '车辆动态已结束');
    expect(await p.page.locator('#view').isHidden()).toBe(true);
    expect(await text(p, '#notice-text')).toContain('司机已结束分享');
    await p.screenshot('ended-while-watching');

    // Opening it again: the claim answers 410 SHARE_ENDED.
    await p.page.reload();
    await waitText(p.page, '#notice-title', '车辆动态已结束');
    expect(a.requestsTo('POST', '/claim').at(-1)?.status).toBe(410);
    expect(await p.page.locator('#notice').getAttribute('role')).toBe('alert');
    await p.screenshot('ended');
  });

  it('S2: a link claimed by someone else says so, distinct from ended and unknown links', async () => {
    const a = await startApi();
    a.owner = 'someone-else';
    const p = await open(a);
    await waitText(p.page, '#notice-title', '该分享链接已被他人打开');
    expect(a.requestsTo('POST', '/claim')[0]?.status).toBe(403);
    expect(a.requestsTo('GET', '')).toHaveLength(0);
    await p.screenshot('claimed');
  });

  it('S6: an unknown link says 分享链接无效', async () => {
    const a = await startApi();
    const p = await open(a, `${a.url}/s/${'x'.repeat(43)}`);
    await waitText(p.page, '#notice-title', '分享链接无效');
    expect(a.requests.find((r) => r.method === 'POST' && r.path.endsWith('/claim'))?.status).toBe(404);
    await p.screenshot('invalid');
    // A path that cannot be a token is refused without asking the API.
    const before = a.requests.length;
    await p.page.goto(`${a.url}/s/%3Cscript%3E`);
    await waitText(p.page, '#notice-title', '分享链接无效');
    expect(a.requests.slice(before).filter((r) => r.path.startsWith('/v1/'))).toEqual([]);
  });

  it('X2: 大字模式 enlarges type with plain words, and is applied before first paint after a reload', async () => {
    const a = await startApi();
    a.alerts = [fatigueAlert(a)];
    const p = await open(a);
    await waitText(p.page, '#speed', '72 km/h');
    const size = (sel: string) =>
      p.page.locator(sel).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const normal = {
      body: await size('body'),
      speed: await size('#speed'),
      button: await size('#alert-detail'),
    };
    expect(await p.page.locator('#large-toggle').getAttribute('aria-pressed')).toBe('false');
    await p.screenshot('normal-mode');

    await p.page.locator('#large-toggle').tap();
    expect(await p.page.locator('#large-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await size('body')).toBeGreaterThanOrEqual(normal.body * 1.3);
    expect(await size('#alert-detail')).toBeGreaterThan(normal.button);
    expect(await text(p, '#speed-label')).toBe('车速');
    expect(await text(p, '#speed')).toBe('每小时 72 公里');
    expect(await text(p, '#heading')).toBe('向东行驶');
    expect(await text(p, '#marquee-text')).toContain('已经连续开车 4 小时 12 分钟，该休息了');
    const tapHeight = await p.page
      .locator('#alert-detail')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(tapHeight).toBeGreaterThanOrEqual(60);
    expect(await p.page.evaluate(() => localStorage.getItem('sw.largeText'))).toBe('1');

    // After a reload: the class is on <html> before <body> exists (no flash of small type).
    await p.context.addInitScript(() => {
      new MutationObserver((_records, obs) => {
        if (document.body) {
          window.largeAtBody = document.documentElement.classList.contains('large');
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await p.page.reload();
    await waitText(p.page, '#speed', '每小时 72 公里');
    expect(await p.page.evaluate(() => window.largeAtBody)).toBe(true);
    expect(await p.page.locator('#large-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await size('#speed')).toBeGreaterThan(normal.speed);
    // S2: the claimer reopening the link is let in again.
    expect(a.requestsTo('POST', '/claim').map((r) => r.status)).toEqual([200, 200]);
    await p.screenshot('large-mode');

    await p.page.locator('#alert-detail').tap();
    await p.page.locator('#alert-dialog').waitFor({ state: 'visible' });
    await waitText(p.page, '#dialog-body', '可以到这些司机之家休息');
    await p.screenshot('large-mode-details', { fullPage: false });
  });

  it('X3: with a tile URL template the map draws tiles under the track', async () => {
    const a = await startApi({ tileUrl: '/tiles/{z}/{x}/{y}.svg' });
    const p = await open(a);
    await waitText(p.page, '#badge', '在线');
    const tiles = p.page.locator('#map image');
    expect(await tiles.count()).toBeGreaterThan(0);
    expect(await p.page.locator('#map .grid').count()).toBe(0);
    await expect.poll(() => p.requested.filter((u) => u.includes('/tiles/16/')).length).toBeGreaterThan(0);
    const page = await fetch(a.pageUrl);
    expect(page.headers.get('content-security-policy')).toContain("img-src 'self'");
    expect(await page.text()).toContain('content="/tiles/{z}/{x}/{y}.svg"');
    await p.screenshot('tiles');
  });
});

describe('web routes', () => {
  it('refuses a tile template without {z}/{x}/{y} or with markup', async () => {
    const { pageCsp } = await import('../src/web/web.routes.js');
    expect(() => pageCsp('https://tiles.example.cn/tile.png')).toThrow(/\{z\}/);
    expect(() => pageCsp('https://tiles.example.cn/{z}/{x}/{y}.png"><script>')).toThrow(/quotes/);
    expect(pageCsp('https://tiles.example.cn/{z}/{x}/{y}.png')).toContain(
      "img-src 'self' https://tiles.example.cn",
    );
    // The page's own source files are where the routes read them.
    const html = await readFile(new URL('../src/web/page.html', import.meta.url), 'utf8');
    expect(html).toContain('{{JS_VERSION}}');
  });
});

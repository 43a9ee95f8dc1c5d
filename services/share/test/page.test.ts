/**
 * The family page (GET /s/{token}) in real headless Chromium (SPEC S2, S6, S7,
 * S10, A4, X1, X2, X3). The API behind it is a fake with controllable state
 * (page/fake-api.ts, every view checked against ViewSchema) built like the
 * service and serving the real page routes: what is under test is the page,
 * built from its sources first. Each case leaves a screenshot in
 * test-results/share-page/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../scripts/build-page.js';
import { chinaDayStartMs } from '../src/domain/track.js';
import { PAGE_ASSETS_DIR, PAGE_BUILD_COMMAND, readPageAssets } from '../src/web/web.routes.js';
import { launchChromium, type PhonePage, phonePage, waitText } from './page/browser.js';
import { drivingClock, preWarningEpisode, restingClock } from './page/clock.js';
import { fatigueEpisode, PLATFORM_FATIGUE_TEXT, speedingEpisode, threeEpisodes } from './page/episodes.js';
import {
  checkedView,
  FAKE_PLACE_TEXT,
  type FakeFix,
  FakeShareApi,
  type FakeStop,
  GCJ_SHIFT,
} from './page/fake-api.js';

const MIN = 60_000;

// Browser globals of the page.evaluate callbacks (the project compiles without lib "dom").
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
declare const localStorage: BrowserStorage;
declare const sessionStorage: BrowserStorage;
declare const window: Record<string, unknown>;
declare const document: {
  body: unknown;
  documentElement: { classList: { contains(c: string): boolean } };
  querySelector(selector: string): { getBoundingClientRect(): { left: number; right: number } } | null;
};
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
  // The page under test is the one its sources build now, never an older bundle.
  await buildPage();
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
      expect(a.refusedViews, 'scripted views ViewSchema refused').toEqual([]);
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

async function open(a: FakeShareApi, url = a.pageUrl, timezoneId?: string): Promise<PhonePage> {
  phone = await phonePage(browser, timezoneId ? { timezoneId } : {});
  await phone.page.goto(url);
  return phone;
}

async function waitForStream(a: FakeShareApi): Promise<void> {
  await expect.poll(() => a.openStreams, { timeout: 10_000 }).toBe(1);
}

const text = async (p: PhonePage, selector: string) => (await p.page.locator(selector).textContent()) ?? '';

/** China Standard Time (UTC+8, no daylight saving) worked out without Intl: "5月3日 14:05[:09]". */
function chinaTime(iso: string, seconds: boolean): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}${seconds ? `:${two(d.getUTCSeconds())}` : ''}`;
}

const chinaClock = (iso: string) => chinaTime(iso, false).split(' ')[1] ?? '';

/** The large type's "今天 14:05" / "昨天 23:40" / "5月3日 14:05", by China days. */
function chinaDayAndClock(iso: string): string {
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const ms = Date.parse(iso);
  if (day(ms) === day(Date.now())) return `今天 ${chinaClock(iso)}`;
  if (day(ms) === day(Date.now() - 86_400_000)) return `昨天 ${chinaClock(iso)}`;
  return chinaTime(iso, false);
}

/** The 详情 dialog: its articles, the one of an episode, and that one's rows as { label: value }. */
function details(p: PhonePage) {
  const dialog = p.page.locator('#alert-dialog');
  const article = (e: { episodeId: string }) => dialog.locator(`article[data-episode-id="${e.episodeId}"]`);
  const rows = async (e: { episodeId: string }) => {
    const pairs = await article(e)
      .locator('.detail-rows div')
      .evaluateAll((divs) => divs.map((d) => [d.children[0]?.textContent, d.children[1]?.textContent]));
    return Object.fromEntries(pairs);
  };
  return { dialog, articles: dialog.locator('article.alert-detail'), article, rows };
}

describe('family page /s/{token}', () => {
  it('S2/S6: claims the link with a viewer token and shows plate, 在线 and speed; strict headers', async () => {
    const a = await startApi();
    const p = await open(a);

    await waitText(p.page, '#badge', '在线');
    expect(await text(p, '#plate')).toBe('鲁B43330');
    expect(await text(p, '#plate-color')).toBe('黄牌');
    expect(await text(p, '#speed')).toBe('72 km/h');
    // X5: where the truck is, in the words the view gives.
    expect(await text(p, '#place-label')).toBe('位置');
    expect(await text(p, '#place-text')).toBe(FAKE_PLACE_TEXT);
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

  it('S10/A4/X1: one item per episode in the marquee and 详情, with its figures, source and China times', async () => {
    const a = await startApi();
    const { fatigue, speeding, platform } = threeEpisodes(a);
    // A phone set to another zone: the times shown must still be China time.
    const p = await open(a, a.pageUrl, 'America/Los_Angeles');
    const marquee = '#marquee-text';
    await waitText(p.page, marquee, '已连续驾驶 4 小时 12 分钟（规定不超过 4 小时），附近有 2 处司机之家');
    expect(await text(p, marquee)).toContain('1/3');
    expect(await text(p, `${marquee} .marquee-time`)).toBe(chinaClock(fatigue.startedAt));
    expect(await p.page.locator('#marquee').getAttribute('role')).toBe('marquee');
    // It turns to the next episode by itself; the 114.3 km/h episode shows 114.3, not 0 and not 114.
    await waitText(p.page, marquee, '超速 4 分钟，最高 114.3 km/h（限速 100）', 8_000);
    expect(await text(p, `${marquee} .chip`)).toBe('超速');
    await waitText(p.page, marquee, '定位平台报告疲劳驾驶；本系统记录连续驾驶 16 分钟，未超过 4 小时', 8_000);
    expect(await text(p, `${marquee} .chip`)).toBe('定位平台提示');
    expect(await p.page.locator(`${marquee} .chip`).getAttribute('class')).toContain('chip-platform');
    await p.screenshot('episodes');

    await p.page.locator('#alert-detail').tap();
    const { dialog, articles, article, rows } = details(p);
    await dialog.waitFor({ state: 'visible' });
    expect(await articles.count()).toBe(3);
    // The episode on the marquee when 详情 was tapped comes first.
    expect(await articles.first().getAttribute('data-episode-id')).toBe(platform.episodeId);

    expect(await article(fatigue).locator('h3').textContent()).toBe('疲劳驾驶（连续驾驶）进行中');
    expect(await rows(fatigue)).toEqual({
      提醒开始: chinaTime(fatigue.startedAt, false),
      提醒结束: '仍在持续',
      本次开始驾驶: chinaTime(fatigue.fatigue?.drivingSince ?? '', false),
      连续驾驶: '4 小时 12 分钟',
      当日累计驾驶: '6 小时 30 分钟',
      规定上限: '连续驾驶不超过 4 小时',
      地点: FAKE_PLACE_TEXT,
    });
    expect(await article(fatigue).locator('.source').textContent()).toBe(
      '来源：本系统根据车辆上报的位置和速度判定。',
    );
    expect(await article(fatigue).locator('h4').textContent()).toBe('建议就近到司机之家休息');
    expect(await article(fatigue).locator('.rest-stops li').allTextContents()).toEqual([
      '章丘物流园司机之家距离 800 米物流园区：餐饮、淋浴、停车',
      '济南东服务区司机之家距离 3.2 公里高速服务区：餐饮、住宿、洗衣',
    ]);

    expect(await article(speeding).locator('h3').textContent()).toBe('超速行驶已结束');
    expect(await rows(speeding)).toEqual({
      开始时间: chinaTime(speeding.startedAt, true),
      结束时间: chinaTime(speeding.endedAt ?? '', true),
      持续时间: '4 分钟',
      最高车速: '114.3 km/h',
      限速: '100 km/h',
      开始地点: FAKE_PLACE_TEXT,
    });

    // A4: the platform's flag is labelled as its report, with the plain sentence, not as our finding.
    expect(await article(platform).locator('h3').textContent()).toBe(
      '疲劳驾驶（连续驾驶）定位平台提示已结束',
    );
    const source = article(platform).locator('.source');
    expect(await source.textContent()).toBe(`来源：${PLATFORM_FATIGUE_TEXT}`);
    expect(await source.getAttribute('class')).toContain('source-platform');
    expect(await rows(platform)).toMatchObject({ 连续驾驶: '16 分钟' });
    await p.screenshot('episode-details', { fullPage: false });
    await p.page.locator('#dialog-close').tap();
    await dialog.waitFor({ state: 'hidden' });

    // A new episode on the stream is announced and shown first, as 进行中 / 正在超速.
    await waitForStream(a);
    a.advance(2 * MIN);
    const ongoing = speedingEpisode(a, { minutesAgo: 1, durationS: 60, peakKmh: 118, ongoing: true });
    a.episodes = [ongoing, ...a.episodes];
    a.push();
    await waitText(
      p.page,
      '#alert-announcer',
      '新的动态提醒：超速，正在超速，已 1 分钟，最高 118 km/h（限速 100）',
    );
    await waitText(p.page, marquee, '正在超速，已 1 分钟，最高 118 km/h（限速 100）');
    expect(await text(p, marquee)).toContain('1/4');
    expect(await p.page.locator(`${marquee} .chip`).getAttribute('class')).toContain('chip-alert');
    await p.page.locator('#alert-detail').tap();
    await dialog.waitFor({ state: 'visible' });
    expect(await articles.first().locator('h3').textContent()).toBe('超速行驶进行中');
    expect(await rows(ongoing)).toMatchObject({ 结束时间: '仍在超速' });
    await p.page.locator('#dialog-close').tap();

    // Its end is the same episode (same start, same id), not a second item, and not announced again.
    const ended = speedingEpisode(a, { minutesAgo: 1, durationS: 60, peakKmh: 118 });
    expect(ended.episodeId).toBe(ongoing.episodeId);
    a.episodes = [ended, ...a.episodes.slice(1)];
    a.push();
    await waitText(p.page, marquee, '超速 1 分钟，最高 118 km/h（限速 100）', 20_000);
    expect(await text(p, marquee)).toContain('/4');
    expect(await text(p, '#alert-announcer')).toContain('正在超速');
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
    a.episodes = [fatigueEpisode(a)];
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
    expect(await text(p, '#place-label')).toBe('车在哪里');
    expect(await text(p, '#heading')).toBe('向东行驶');
    expect(await text(p, '#marquee-text')).toContain(
      '已经连续开车 4 小时 12 分钟，该休息了，附近有 2 个司机之家可以休息',
    );
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

  it('S10/A4/X2: in large type every part is in plain words: episodes, 详情, certificates, titles', async () => {
    const a = await startApi();
    const { fatigue, speeding, platform } = threeEpisodes(a);
    a.certificates = [
      { kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01', daysLeft: 10 },
      { kind: 'QUALIFICATION', status: 'EXPIRED', expiresOn: '2026-11-18', daysLeft: -3 },
    ];
    phone = await phonePage(browser, { timezoneId: 'Europe/London' });
    await phone.context.addInitScript(() => localStorage.setItem('sw.largeText', '1'));
    await phone.page.goto(a.pageUrl);
    const p = phone;
    const marquee = '#marquee-text';
    await waitText(p.page, marquee, '已经连续开车 4 小时 12 分钟，该休息了，附近有 2 个司机之家可以休息');
    const titles = [
      '#alerts-title',
      '#alert-detail',
      '#map-title',
      '#certs-title',
      '#dialog-title',
      '#loading',
    ];
    expect(await Promise.all(titles.map((t) => text(p, t)))).toEqual([
      '开车提醒',
      '看详情',
      '车最后在哪里',
      '证件到期提醒',
      '提醒的详细情况',
      '正在打开，请稍等…',
    ]);
    expect(await p.page.locator('#certs li').allTextContents()).toEqual([
      '快到期了道路运输证还有 10 天到期（2026年12月1日），请提醒司机及时办理',
      '已经过期从业资格证已经过期 3 天了（2026年11月18日 到期），请提醒司机尽快办理',
    ]);
    expect(await text(p, '#map-note')).toBe('箭头是车辆现在的位置，箭头指向是车开的方向');
    expect(await text(p, '#updated')).toMatch(/^位置每 30 秒自动更新，上次更新 \d\d:\d\d$/);
    await waitText(p.page, marquee, '超速开了 4 分钟，最快每小时 114.3 公里（限速 100 公里）', 8_000);
    await waitText(
      p.page,
      marquee,
      '车上的定位平台报了疲劳驾驶，但按我们的记录只连续开了 16 分钟，没有超过 4 小时',
      8_000,
    );
    expect(await text(p, `${marquee} .chip`)).toBe('定位平台提示');
    await p.screenshot('large-episodes');

    await p.page.locator('#alert-detail').tap();
    const { dialog, articles, article, rows } = details(p);
    await dialog.waitFor({ state: 'visible' });
    expect(await articles.count()).toBe(3);
    expect(await article(fatigue).locator('h3').textContent()).toBe('疲劳驾驶：连续开车太久正在发生');
    expect(await rows(fatigue)).toEqual({
      开始提醒: chinaDayAndClock(fatigue.startedAt),
      提醒结束: '还没有结束',
      这次开始开车: chinaDayAndClock(fatigue.fatigue?.drivingSince ?? ''),
      已连续开车: '4 小时 12 分钟',
      今天一共开车: '6 小时 30 分钟',
      规定: '连续开车最多 4 小时',
      在哪里: FAKE_PLACE_TEXT,
    });
    expect(await article(fatigue).locator('h4').textContent()).toBe('可以到这些司机之家休息');
    expect(await article(fatigue).locator('.rest-stops li').allTextContents()).toEqual([
      '章丘物流园司机之家离车 800 米物流园：餐饮、淋浴、停车',
      '济南东服务区司机之家离车 3.2 公里高速公路服务区：餐饮、住宿、洗衣',
    ]);
    expect(await article(speeding).locator('h3').textContent()).toBe('开车超速已经结束');
    expect(await rows(speeding)).toEqual({
      开始超速: chinaDayAndClock(speeding.startedAt),
      结束超速: chinaDayAndClock(speeding.endedAt ?? ''),
      超速多久: '4 分钟',
      最快车速: '每小时 114.3 公里',
      限速: '每小时 100 公里',
      在哪里超速: FAKE_PLACE_TEXT,
    });
    expect(await article(platform).locator('h3').textContent()).toBe(
      '定位平台报了疲劳驾驶定位平台提示已经结束',
    );
    expect(await article(platform).locator('.source').textContent()).toBe(
      `谁发现的：${PLATFORM_FATIGUE_TEXT}`,
    );
    await p.screenshot('large-episode-details', { fullPage: false });

    // Back to normal type: the same episodes in the normal wording, at once.
    await p.page.locator('#dialog-close').tap();
    await p.page.locator('#large-toggle').tap();
    expect(await text(p, '#alerts-title')).toBe('动态提醒');
    expect(await text(p, '#alert-detail')).toBe('详情');
    expect([
      '已连续驾驶 4 小时 12 分钟（规定不超过 4 小时），附近有 2 处司机之家',
      '超速 4 分钟，最高 114.3 km/h（限速 100）',
      '定位平台报告疲劳驾驶；本系统记录连续驾驶 16 分钟，未超过 4 小时',
    ]).toContain(await text(p, `${marquee} .marquee-body`));
  });

  /**
   * X7: a day of four hours: 100 minutes of driving east of Jinan (a fix every 5 min as
   * simplified), a 35-minute stop, then driving on to the current fix.
   */
  /** X5: the stop's place in words, as the service's describer gives it. */
  const STOP_WORDS = 'G2京沪高速 · 济南市章丘区附近';

  function scriptDay(a: FakeShareApi): { stopFrom: number; stopTo: number; fixes: number } {
    const start = a.nowMs - 4 * 3_600_000;
    const fixes: FakeFix[] = [];
    let lat = 36.58;
    let lon = 116.9;
    const step = (t: number, i: number) => {
      lat += 0.012 + 0.006 * Math.sin(i / 3);
      lon += 0.03;
      fixes.push({ t, lat, lon, speedKmh: 75, headingDeg: 70 });
    };
    for (let i = 0; i <= 20; i++) step(start + i * 5 * MIN, i);
    const stopFrom = start + 100 * MIN + 2 * MIN;
    const stopTo = stopFrom + 35 * MIN;
    const parked = { ...(fixes.at(-1) as FakeFix), speedKmh: 0 };
    fixes.push({ ...parked, t: stopFrom }, { ...parked, t: stopTo });
    for (let t = stopTo + 5 * MIN, i = 21; t < a.nowMs - 20_000; t += 5 * MIN, i++) step(t, i);
    a.fix = { ...(fixes.at(-1) as FakeFix), t: a.nowMs - 20_000 };
    fixes.push(a.fix);
    a.dayFixes = fixes;
    a.dayStops = [
      { startMs: stopFrom, endMs: stopTo, lat: parked.lat, lon: parked.lon, placeText: STOP_WORDS },
    ];
    a.dayDistanceM = 186_400;
    return { stopFrom, stopTo, fixes: fixes.length };
  }

  it("X7: today's track with its stop under the arrow, the distance and the stop in words", async () => {
    const a = await startApi();
    const day = scriptDay(a);
    const p = await open(a);
    await waitText(p.page, '#track-summary', '今天已行驶 186.4 公里，停车 1 次（20 分钟以上）');
    const from = chinaClock(new Date(day.stopFrom).toISOString());
    const to = chinaClock(new Date(day.stopTo).toISOString());
    expect(await p.page.locator('#track-stops li').allTextContents()).toEqual([
      `${from}–${to} 停车 35 分钟 · ${STOP_WORDS}`,
    ]);
    // The day's points as the API gave them (the live fix is the track's last point), one stop marker.
    expect((await p.page.locator('#map polyline.track').getAttribute('points'))?.split(' ')).toHaveLength(
      day.fixes,
    );
    expect(await p.page.locator('#map .track-stop').count()).toBe(1);
    expect(await text(p, '#map .track-stop-label')).toBe('停 35 分钟');
    // Under the arrow: the track and its stop are drawn before the truck.
    const order = await p.page
      .locator('#map svg > *')
      .evaluateAll((els) => els.map((e) => e.getAttribute('class') ?? e.tagName));
    expect(order.indexOf('track')).toBeLessThan(order.indexOf('truck truck-online'));
    expect(order.indexOf('track-stops-layer')).toBeLessThan(order.indexOf('truck truck-online'));
    expect(await text(p, '#map-note')).toContain('蓝线为今天的行驶轨迹');
    const reads = a.requestsTo('GET', '/track');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ status: 200, authorization: `Bearer ${a.owner}` });
    await p.screenshot('track-stop');

    await p.page.locator('#large-toggle').tap();
    await waitText(p.page, '#track-summary', '今天开了 186.4 公里，中间停车休息了 1 次');
    expect(await p.page.locator('#track-stops li').allTextContents()).toEqual([
      `${from} 到 ${to}，停了 35 分钟，在${STOP_WORDS}`,
    ]);
    expect(await text(p, '#map .track-stop-label')).toBe('停了 35 分钟');
    expect(await text(p, '#map-note')).toContain('蓝线是今天走过的路');
    await p.screenshot('large-track-stop');
  });

  it("X7: a stop at the map's east edge keeps its duration on the map, in both types", async () => {
    const a = await startApi();
    // East for an hour, parked 40 minutes at the day's east-most point, then 20 minutes back west:
    // the truck is west of the stop, so only the map's edge can move the label.
    const start = a.nowMs - 125 * MIN;
    const fix = (t: number, i: number, headingDeg: number): FakeFix => ({
      t,
      lat: 36.6 + 0.004 * i,
      lon: 117 + 0.06 * i,
      speedKmh: 70,
      headingDeg,
    });
    const east = Array.from({ length: 13 }, (_, i) => fix(start + i * 5 * MIN, i, 90));
    const parked = { ...(east.at(-1) as FakeFix), speedKmh: 0 };
    const stopFrom = parked.t + MIN;
    const stopTo = stopFrom + 40 * MIN;
    const west = Array.from({ length: 4 }, (_, i) => fix(stopTo + (i + 1) * 5 * MIN, 11 - i, 270));
    a.fix = { ...(west.at(-1) as FakeFix), t: a.nowMs - 20_000 };
    a.dayFixes = [...east, { ...parked, t: stopFrom }, { ...parked, t: stopTo }, ...west, a.fix];
    a.dayStops = [{ startMs: stopFrom, endMs: stopTo, lat: parked.lat, lon: parked.lon }];
    a.dayDistanceM = 64_000;
    const p = await open(a);
    await waitText(p.page, '#track-summary', '今天已行驶 64.0 公里');
    for (const mode of ['normal', 'large']) {
      if (mode === 'large') {
        await p.page.locator('#large-toggle').tap();
        await waitText(p.page, '#track-summary', '今天开了');
      }
      // Measured in one go in the page: a view or stream frame may redraw the map meanwhile.
      const inside = () =>
        p.page.evaluate(() => {
          const svg = document.querySelector('#map svg')?.getBoundingClientRect();
          const label = document.querySelector('#map .track-stop-label')?.getBoundingClientRect();
          if (!svg || !label) return 'not drawn';
          return label.left >= svg.left && label.right <= svg.right
            ? 'inside'
            : `${label.right} > ${svg.right}`;
        });
      await expect.poll(inside, { timeout: 3_000 }).toBe('inside');
      await p.screenshot(`${mode === 'large' ? 'large-' : ''}track-stop-edge`);
    }
  });

  it('X7: the track is read again every 5 minutes, not with every 30-second view', async () => {
    const a = await startApi();
    scriptDay(a);
    phone = await phonePage(browser);
    await phone.page.clock.install();
    await phone.page.goto(a.pageUrl);
    await waitText(phone.page, '#track-summary', '今天已行驶');
    await waitForStream(a);
    expect(a.requestsTo('GET', '/track')).toHaveLength(1);
    await phone.page.clock.runFor(4 * MIN);
    expect(a.requestsTo('GET', '/track')).toHaveLength(1);
    // A stop that grew meanwhile is shown once the track is read again.
    a.dayStops = [{ ...(a.dayStops[0] as FakeStop), endMs: (a.dayStops[0] as FakeStop).endMs + 10 * MIN }];
    await phone.page.clock.runFor(MIN + 1_000);
    await expect.poll(() => a.requestsTo('GET', '/track').length).toBe(2);
    await waitText(phone.page, '#map .track-stop-label', '停 45 分钟');
  });

  it('X7: without a fix today it says so and shows the last known position', async () => {
    const a = await startApi();
    // Last heard of at 21:00 yesterday, China time.
    const ageMs = a.nowMs - chinaDayStartMs(a.nowMs) + 3 * 3_600_000;
    a.setFix({ lat: 36.6512, lon: 117.1201, speedKmh: 0, headingDeg: 180, ageMs });
    a.dayFixes = [];
    const p = await open(a);
    await waitText(p.page, '#track-summary', '今天还没有行驶记录，显示最后已知位置');
    expect(await p.page.locator('#track-stops li').count()).toBe(0);
    expect(await p.page.locator('#map .truck').count()).toBe(1);
    expect(await p.page.locator('#map polyline.track').count()).toBe(0);
    await waitText(p.page, '#badge', '离线');
    await p.screenshot('track-empty');
    await p.page.locator('#large-toggle').tap();
    await waitText(p.page, '#track-summary', '今天还没有行驶记录，显示最后已知位置');
    await p.screenshot('large-track-empty');
  });

  it("X7/X3: with a tile URL template today's track and its stop lie on the tiles", async () => {
    const a = await startApi({ tileUrl: '/tiles/{z}/{x}/{y}.svg' });
    scriptDay(a);
    const p = await open(a);
    await waitText(p.page, '#track-summary', '今天已行驶');
    const order = await p.page
      .locator('#map svg > *')
      .evaluateAll((els) => els.map((e) => e.getAttribute('class') ?? e.tagName));
    expect(order.indexOf('tiles')).toBeLessThan(order.indexOf('track'));
    expect(order.indexOf('track')).toBeLessThan(order.indexOf('truck truck-online'));
    expect(await p.page.locator('#map .track-stop').count()).toBe(1);
    await expect.poll(() => p.requested.filter((u) => u.includes('/tiles/')).length).toBeGreaterThan(0);
    await p.screenshot('track-tiles');
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
    // The page's template is where the build takes it from.
    const html = await readFile(new URL('../src/web/page.html', import.meta.url), 'utf8');
    expect(html).toContain('{{JS_VERSION}}');
  });

  it('serves the page built from src/web/page, with no runtime schema code in it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'share-page-'));
    try {
      const files = await buildPage(out);
      expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(['page.css', 'page.html', 'page.js']);
      const built = await readPageAssets(out);
      // The view's schema is a type-only import: TypeBox stays out of the browser.
      expect(built.js).not.toMatch(/TypeBox|@sinclair|\bimport\s*[{(]/);
      expect(built.js).toContain('定位平台提示');
      // What the routes serve by default is that same build.
      expect((await readPageAssets(PAGE_ASSETS_DIR)).js).toBe(built.js);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('without a built page the service refuses to start, naming the command that builds it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'share-page-missing-'));
    try {
      await expect(readPageAssets(empty)).rejects.toThrow(PAGE_BUILD_COMMAND);
      const a = FakeShareApi.start({ assetsDir: empty });
      await expect(a).rejects.toThrow(/family page is not built .*npm run build:page -w services\/share/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('X6: the driving clock at 3 h 40 min and the pre-warning episode, in normal and large type', async () => {
    const a = await startApi();
    a.clock = drivingClock(a);
    const pre = preWarningEpisode(a);
    a.episodes = [pre];
    const p = await open(a);
    await waitText(p.page, '#clock-now', '已连续驾驶 3 小时 40 分 · 20 分钟内需休息');
    expect(await text(p, '#clock-now')).toBe('已连续驾驶 3 小时 40 分 · 20 分钟内需休息');
    expect(await text(p, '#clock-today')).toBe('今日累计驾驶 6 小时 10 分');
    expect(await text(p, '#clock-title')).toBe('驾驶时长');
    // Past the pre-warning: the line is marked, amber.
    expect(await p.page.locator('#clock-now').getAttribute('class')).toContain('clock-warn');
    // The pre-warning is an episode of its own in the marquee and 详情.
    const marquee = '#marquee-text';
    await waitText(
      p.page,
      marquee,
      '已连续驾驶 3 小时 30 分钟，快到 4 小时上限，请提醒司机休息，附近有 1 处司机之家',
    );
    expect(await text(p, `${marquee} .chip`)).toBe('疲劳预警');
    expect(await p.page.locator(`${marquee} .chip`).getAttribute('class')).toContain('chip-warn');
    await p.screenshot('clock-driving');
    await p.page.locator('#alert-detail').tap();
    const { dialog, article, rows } = details(p);
    await dialog.waitFor({ state: 'visible' });
    expect(await article(pre).locator('h3').textContent()).toBe('疲劳驾驶预警（连续驾驶）进行中');
    expect(await rows(pre)).toEqual({
      提醒开始: chinaTime(pre.startedAt, false),
      提醒结束: '仍在持续',
      本次开始驾驶: chinaTime(pre.fatigue?.drivingSince ?? '', false),
      连续驾驶: '3 小时 30 分钟',
      当日累计驾驶: '6 小时',
      规定上限: '连续驾驶不超过 4 小时',
      地点: FAKE_PLACE_TEXT,
    });
    await p.screenshot('clock-pre-warning-details', { fullPage: false });
    await p.page.locator('#dialog-close').tap();
    await dialog.waitFor({ state: 'hidden' });

    await p.page.locator('#large-toggle').tap();
    await waitText(p.page, '#clock-now', '已经连续开车 3 小时 40 分，再过 20 分钟就该停车休息了');
    expect(await text(p, '#clock-today')).toBe('今天一共开了 6 小时 10 分');
    expect(await text(p, '#clock-title')).toBe('开车时间');
    await waitText(p.page, marquee, '已经连续开车 3 小时 30 分钟，快到 4 小时了，可以打电话提醒他休息');
    await p.screenshot('large-clock-driving');
  });

  it('X6: while the truck rests the clock says for how long, and follows the stream', async () => {
    const a = await startApi();
    a.clock = drivingClock(a);
    const p = await open(a);
    await waitText(p.page, '#clock-now', '已连续驾驶 3 小时 40 分');
    await waitForStream(a);
    // The truck stopped 12 minutes ago: the next frame says so, without a reload.
    a.advance(MIN);
    a.setFix({ lat: 36.6512, lon: 117.1201, speedKmh: 0, headingDeg: 90 });
    a.clock = restingClock(a);
    a.push();
    await waitText(p.page, '#clock-now', '正在休息 12 分钟');
    expect(await text(p, '#clock-now')).toBe('正在休息 12 分钟');
    expect(await text(p, '#clock-today')).toBe('今日累计驾驶 6 小时 10 分');
    expect(await p.page.locator('#clock-now').getAttribute('class')).toContain('clock-rest');
    await p.screenshot('clock-resting');

    await p.page.locator('#large-toggle').tap();
    await waitText(p.page, '#clock-now', '正在停车休息，已经休息 12 分钟');
    expect(await text(p, '#clock-today')).toBe('今天一共开了 6 小时 10 分');
    await p.screenshot('large-clock-resting');

    // Offline, or before the first clock event, the view has no clock: the page shows none.
    a.clock = null;
    a.push();
    await p.page.locator('#clock').waitFor({ state: 'hidden' });
  });

  it('the fake API refuses a scripted view that the real view could not be (ViewSchema)', async () => {
    const a = await FakeShareApi.start();
    try {
      const view = a.view();
      expect(() => checkedView({ ...view, alerts: [] } as typeof view)).toThrow(/must NOT have additional/);
      const { sourceText: _, ...withoutSource } = speedingEpisode(a, {
        minutesAgo: 5,
        durationS: 60,
        peakKmh: 104.2,
      });
      expect(() => checkedView({ ...view, episodes: [withoutSource as never] })).toThrow(/sourceText/);
      const legacy = { ...speedingEpisode(a, { minutesAgo: 5, durationS: 60, peakKmh: 1 }), peakSpeedKmh: 1 };
      expect(() => checkedView({ ...view, episodes: [legacy] })).toThrow(/additional/);
    } finally {
      await a.close();
    }
  });
});

/**
 * Headless Chromium for the family page tests: Debian's /usr/bin/chromium
 * driven by playwright-core (which downloads no browser), a 390×844 phone.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** The little of the DOM the in-page callbacks use (the project compiles without lib "dom"). */
interface PageElement {
  textContent: string | null;
  closest(selector: string): PageElement | null;
}
declare const document: { querySelector(selector: string): PageElement | null };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'test-results', 'share-page');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page (and anything it started) requested. */
  requested: string[];
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  /** test-results/share-page/<state>.png: the whole page, or only the viewport (a modal dialog). */
  screenshot(state: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** A phone in China; `timezoneId` puts it elsewhere (the page must still show China time). */
export async function phonePage(browser: Browser, opts: { timezoneId?: string } = {}): Promise<PhonePage> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
  });
  const requested: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    requested.push(r.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    requested,
    errors,
    async screenshot(state: string, opts: { fullPage?: boolean } = {}) {
      await mkdir(SHOTS_DIR, { recursive: true });
      const path = join(SHOTS_DIR, `${state}.png`);
      await page.screenshot({ path, fullPage: opts.fullPage ?? true, animations: 'disabled' });
      return path;
    },
    close: () => context.close(),
  };
}

/** Waits until the element's text contains `text`; the error names what it showed instead. */
export async function waitText(
  page: Page,
  selector: string,
  text: string,
  timeout = 10_000,
): Promise<string> {
  try {
    await page.waitForFunction(
      ([sel, t]) => {
        const el = document.querySelector(sel);
        return !!el && !el.closest('[hidden]') && (el.textContent ?? '').includes(t);
      },
      [selector, text] as const,
      { timeout },
    );
  } catch {
    const shown = await page
      .locator(selector)
      .first()
      .textContent({ timeout: 500 })
      .catch(() => '(absent)');
    throw new Error(`expected ${selector} to show "${text}" within ${timeout} ms, it shows "${shown}"`);
  }
  return (await page.locator(selector).first().textContent()) ?? '';
}

/**
 * The family page (SPEC S6, S7, X2, X3): `GET /s/{token}` and its two assets,
 * and its service worker (X8, Web Push notifications) at `GET /s/sw.js`.
 * The page itself is static; it reads the share token from its own path, claims
 * the link and reads the view through the viewer API (API.md).
 *
 * What is served is the built page: page.js bundled from page/*.ts, with
 * page.html and page.css, and sw.js bundled from sw.ts, all in the service's
 * dist/web/ (see scripts/build-page.ts). The files are read once, at
 * registration; without them the service does not start.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export interface WebRoutesOptions {
  /**
   * Map tiles drawn under the track, e.g. `https://tiles.example.cn/{z}/{x}/{y}.png`
   * or `/tiles/{z}/{x}/{y}.png` (GCJ-02 Web Mercator tiles, X3). Without it the
   * map is a plain grid and the page reaches nothing but its own origin.
   */
  tileUrl?: string;
  /** Where the built page.html, page.css and page.js are; default: PAGE_ASSETS_DIR. */
  assetsDir?: string;
}

/** The service's dist/web/: the same folder from src/web/ (run from source) and from dist/web/ (built). */
export const PAGE_ASSETS_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
export const PAGE_BUILD_COMMAND = 'npm run build:page -w services/share';
/** The service worker's file in the assets folder. */
export const WORKER_FILE = 'sw.js';

/** The built page's files; a missing one stops start-up with the command that builds them. */
export async function readPageAssets(
  dir = PAGE_ASSETS_DIR,
): Promise<{ html: string; css: string; js: string; sw: string }> {
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      throw new Error(
        `the family page is not built (${join(dir, file)} is missing): run \`${PAGE_BUILD_COMMAND}\``,
      );
    }
  };
  const [html, css, js, sw] = await Promise.all([
    read('page.html'),
    read('page.css'),
    read('page.js'),
    read(WORKER_FILE),
  ]);
  return { html, css, js, sw };
}

const HTML_TYPE = 'text/html; charset=utf-8';
const JS_TYPE = 'text/javascript; charset=utf-8';
const CSS_TYPE = 'text/css; charset=utf-8';
/** Assets are addressed by content hash (?v=…), so they may be cached for good. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/**
 * The worker's URL never changes: browsers check it for updates and must
 * revalidate it. It fetches nothing and loads no script, so its own policy
 * allows nothing.
 */
const WORKER_HEADERS = {
  'content-type': JS_TYPE,
  'cache-control': 'no-cache',
  'content-security-policy': "default-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Validates the tile template and returns the origin the CSP must allow ('self' for a path). */
export function tileSource(tileUrl: string): string {
  if (!['{z}', '{x}', '{y}'].every((p) => tileUrl.includes(p)))
    throw new Error('tileUrl must contain {z}, {x} and {y}');
  if (/["'<>\s]/.test(tileUrl)) throw new Error('tileUrl must not contain quotes, angle brackets or spaces');
  if (tileUrl.startsWith('/') && !tileUrl.startsWith('//')) return "'self'";
  const url = new URL(tileUrl.replace(/\{[xyz]\}/g, '0'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('tileUrl must be http(s)');
  return url.origin;
}

/** A CSP that lets the page reach its own origin only (plus the tile server's images). */
export function pageCsp(tileUrl?: string): string {
  const img = ["'self'"];
  const tiles = tileUrl ? tileSource(tileUrl) : undefined;
  if (tiles && tiles !== "'self'") img.push(tiles);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${img.join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const version = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 12);

export async function webRoutes(app: FastifyInstance, opts: WebRoutesOptions = {}): Promise<void> {
  const { html: template, css, js, sw } = await readPageAssets(opts.assetsDir);
  const csp = pageCsp(opts.tileUrl);
  const html = template
    .replaceAll('{{CSS_VERSION}}', version(css))
    .replaceAll('{{JS_VERSION}}', version(js))
    .replaceAll('{{TILE_URL}}', (opts.tileUrl ?? '').replaceAll('&', '&amp;'));

  const pageHeaders = {
    'content-type': HTML_TYPE,
    'cache-control': 'no-store',
    'content-security-policy': csp,
    // The share token is in the path: never send it on in a Referer.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
  const assetHeaders = (type: string) => ({
    'content-type': type,
    'cache-control': ASSET_CACHE,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });

  const hide = { schema: { hide: true } };
  app.get('/s/assets/page.js', hide, async (_req, reply) => reply.headers(assetHeaders(JS_TYPE)).send(js));
  app.get('/s/assets/page.css', hide, async (_req, reply) => reply.headers(assetHeaders(CSS_TYPE)).send(css));
  // Scope /s/ (its own folder): every family page, /s/{token}.
  app.get('/s/sw.js', hide, async (_req, reply) => reply.headers(WORKER_HEADERS).send(sw));
  app.get('/s/:token', hide, async (_req, reply) => reply.headers(pageHeaders).send(html));
  // Browsers ask for it on their own; answering "no content" keeps their consoles free of 404s.
  app.get('/favicon.ico', hide, async (_req, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send(),
  );
}

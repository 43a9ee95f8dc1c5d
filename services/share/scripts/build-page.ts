/**
 * Builds the family page: bundles src/web/page/main.ts (TypeScript modules)
 * with esbuild into one browser script, dist/web/page.js, and copies
 * page.html and page.css beside it: the three files web.routes.ts serves.
 * Beside them, its service worker (X8): src/web/sw.ts bundled into
 * dist/web/sw.js, served at /s/sw.js.
 *
 * Run by `npm run build:page -w services/share`, by scripts/setup.sh (so
 * `npm start` and `npm test` serve the current page), by the service's
 * `build`, and by the page tests before they open it. Files are replaced
 * atomically, so a running server or test never reads half a bundle.
 */
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { PAGE_ASSETS_DIR, WORKER_FILE } from '../src/web/web.routes.js';

const SERVICE_DIR = resolve(import.meta.dirname, '..');
const WEB_DIR = join(SERVICE_DIR, 'src', 'web');
const PAGE_DIR = join(WEB_DIR, 'page');
const ENTRY = join(PAGE_DIR, 'main.ts');
const WORKER_ENTRY = join(WEB_DIR, 'sw.ts');
/** Pure service modules the page shares, so that it words things as the service does. */
const SHARED_WITH_PAGE = [join(SERVICE_DIR, 'src', 'domain', 'duration-words.ts')];
/** What the worker may hold: itself and the page module both speak through (no DOM code). */
const WORKER_INPUTS = [WORKER_ENTRY, join(PAGE_DIR, 'worker-messages.ts')];

async function replace(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await write(tmp);
  await rename(tmp, path);
}

/**
 * One browser script from `entry`; throws when it would hold a module `allowed` refuses.
 * Schemas are imported for their types only: no TypeBox, nor any other service code, in a bundle.
 */
async function bundle(
  entry: string,
  outfile: string,
  allowed: (input: string) => boolean,
): Promise<Uint8Array> {
  const result = await build({
    absWorkingDir: SERVICE_DIR,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // What the page was written for before it had a build: the mini-program web views run ES2020.
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    outfile,
    logLevel: 'silent',
  });
  const foreign = Object.keys(result.metafile.inputs)
    .map((input) => resolve(SERVICE_DIR, input))
    .filter((input) => !allowed(input));
  if (foreign.length) throw new Error(`${relative(SERVICE_DIR, outfile)} may not hold ${foreign.join(', ')}`);
  const [out] = result.outputFiles;
  if (!out) throw new Error(`esbuild wrote no ${relative(SERVICE_DIR, outfile)}`);
  return out.contents;
}

/** Builds the service worker into `outDir` (default: where the routes read it); returns the file written. */
export async function buildServiceWorker(outDir = PAGE_ASSETS_DIR): Promise<string> {
  const target = join(outDir, WORKER_FILE);
  const contents = await bundle(WORKER_ENTRY, target, (input) => WORKER_INPUTS.includes(input));
  await mkdir(outDir, { recursive: true });
  await replace(target, (tmp) => writeFile(tmp, contents));
  return target;
}

/**
 * Builds the page into `outDir` (default: where the routes read it), and its
 * service worker beside it, so that what the routes serve is always whole;
 * returns the page's files (page.js, page.html, page.css).
 */
export async function buildPage(outDir = PAGE_ASSETS_DIR): Promise<string[]> {
  const pageJs = join(outDir, 'page.js');
  const [contents] = await Promise.all([
    bundle(ENTRY, pageJs, (input) => input.startsWith(PAGE_DIR) || SHARED_WITH_PAGE.includes(input)),
    buildServiceWorker(outDir),
  ]);
  await mkdir(outDir, { recursive: true });
  const written = [pageJs];
  await replace(pageJs, (tmp) => writeFile(tmp, contents));
  for (const file of ['page.html', 'page.css']) {
    const target = join(outDir, file);
    await replace(target, (tmp) => copyFile(join(WEB_DIR, file), tmp));
    written.push(target);
  }
  return written;
}

// The help by hand: this runs before the workspaces are built, so @safewatch/common's parseCliArgs is not there.
const USAGE = `Usage: npm run build:page -w services/share [-- options]

Builds the family page into services/share/dist/web/, where the share service serves it:
src/web/page/main.ts bundled with esbuild into page.js, page.html and page.css beside it,
and its service worker, src/web/sw.ts, bundled into sw.js. Files are replaced atomically.

Options:
  -h, --help  print this help and exit`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help) {
      console.log(USAGE);
      process.exit(0);
    }
  } catch (err) {
    console.error(
      `build:page: ${(err as Error).message}\n${USAGE.split('\n')[0]}\n(--help for every option)`,
    );
    process.exit(2);
  }
  const started = performance.now();
  const files = [...(await buildPage()), join(PAGE_ASSETS_DIR, WORKER_FILE)];
  const ms = Math.round(performance.now() - started);
  console.log(`family page built in ${ms} ms: ${files.map((f) => relative(process.cwd(), f)).join(', ')}`);
}

/**
 * Builds the family page: bundles src/web/page/main.ts (TypeScript modules)
 * with esbuild into one browser script, dist/web/page.js, and copies
 * page.html and page.css beside it: the three files web.routes.ts serves.
 *
 * Run by `npm run build:page -w services/share`, by scripts/setup.sh (so
 * `npm start` and `npm test` serve the current page), by the service's
 * `build`, and by the page tests before they open it. Files are replaced
 * atomically, so a running server or test never reads half a bundle.
 */
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PAGE_ASSETS_DIR } from '../src/web/web.routes.js';

const SERVICE_DIR = resolve(import.meta.dirname, '..');
const WEB_DIR = join(SERVICE_DIR, 'src', 'web');
const ENTRY = join(WEB_DIR, 'page', 'main.ts');
/** Pure service modules the page shares, so that it words things as the service does. */
const SHARED_WITH_PAGE = [join(SERVICE_DIR, 'src', 'domain', 'duration-words.ts')];

async function replace(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await write(tmp);
  await rename(tmp, path);
}

/** Builds the page into `outDir` (default: where the routes read it); returns the files written. */
export async function buildPage(outDir = PAGE_ASSETS_DIR): Promise<string[]> {
  const result = await build({
    absWorkingDir: SERVICE_DIR,
    entryPoints: [ENTRY],
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
    outfile: join(outDir, 'page.js'),
    logLevel: 'silent',
  });
  // The view's schema is imported for its types only: no TypeBox, nor any other service code, in the bundle.
  const foreign = Object.keys(result.metafile.inputs)
    .map((input) => resolve(SERVICE_DIR, input))
    .filter((input) => !input.startsWith(join(WEB_DIR, 'page')) && !SHARED_WITH_PAGE.includes(input));
  if (foreign.length)
    throw new Error(`the page bundle may hold only src/web/page modules, not ${foreign.join(', ')}`);
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error('esbuild wrote no page bundle');
  await mkdir(outDir, { recursive: true });
  const written = [join(outDir, 'page.js')];
  await replace(written[0] as string, (tmp) => writeFile(tmp, bundle.contents));
  for (const file of ['page.html', 'page.css']) {
    const target = join(outDir, file);
    await replace(target, (tmp) => copyFile(join(WEB_DIR, file), tmp));
    written.push(target);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = performance.now();
  const files = await buildPage();
  const ms = Math.round(performance.now() - started);
  console.log(`family page built in ${ms} ms: ${files.map((f) => relative(process.cwd(), f)).join(', ')}`);
}

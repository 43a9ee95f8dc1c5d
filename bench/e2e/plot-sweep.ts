/**
 * Draws the e2e sweep from a results file, without running the benchmark:
 *
 *   npx tsx bench/e2e/plot-sweep.ts [results.json] [out.svg]
 *
 * results.json is what `npm run bench:e2e` writes beside the picture (default
 * bench/e2e/sweep.json); the SVG goes beside it as sweep.svg unless named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Sweep, sweepSvg } from './plot.js';

const [input = join(import.meta.dirname, 'sweep.json'), output] = process.argv.slice(2);
const sweep = JSON.parse(readFileSync(input, 'utf8')) as Sweep;
const file = output ?? join(dirname(input), 'sweep.svg');
writeFileSync(file, sweepSvg(sweep));
process.stdout.write(`${file}: ${sweep.steps.length} steps of the run of ${sweep.run}\n`);

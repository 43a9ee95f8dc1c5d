import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** BENCHMARKS.md at the repository root (this file is packages/testkit/src/bench/report.ts). */
const FILE = join(import.meta.dirname, '..', '..', '..', '..', 'BENCHMARKS.md');

/** Replaces (or appends) the section of one benchmark in BENCHMARKS.md, stamped with the run's date. */
export async function writeBenchSection(name: string, lines: string[]): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const body = [
    start,
    `## ${name} — \`npm run bench:${name}\`, run ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    ...lines,
    end,
  ].join('\n');
  let text = await readFile(FILE, 'utf8').catch(
    () =>
      '# Benchmarks\n\nFigures measured on the machine named in each section. Re-run a benchmark to refresh its section.\n',
  );
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + body + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${body}\n`;
  await writeFile(FILE, text);
}

/**
 * BENCHMARKS.md as the benchmarks write it. Each benchmark owns one section,
 * between its markers `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`:
 * a heading stamped with the run's date and its latest figures, replaced in
 * place by every run. Earlier runs live in the changelog table at the end of
 * the file (`## Changelog`: date, benchmark, what changed, headline figure),
 * to which each run adds one row. Everything outside the markers is written
 * by hand and left as it is.
 *
 * The text forms (sectionOf, withSection, withChangelogRow) do the work; the
 * file forms (readSection, replaceSection, appendChangelog) read and write a file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** BENCHMARKS.md at the repository root (this file is packages/testkit/src/bench/benchmarks-md.ts). */
export const BENCHMARKS_FILE = join(import.meta.dirname, '..', '..', '..', '..', 'BENCHMARKS.md');

const CHANGELOG_HEADING = '## Changelog';
const CHANGELOG_TABLE = ['| date | benchmark | what changed | headline figure |', '|---|---|---|---|'];
/** What a new file starts with, before its first section. */
const NEW_FILE =
  '# Benchmarks\n\nThe latest figures of each benchmark, then a [changelog](#changelog) of how they got there.\n';

export function sectionMarkers(id: string): { start: string; end: string } {
  return { start: `<!-- bench:${id}:start -->`, end: `<!-- bench:${id}:end -->` };
}

/** When a run was, as its heading names it: YYYY-MM-DDTHH:MMZ. */
export function runStamp(at: Date = new Date()): string {
  return `${at.toISOString().slice(0, 16)}Z`;
}

/** The heading of benchmark `id`'s section for a run at `at`. */
export function sectionHeading(id: string, at: Date = new Date()): string {
  return `## ${id} — \`npm run bench:${id}\`, run ${runStamp(at)}`;
}

/** Where section `id` is in `text`: its start marker and the end of its end marker; undefined if it has none. */
function locate(text: string, id: string): { from: number; to: number } | undefined {
  const { start, end } = sectionMarkers(id);
  const from = text.indexOf(start);
  const at = from < 0 ? -1 : text.indexOf(end, from);
  return at < 0 ? undefined : { from, to: at + end.length };
}

/** The markdown of section `id` in `text`, without its markers; '' when there is none. */
export function sectionOf(text: string, id: string): string {
  const found = locate(text, id);
  if (!found) return '';
  return text.slice(found.from + sectionMarkers(id).start.length, found.to - sectionMarkers(id).end.length);
}

/**
 * `text` with section `id` holding `markdown`: the section replaced in place, or, when
 * `text` has none, added before the changelog (at the end when there is no changelog).
 */
export function withSection(text: string, id: string, markdown: string): string {
  const { start, end } = sectionMarkers(id);
  const body = `${start}\n${markdown.trim()}\n${end}`;
  const found = locate(text, id);
  if (found) return text.slice(0, found.from) + body + text.slice(found.to);
  const changelog = headingAt(text, CHANGELOG_HEADING);
  if (changelog >= 0) return `${text.slice(0, changelog)}${body}\n\n${text.slice(changelog)}`;
  return `${text.trimEnd()}\n\n${body}\n`;
}

export interface ChangelogRow {
  /** YYYY-MM-DD. */
  date: string;
  benchmark: string;
  change: string;
  /** The run's headline figure(s), in a few words. */
  headline: string;
}

const cell = (s: string) => s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * `text` with `row` added as the last row of the changelog table; the changelog
 * (heading and table) is added at the end of `text` when it has none.
 */
export function withChangelogRow(text: string, row: ChangelogRow): string {
  const line = `| ${[row.date, row.benchmark, row.change, row.headline].map(cell).join(' | ')} |`;
  const heading = headingAt(text, CHANGELOG_HEADING);
  if (heading < 0)
    return `${text.trimEnd()}\n\n${CHANGELOG_HEADING}\n\n${[...CHANGELOG_TABLE, line].join('\n')}\n`;
  const lines = text.slice(heading).split('\n');
  // The changelog runs to the next heading of its level or above.
  let stop = lines.findIndex((l, i) => i > 0 && /^#{1,2} /.test(l));
  if (stop < 0) stop = lines.length;
  const first = lines.findIndex((l, i) => i < stop && l.startsWith('|'));
  if (first < 0) {
    // A changelog without its table yet: the table goes at the end of the changelog's text.
    let last = stop;
    while (last > 1 && (lines[last - 1] ?? '').trim() === '') last -= 1;
    lines.splice(last, 0, '', ...CHANGELOG_TABLE, line);
  } else {
    let last = first;
    while (last + 1 < stop && (lines[last + 1] ?? '').startsWith('|')) last += 1;
    lines.splice(last + 1, 0, line);
  }
  return text.slice(0, heading) + lines.join('\n');
}

/** Index in `text` of the line that is exactly `heading`, or -1. */
function headingAt(text: string, heading: string): number {
  if (text.startsWith(`${heading}\n`) || text === heading) return 0;
  const at = text.indexOf(`\n${heading}\n`);
  if (at >= 0) return at + 1;
  return text.endsWith(`\n${heading}`) ? text.length - heading.length : -1;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Written beside the file and renamed over it: a reader never sees half a file. */
function writeText(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The markdown of section `id` in `file`, without its markers; '' when the file or the section is missing. */
export function readSection(file: string, id: string): string {
  return sectionOf(readText(file) ?? '', id);
}

/** Replaces section `id` of `file` with `markdown` (see withSection); creates the file if it is missing. */
export function replaceSection(file: string, id: string, markdown: string): void {
  writeText(file, withSection(readText(file) ?? NEW_FILE, id, markdown));
}

/** Adds `row` to the changelog table of `file` (see withChangelogRow); creates the file if it is missing. */
export function appendChangelog(file: string, row: ChangelogRow): void {
  writeText(file, withChangelogRow(readText(file) ?? NEW_FILE, row));
}

/** "re-run at `<commit>`": the changelog's default "what changed", the commit `file`'s checkout is at. */
export function defaultChange(file: string = BENCHMARKS_FILE): string {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dirname(file), encoding: 'utf8' });
  const commit = git.status === 0 ? git.stdout.trim() : '';
  return commit ? `re-run at \`${commit}\`` : 're-run';
}

export interface BenchmarkRun {
  /** The benchmark's name: `ingest` for `npm run bench:ingest`. */
  id: string;
  /** The section below its heading: latest tables and a few lines. */
  lines: readonly string[];
  /** The changelog row's headline figure; no row is added without one. */
  headline?: string;
  /** The changelog row's "what changed" (default: defaultChange()). */
  change?: string;
  /** When the run was (default: now). */
  at?: Date;
  /** Default BENCHMARKS_FILE. */
  file?: string;
}

/**
 * A benchmark's `--dry-run` or not: writes the run (writeBenchmark), or with
 * `dryRun` leaves BENCHMARKS.md alone; returns the line that says which
 * (with the section itself on a dry run).
 */
export function writeBenchmarkUnlessDry(run: BenchmarkRun, dryRun: boolean): string {
  if (dryRun) return `--dry-run: BENCHMARKS.md not written; the section would be:\n${run.lines.join('\n')}`;
  writeBenchmark(run);
  return `BENCHMARKS.md: ${run.id} section${run.headline === undefined ? '' : ' and changelog row'} written`;
}

/** Writes a run of a benchmark: its section, under a heading stamped with the run's date, and its changelog row. */
export function writeBenchmark(run: BenchmarkRun): void {
  const file = run.file ?? BENCHMARKS_FILE;
  const at = run.at ?? new Date();
  replaceSection(file, run.id, [sectionHeading(run.id, at), '', ...run.lines].join('\n'));
  if (run.headline !== undefined)
    appendChangelog(file, {
      date: at.toISOString().slice(0, 10),
      benchmark: run.id,
      change: run.change ?? defaultChange(file),
      headline: run.headline,
    });
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendChangelog,
  readSection,
  replaceSection,
  sectionHeading,
  sectionOf,
  withChangelogRow,
  withSection,
  writeBenchmark,
  writeBenchmarkUnlessDry,
} from './benchmarks-md.js';

const FILE = `# Benchmarks

Intro written by hand.

<!-- bench:ingest:start -->
## ingest — \`npm run bench:ingest\`, run 2026-12-05T18:38Z

| measure | positions/s |
|---|---:|
| ingest | 40,054 |
<!-- bench:ingest:end -->

- A bullet written by hand about ingest.

<!-- bench:alerts:start -->
## alerts — \`npm run bench:alerts\`, run 2026-12-05T18:39Z

Alerts' figures.
<!-- bench:alerts:end -->

## Changelog

Earlier runs.

| date | benchmark | what changed | headline figure |
|---|---|---|---|
| 2026-11-21 | ingest | first | 28k positions/s |
| 2026-12-05 | alerts | broker | p99 741 ms |
`;

describe('BENCHMARKS.md sections', () => {
  it('replaces only its own section, leaving the others, the hand-written text and the changelog', () => {
    const out = withSection(FILE, 'ingest', '## ingest — new\n\n| measure | positions/s |\n| ingest | 1 |\n');
    expect(sectionOf(out, 'ingest')).toBe('\n## ingest — new\n\n| measure | positions/s |\n| ingest | 1 |\n');
    expect(sectionOf(out, 'alerts')).toBe(sectionOf(FILE, 'alerts'));
    // Everything but the ingest section's body is as it was.
    expect(out.replace(sectionOf(out, 'ingest'), '')).toBe(FILE.replace(sectionOf(FILE, 'ingest'), ''));
  });

  it('gives the same text when a section is written again with what it holds', () => {
    expect(withSection(FILE, 'alerts', sectionOf(FILE, 'alerts'))).toBe(FILE);
  });

  it('adds a missing section before the changelog', () => {
    const out = withSection(FILE, 'track', '## track — run\n\nTrack figures.');
    expect(sectionOf(out, 'track')).toBe('\n## track — run\n\nTrack figures.\n');
    expect(out).toContain(
      '<!-- bench:alerts:end -->\n\n<!-- bench:track:start -->\n## track — run\n\nTrack figures.\n<!-- bench:track:end -->\n\n## Changelog\n',
    );
    expect(sectionOf(out, 'ingest')).toBe(sectionOf(FILE, 'ingest'));
  });

  it('adds a missing section at the end when there is no changelog', () => {
    const out = withSection('# Benchmarks\n\nIntro.\n', 'track', 'Figures.');
    expect(out).toBe(
      '# Benchmarks\n\nIntro.\n\n<!-- bench:track:start -->\nFigures.\n<!-- bench:track:end -->\n',
    );
  });

  it('reads nothing for a section that is not there', () => {
    expect(sectionOf(FILE, 'share')).toBe('');
    expect(sectionOf('<!-- bench:share:end --> <!-- bench:share:start -->', 'share')).toBe('');
  });
});

describe('BENCHMARKS.md changelog', () => {
  const row = {
    date: '2026-12-07',
    benchmark: 'track',
    change: 're-run',
    headline: '72 req/s | 4,087 cached',
  };

  it('appends a row at the end of the table, leaving the sections', () => {
    const out = withChangelogRow(FILE, row);
    expect(out).toBe(`${FILE}| 2026-12-07 | track | re-run | 72 req/s \\| 4,087 cached |\n`);
  });

  it('appends after the last row when text follows the table', () => {
    const out = withChangelogRow(`${FILE}\nA note below the table.\n`, row);
    expect(out).toContain('| p99 741 ms |\n| 2026-12-07 | track |');
    expect(out.endsWith('\nA note below the table.\n')).toBe(true);
  });

  it('adds the changelog and its table when the text has none', () => {
    const out = withChangelogRow('# Benchmarks\n', { ...row, headline: 'one\nline' });
    expect(out).toBe(
      '# Benchmarks\n\n## Changelog\n\n| date | benchmark | what changed | headline figure |\n|---|---|---|---|\n| 2026-12-07 | track | re-run | one line |\n',
    );
  });

  it('adds the table to a changelog heading without one', () => {
    const out = withChangelogRow('# Benchmarks\n\n## Changelog\n\nRuns.\n', row);
    expect(out).toBe(
      '# Benchmarks\n\n## Changelog\n\nRuns.\n\n| date | benchmark | what changed | headline figure |\n|---|---|---|---|\n| 2026-12-07 | track | re-run | 72 req/s \\| 4,087 cached |\n',
    );
  });
});

describe('BENCHMARKS.md on disk', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'benchmarks-md-'));
    file = join(dir, 'BENCHMARKS.md');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a section and appends a changelog row in the file', () => {
    writeFileSync(file, FILE);
    replaceSection(file, 'alerts', 'New alerts.');
    appendChangelog(file, {
      date: '2026-12-07',
      benchmark: 'alerts',
      change: 'faster',
      headline: 'p99 500 ms',
    });
    const text = readFileSync(file, 'utf8');
    expect(readSection(file, 'alerts')).toBe('\nNew alerts.\n');
    expect(sectionOf(text, 'ingest')).toBe(sectionOf(FILE, 'ingest'));
    expect(text.endsWith('| p99 741 ms |\n| 2026-12-07 | alerts | faster | p99 500 ms |\n')).toBe(true);
    expect(text).toContain('- A bullet written by hand about ingest.');
  });

  it('writes a run: the section under its dated heading, and one changelog row', () => {
    writeFileSync(file, FILE);
    const at = new Date('2026-12-07T09:05:30Z');
    writeBenchmark({ file, id: 'track', lines: ['Figures.'], headline: '72 req/s', change: 'cache', at });
    writeBenchmark({ file, id: 'ingest', lines: ['No row.'], at });
    const text = readFileSync(file, 'utf8');
    expect(sectionHeading('track', at)).toBe('## track — `npm run bench:track`, run 2026-12-07T09:05Z');
    expect(readSection(file, 'track')).toBe(`\n${sectionHeading('track', at)}\n\nFigures.\n`);
    expect(readSection(file, 'ingest')).toBe(`\n${sectionHeading('ingest', at)}\n\nNo row.\n`);
    expect(text.match(/^\| 2026-12-07 /gm)).toEqual(['| 2026-12-07 ']);
    expect(text.endsWith('| 2026-12-07 | track | cache | 72 req/s |\n')).toBe(true);
  });

  it('a dry run leaves the file as it was and shows the section; otherwise it writes and says so', () => {
    writeFileSync(file, FILE);
    const run = { file, id: 'track', lines: ['Figures.'], headline: '72 req/s', change: 'cache' };
    expect(writeBenchmarkUnlessDry(run, true)).toBe(
      '--dry-run: BENCHMARKS.md not written; the section would be:\nFigures.',
    );
    expect(readFileSync(file, 'utf8')).toBe(FILE);
    expect(writeBenchmarkUnlessDry(run, false)).toBe(
      'BENCHMARKS.md: track section and changelog row written',
    );
    expect(readSection(file, 'track')).toContain('\nFigures.\n');
    expect(writeBenchmarkUnlessDry({ file, id: 'ingest', lines: ['No row.'] }, false)).toBe(
      'BENCHMARKS.md: ingest section written',
    );
  });

  it('creates a missing file', () => {
    replaceSection(file, 'track', 'Figures.');
    appendChangelog(file, { date: '2026-12-07', benchmark: 'track', change: 'first', headline: '72 req/s' });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Benchmarks\n')).toBe(true);
    expect(readSection(file, 'track')).toBe('\nFigures.\n');
    expect(
      text.endsWith(
        '## Changelog\n\n| date | benchmark | what changed | headline figure |\n|---|---|---|---|\n| 2026-12-07 | track | first | 72 req/s |\n',
      ),
    ).toBe(true);
    expect(readSection(join(dir, 'missing.md'), 'track')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { fmt, fmtDuration, fmtMs, perSecond } from './format.js';
import { Progress } from './progress.js';

function fake(isTTY: boolean) {
  let t = 1_000_000;
  const out: string[] = [];
  return {
    out,
    tick: (ms: number) => {
      t += ms;
    },
    opts: { stream: { isTTY, write: (s: string) => out.push(s) }, now: () => t },
  };
}

describe('Progress', () => {
  it('on a terminal rewrites one line at most once a second, with rate and ETA', () => {
    const f = fake(true);
    const p = new Progress({ label: 'registry.json', total: 1_000_000, ...f.opts });
    p.update(10_000);
    expect(f.out).toEqual([]); // less than a second in
    f.tick(1_000);
    p.update(100_000);
    f.tick(500);
    p.update(150_000);
    f.tick(500);
    p.update(200_000);
    expect(f.out).toEqual([
      '\rregistry.json: 100,000 of 1,000,000 rows (10 %) · 100,000 rows/s · ETA 9 s\x1b[K',
      '\rregistry.json: 200,000 of 1,000,000 rows (20 %) · 100,000 rows/s · ETA 8 s\x1b[K',
    ]);
    f.tick(8_000);
    p.update(1_000_000);
    p.finish();
    expect(f.out.slice(2)).toEqual([
      '\rregistry.json: 1,000,000 of 1,000,000 rows (100 %) · 100,000 rows/s · ETA 0 s\x1b[K',
      '\rregistry.json: 1,000,000 rows in 10.0 s (100,000 rows/s)\x1b[K\n',
    ]);
  });

  it('elsewhere prints nothing unless forced', () => {
    const f = fake(false);
    const p = new Progress({ label: 'x', total: 10, ...f.opts });
    for (let i = 1; i <= 10; i++) {
      f.tick(10_000);
      p.update(i);
    }
    p.finish();
    expect(p.enabled).toBe(false);
    expect(f.out).toEqual([]);
  });

  it('forced into a log, a line at most every 5 s and per tenth of the total', () => {
    const f = fake(false);
    const p = new Progress({ label: 'fill', total: 1000, unit: 'positions', force: true, ...f.opts });
    // 1,000 updates over 100 s: a tenth every 10 s → one line per tenth, not one per 5 s.
    for (let i = 1; i <= 1000; i++) {
      f.tick(100);
      p.update(i);
    }
    p.finish();
    expect(f.out).toHaveLength(11);
    expect(f.out[0]).toBe('fill: 100 of 1,000 positions (10 %) · 10 positions/s · ETA 1 min 30 s\n');
    expect(f.out[10]).toBe('fill: 1,000 positions in 1 min 40 s (10 positions/s)\n');
    // Fast work (a tenth every second): lines no closer than 5 s.
    const g = fake(false);
    const q = new Progress({ label: 'fast', total: 100, force: true, ...g.opts });
    for (let i = 1; i <= 100; i++) {
      g.tick(100);
      q.update(i);
    }
    expect(g.out.map((l) => l.split(' ')[1])).toEqual(['50', '100']);
  });

  it('without a total, a line every 5 s with the rate', () => {
    const f = fake(false);
    const p = new Progress({ label: 'replay', force: true, ...f.opts });
    for (let i = 1; i <= 12; i++) {
      f.tick(1_000);
      p.add(500);
    }
    p.finish(false);
    expect(f.out).toEqual(['replay: 2,500 rows · 500 rows/s\n', 'replay: 5,000 rows · 500 rows/s\n']);
  });
});

describe('formats', () => {
  it('formats counts, milliseconds, durations and rates', () => {
    expect(fmt(1234567.6)).toBe('1,234,568');
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmtMs(3.14259)).toBe('3.14');
    expect(fmtMs(27.25)).toBe('27.3');
    expect(fmtMs(Number.NaN)).toBe('n/a');
    expect(fmtDuration(42_400)).toBe('42 s');
    expect(fmtDuration(185_000)).toBe('3 min 05 s');
    expect(fmtDuration(7_620_000)).toBe('2 h 07 min');
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(500, 0)).toBe(0);
  });
});

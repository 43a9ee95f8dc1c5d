import { describe, expect, it } from 'vitest';
import { ADOPTION_MAX_DAYS, adoptionPeriod, chinaDate } from './adoption-period.js';

/** 2026-11-21 01:00 in China (UTC+8) is still 2026-11-20 in UTC. */
const NOW = new Date('2026-11-20T17:00:00Z');

const ok = (q: { from?: string; to?: string }) => {
  const r = adoptionPeriod(q, NOW);
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.period;
};
const errors = (q: { from?: string; to?: string }) => {
  const r = adoptionPeriod(q, NOW);
  return 'errors' in r ? r.errors : [];
};

describe('X4 statistics period (whole days, UTC+8, both ends included)', () => {
  it("today is China's date", () => {
    expect(chinaDate(NOW)).toBe('2026-11-21');
  });

  it('default: the 30 days ending today', () => {
    expect(ok({})).toEqual({
      from: '2026-10-23',
      to: '2026-11-21',
      days: 30,
      start: new Date('2026-10-22T16:00:00Z'),
      end: new Date('2026-11-21T16:00:00Z'),
    });
  });

  it('from and to: from 00:00+08:00 to the day after to, 00:00+08:00 (excluded)', () => {
    const p = ok({ from: '2026-11-01', to: '2026-11-10' });
    expect(p.days).toBe(10);
    expect(p.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-10T16:00:00.000Z');
    expect(ok({ from: '2026-11-21', to: '2026-11-21' }).days).toBe(1);
  });

  it('only from: until today; only to: the 30 days ending then; to may be after today', () => {
    expect(ok({ from: '2026-11-01' })).toMatchObject({ from: '2026-11-01', to: '2026-11-21', days: 21 });
    expect(ok({ to: '2026-03-01' })).toMatchObject({ from: '2026-01-31', to: '2026-03-01', days: 30 });
    expect(ok({ from: '2026-11-01', to: '2026-11-30' }).days).toBe(30);
  });

  it(`at most ${ADOPTION_MAX_DAYS} days (a leap year)`, () => {
    expect(ok({ from: '2024-01-01', to: '2024-12-31' }).days).toBe(366);
    expect(errors({ from: '2024-01-01', to: '2025-01-01' })).toEqual([
      { path: 'querystring/to', message: 'the period is 367 days; at most 366' },
    ]);
    expect(errors({ from: '2025-11-01' })).toHaveLength(1);
  });

  it('refuses dates that are not calendar dates, from after to, from after today', () => {
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-11-31',
      '2026-1-1',
      '20261101',
      '2026-11-01T00:00:00Z',
    ])
      expect(errors({ from: bad }), bad).toEqual([
        { path: 'querystring/from', message: 'must be a calendar date YYYY-MM-DD' },
      ]);
    expect(errors({ from: 'x', to: 'y' }).map((e) => e.path)).toEqual(['querystring/from', 'querystring/to']);
    expect(errors({ from: '2026-11-10', to: '2026-11-01' })).toEqual([
      { path: 'querystring/from', message: 'must not be after to (2026-11-01)' },
    ]);
    expect(errors({ from: '2026-11-22', to: '2026-11-30' })).toEqual([
      { path: 'querystring/from', message: 'must not be after today (2026-11-21)' },
    ]);
    expect(ok({ from: '2024-02-29', to: '2024-03-01' }).days).toBe(2);
  });
});

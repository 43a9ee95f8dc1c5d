/**
 * The period of the adoption statistics (X4): whole days in China Standard
 * Time (UTC+8, no daylight saving), `from` and `to` both included, i.e. the
 * instants [from 00:00+08:00, the day after `to` 00:00+08:00).
 */

/** Without `from`: the 30 days ending with `to` (default today). */
export const ADOPTION_DEFAULT_DAYS = 30;
/** Longest period, in days: a year (leap years included). */
export const ADOPTION_MAX_DAYS = 366;
export const ADOPTION_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface AdoptionPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (included), YYYY-MM-DD. */
  to: string;
  days: number;
  /** from 00:00+08:00. */
  start: Date;
  /** The day after `to`, 00:00+08:00 (excluded). */
  end: Date;
}

export interface PeriodError {
  /** As in problem+json `errors`: querystring/from, querystring/to. */
  path: string;
  message: string;
}

/** Days since 1970-01-01 of a calendar date, undefined if it is not one (e.g. 2026-02-30). */
function dayNumber(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / DAY_MS;
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Today's date in China Standard Time. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The period asked for, or what is wrong with it: dates that are not
 * calendar dates, `from` after `to`, `from` after today, or more than
 * ADOPTION_MAX_DAYS days. `to` defaults to today, `from` to the
 * ADOPTION_DEFAULT_DAYS days ending with `to`.
 */
export function adoptionPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { period: AdoptionPeriod } | { errors: PeriodError[] } {
  const errors: PeriodError[] = [];
  const today = dayNumber(chinaDate(now)) as number;
  const parse = (name: 'from' | 'to'): number | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    const day = dayNumber(value);
    if (day === undefined)
      errors.push({ path: `querystring/${name}`, message: 'must be a calendar date YYYY-MM-DD' });
    return day;
  };
  const fromDay = parse('from');
  const toDay = parse('to');
  if (errors.length > 0) return { errors };

  const last = toDay ?? today;
  const first = fromDay ?? last - (ADOPTION_DEFAULT_DAYS - 1);
  if (first > last)
    errors.push({ path: 'querystring/from', message: `must not be after to (${dateOf(last)})` });
  else if (first > today)
    errors.push({ path: 'querystring/from', message: `must not be after today (${dateOf(today)})` });
  else if (last - first + 1 > ADOPTION_MAX_DAYS)
    errors.push({
      path: 'querystring/to',
      message: `the period is ${last - first + 1} days; at most ${ADOPTION_MAX_DAYS}`,
    });
  if (errors.length > 0) return { errors };

  return {
    period: {
      from: dateOf(first),
      to: dateOf(last),
      days: last - first + 1,
      start: new Date(first * DAY_MS - OFFSET_MS),
      end: new Date((last + 1) * DAY_MS - OFFSET_MS),
    },
  };
}

/**
 * Field checks of registry rows. Each returns the normalised value or a reason;
 * reasons describe what is expected and never repeat the value (which may be
 * personal data).
 */
import { KNOWN_PLATE_COLORS, normalizePlate } from '@safewatch/common';

export type Check<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

const ok = <T>(value: T, warning?: string): Check<T> =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const bad = <T>(reason: string): Check<T> => ({ ok: false, reason });

/** Whether a raw cell / JSON value counts as empty (absent, null or blank). */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A text cell: strings as they are (NFKC, trimmed); numbers and booleans are refused, they lose information. */
function text(v: unknown): Check<string> {
  if (v === undefined || v === null) return ok('');
  if (typeof v !== 'string') return bad(`must be a string, got a ${typeof v}`);
  return ok(v.normalize('NFKC').trim());
}

/** Province abbreviations that start a Chinese plate (GA 36). */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/**
 * Province, issuing-authority letter, then 5 (ordinary) or 6 (new-energy)
 * letters/digits; the last one may be 挂 (trailer), 学 (coach car) or 警.
 */
const PLATE_RE = new RegExp(`^[${PROVINCES}][A-Z](?:[A-Z0-9]{5}|[A-Z0-9]{4}[挂学警]|[A-Z0-9]{6})$`);

export function checkPlateNumber(v: unknown): Check<string> {
  const t = text(v);
  if (!t.ok) return t;
  if (t.value === '') return bad('required');
  const plate = normalizePlate(t.value);
  if (!PLATE_RE.test(plate)) {
    return bad('not a plausible plate: province abbreviation, a letter, then 5 or 6 letters/digits');
  }
  return ok(plate);
}

export function checkPlateColor(v: unknown): Check<number> {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v.normalize('NFKC')))
    n = Number(v.normalize('NFKC'));
  else if (isBlank(v)) return bad('required');
  else return bad('must be a JT/T 697.7 numeric colour code');
  if (!Number.isInteger(n) || !KNOWN_PLATE_COLORS.has(n)) {
    return bad(`unknown plate colour code (expected one of ${[...KNOWN_PLATE_COLORS].join(', ')})`);
  }
  return ok(n);
}

/** Upper-cased certificate number of letters and digits (a '-' allowed inside), min…max characters. */
function certNo(v: unknown, min: number, max: number): Check<string> {
  const t = text(v);
  if (!t.ok) return t;
  if (t.value === '') return bad('required');
  const s = t.value.replace(/\s+/g, '').toUpperCase();
  if (s.length < min || s.length > max) return bad(`must be ${min}-${max} characters, got ${s.length}`);
  if (!/^[0-9A-Z](?:[0-9A-Z-]*[0-9A-Z])?$/.test(s)) return bad('only letters and digits are allowed');
  return ok(s);
}

/** 道路运输证号: letters and digits, 6-20 characters. */
export const checkTransportCertNo = (v: unknown): Check<string> => certNo(v, 6, 20);

/** 从业资格证号: letters and digits, 6-30 characters. */
export const checkQualificationCertNo = (v: unknown): Check<string> => certNo(v, 6, 30);

const VIN_RE = /^[A-HJ-NPR-Z0-9]{17}$/;
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** ISO 3779 transliteration: A-I → 1-9, J-R → 1-9, S-Z → 2-9 (I, O, Q never occur). */
const VIN_LETTER_ROWS: readonly [string, number][] = [
  ['ABCDEFGHI', 1],
  ['JKLMNOPQR', 1],
  ['STUVWXYZ', 2],
];

function vinValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  for (const [row, base] of VIN_LETTER_ROWS) {
    const i = row.indexOf(c);
    if (i >= 0) return i + base;
  }
  return 0;
}

/** ISO 3779 / GB 16735 check digit (the 9th character) of a syntactically valid VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += vinValue(vin[i] as string) * (VIN_WEIGHTS[i] as number);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * VIN: 17 characters of A-H, J-N, P, R-Z, 0-9 (no I, O, Q), upper-cased.
 * GB 16735 makes the 9th character a check digit, but imported vehicles (EU
 * VINs carry no check digit) are registered in China too, so a wrong check
 * digit is a warning and the row is still accepted: B1 compares VINs exactly,
 * so a VIN typed differently by the driver fails anyway.
 */
export function checkVin(v: unknown): Check<string> {
  const t = text(v);
  if (!t.ok) return t;
  if (t.value === '') return bad('required');
  const vin = t.value.replace(/\s+/g, '').toUpperCase();
  if (vin.length !== 17) return bad(`must be 17 characters, got ${vin.length}`);
  if (!VIN_RE.test(vin)) return bad('only A-H, J-N, P, R-Z and 0-9 are allowed (no I, O, Q)');
  if (vin[8] !== vinCheckDigit(vin))
    return ok(vin, 'check digit (9th character) does not match; row accepted');
  return ok(vin);
}

/** An id: non-empty, at most 128 characters, no whitespace or control characters. */
function id(v: unknown, max: number): Check<string> {
  const t = text(v);
  if (!t.ok) return t;
  if (t.value === '') return bad('required');
  if (t.value.length > max) return bad(`must be at most ${max} characters, got ${t.value.length}`);
  if (/[\s\p{Cc}]/u.test(t.value)) return bad('must not contain spaces or control characters');
  return ok(t.value);
}

export const checkCarrierId = (v: unknown): Check<string> => id(v, 64);
export const checkDriverId = (v: unknown): Check<string> => id(v, 128);

/** YYYY-MM-DD calendar date, or blank (null: no validity on record). */
export function checkDate(v: unknown): Check<string | null> {
  if (isBlank(v)) return ok(null);
  const t = text(v);
  if (!t.ok) return t;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.value);
  if (!m) return bad('must be a date YYYY-MM-DD (or empty)');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return bad('not a calendar date');
  }
  if (y < 1950 || y > 2199) return bad('year out of range (1950-2199)');
  return ok(t.value);
}

/** true/false, 1/0, yes/no, 是/否; blank means true (registry rows are freight vehicles by default). */
export function checkIsFreight(v: unknown): Check<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (isBlank(v)) return ok(true);
  if (typeof v === 'number' && (v === 0 || v === 1)) return ok(v === 1);
  if (typeof v !== 'string') return bad('must be true or false');
  const s = v.normalize('NFKC').trim().toLowerCase();
  if (['true', '1', 'yes', 'y', '是'].includes(s)) return ok(true);
  if (['false', '0', 'no', 'n', '否'].includes(s)) return ok(false);
  return bad('must be true or false');
}

/** A person's name: optional, at most 64 characters, no control characters or digits. */
export function checkName(v: unknown): Check<string> {
  const t = text(v);
  if (!t.ok) return t;
  const s = t.value.replace(/\s+/g, ' ');
  if (s.length > 64) return bad(`must be at most 64 characters, got ${s.length}`);
  if (/[\p{Cc}\d]/u.test(s)) return bad('must not contain digits or control characters');
  return ok(s);
}

/**
 * Phone: optional; spaces and '-' are dropped, a leading +86/0086 too; then
 * digits only: a mobile number (11 digits starting 13-19) or a landline with
 * its area code (0 then 9-11 digits).
 */
export function checkPhone(v: unknown): Check<string> {
  const t = text(v);
  if (!t.ok) return t;
  let s = t.value.replace(/[\s\-()]/g, '');
  if (s === '') return ok('');
  s = s.replace(/^(?:\+86|0086)(?=1\d{10}$)/, '');
  if (!/^\d+$/.test(s)) return bad('digits only');
  if (s.startsWith('1')) {
    if (!/^1[3-9]\d{9}$/.test(s))
      return bad(`a mobile number has 11 digits starting 13-19, got ${s.length} digits`);
  } else if (!/^0\d{9,11}$/.test(s)) {
    return bad('must be an 11-digit mobile number or a landline with area code');
  }
  return ok(s);
}

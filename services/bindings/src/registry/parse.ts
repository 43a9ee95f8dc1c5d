/**
 * Registry files (SPEC §2) → typed rows. Pure: no database, no file system.
 *
 * Formats (see services/bindings/samples/README.md):
 * - CSV, UTF-8 with or without BOM, comma separated, one header row. A file
 *   holds one kind of row, told by its header: a `plate_number` column makes a
 *   vehicle file, a `driver_id` column a driver file.
 * - JSON: `{ "vehicles": [ {...} ], "drivers": [ {...} ] }` with the same
 *   snake_case keys as the CSV columns; either array may be absent.
 *
 * Every bad row is reported (location, field, reason) and left out; the good
 * rows are returned. Within one file a repeated key (plate + colour, driver_id)
 * rejects the later rows.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import {
  type Check,
  checkCarrierId,
  checkDate,
  checkDriverId,
  checkIsFreight,
  checkName,
  checkPhone,
  checkPlateColor,
  checkPlateNumber,
  checkQualificationCertNo,
  checkTransportCertNo,
  checkVin,
} from './fields.js';
import {
  type DriverRecord,
  type ParsedRegistry,
  type RecordKind,
  type RegistryFormat,
  RegistryFormatError,
  type RowIssue,
  type VehicleRecord,
} from './types.js';

type FieldChecks = Record<string, (v: unknown) => Check<unknown>>;

const VEHICLE_FIELDS = {
  plate_number: checkPlateNumber,
  plate_color: checkPlateColor,
  transport_cert_no: checkTransportCertNo,
  vin: checkVin,
  carrier_id: checkCarrierId,
  transport_cert_expires_on: checkDate,
  is_freight: checkIsFreight,
} satisfies FieldChecks;

const DRIVER_FIELDS = {
  driver_id: checkDriverId,
  qualification_cert_no: checkQualificationCertNo,
  qualification_cert_expires_on: checkDate,
  name: checkName,
  phone: checkPhone,
} satisfies FieldChecks;

/** Columns a CSV header must have (a validity column too: leaving it out would silently clear validities). */
export const REQUIRED_COLUMNS: Readonly<Record<RecordKind, readonly string[]>> = {
  vehicle: [
    'plate_number',
    'plate_color',
    'transport_cert_no',
    'vin',
    'carrier_id',
    'transport_cert_expires_on',
  ],
  driver: ['driver_id', 'qualification_cert_no', 'qualification_cert_expires_on'],
};

/** Every column / key of each kind, in the order the CSV samples use. */
export const COLUMNS: Readonly<Record<RecordKind, readonly string[]>> = {
  vehicle: Object.keys(VEHICLE_FIELDS),
  driver: Object.keys(DRIVER_FIELDS),
};

interface Where {
  location: string;
  line?: number;
  index?: number;
}

type Validated<T> =
  | { record: T; warnings: { field: string; reason: string }[] }
  | { problems: { field: string; reason: string }[] };

function validate<C extends FieldChecks>(
  checks: C,
  raw: Record<string, unknown>,
): Validated<{ [K in keyof C]: C[K] extends (v: unknown) => Check<infer T> ? T : never }> {
  const out: Record<string, unknown> = {};
  const problems: { field: string; reason: string }[] = [];
  const warnings: { field: string; reason: string }[] = [];
  for (const [field, check] of Object.entries(checks)) {
    const r = check(raw[field]);
    if (!r.ok) problems.push({ field, reason: r.reason });
    else {
      out[field] = r.value;
      if (r.warning) warnings.push({ field, reason: r.warning });
    }
  }
  if (problems.length > 0) return { problems };
  return { record: out as never, warnings };
}

/** Accumulates the rows of one file: validation, duplicate keys, issues. */
class Collector {
  readonly vehicles: VehicleRecord[] = [];
  readonly drivers: DriverRecord[] = [];
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  rows = 0;
  rejected = 0;
  private readonly seen: Record<RecordKind, Map<string, string>> = { vehicle: new Map(), driver: new Map() };

  warn(kind: RowIssue['kind'], where: Where, field: string, reason: string): void {
    this.warnings.push({ kind, ...where, field, reason });
  }

  reject(kind: RecordKind, where: Where, problems: { field: string; reason: string }[]): void {
    this.rows += 1;
    this.rejected += 1;
    for (const p of problems) this.errors.push({ kind, ...where, ...p });
  }

  add(kind: RecordKind, where: Where, raw: Record<string, unknown>): void {
    if (kind === 'vehicle') {
      const v = validate(VEHICLE_FIELDS, raw);
      if ('problems' in v) {
        this.reject(kind, where, v.problems);
        return;
      }
      const r = v.record;
      if (this.isDuplicate(kind, where, `${r.plate_number}:${r.plate_color}`, 'plate_number')) return;
      this.accept(kind, where, v.warnings);
      this.vehicles.push({
        plateNumber: r.plate_number,
        plateColor: r.plate_color,
        transportCertNo: r.transport_cert_no,
        vin: r.vin,
        carrierId: r.carrier_id,
        transportCertExpiresOn: r.transport_cert_expires_on,
        isFreight: r.is_freight,
      });
    } else {
      const v = validate(DRIVER_FIELDS, raw);
      if ('problems' in v) {
        this.reject(kind, where, v.problems);
        return;
      }
      const r = v.record;
      if (this.isDuplicate(kind, where, r.driver_id, 'driver_id')) return;
      this.accept(kind, where, v.warnings);
      this.drivers.push({
        driverId: r.driver_id,
        qualificationCertNo: r.qualification_cert_no,
        qualificationCertExpiresOn: r.qualification_cert_expires_on,
        name: r.name,
        phone: r.phone,
      });
    }
  }

  private accept(kind: RecordKind, where: Where, warnings: { field: string; reason: string }[]): void {
    this.rows += 1;
    for (const w of warnings) this.warn(kind, where, w.field, w.reason);
  }

  private isDuplicate(kind: RecordKind, where: Where, key: string, field: string): boolean {
    const first = this.seen[kind].get(key);
    if (first === undefined) {
      this.seen[kind].set(key, where.location);
      return false;
    }
    const what = kind === 'vehicle' ? 'plate_number + plate_color' : 'driver_id';
    this.reject(kind, where, [{ field, reason: `duplicate ${what} (first at ${first})` }]);
    return true;
  }

  result(): ParsedRegistry {
    return {
      vehicles: this.vehicles,
      drivers: this.drivers,
      rows: this.rows,
      rejected: this.rejected,
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

/** UTF-8 text of a file, without BOM; anything else (e.g. a GBK export) is refused. */
export function decodeUtf8(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    // The decoder drops a leading BOM (ignoreBOM: false).
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new RegistryFormatError('file is not valid UTF-8 (save it as "CSV UTF-8" / UTF-8 text)');
  }
}

const normalizeHeader = (h: string) => h.normalize('NFKC').trim().toLowerCase();

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

interface CsvRecord {
  record: string[];
  /** info.lines: the line where the record ends. */
  info: { lines: number };
}

/** Line where a record starts: where it ends, less the line breaks inside its (quoted) fields. */
const startLine = (r: CsvRecord) => r.info.lines - r.record.reduce((n, f) => n + countNewlines(f), 0);

/** Parses one CSV registry file (vehicles or drivers, told by the header). */
export function parseRegistryCsv(input: string | Uint8Array): ParsedRegistry {
  // One kind of line break, so csv-parse's line count is right whatever the file uses.
  const text = decodeUtf8(input).replace(/\r\n?/g, '\n');
  let records: CsvRecord[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    // csv-parse messages may quote file content: keep only the code and the line.
    throw new RegistryFormatError(
      `malformed CSV${e.lines ? ` near line ${e.lines}` : ''}${e.code ? ` (${e.code})` : ''}`,
    );
  }

  const [head, ...body] = records;
  if (!head) throw new RegistryFormatError('empty file: expected a header row');
  const headerLine = startLine(head);
  const header = head.record.map(normalizeHeader);
  const kind: RecordKind | undefined = header.includes('plate_number')
    ? header.includes('driver_id')
      ? undefined
      : 'vehicle'
    : header.includes('driver_id')
      ? 'driver'
      : undefined;
  if (!kind) {
    throw new RegistryFormatError(
      `line ${headerLine}: cannot tell the kind of rows: the header must have a plate_number column ` +
        '(vehicles) or a driver_id column (drivers), not both',
    );
  }
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw new RegistryFormatError(`line ${headerLine}: column "${dup}" appears twice`);
  const missing = REQUIRED_COLUMNS[kind].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new RegistryFormatError(`line ${headerLine}: ${kind} file lacks column(s) ${missing.join(', ')}`);
  }

  const out = new Collector();
  const known = new Set(COLUMNS[kind]);
  for (const h of header) {
    if (!known.has(h)) {
      out.warn(
        kind,
        { location: `line ${headerLine}`, line: headerLine },
        h || '(empty)',
        'unknown column ignored',
      );
    }
  }

  for (const r of body) {
    const { record } = r;
    const line = startLine(r);
    const where = { location: `line ${line}`, line };
    if (record.length !== header.length) {
      out.reject(kind, where, [
        { field: '(row)', reason: `expected ${header.length} fields, found ${record.length}` },
      ]);
      continue;
    }
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => {
      row[h] = record[i];
    });
    out.add(kind, where, row);
  }
  return out.result();
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a JSON registry file: `{ "vehicles": [...], "drivers": [...] }`. */
export function parseRegistryJson(input: string | Uint8Array): ParsedRegistry {
  const text = decodeUtf8(input);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    // V8's message may quote the text around the error (personal data): keep
    // only what precedes the quote, and turn a position into a line.
    const message = String((err as Error).message);
    const pos = /position (\d+)/.exec(message)?.[1];
    const what = message
      .replace(/, (?:\.\.\.)?".*$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .slice(0, 80);
    const line = pos === undefined ? '' : ` near line ${countNewlines(text.slice(0, Number(pos))) + 1}`;
    throw new RegistryFormatError(`not valid JSON${line}: ${what}`);
  }
  if (!isPlainObject(doc) || (!('vehicles' in doc) && !('drivers' in doc))) {
    throw new RegistryFormatError('expected an object { "vehicles": [...], "drivers": [...] }');
  }

  const out = new Collector();
  for (const key of Object.keys(doc)) {
    if (key !== 'vehicles' && key !== 'drivers') {
      out.warn('file', { location: '(top level)' }, key, 'unknown key ignored');
    }
  }
  for (const [key, kind] of [
    ['vehicles', 'vehicle'],
    ['drivers', 'driver'],
  ] as const) {
    const list = doc[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw new RegistryFormatError(`"${key}" must be an array`);
    const known = new Set(COLUMNS[kind]);
    const unknown = new Set<string>();
    list.forEach((item: unknown, index) => {
      const where = { location: `${key}[${index}]`, index };
      if (!isPlainObject(item)) {
        out.reject(kind, where, [{ field: '(row)', reason: 'must be an object' }]);
        return;
      }
      for (const k of Object.keys(item)) {
        if (!known.has(k) && !unknown.has(k)) {
          unknown.add(k);
          out.warn(kind, where, k, 'unknown key ignored');
        }
      }
      out.add(kind, where, item);
    });
  }
  return out.result();
}

export function parseRegistry(input: string | Uint8Array, format: RegistryFormat): ParsedRegistry {
  return format === 'csv' ? parseRegistryCsv(input) : parseRegistryJson(input);
}

/** The format told by a file name's extension (.csv / .json), if any. */
export function formatFromPath(path: string): RegistryFormat | undefined {
  const m = /\.(csv|json)$/i.exec(path);
  return m ? (m[1]?.toLowerCase() as RegistryFormat) : undefined;
}

/** One line for a problem: "line 14 vin: must be 17 characters, got 16". Never contains a value. */
export function formatIssue(i: RowIssue): string {
  return `${i.location} ${i.field}: ${i.reason}`;
}

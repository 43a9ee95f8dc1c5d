/**
 * Registry import of one file: read, parse, load (one transaction), report.
 * Used by the CLI (src/cli/import-registry.ts) and usable by the service, e.g.
 * to load the sample registry at start-up in a demo.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Pool } from '@safewatch/common';
import { formatFromPath, parseRegistry } from './parse.js';
import { type LoadOptions, type LoadResult, loadRegistry } from './registry.repo.js';
import { type ParsedRegistry, type RegistryFormat, RegistryFormatError, type RowIssue } from './types.js';

export { SAMPLE_REGISTRY_FILE } from './sample.js';

export interface ImportReport extends LoadResult {
  file: string;
  format: RegistryFormat;
  /** Data rows in the file (loaded + rejected). */
  rows: number;
  /** Totals over vehicles and drivers. */
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface ParsedFile extends ParsedRegistry {
  file: string;
  format: RegistryFormat;
}

/**
 * Reads and parses a registry file; the format comes from `format` or else the
 * extension. Throws RegistryFormatError when the file is unusable, and the
 * file system's error when it cannot be read.
 */
export async function readRegistryFile(file: string, format?: RegistryFormat): Promise<ParsedFile> {
  const fmt = format ?? formatFromPath(file);
  if (!fmt)
    throw new RegistryFormatError('cannot tell the format: name the file .csv or .json, or pass --format');
  const bytes = await readFile(file);
  return { file, format: fmt, ...parseRegistry(bytes, fmt) };
}

/** Loads the valid rows of a parsed file (one transaction) and reports the counts. */
export async function loadParsedFile(
  pool: Pool,
  parsed: ParsedFile,
  opts: LoadOptions = {},
): Promise<ImportReport> {
  const loaded = await loadRegistry(pool, parsed, opts);
  const sum = (k: 'inserted' | 'updated' | 'unchanged') => loaded.vehicles[k] + loaded.drivers[k];
  return {
    file: parsed.file,
    format: parsed.format,
    rows: parsed.rows,
    ...loaded,
    inserted: sum('inserted'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    rejected: parsed.rejected,
    errors: parsed.errors,
    warnings: parsed.warnings,
  };
}

/** readRegistryFile + loadParsedFile. Rejected rows are in the report; the good rows are loaded. */
export async function importRegistryFile(
  pool: Pool,
  file: string,
  opts: LoadOptions & { format?: RegistryFormat } = {},
): Promise<ImportReport> {
  return loadParsedFile(pool, await readRegistryFile(file, opts.format), opts);
}

/**
 * "registry.json: 220 rows; vehicles 200 inserted, 0 updated, 0 unchanged; drivers 20 inserted, 0 updated,
 * 0 unchanged; 0 rejected; 42 certificate events"
 */
export function summaryLine(r: ImportReport): string {
  const kind = (name: string, c: LoadResult['vehicles']) =>
    `${name} ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`;
  return (
    `${basename(r.file)}: ${r.rows} rows; ${kind('vehicles', r.vehicles)}; ${kind('drivers', r.drivers)}; ` +
    `${r.rejected} rejected; ${r.events} certificate events`
  );
}

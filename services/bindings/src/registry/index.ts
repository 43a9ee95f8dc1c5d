/**
 * The vehicle/driver registry of the bindings service (SPEC §2): parsing and
 * validation of the administration system's exports (pure), and loading into
 * Postgres with certificate-change events in the outbox (rule A3).
 */
export type { Check } from './fields.js';
export { vinCheckDigit } from './fields.js';
export {
  type ImportReport,
  importRegistryFile,
  loadParsedFile,
  type ParsedFile,
  readRegistryFile,
  SAMPLE_REGISTRY_FILE,
  summaryLine,
} from './import.js';
export {
  COLUMNS,
  formatFromPath,
  formatIssue,
  parseRegistry,
  parseRegistryCsv,
  parseRegistryJson,
  REQUIRED_COLUMNS,
} from './parse.js';
export {
  assertRegistryTables,
  type KindCounts,
  type LoadOptions,
  type LoadResult,
  loadRegistry,
  type RegistryRows,
  RegistrySchemaError,
} from './registry.repo.js';
export {
  type DriverRecord,
  type ParsedRegistry,
  type RecordKind,
  type RegistryFormat,
  RegistryFormatError,
  type RowIssue,
  type VehicleRecord,
} from './types.js';

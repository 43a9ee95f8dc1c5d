/**
 * Typed rows of the vehicle/driver registry (SPEC §2), as loaded from the road
 * transport administration system's exports. Pure types: no I/O here.
 */

/** A registered vehicle (registry_vehicles). Values are normalised. */
export interface VehicleRecord {
  /** Normalised plate ("鲁A12345"): half-width, upper case, no separators. */
  plateNumber: string;
  /** JT/T 697.7 plate colour code (one of KNOWN_PLATE_COLORS). */
  plateColor: number;
  /** 道路运输证号, upper case. */
  transportCertNo: string;
  /** 17-character VIN, upper case. */
  vin: string;
  /** Owning carrier (业户) id, as in carriers' JWT `carrierId`. */
  carrierId: string;
  /** YYYY-MM-DD, or null when no validity is on record. */
  transportCertExpiresOn: string | null;
  isFreight: boolean;
}

/** A driver's qualification certificate (registry_drivers). */
export interface DriverRecord {
  /** The identity provider's subject id (JWT `sub` of role driver). */
  driverId: string;
  /** 从业资格证号, upper case. */
  qualificationCertNo: string;
  /** YYYY-MM-DD, or null when no validity is on record. */
  qualificationCertExpiresOn: string | null;
  /** Personal data: never logged, never echoed in messages. '' when absent. */
  name: string;
  /** Personal data, digits only. '' when absent. */
  phone: string;
}

export type RecordKind = 'vehicle' | 'driver';

/**
 * A problem with one row (or, with field "(file)", with the file). Messages
 * never contain field values, so they are safe to print and log.
 */
export interface RowIssue {
  /** "file" for a problem with the file as a whole (e.g. an unknown top-level JSON key). */
  kind: RecordKind | 'file';
  /** CSV: "line 14" (the file line where the record starts); JSON: "vehicles[12]". */
  location: string;
  /** CSV only: 1-based line of the file where the record starts. */
  line?: number;
  /** JSON only: index in the `vehicles` / `drivers` array. */
  index?: number;
  /** Column / key name, or "(row)" for a problem with the row as a whole. */
  field: string;
  reason: string;
}

/** What one registry file contained: the valid rows, and why the others were rejected. */
export interface ParsedRegistry {
  vehicles: VehicleRecord[];
  drivers: DriverRecord[];
  /** Number of data rows read (valid + rejected). */
  rows: number;
  /** Number of rows rejected (a row with several bad fields counts once). */
  rejected: number;
  /** One entry per bad field of a rejected row, in file order. */
  errors: RowIssue[];
  /** Problems that do not reject a row (unknown columns, VIN check digit). */
  warnings: RowIssue[];
}

export type RegistryFormat = 'csv' | 'json';

/** The file cannot be used at all (not UTF-8, malformed CSV/JSON, missing columns). */
export class RegistryFormatError extends Error {
  override name = 'RegistryFormatError';
}

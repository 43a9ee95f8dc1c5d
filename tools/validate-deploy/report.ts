// What the checks share: how they report a problem and how they read YAML.
import { parseAllDocuments } from 'yaml';

/** Records one problem: `${where}: ${msg}`. */
export type Fail = (where: string, msg: string) => void;

/** A Fail that collects its messages, for the callers that report them together. */
export function collector(): { fail: Fail; errors: string[] } {
  const errors: string[] = [];
  return { errors, fail: (where, msg) => errors.push(`${where}: ${msg}`) };
}

/**
 * The documents of a YAML stream as plain values (empty documents left out).
 * Duplicate keys count as errors; a document with errors is reported, not returned.
 */
export function parseYaml(text: string, where: string, fail: Fail): unknown[] {
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
    for (const e of doc.errors) fail(where, e.message.split('\n')[0] ?? '');
    if (!doc.errors.length && doc.contents !== null) out.push(doc.toJS());
  }
  return out;
}

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * fast-check arbitraries for HTTP fuzzing: values shaped by a JSON schema,
 * the same with one thing wrong, and plainly hostile input (wrong types,
 * huge or strange strings, prototype-pollution keys, deep nesting, text that
 * is not JSON at all).
 */
import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

/** Strings that have broken parsers, loggers, databases and terminals before. */
const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'undefined',
  'true',
  'NaN',
  '1e309',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "' OR '1'='1' --",
  '"; DROP TABLE shares; --',
  '\\',
  '%',
  '%00',
  '%zz',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '..%2F..%2F',
  '$'.concat('{jndi:ldap://127.0.0.1/a}'),
  '{{7*7}}',
  '<script>alert(1)</script>',
  '%s%s%s%n',
  '\u0000',
  '\u0000abc',
  '\r\nx-injected: 1',
  '\u001b[31mred',
  '\u202egnp.exe',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𝕳𝖊𝖑𝖑𝖔',
  '👨‍👩‍👧‍👦',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '鲁A12345',
  '鲁Ａ１２３４５',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-13-45T25:61:61Z',
  '9999-12-31T23:59:59.999Z',
];

/** A string of n copies of a unit, built at once (fast-check's char-by-char strings are slow at these sizes). */
const repeated = (units: string[], min: number, max: number) =>
  fc.tuple(fc.constantFrom(...units), fc.integer({ min, max })).map(([u, n]) => u.repeat(n));

export const hugeString = (min = 1_000, max = 100_000) =>
  repeated(['A', '鲁', '\u0000', '%', '𝕳', '\\u0000', ' '], min, max);

/** Control characters, unicode planes and known-bad strings, small and huge. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 20 })
        .map((cs) => String.fromCharCode(...cs)),
    },
    { weight: 2, arbitrary: hugeString(200, 5_000) },
    { weight: 1, arbitrary: hugeString(20_000, 80_000) },
  );
}

/** Keys that pollute prototypes when an object is merged or assigned naively. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Any JSON value, including hostile strings and numbers at the edges. */
export function hostileJson(maxDepth = 4): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(
      0,
      -0,
      -1,
      1.5,
      2 ** 31,
      2 ** 53 + 2,
      -(2 ** 63),
      1e308,
      -1e-308,
      Number.MAX_SAFE_INTEGER,
    ),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    hostileString(),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth },
      leaf,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(
        fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 10 })),
        tie('value'),
        {
          maxKeys: 5,
        },
      ),
    ),
  }));
  return value;
}

const UUID = fc.uuid();
const DATE_TIME = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const typesOf = (s: JsonSchema): string[] =>
  Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : [];

/** A value the schema accepts (best effort: enough for fuzzing to get past validation often). */
export function fromSchema(schema: JsonSchema, samples: readonly unknown[] = []): fc.Arbitrary<unknown> {
  const own = shapedValue(schema);
  return samples.length > 0 ? fc.oneof(fc.constantFrom(...samples), own) : own;
}

function shapedValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...s.enum);
  const types = typesOf(s);
  if (types.length === 0) return hostileJson(2);
  return fc.oneof(...types.map((t) => valueOfType(t, s)));
}

function valueOfType(type: string, s: JsonSchema): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return UUID;
      if (s.format === 'date-time') return DATE_TIME;
      const minLength = s.minLength ?? 0;
      const maxLength = Math.min(s.maxLength ?? 64, 256);
      return fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? shapedValue(s.items) : hostileJson(1), { maxLength: 4 });
    case 'object':
      return objectOf(s);
    default:
      return hostileJson(1);
  }
}

function objectOf(s: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const entries = Object.entries(props);
  if (entries.length === 0) return fc.constant({});
  const record = Object.fromEntries(entries.map(([k, v]) => [k, shapedValue(v)]));
  const optional = entries.map(([k]) => k).filter((k) => !required.has(k));
  return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) as never[] }).map((o) => {
    for (const k of optional) if (!(k in o)) delete (o as Record<string, unknown>)[k];
    return o as Record<string, unknown>;
  });
}

/** An object shaped by the schema with one thing wrong: a field of the wrong type, a missing one, or an extra key. */
export function nearlyValid(schema: JsonSchema, samples: Record<string, readonly unknown[]> = {}) {
  const props = Object.entries(schema.properties ?? {});
  const base = objectOf({
    ...schema,
    properties: Object.fromEntries(
      props.map(([k, v]) => [k, samples[k]?.length ? { ...v, enum: [...samples[k]] } : v]),
    ),
  });
  const names = props.map(([k]) => k);
  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('wrong' as const),
      key: fc.constantFrom('_', ...names),
      value: hostileJson(3),
    }),
    fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom('_', ...names) }),
    fc.record({
      kind: fc.constant('extra' as const),
      key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 })),
      value: hostileJson(2),
    }),
  );
  return fc.tuple(base, mutation).map(([o, m]) => {
    const copy: Record<string, unknown> = { ...o };
    if (m.kind === 'drop') delete copy[m.key];
    // defineProperty: an own "__proto__" key, as JSON.parse would make it, not a prototype change.
    else
      Object.defineProperty(copy, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  });
}

/** Request bodies as raw text: valid, nearly valid, hostile JSON, and not JSON at all. */
export function bodyText(schema: JsonSchema | undefined, samples: Record<string, readonly unknown[]> = {}) {
  const shaped = schema ?? { type: 'object' };
  const nest = (open: string, close: string) =>
    fc.integer({ min: 100, max: 30_000 }).map((n) => open.repeat(n) + close.repeat(n));
  return fc.oneof(
    { weight: 4, arbitrary: fromSchema(shaped).map((v) => JSON.stringify(v)) },
    { weight: 4, arbitrary: nearlyValid(shaped, samples).map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: hostileJson(4).map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"polluted":"yes","role":"ops"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
        '{"plateNumber":"鲁A12345","__proto__":{"isAdmin":true}}',
      ),
    },
    { weight: 1, arbitrary: nest('[', ']') },
    {
      weight: 1,
      arbitrary: nest('{"a":', '}').map(
        (t) => `${t.slice(0, t.lastIndexOf('{"a":') + 5)}1${t.slice(t.lastIndexOf('{"a":') + 5)}`,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '{',
        '{"a":',
        "{'a':1}",
        '{"a":1,}',
        '[1,2',
        'NaN',
        'undefined',
        '{"a":1}{"b":2}',
        '\u0000',
        '\ufeff{}',
        '{"a":"\\ud800"}',
        '{"a":"\\u0000"}',
        'a=1&b=2',
        '<xml/>',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    // Over the body limit (64 KiB by default).
    { weight: 1, arbitrary: hugeString(70_000, 300_000).map((s) => JSON.stringify({ a: s })) },
  );
}

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/xml',
  '*/*',
  'a/b;;;;',
  'json',
] as const;

/** One fuzzed HTTP request for an operation: path, query, headers and body, schema-shaped or hostile. */
import fc from 'fast-check';
import type { Operation, Parameter } from './openapi.js';
import { bodyText, CONTENT_TYPES, fromSchema, hostileString, hugeString, POLLUTION_KEYS } from './values.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Client address (per-IP limits); loopback only. */
  remoteAddress: string;
  /** Which caller's credentials were sent (for the report). */
  caller: string;
}

export interface RequestOptions {
  /** Named sets of headers (a valid token of each role, none, bad tokens …). */
  callers: Record<string, Record<string, string>>;
  /** Known-good values by parameter or body property name (ids and tokens that exist). */
  samples?: Record<string, readonly unknown[]>;
  /** Per operation id, samples that replace the global ones (e.g. never an active stream token). */
  operationSamples?: Record<string, Record<string, readonly unknown[]>>;
  /** Client addresses drawn from 127.0.<0..n-1>.<1..250> (default 16). */
  addresses?: number;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** encodeURIComponent, with lone surrogates made U+FFFD instead of throwing. */
const pct = (v: string) => encodeURIComponent((v as string & { toWellFormed(): string }).toWellFormed());

/** Printable ASCII without separators is sent as is, so broken percent-encodings ("%zz", "%E0%A4%A") reach the decoder. */
const RAW_OK = /^[\x21-\x7e]+$/;
const SEPARATORS = /[/?#&=\\]/;
const raw = (v: string) => RAW_OK.test(v) && !SEPARATORS.test(v);

/** Dot segments would be resolved by URL parsing into another route: that fuzzes the router, not this operation. */
const segment = (v: string) => {
  if (v === '' || v === '.' || v === '..') return `${v}x`;
  return raw(v) && v.includes('%') ? v : pct(v);
};

function paramValue(p: Parameter, samples: readonly unknown[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fromSchema(p.schema, samples).map(asText) },
    { weight: 2, arbitrary: hostileString() },
  );
}

function queryString(op: Operation, samples: Record<string, readonly unknown[]>) {
  const known = op.query.map((q) =>
    fc.option(
      fc.oneof(
        paramValue(q, samples[q.name] ?? []).map((v) => [[q.name, v]]),
        // Repeated keys arrive as arrays.
        fc.array(paramValue(q, []), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [q.name, v])),
      ),
      { nil: [] as string[][] },
    ),
  );
  const junk = fc.option(
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            ...POLLUTION_KEYS,
            '__proto__[polluted]',
            'constructor[prototype][polluted]',
            'a[b][c]',
          ),
          fc.string({ maxLength: 8 }),
        ),
        hostileString(),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: [] as [string, string][], freq: 3 },
  );
  return fc.tuple(fc.tuple(...known), junk).map(([pairs, extra]) => {
    const all = [...pairs.flat(), ...extra] as [string, string][];
    return all.map(([k, v]) => `${pct(k)}=${raw(v) ? v : pct(v)}`).join('&');
  });
}

function headerValue() {
  // Header values cannot carry CR, LF or NUL; anything else goes.
  return fc
    .oneof({ weight: 6, arbitrary: hostileString() }, { weight: 1, arbitrary: hugeString(100, 20_000) })
    .map((v) => v.replace(/[^\t\u0020-\u007e\u0080-\u00ff]/g, '?'));
}

/** A request for `op`, with the caller's credentials and hostile extras. */
export function requestFor(op: Operation, opts: RequestOptions): fc.Arbitrary<FuzzRequest> {
  const samples = { ...opts.samples, ...opts.operationSamples?.[op.id] };
  const callers = Object.keys(opts.callers);
  if (callers.length === 0) throw new Error('requestFor needs at least one caller');
  const path = fc
    .tuple(...op.pathParams.map((p) => paramValue(p, samples[p.name] ?? [])))
    .map((values) =>
      op.pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, segment(values[i] ?? '')), op.path),
    );
  const declaredHeaders = fc.tuple(
    ...op.headers.map((h) => fc.option(headerValue(), { nil: undefined }).map((v) => [h.name, v] as const)),
  );
  const extraHeaders = fc.dictionary(
    fc.constantFrom(
      'x-forwarded-for',
      'accept',
      'accept-language',
      'if-none-match',
      'origin',
      'cookie',
      'x-request-id',
    ),
    headerValue(),
    { maxKeys: 3 },
  );
  const body = fc.option(
    fc.record({
      text: bodyText(op.body?.schema, samples),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 8 }),
    }),
    // Operations with a body mostly get one; others sometimes do (DELETE bodies are parsed too).
    { nil: undefined, freq: op.body ? 8 : 2 },
  );
  const address = fc
    .tuple(fc.integer({ min: 0, max: (opts.addresses ?? 16) - 1 }), fc.integer({ min: 1, max: 250 }))
    .map(([a, b]) => `127.0.${a}.${b}`);
  return fc
    .record({
      path,
      query: queryString(op, samples),
      caller: fc.constantFrom(...callers),
      declared: declaredHeaders,
      extra: extraHeaders,
      body,
      remoteAddress: address,
    })
    .map(({ path, query, caller, declared, extra, body, remoteAddress }) => {
      const headers: Record<string, string> = { ...extra };
      for (const [name, value] of declared) if (value !== undefined) headers[name] = value;
      Object.assign(headers, opts.callers[caller]);
      const req: FuzzRequest = {
        method: op.method,
        url: query ? `${path}?${query}` : path,
        headers,
        remoteAddress,
        caller,
      };
      if (body && op.method !== 'GET') {
        req.payload = body.text;
        if (body.contentType) headers['content-type'] = body.contentType;
      }
      return req;
    });
}

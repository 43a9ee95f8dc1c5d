/**
 * Property-based HTTP fuzzing of every operation of an OpenAPI document:
 * for any request (schema-shaped or hostile, any caller) the response is
 * never a 5xx, has a documented status, and errors are problem+json with a
 * stable code. Seeded: a failure prints the seed that reproduces it.
 */
import fc from 'fast-check';
import { type CheckOptions, checkResponse, type FuzzResponse } from './check.js';
import type { Operation } from './openapi.js';
import { type FuzzRequest, type RequestOptions, requestFor } from './requests.js';

export interface FuzzHttpOptions extends RequestOptions, CheckOptions {
  /** Names the run in messages. */
  label: string;
  operations: Operation[];
  /** Sends one request (e.g. through fastify's inject). */
  send: (req: FuzzRequest) => Promise<FuzzResponse>;
  /** Default FUZZ_SEED or 20261121. */
  seed?: number;
  /** Default FUZZ_RUNS or 2000. */
  numRuns?: number;
  /** A request that takes longer fails as a hang (default 10 s). */
  requestTimeoutMs?: number;
  /** Stop generating after this long, passing (default FUZZ_TIME_MS or 40 s): a bounded run on slow machines. */
  timeLimitMs?: number;
}

/** What `injectSender` needs of a fastify instance (its `inject`). */
interface Injectable {
  inject(opts: {
    method: 'GET';
    url: string;
    headers: Record<string, string>;
    remoteAddress: string;
    payload?: string;
  }): PromiseLike<FuzzResponse>;
}

/** `send` for fuzzHttp through fastify's `inject`: the request as generated, the response as answered. */
export function injectSender(server: Injectable): (req: FuzzRequest) => Promise<FuzzResponse> {
  return async (req) => {
    const res = await server.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: req.headers,
      remoteAddress: req.remoteAddress,
      ...(req.payload !== undefined ? { payload: req.payload } : {}),
    });
    return { statusCode: res.statusCode, headers: res.headers, body: res.body };
  };
}

export interface FuzzReport {
  seed: number;
  /** Runs made (fewer than asked when the time limit came first). */
  runs: number;
  /** Operation id → status → count. */
  statuses: Map<string, Map<number, number>>;
}

const envInt = (name: string): number | undefined => {
  const v = process.env[name];
  return v && /^-?\d+$/.test(v) ? Number(v) : undefined;
};

export const DEFAULT_FUZZ_SEED = 20261121;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const describeRequest = (r: FuzzRequest) => {
  const body = r.payload === undefined ? '' : ` body(${r.payload.length} chars): ${r.payload.slice(0, 300)}`;
  const headers = Object.fromEntries(
    Object.entries(r.headers).map(([k, v]) => [k, v.length > 120 ? `${v.slice(0, 120)}…(${v.length})` : v]),
  );
  return `${r.method} ${r.url.slice(0, 400)} as ${r.caller} from ${r.remoteAddress} headers ${JSON.stringify(headers)}${body}`;
};

export async function fuzzHttp(opts: FuzzHttpOptions): Promise<FuzzReport> {
  if (opts.operations.length === 0) throw new Error(`${opts.label}: no operation to fuzz`);
  const seed = opts.seed ?? envInt('FUZZ_SEED') ?? DEFAULT_FUZZ_SEED;
  const numRuns = envInt('FUZZ_RUNS') ?? opts.numRuns ?? 2000;
  const timeoutMs = opts.requestTimeoutMs ?? 10_000;
  const statuses = new Map<string, Map<number, number>>();
  const cases = fc
    .constantFrom(...opts.operations)
    .chain((op) => requestFor(op, opts).map((req) => ({ op, req })));
  const property = fc.asyncProperty(cases, async ({ op, req }: { op: Operation; req: FuzzRequest }) => {
    const res = await withTimeout(opts.send(req), timeoutMs, describeRequest(req));
    const byStatus = statuses.get(op.id) ?? new Map<number, number>();
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
    statuses.set(op.id, byStatus);
    const violations = checkResponse(op, res, opts);
    if (violations.length > 0)
      throw new Error(
        `${op.id}: ${violations.join('; ')}\n  request: ${describeRequest(req)}\n  response: ${res.statusCode} ${res.body.slice(0, 500)}`,
      );
  });
  const details = await fc.check(property, {
    seed,
    numRuns,
    endOnFailure: process.env.FUZZ_SHRINK !== '1',
    interruptAfterTimeLimit: envInt('FUZZ_TIME_MS') ?? opts.timeLimitMs ?? 40_000,
    markInterruptAsFailure: false,
  });
  if (details.failed) {
    const rerun = `rerun with FUZZ_SEED=${seed} (FUZZ_SHRINK=1 shrinks the case)`;
    console.error(`[fuzz ${opts.label}] FAILED after ${details.numRuns} runs with seed ${seed}: ${rerun}`);
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    // fast-check's own report prints the whole counterexample (bodies of 300 KB): ours is cut to size.
    throw new Error(`[fuzz ${opts.label}] seed ${seed}, run ${details.numRuns}: ${cause}\n${rerun}`);
  }
  return { seed, runs: details.numRuns, statuses };
}

/** One line per operation: how often each status was answered (to see what the fuzzer reached). */
export function formatFuzzReport(report: FuzzReport): string {
  return [...report.statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, byStatus]) => {
      const counts = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      return `  ${id}: ${counts.join(' ')}`;
    })
    .join('\n');
}

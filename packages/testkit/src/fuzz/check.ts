/** What every fuzzed response must satisfy, whatever the request. */
import type { Operation } from './openapi.js';

export interface FuzzResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface CheckOptions {
  /** The stable problem codes (PROBLEM_CODES). */
  codes: ReadonlySet<string>;
  /** Headers every response carries (security headers). */
  requiredHeaders?: readonly string[];
}

/** Signs of an internal error in a body: stack frames, file paths, driver messages. */
const LEAKS = [
  /\n\s+at .+[(:]/,
  /node_modules/,
  /\.(ts|js):\d+/,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b/,
  /\bpg[-_ ]?(error|pool)|duplicate key|violates|relation "/i,
  /ECONNREFUSED|ETIMEDOUT/,
];

/** The violations of one response (empty when it is fine). */
export function checkResponse(op: Operation, res: FuzzResponse, opts: CheckOptions): string[] {
  const out: string[] = [];
  const status = res.statusCode;
  if (status >= 500) out.push(`server error ${status}`);
  if (!op.statuses.has(status))
    out.push(`status ${status} is not documented (documented: ${[...op.statuses].sort().join(', ')})`);
  for (const h of opts.requiredHeaders ?? [])
    if (res.headers[h] === undefined) out.push(`header ${h} missing`);
  for (const re of LEAKS) if (re.test(res.body)) out.push(`body leaks internals (${re})`);
  const type = String(res.headers['content-type'] ?? '');
  if (status >= 400) {
    if (!type.startsWith('application/problem+json')) out.push(`error with content-type "${type}"`);
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      out.push('error body is not JSON');
    }
    if (body) {
      if (typeof body.code !== 'string' || !opts.codes.has(body.code))
        out.push(`unstable code ${String(body.code)}`);
      if (body.status !== status) out.push(`problem status ${String(body.status)} ≠ HTTP ${status}`);
      if (typeof body.title !== 'string') out.push('problem without title');
    }
  } else if (type.includes('json') && res.body !== '') {
    try {
      JSON.parse(res.body);
    } catch {
      out.push('success body is not JSON');
    }
  }
  return out;
}

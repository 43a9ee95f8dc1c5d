// Container commands (Compose and Kubernetes) must run code that exists.
import type { Fail } from './report.js';

/** Whether a path relative to the repository root exists. */
export type Exists = (path: string) => boolean;

/**
 * `node X/dist/Y.js` (also inside `sh -c "exec node …"`) must come from an
 * existing X/src/Y.ts. Other commands are not checked.
 */
export function checkCommand(where: string, argv: unknown, exists: Exists, fail: Fail): void {
  let words = argv;
  if (
    Array.isArray(words) &&
    typeof words[0] === 'string' &&
    /^(\/bin\/)?sh$/.test(words[0]) &&
    words[1] === '-c' &&
    typeof words[2] === 'string'
  )
    words = words[2].replace(/^exec\s+/, '').split(/\s+/);
  if (!Array.isArray(words) || words[0] !== 'node' || typeof words[1] !== 'string') return;
  const m = /^(.+)\/dist\/(.+)\.js$/.exec(words[1]);
  if (m && !exists(`${m[1]}/src/${m[2]}.ts`))
    fail(where, `runs ${words[1]} but ${m[1]}/src/${m[2]}.ts does not exist`);
}

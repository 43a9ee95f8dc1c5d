/**
 * Finds what must never appear in a log line or a response: personal data
 * (names, phone numbers, identity card numbers), vehicle secrets (VIN, road
 * transport certificate number), link tokens, JWTs, and — in responses —
 * stack traces. For privacy tests that run a scenario and read back all that
 * the services logged and answered.
 */

/** Patterns of personal data and credentials, whatever the values a scenario used. */
export const LEAK_PATTERNS: Record<string, RegExp> = {
  JWT: /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/,
  'bearer credential': /Bearer\s+[\w-]{8,}/i,
  'mainland mobile number': /(?<![\d.])1[3-9]\d{9}(?![\d.])/,
  'identity card number':
    /(?<![\dA-Za-z])[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/,
};

/** Signs of a stack trace or an internal path in a response body. */
export const STACK_TRACE = /(\n\s+at [^\n]+[(:]\d+)|(\.(ts|js|mjs):\d+:\d+)|node_modules|\bat async\b/;

/**
 * Every leak in `text`: an exact value of `secrets` (by kind) or a match of
 * LEAK_PATTERNS. Returns "kind: excerpt" strings (empty when clean).
 */
export function findLeaks(text: string, secrets: Record<string, readonly string[]> = {}): string[] {
  const found: string[] = [];
  const excerpt = (at: number, len: number) =>
    text.slice(Math.max(0, at - 60), at + len + 60).replace(/\s+/g, ' ');
  for (const [kind, values] of Object.entries(secrets))
    for (const v of values) {
      if (v.length < 4) continue;
      const at = text.indexOf(v);
      if (at >= 0) found.push(`${kind} "${v}": …${excerpt(at, v.length)}…`);
    }
  for (const [kind, re] of Object.entries(LEAK_PATTERNS)) {
    const m = re.exec(text);
    if (m) found.push(`${kind}: …${excerpt(m.index, m[0].length)}…`);
  }
  return found;
}

/** A pino destination that keeps every line (pass to createLogger). */
export function logCapture() {
  const lines: string[] = [];
  return {
    lines,
    destination: {
      write(line: string) {
        lines.push(line);
      },
    },
    text: () => lines.join(''),
  };
}

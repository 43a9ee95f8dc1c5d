/**
 * The observability files of deploy/observability, read for the tests: the
 * alert rules and every PromQL query of the Grafana dashboards.
 *
 * Whether an expression is valid PromQL is Prometheus's to say (promtool,
 * or the server's query API). What is here only reads expressions already
 * accepted: the metric names, matchers and grouping labels they mention
 * (`promqlReferences`), to check them against the services' registries, and
 * `withBoolComparisons` for the live queries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const OBSERVABILITY_DIR = join(REPO_ROOT, 'deploy/observability');
export const RULES_DIR = join(OBSERVABILITY_DIR, 'rules');
export const DASHBOARDS_DIR = join(OBSERVABILITY_DIR, 'grafana/dashboards');

export const readYaml = (path: string) =>
  parseYaml(readFileSync(path, 'utf8'), { uniqueKeys: true }) as Record<string, unknown>;

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
export interface RuleGroup {
  name: string;
  rules: Rule[];
}

/** The rule files Prometheus loads (rules/*.rules.yml, as prometheus.yml says), absolute paths. */
export function ruleFiles(): string[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.rules.yml'))
    .sort()
    .map((f) => join(RULES_DIR, f));
}

/** promtool's unit test files beside the rules (rules/*.test.yml). */
export function ruleTestFiles(): string[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.test.yml'))
    .sort()
    .map((f) => join(RULES_DIR, f));
}

export function ruleGroups(): RuleGroup[] {
  return ruleFiles().flatMap((f) => (readYaml(f) as { groups: RuleGroup[] }).groups);
}

export function alertRules(): (Rule & { alert: string })[] {
  return ruleGroups()
    .flatMap((g) => g.rules)
    .filter((r): r is Rule & { alert: string } => r.alert !== undefined);
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string; refId: string; datasource?: { uid: string } }[];
}
export interface Dashboard {
  file: string;
  json: { uid: string; panels: DashboardPanel[] };
}

export function dashboards(): Dashboard[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) }));
}

/** Every query of every dashboard: where it is ("file" "panel" refId) and its expression, variables expanded. */
export function dashboardQueries(): { where: string; expr: string }[] {
  return dashboards().flatMap(({ file, json }) =>
    json.panels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({
        where: `${file} "${p.title}" ${t.refId}`,
        expr: expandGrafanaVariables(t.expr),
      })),
    ),
  );
}

/** Grafana's interval variables as the duration Grafana gives them at the dashboard's default range. */
export function expandGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(?:rate_interval|interval|range)\b/g, '5m');
}

// ——— Reading an expression Prometheus accepted ———

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'matchers'; text: string }
  | { kind: 'other'; text: string };

const AGGREGATIONS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
]);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan']);

/** Splits an expression into identifiers, `{…}` matcher lists (kept whole) and everything else. */
function tokens(expr: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const skipString = (at: number) => {
    const quote = expr[at];
    let j = at + 1;
    while (j < expr.length && expr[j] !== quote) j += expr[j] === '\\' && quote !== '`' ? 2 : 1;
    return j + 1;
  };
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(i);
      out.push({ kind: 'other', text: expr.slice(i, end) });
      i = end;
    } else if (c === '#') {
      while (i < expr.length && expr[i] !== '\n') i++;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < expr.length && expr[j] !== close)
        j = expr[j] === '"' || expr[j] === "'" || expr[j] === '`' ? skipString(j) : j + 1;
      out.push({ kind: c === '{' ? 'matchers' : 'other', text: expr.slice(i + 1, j) });
      i = j + 1;
    } else if (/[A-Za-z_:]/.test(c)) {
      const m = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(expr.slice(i)) as RegExpExecArray;
      out.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      // Numbers and durations (5m, 1.5e3): never names.
      const m = /^[0-9.]+(?:[eE][+-]?[0-9]+|[a-zA-Z0-9]*)/.exec(expr.slice(i)) as RegExpExecArray;
      out.push({ kind: 'other', text: m[0] });
      i += m[0].length;
    } else {
      const m = /^(?:==|!=|>=|<=|=~|!~)/.exec(expr.slice(i));
      const text = m ? m[0] : c;
      out.push({ kind: 'other', text });
      i += text.length;
    }
  }
  return out;
}

export interface Matcher {
  label: string;
  op: string;
  value: string;
}
export interface Selector {
  /** undefined for `{…}` without a metric name. */
  name: string | undefined;
  matchers: Matcher[];
}
export interface PromqlReferences {
  selectors: Selector[];
  /** Labels of by/without/on/ignoring/group_left/group_right, in order. */
  groupingLabels: string[];
}

function parseMatchers(text: string): Matcher[] {
  const out: Matcher[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/g;
  for (const m of text.matchAll(re)) {
    const raw = m[3] as string;
    const value = raw.startsWith('`') ? raw.slice(1, -1) : (JSON.parse(`"${raw.slice(1, -1)}"`) as string);
    out.push({ label: m[1] as string, op: m[2] as string, value });
  }
  return out;
}

/**
 * The selectors (metric name and matchers) and grouping labels an expression
 * mentions. Only for expressions Prometheus has accepted: it reads names, it
 * does not judge syntax.
 */
export function promqlReferences(expr: string): PromqlReferences {
  const ts = tokens(expr);
  const selectors: Selector[] = [];
  const groupingLabels: string[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Token;
    const next = ts[i + 1];
    if (t.kind === 'matchers') {
      selectors.push({ name: undefined, matchers: parseMatchers(t.text) });
      continue;
    }
    if (t.kind !== 'ident') continue;
    const word = t.text;
    if (GROUPING.has(word)) {
      // by (a, b): the labels up to the closing parenthesis; group_left without a list is allowed.
      if (next?.text !== '(') continue;
      let j = i + 2;
      for (; j < ts.length && ts[j]?.text !== ')'; j++)
        if (ts[j]?.kind === 'ident') groupingLabels.push(ts[j]?.text as string);
      i = j;
      continue;
    }
    if (KEYWORDS.has(word.toLowerCase())) continue;
    if (next?.text === '(') continue; // a function
    if (AGGREGATIONS.has(word) && (next?.text === 'by' || next?.text === 'without')) continue;
    if (next?.kind === 'matchers') {
      selectors.push({ name: word, matchers: parseMatchers(next.text) });
      i++;
    } else selectors.push({ name: word, matchers: [] });
  }
  return { selectors, groupingLabels };
}

/**
 * The expression with `bool` on every comparison outside a selector: each
 * comparison then keeps every series it compares (valued 0 or 1) instead of
 * filtering them, so a rule's expression returns the series the rule watches
 * whether or not its threshold is crossed.
 */
export function withBoolComparisons(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === '"' || c === "'" || c === '`' || c === '{' || c === '[' || c === '#') {
      const close = c === '{' ? '}' : c === '[' ? ']' : c === '#' ? '\n' : c;
      let j = i + 1;
      while (j < expr.length && expr[j] !== close) {
        const q = expr[j] as string;
        if ((c === '{' || c === '[') && (q === '"' || q === "'" || q === '`')) {
          j++;
          while (j < expr.length && expr[j] !== q) j += expr[j] === '\\' && q !== '`' ? 2 : 1;
          j++;
        } else j += q === '\\' && c !== '`' && c !== '#' ? 2 : 1;
      }
      out += expr.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(?:==|!=|>=|<=|>|<)/.exec(expr.slice(i));
    if (m) {
      const rest = expr.slice(i + m[0].length);
      out += /^\s*bool\b/.test(rest) ? m[0] : `${m[0]} bool `;
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

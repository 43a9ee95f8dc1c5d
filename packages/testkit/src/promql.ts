/**
 * A PromQL parser for checking alert rules and dashboards without promtool:
 * the grammar (operators and precedence, aggregations, functions with their
 * argument types, selectors, ranges, subqueries, offset, vector matching) and
 * the types of expressions (an alert's expression must be an instant vector).
 * It returns what the expression reads: selectors and the labels it groups by.
 */

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export interface Selector {
  /** Undefined for `{__name__=~"..."}`-only selectors. */
  name: string | undefined;
  matchers: Matcher[];
}

export interface ParsedQuery {
  type: ValueType;
  selectors: Selector[];
  /** Labels named in by/without/on/ignoring/group_left/group_right. */
  groupingLabels: string[];
}

export class PromQLError extends Error {
  override name = 'PromQLError';
}

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
  'limitk',
  'limit_ratio',
]);
/** Aggregations whose first argument is a parameter. */
const PARAM_AGGREGATIONS: Record<string, ValueType> = {
  count_values: 'string',
  bottomk: 'scalar',
  topk: 'scalar',
  quantile: 'scalar',
  limitk: 'scalar',
  limit_ratio: 'scalar',
};

type Arg = ValueType | `${ValueType}?` | `${ValueType}...`;
interface Signature {
  args: Arg[];
  returns: ValueType;
}
const fn = (returns: ValueType, ...args: Arg[]): Signature => ({ args, returns });

const FUNCTIONS: Record<string, Signature> = {
  abs: fn('vector', 'vector'),
  absent: fn('vector', 'vector'),
  absent_over_time: fn('vector', 'matrix'),
  ceil: fn('vector', 'vector'),
  changes: fn('vector', 'matrix'),
  clamp: fn('vector', 'vector', 'scalar', 'scalar'),
  clamp_max: fn('vector', 'vector', 'scalar'),
  clamp_min: fn('vector', 'vector', 'scalar'),
  day_of_month: fn('vector', 'vector?'),
  day_of_week: fn('vector', 'vector?'),
  day_of_year: fn('vector', 'vector?'),
  days_in_month: fn('vector', 'vector?'),
  delta: fn('vector', 'matrix'),
  deriv: fn('vector', 'matrix'),
  exp: fn('vector', 'vector'),
  floor: fn('vector', 'vector'),
  histogram_avg: fn('vector', 'vector'),
  histogram_count: fn('vector', 'vector'),
  histogram_fraction: fn('vector', 'scalar', 'scalar', 'vector'),
  histogram_quantile: fn('vector', 'scalar', 'vector'),
  histogram_stddev: fn('vector', 'vector'),
  histogram_stdvar: fn('vector', 'vector'),
  histogram_sum: fn('vector', 'vector'),
  holt_winters: fn('vector', 'matrix', 'scalar', 'scalar'),
  double_exponential_smoothing: fn('vector', 'matrix', 'scalar', 'scalar'),
  hour: fn('vector', 'vector?'),
  idelta: fn('vector', 'matrix'),
  increase: fn('vector', 'matrix'),
  irate: fn('vector', 'matrix'),
  label_join: fn('vector', 'vector', 'string', 'string', 'string...'),
  label_replace: fn('vector', 'vector', 'string', 'string', 'string', 'string'),
  ln: fn('vector', 'vector'),
  log10: fn('vector', 'vector'),
  log2: fn('vector', 'vector'),
  minute: fn('vector', 'vector?'),
  month: fn('vector', 'vector?'),
  predict_linear: fn('vector', 'matrix', 'scalar'),
  rate: fn('vector', 'matrix'),
  resets: fn('vector', 'matrix'),
  round: fn('vector', 'vector', 'scalar?'),
  scalar: fn('scalar', 'vector'),
  sgn: fn('vector', 'vector'),
  sort: fn('vector', 'vector'),
  sort_desc: fn('vector', 'vector'),
  sort_by_label: fn('vector', 'vector', 'string...'),
  sort_by_label_desc: fn('vector', 'vector', 'string...'),
  sqrt: fn('vector', 'vector'),
  time: fn('scalar'),
  timestamp: fn('vector', 'vector'),
  vector: fn('vector', 'scalar'),
  year: fn('vector', 'vector?'),
  avg_over_time: fn('vector', 'matrix'),
  min_over_time: fn('vector', 'matrix'),
  max_over_time: fn('vector', 'matrix'),
  sum_over_time: fn('vector', 'matrix'),
  count_over_time: fn('vector', 'matrix'),
  stddev_over_time: fn('vector', 'matrix'),
  stdvar_over_time: fn('vector', 'matrix'),
  last_over_time: fn('vector', 'matrix'),
  present_over_time: fn('vector', 'matrix'),
  mad_over_time: fn('vector', 'matrix'),
  quantile_over_time: fn('vector', 'scalar', 'matrix'),
  acos: fn('vector', 'vector'),
  acosh: fn('vector', 'vector'),
  asin: fn('vector', 'vector'),
  asinh: fn('vector', 'vector'),
  atan: fn('vector', 'vector'),
  atanh: fn('vector', 'vector'),
  cos: fn('vector', 'vector'),
  cosh: fn('vector', 'vector'),
  sin: fn('vector', 'vector'),
  sinh: fn('vector', 'vector'),
  tan: fn('vector', 'vector'),
  tanh: fn('vector', 'vector'),
  deg: fn('vector', 'vector'),
  rad: fn('vector', 'vector'),
  pi: fn('scalar'),
};

/** Binary operators by precedence, lowest first; ^ is right-associative. */
const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<=': 3,
  '<': 3,
  '>=': 3,
  '>': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '^': 6,
};
const SET_OPERATORS = new Set(['and', 'or', 'unless']);
const COMPARISONS = new Set(['==', '!=', '<=', '<', '>=', '>']);
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  ...SET_OPERATORS,
  'atan2',
]);

type Token =
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'number'; text: string; pos: number }
  | { kind: 'duration'; text: string; pos: number }
  | { kind: 'string'; text: string; pos: number }
  | { kind: 'punct'; text: string; pos: number }
  | { kind: 'eof'; text: ''; pos: number };

const DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+/;
const NUMBER = /^(?:0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/;
// A leading colon is valid in a metric name but would swallow a subquery's "[5m:1m]".
const IDENT = /^[a-zA-Z_][a-zA-Z0-9_:]*/;
const PUNCT = /^(?:==|!=|<=|>=|=~|!~|[-+*/%^<>=(){}[\],:@])/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ws = /^(?:\s+|#[^\n]*)/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      let j = 1;
      let text = '';
      while (j < rest.length && rest[j] !== quote) {
        if (rest[j] === '\\' && quote !== '`') {
          text += rest[j + 1] ?? '';
          j += 2;
        } else text += rest[j++];
      }
      if (j >= rest.length) throw new PromQLError(`unterminated string at ${i}`);
      out.push({ kind: 'string', text, pos: i });
      i += j + 1;
      continue;
    }
    // A duration before a number: "5m" is a duration, "5" a number.
    const m =
      (DURATION.exec(rest) && { kind: 'duration' as const, m: DURATION.exec(rest) as RegExpExecArray }) ||
      (NUMBER.exec(rest) && { kind: 'number' as const, m: NUMBER.exec(rest) as RegExpExecArray }) ||
      (IDENT.exec(rest) && { kind: 'ident' as const, m: IDENT.exec(rest) as RegExpExecArray }) ||
      (PUNCT.exec(rest) && { kind: 'punct' as const, m: PUNCT.exec(rest) as RegExpExecArray });
    if (!m) throw new PromQLError(`unexpected character ${JSON.stringify(rest[0])} at ${i}`);
    out.push({ kind: m.kind, text: m.m[0], pos: i });
    i += m.m[0].length;
  }
  out.push({ kind: 'eof', text: '', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  readonly selectors: Selector[] = [];
  readonly groupingLabels: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i] as Token;
  }
  private peek(n = 1): Token {
    return this.tokens[Math.min(this.i + n, this.tokens.length - 1)] as Token;
  }
  private fail(msg: string): never {
    throw new PromQLError(`${msg} at ${this.tok.pos} (found ${JSON.stringify(this.tok.text) || 'end'})`);
  }
  private is(text: string): boolean {
    return (this.tok.kind === 'punct' || this.tok.kind === 'ident') && this.tok.text === text;
  }
  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }
  private expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected "${text}"`);
  }

  parse(): ValueType {
    const t = this.expr(0);
    if (this.tok.kind !== 'eof') this.fail('unexpected token');
    return t;
  }

  private binaryOperator(): string | undefined {
    const t = this.tok;
    if ((t.kind === 'punct' || t.kind === 'ident') && t.text in PRECEDENCE) return t.text;
    return undefined;
  }

  private expr(minPrec: number): ValueType {
    let left = this.unary();
    for (;;) {
      const op = this.binaryOperator();
      if (!op) return left;
      const prec = PRECEDENCE[op] as number;
      if (prec < minPrec) return left;
      this.i++;
      const isBool = this.accept('bool');
      if (isBool && !COMPARISONS.has(op)) this.fail('bool is only for comparisons');
      const matching = this.vectorMatching();
      const right = this.expr(op === '^' ? prec : prec + 1);
      left = this.binaryType(op, left, right, isBool, matching);
    }
  }

  private vectorMatching(): boolean {
    if (!(this.is('on') || this.is('ignoring'))) return false;
    this.i++;
    this.labelList();
    if (this.is('group_left') || this.is('group_right')) {
      this.i++;
      if (this.is('(')) this.labelList();
    }
    return true;
  }

  private binaryType(op: string, l: ValueType, r: ValueType, isBool: boolean, matching: boolean): ValueType {
    for (const t of [l, r]) if (t === 'matrix' || t === 'string') this.fail(`operator ${op} on a ${t}`);
    if (SET_OPERATORS.has(op)) {
      if (l !== 'vector' || r !== 'vector') this.fail(`${op} needs vectors on both sides`);
      return 'vector';
    }
    if (l === 'scalar' && r === 'scalar') {
      if (COMPARISONS.has(op) && !isBool) this.fail('a comparison of two scalars needs bool');
      if (matching) this.fail('vector matching between scalars');
      return 'scalar';
    }
    return 'vector';
  }

  private unary(): ValueType {
    if (this.is('-') || this.is('+')) {
      this.i++;
      const t = this.unary();
      if (t !== 'scalar' && t !== 'vector') this.fail('unary sign on a non-number');
      return t;
    }
    return this.postfix(this.primary());
  }

  private duration(): void {
    if (this.tok.kind !== 'duration') this.fail('expected a duration');
    this.i++;
  }

  private postfix(type: ValueType, selector = false): ValueType {
    let t = type;
    let isSelector = selector;
    for (;;) {
      if (this.accept('[')) {
        if (t !== 'vector') this.fail('a range needs an instant vector');
        this.duration();
        if (this.accept(':')) {
          if (this.tok.kind === 'duration') this.duration();
        } else if (!isSelector) this.fail('a range on an expression needs a subquery step ("[5m:1m]")');
        this.expect(']');
        t = 'matrix';
        isSelector = false;
      } else if (this.accept('offset')) {
        this.accept('-');
        this.duration();
      } else if (this.is('@')) {
        this.fail('the @ modifier is not supported here');
      } else return t;
    }
  }

  private primary(): ValueType {
    const t = this.tok;
    if (t.kind === 'number') {
      this.i++;
      return 'scalar';
    }
    if (t.kind === 'string') {
      this.i++;
      return 'string';
    }
    if (this.accept('(')) {
      const inner = this.expr(0);
      this.expect(')');
      return inner;
    }
    if (this.is('{')) return this.selector(undefined);
    if (t.kind === 'ident') {
      if (t.text === 'Inf' || t.text === 'NaN' || t.text === 'inf' || t.text === 'nan') {
        this.i++;
        return 'scalar';
      }
      if (
        AGGREGATIONS.has(t.text) &&
        (this.peek().text === '(' || ['by', 'without'].includes(this.peek().text))
      )
        return this.aggregation();
      if (this.peek().text === '(') return this.call();
      if (KEYWORDS.has(t.text)) this.fail(`unexpected keyword ${t.text}`);
      return this.selector(t.text);
    }
    return this.fail('expected an expression');
  }

  private selector(name: string | undefined): ValueType {
    if (name !== undefined) this.i++;
    const matchers: Matcher[] = [];
    if (this.accept('{')) {
      while (!this.is('}')) {
        const label = this.tok;
        if (label.kind !== 'ident' || !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label.text))
          this.fail('expected a label name');
        this.i++;
        const op = this.tok.text;
        if (!['=', '!=', '=~', '!~'].includes(op)) this.fail('expected a label matcher operator');
        this.i++;
        if (this.tok.kind !== 'string') this.fail('expected a string');
        const value = this.tok.text;
        if (op === '=~' || op === '!~') {
          try {
            new RegExp(`^(?:${value})$`);
          } catch {
            this.fail(`invalid regular expression ${JSON.stringify(value)}`);
          }
        }
        this.i++;
        matchers.push({ label: label.text, op: op as Matcher['op'], value });
        if (!this.accept(',')) break;
      }
      this.expect('}');
    }
    const nameMatcher = matchers.find((m) => m.label === '__name__' && m.op === '=');
    const metric = name ?? nameMatcher?.value;
    if (metric === undefined && !matchers.some((m) => !new RegExp(`^(?:${m.value})$`).test('')))
      this.fail('a selector needs a metric name or a matcher that does not match the empty string');
    this.selectors.push({ name: metric, matchers });
    return this.postfix('vector', true);
  }

  private labelList(): void {
    this.expect('(');
    while (!this.is(')')) {
      const t = this.tok;
      if (t.kind !== 'ident' || !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(t.text)) this.fail('expected a label name');
      this.groupingLabels.push(t.text);
      this.i++;
      if (!this.accept(',')) break;
    }
    this.expect(')');
  }

  private aggregation(): ValueType {
    const op = this.tok.text;
    this.i++;
    let grouped = false;
    if (this.is('by') || this.is('without')) {
      this.i++;
      this.labelList();
      grouped = true;
    }
    this.expect('(');
    const param = PARAM_AGGREGATIONS[op];
    if (param) {
      const t = this.expr(0);
      if (t !== param) this.fail(`${op} needs a ${param} parameter`);
      this.expect(',');
    }
    const arg = this.expr(0);
    if (arg !== 'vector') this.fail(`${op} needs an instant vector, got a ${arg}`);
    this.expect(')');
    if (!grouped && (this.is('by') || this.is('without'))) {
      this.i++;
      this.labelList();
    }
    return 'vector';
  }

  private call(): ValueType {
    const name = this.tok.text;
    const sig = FUNCTIONS[name];
    if (!sig) this.fail(`unknown function ${name}`);
    this.i++;
    this.expect('(');
    const got: ValueType[] = [];
    while (!this.is(')')) {
      got.push(this.expr(0));
      if (!this.accept(',')) break;
    }
    this.expect(')');
    let k = 0;
    for (const arg of sig.args) {
      const type = arg.replace(/[?.]+$/, '') as ValueType;
      const variadic = arg.endsWith('...');
      const optional = arg.endsWith('?') || variadic;
      do {
        if (k >= got.length) {
          if (!optional) this.fail(`${name}() needs ${sig.args.length} argument(s)`);
          break;
        }
        if (got[k] !== type) this.fail(`argument ${k + 1} of ${name}() must be a ${type}, got a ${got[k]}`);
        k++;
      } while (variadic && k < got.length);
    }
    if (k < got.length) this.fail(`too many arguments to ${name}()`);
    return sig.returns;
  }
}

/** Grafana's interval variables stand for durations. */
export function expandGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(?:rate_interval|interval|range)\b/g, '5m');
}

export function parsePromQL(expr: string): ParsedQuery {
  const parser = new Parser(tokenize(expr));
  const type = parser.parse();
  return { type, selectors: parser.selectors, groupingLabels: parser.groupingLabels };
}

/** Whether a Prometheus duration ("30s", "1h30m") is well formed. */
export function isDuration(value: string): boolean {
  return DURATION.exec(value)?.[0] === value;
}

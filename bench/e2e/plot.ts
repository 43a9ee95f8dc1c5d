/**
 * The e2e sweep as a picture: a standalone SVG with two panels over the offered rate —
 * how far each service is behind the input at the end of each step, and the CPU of each
 * process stacked per step. Written by hand (lines, bars, ticks and text) rather than
 * through a charting library: two fixed chart shapes, deterministic output that diffs
 * well, and no dependency to add for it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '@safewatch/testkit/bench';
import type { E2eReport } from './report.js';

/** One rate step of the sweep: what the plot needs, kept as JSON beside it. */
export interface SweepStep {
  /** Offered (target) rate, positions/s. */
  rate: number;
  /** Rate the simulator produced, positions/s. */
  achieved: number;
  sustained: boolean;
  /** Lag at the end of the step, seconds of input (mean over its last 3 s). */
  lagS: { ingest: number; alerts: number };
  /** Position produced → first share view showing it, ms, over the sampled fixes. */
  viewMs: { p50: number; p99: number };
  /** Cores used during the step, by process (labelled processes, infrastructure by name, then "rest"). */
  cpu: Record<string, number>;
  machineBusy: number;
}

export interface Sweep {
  /** When the sweep ran, as in its BENCHMARKS.md heading (YYYY-MM-DDTHH:MMZ). */
  run: string;
  cores: number;
  /** Lag (s) above which a rising lag makes a step not sustained. */
  lagLimitS: number;
  steps: SweepStep[];
}

export function sweepFromReport(r: E2eReport, run: string): Sweep {
  return {
    run,
    cores: r.results[0]?.cpu.cores ?? 0,
    lagLimitS: r.lagLimitS,
    steps: r.results.map((x) => {
      const p = summarize(x.latencies);
      const round2 = (v: number) => Math.round(v * 100) / 100;
      const cpu: Record<string, number> = {};
      for (const [k, v] of Object.entries({ ...x.cpu.own, ...x.cpu.infra, rest: x.cpu.rest }))
        cpu[k] = Number.isFinite(v) ? round2(Math.max(0, v)) : 0;
      return {
        rate: x.rate,
        achieved: Math.round(x.achieved),
        sustained: x.sustained === true,
        lagS: { ingest: round2(x.ingest.endLag), alerts: round2(x.alerts.endLag) },
        viewMs: { p50: Math.round(p.p50), p99: Math.round(p.p99) },
        cpu,
        machineBusy: round2(x.cpu.machineBusy),
      };
    }),
  };
}

/** Writes `sweep.json` and `sweep.svg` to `dir`; returns the SVG's path. */
export function writeSweep(dir: string, sweep: Sweep): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sweep.json'), `${JSON.stringify(sweep, null, 2)}\n`);
  const file = join(dir, 'sweep.svg');
  writeFileSync(file, sweepSvg(sweep));
  return file;
}

// ---- drawing ---------------------------------------------------------------------------------

/** The lines of the lag panel: one per service, in seconds behind the input. */
export const LAG_SERIES = [
  { service: 'ingest', label: 'ingest: lag', color: '#1f77b4', value: (s: SweepStep) => s.lagS.ingest },
  { service: 'alerts', label: 'alerts: lag', color: '#d62728', value: (s: SweepStep) => s.lagS.alerts },
  {
    service: 'share',
    label: 'share: produced → view, p99',
    color: '#2ca02c',
    value: (s: SweepStep) => s.viewMs.p99 / 1000,
  },
] as const;

/** Colours of the CPU bars: services as in the lag panel, load generators grey, infrastructure muted. */
const CPU_COLORS: Record<string, string> = {
  ingest: '#1f77b4',
  alerts: '#d62728',
  share: '#2ca02c',
  bindings: '#9467bd',
  broker: '#ff7f0e',
  postgres: '#8c564b',
  'redis-server': '#e377c2',
  simulator: '#7f7f7f',
  viewers: '#a5a5a5',
  'benchmark driver': '#c7c7c7',
  rest: '#e8e8e8',
};
const FALLBACK_COLORS = ['#bcbd22', '#17becf', '#393b79', '#637939'];

const W = 860;
const LEFT = 64;
const PLOT_W = 520;
const LEGEND_X = LEFT + PLOT_W + 24;
const PANEL_H = 230;
const LAG_TOP = 100;
const CPU_TOP = LAG_TOP + PANEL_H + 86;
const H = CPU_TOP + PANEL_H + 64;
const FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Helvetica, Arial, sans-serif"';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n1 = (v: number) => (Math.round(v * 10) / 10).toString();
const thousands = (v: number) => Math.round(v).toLocaleString('en-US');

/** Round tick step (1, 2, 2.5 or 5 × 10^k) giving about `count` ticks up to `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n1(x)}" y="${n1(y)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;
}

interface Panel {
  top: number;
  yMax: number;
  yTicks: number[];
  y: (v: number) => number;
}

/** A panel whose scale reaches the last tick, or `yMax` if that is higher (room above the data). */
function panel(top: number, yMax: number, ticks: number[]): Panel {
  const max = Math.max(yMax, ticks[ticks.length - 1] ?? 1);
  return { top, yMax: max, yTicks: ticks, y: (v) => top + PANEL_H - (Math.max(0, v) / max) * PANEL_H };
}

/** Grid, axes, tick labels and axis titles shared by both panels. */
function frame(p: Panel, x: (rate: number) => number, steps: SweepStep[], title: string, yTitle: string) {
  const out: string[] = [];
  const bottom = p.top + PANEL_H;
  out.push(text(LEFT, p.top - 14, title, 'font-size="14" font-weight="600"'));
  for (const t of p.yTicks) {
    const y = p.y(t);
    out.push(
      `<line x1="${LEFT}" y1="${n1(y)}" x2="${LEFT + PLOT_W}" y2="${n1(y)}" stroke="#e5e5e5"/>`,
      text(LEFT - 8, y + 4, t.toLocaleString('en-US'), 'text-anchor="end" font-size="11" fill="#444"'),
    );
  }
  for (const s of steps) {
    out.push(
      `<line x1="${n1(x(s.rate))}" y1="${bottom}" x2="${n1(x(s.rate))}" y2="${bottom + 5}" stroke="#333"/>`,
      text(x(s.rate), bottom + 18, thousands(s.rate), 'text-anchor="middle" font-size="11" fill="#444"'),
    );
  }
  out.push(
    `<line class="axis" x1="${LEFT}" y1="${bottom}" x2="${LEFT + PLOT_W}" y2="${bottom}" stroke="#333"/>`,
    `<line class="axis" x1="${LEFT}" y1="${p.top}" x2="${LEFT}" y2="${bottom}" stroke="#333"/>`,
    text(
      LEFT + PLOT_W / 2,
      bottom + 38,
      'offered rate, positions/s',
      'class="x-label" text-anchor="middle" font-size="12"',
    ),
    text(
      LEFT - 46,
      p.top + PANEL_H / 2,
      yTitle,
      `class="y-label" text-anchor="middle" font-size="12" transform="rotate(-90 ${LEFT - 46} ${p.top + PANEL_H / 2})"`,
    ),
  );
  return out;
}

/** Red band behind each step that was not sustained, labelled unless `label` is false. */
function notSustainedBands(
  p: Panel,
  x: (rate: number) => number,
  steps: SweepStep[],
  half: number,
  label = true,
) {
  const out: string[] = [];
  for (const s of steps.filter((s) => !s.sustained)) {
    const x0 = Math.max(LEFT, x(s.rate) - half);
    const x1 = Math.min(LEFT + PLOT_W, x(s.rate) + half);
    out.push(`<rect x="${n1(x0)}" y="${p.top}" width="${n1(x1 - x0)}" height="${PANEL_H}" fill="#fbe3e3"/>`);
    if (label)
      out.push(
        text((x0 + x1) / 2, p.top + 12, 'not sustained', 'text-anchor="middle" font-size="10" fill="#a33"'),
      );
  }
  return out;
}

/** Legend items from `top` down, then small notes under them. */
function legend(
  top: number,
  items: { label: string; color: string; kind: 'line' | 'box' }[],
  notes: string[],
) {
  const out = items.map((it, i) => {
    const y = top + 8 + i * 19;
    const mark =
      it.kind === 'line'
        ? `<line x1="${LEGEND_X}" y1="${y}" x2="${LEGEND_X + 22}" y2="${y}" stroke="${it.color}" stroke-width="2.5"/>`
        : `<rect x="${LEGEND_X + 4}" y="${y - 6}" width="14" height="12" fill="${it.color}" stroke="#888" stroke-width="0.5"/>`;
    return `${mark}${text(LEGEND_X + 30, y + 4, it.label, 'font-size="12"')}`;
  });
  const below = top + 8 + items.length * 19 + 6;
  return [...out, ...notes.map((n, i) => text(LEGEND_X, below + i * 13, n, 'font-size="10" fill="#666"'))];
}

/** A dashed horizontal line across a panel at value `v`. */
function dashed(p: Panel, v: number): string {
  const y = n1(p.y(v));
  return `<line x1="${LEFT}" y1="${y}" x2="${LEFT + PLOT_W}" y2="${y}" stroke="#999" stroke-dasharray="5 4"/>`;
}

/** The whole picture as a standalone SVG document. */
export function sweepSvg(sweep: Sweep): string {
  const steps = [...sweep.steps].sort((a, b) => a.rate - b.rate);
  const minRate = steps[0]?.rate ?? 0;
  const maxRate = Math.max(minRate + 1, steps[steps.length - 1]?.rate ?? 1);
  const gaps = steps.slice(1).map((s, i) => s.rate - (steps[i] as SweepStep).rate);
  const minGap = Math.min(maxRate / 2, ...gaps);
  // The x axis spans the steps with half a step's room on each side: rates are read at the ticks.
  const xMin = Math.max(0, minRate - minGap * 0.75);
  const xSpan = maxRate + minGap * 0.75 - xMin;
  const x = (rate: number) => LEFT + ((rate - xMin) / xSpan) * PLOT_W;
  const barHalf = ((minGap / xSpan) * PLOT_W * 0.62) / 2;
  const out: string[] = [];

  // Panel 1: seconds behind the input, one line per service.
  const lagMax = Math.max(sweep.lagLimitS, ...steps.flatMap((s) => LAG_SERIES.map((l) => l.value(s))));
  const lag = panel(LAG_TOP, lagMax, niceTicks(lagMax * 1.05, 5));
  out.push(...notSustainedBands(lag, x, steps, barHalf * 1.5));
  out.push(...frame(lag, x, steps, 'Seconds behind the input at the end of each step', 'seconds behind'));
  out.push(
    dashed(lag, sweep.lagLimitS),
    text(
      LEFT + 6,
      lag.y(sweep.lagLimitS) - 5,
      `lag limit ${sweep.lagLimitS} s (a step fails above it if the lag still rises)`,
      'font-size="10" fill="#666"',
    ),
  );
  for (const l of LAG_SERIES) {
    const pts = steps.map((s) => [x(s.rate), lag.y(l.value(s))] as const);
    const d = pts.map(([px, py], i) => `${i ? 'L' : 'M'}${n1(px)} ${n1(py)}`).join(' ');
    out.push(
      `<path class="series" data-service="${l.service}" d="${d}" fill="none" stroke="${l.color}" stroke-width="2.5" stroke-linejoin="round"/>`,
      ...pts.map(([px, py]) => `<circle cx="${n1(px)}" cy="${n1(py)}" r="3.5" fill="${l.color}"/>`),
    );
  }
  out.push(
    ...legend(
      LAG_TOP,
      LAG_SERIES.map((l) => ({ label: l.label, color: l.color, kind: 'line' as const })),
      ['lag: mean over the last 3 s,', 'in seconds of input'],
    ),
  );

  // Panel 2: CPU per process, stacked per step.
  const names = [...new Set(steps.flatMap((s) => Object.keys(s.cpu)))];
  const known = Object.keys(CPU_COLORS);
  names.sort((a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99));
  const color = (k: string) =>
    CPU_COLORS[k] ?? FALLBACK_COLORS[names.indexOf(k) % FALLBACK_COLORS.length] ?? '#000';
  const cores = Math.max(sweep.cores, ...steps.map((s) => s.machineBusy));
  const cpu = panel(CPU_TOP, cores * 1.12, niceTicks(cores, 4));
  out.push(...notSustainedBands(cpu, x, steps, barHalf * 1.5, false));
  out.push(...frame(cpu, x, steps, 'CPU per process during each step', 'cores'));
  for (const s of steps) {
    let acc = 0;
    for (const k of names) {
      const v = s.cpu[k] ?? 0;
      if (v <= 0) continue;
      const y0 = cpu.y(acc);
      const y1 = cpu.y(acc + v);
      out.push(
        `<rect class="cpu" data-process="${esc(k)}" x="${n1(x(s.rate) - barHalf)}" y="${n1(y1)}" width="${n1(2 * barHalf)}" height="${n1(y0 - y1)}" fill="${color(k)}" stroke="#fff" stroke-width="0.5"><title>${esc(`${k}: ${v.toFixed(2)} cores at ${thousands(s.rate)}/s`)}</title></rect>`,
      );
      acc += v;
    }
    out.push(
      text(
        x(s.rate),
        cpu.y(acc) - 4,
        s.machineBusy.toFixed(2),
        'text-anchor="middle" font-size="10" fill="#333"',
      ),
    );
  }
  out.push(
    dashed(cpu, sweep.cores),
    ...legend(
      CPU_TOP,
      [...names].reverse().map((k) => ({ label: k, color: color(k), kind: 'box' as const })),
      ['figure on a bar: machine busy,', `of ${sweep.cores} cores (dashed)`],
    ),
  );

  const last = [...steps].reverse().find((s) => s.sustained);
  const title = `bench:e2e sweep, run ${sweep.run}`;
  const sub = last
    ? `sustained up to ${thousands(last.achieved)} positions/s with alerts and the share fan-out running; all on ${sweep.cores} cores`
    : 'no step sustained';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${FONT} role="img" aria-label="${esc(title)}">`,
    `<title>${esc(`${title}: ${sub}`)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    text(LEFT, 26, title, 'font-size="17" font-weight="700"'),
    text(LEFT, 46, sub, 'font-size="12" fill="#444"'),
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

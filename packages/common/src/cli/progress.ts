/**
 * Progress of long work (an import, a replay, a benchmark's fill) on stderr:
 *
 *   registry.json: 420,000 of 1,000,000 rows (42 %) · 61,250 rows/s · ETA 9 s
 *
 * On a terminal one line is rewritten at most once a second. Elsewhere (CI
 * logs, files) only when asked (`force`: a CLI's --progress, benchmarks), and
 * then short: a line at most every 5 s and, when the total is known, only
 * when another tenth of it is done. `finish()` prints the count, time and rate.
 */
import { fmt, fmtDuration } from './format.js';

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** What is being done: a file name, "fill positions.raw". */
  label: string;
  /** The amount to do, when known: gives the share done and the ETA. */
  total?: number;
  /** Plural unit of the counts (default "rows"). */
  unit?: string;
  /** Print even when the stream is not a terminal. */
  force?: boolean;
  stream?: ProgressStream;
  now?: () => number;
}

const TERMINAL_EVERY_MS = 1_000;
const LOG_EVERY_MS = 5_000;

export class Progress {
  /** Whether anything is printed at all. */
  readonly enabled: boolean;
  private readonly terminal: boolean;
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly unit: string;
  private readonly started: number;
  private done = 0;
  private lastAt: number;
  private lastTenth = 0;
  private lineOpen = false;

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.now = opts.now ?? Date.now;
    this.unit = opts.unit ?? 'rows';
    this.terminal = this.stream.isTTY === true;
    this.enabled = this.terminal || opts.force === true;
    this.started = this.now();
    this.lastAt = this.started;
  }

  /** How much is done so far (absolute). */
  update(done: number): void {
    this.done = done;
    if (!this.enabled) return;
    const now = this.now();
    if (this.terminal) {
      if (now - this.lastAt < TERMINAL_EVERY_MS) return;
      this.stream.write(`\r${this.line(now)}\x1b[K`);
      this.lineOpen = true;
    } else {
      if (now - this.lastAt < LOG_EVERY_MS) return;
      const { total } = this.opts;
      if (total) {
        const tenth = Math.floor((10 * done) / total);
        if (tenth <= this.lastTenth) return;
        this.lastTenth = tenth;
      }
      this.stream.write(`${this.line(now)}\n`);
    }
    this.lastAt = now;
  }

  /** Adds to what is done. */
  add(n: number): void {
    this.update(this.done + n);
  }

  /** Ends the progress: with `summary`, a last line with the count, the time taken and the rate. */
  finish(summary = true): void {
    if (!this.enabled) return;
    const ms = this.now() - this.started;
    const took = ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : fmtDuration(ms);
    const rate = ms > 0 ? ` (${fmt((this.done * 1000) / ms)} ${this.unit}/s)` : '';
    const text = summary ? `${this.opts.label}: ${fmt(this.done)} ${this.unit} in ${took}${rate}` : '';
    if (this.lineOpen) this.stream.write(`\r${text}\x1b[K${text ? '\n' : ''}`);
    else if (text) this.stream.write(`${text}\n`);
    this.lineOpen = false;
  }

  private line(now: number): string {
    const { label, total } = this.opts;
    const ms = now - this.started;
    const rate = ms > 0 ? (this.done * 1000) / ms : 0;
    const speed = `${fmt(rate)} ${this.unit}/s`;
    if (!total) return `${label}: ${fmt(this.done)} ${this.unit} · ${speed}`;
    const share = Math.min(100, Math.floor((100 * this.done) / total));
    const eta = rate > 0 ? fmtDuration(((total - this.done) * 1000) / rate) : '?';
    return `${label}: ${fmt(this.done)} of ${fmt(total)} ${this.unit} (${share} %) · ${speed} · ETA ${eta}`;
  }
}

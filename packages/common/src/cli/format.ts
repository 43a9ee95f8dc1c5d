/** Number and duration formats of the CLIs' and benchmarks' output. */

/** A whole number with thousands separators ("1,234,567"); "n/a" for NaN or an infinity. */
export function fmt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

/** Milliseconds to two decimals below 10, one above ("3.14", "27.2"); "n/a" for NaN. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** A duration for people: "42 s", "3 min 05 s", "2 h 07 min". */
export function fmtDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** Events per second from a count and the milliseconds it took (0 when no time passed). */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

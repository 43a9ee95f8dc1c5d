import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

const TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU time (seconds) used so far by every process on the machine, summed by command name. */
export async function cpuByCommand(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (close < 0) continue;
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of /proc/pid/stat (index 11-14 after the comm).
    const ticks = Number(fields[11]) + Number(fields[12]);
    out.set(comm, (out.get(comm) ?? 0) + ticks / TICKS_PER_S);
  }
  return out;
}

/**
 * Cores used per command between two snapshots, largest first, those under 0.01 left out. The
 * kernel's worker threads, named after their work of the moment (kworker/u8:1-events_unbound),
 * count as one command, kworker.
 */
export function coresBetween(before: Map<string, number>, after: Map<string, number>, seconds: number) {
  const byCommand = new Map<string, number>();
  for (const [command, t] of after) {
    const name = command.startsWith('kworker/') ? 'kworker' : command;
    byCommand.set(name, (byCommand.get(name) ?? 0) + (t - (before.get(command) ?? 0)) / seconds);
  }
  const rows: { command: string; cores: number }[] = [];
  for (const [command, cores] of byCommand) if (cores >= 0.01) rows.push({ command, cores });
  return rows.sort((a, b) => b.cores - a.cores);
}

/** CPU seconds used so far by one process (all its threads); undefined once it is gone. */
export function pidCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (seconds) used so far by the calling thread (main thread or a worker). Read synchronously:
 * an asynchronous read would run on a libuv pool thread and measure that thread instead.
 */
export function threadCpuSeconds(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

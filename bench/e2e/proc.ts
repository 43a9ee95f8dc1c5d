/**
 * Readings of this machine from /proc for the end-to-end benchmark: CPU time
 * of given processes, of infrastructure processes by command name, of the
 * whole machine, and resident memory.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cpuByCommand, pidCpuSeconds } from '@safewatch/testkit';

const TICKS_PER_S = 100; // USER_HZ on Linux

/** Resident and peak resident memory of a process, bytes. */
export function pidMemory(pid: number | undefined): { rss: number; peak: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
  } catch {
    return undefined;
  }
}

/** Busy and total CPU seconds of the whole machine since boot (/proc/stat, every core). */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy: busy / TICKS_PER_S, total: (busy + (idle ?? 0) + (iowait ?? 0)) / TICKS_PER_S };
}

export const load1 = () => loadavg()[0] ?? 0;

export interface CpuSplit {
  seconds: number;
  /** Cores used by each labelled process of this run. */
  own: Record<string, number>;
  /** Cores used by infrastructure processes by command name (every process of that name on the machine). */
  infra: Record<string, number>;
  /** Cores busy on the whole machine, and how many cores it has. */
  machineBusy: number;
  cores: number;
  /** machineBusy − own − infra: other work on the machine, the kernel, short-lived processes. */
  rest: number;
}

export const INFRA_COMMANDS = ['postgres', 'redis-server'];

/**
 * Starts a CPU reading; the returned function ends it. `pids` are the labelled
 * processes of this run (services, simulator, viewers, the broker); the
 * benchmark process itself is read through process.cpuUsage.
 */
export async function cpuSplitFrom(pids: Record<string, number | undefined>) {
  const t0 = performance.now();
  const machine0 = machineCpuSeconds();
  const own0 = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, pidCpuSeconds(p) ?? 0]));
  const self0 = process.cpuUsage();
  const byCommand0 = await cpuByCommand();
  return async (): Promise<CpuSplit> => {
    const seconds = (performance.now() - t0) / 1000;
    const byCommand1 = await cpuByCommand();
    const machine1 = machineCpuSeconds();
    const own: Record<string, number> = {};
    for (const [k, p] of Object.entries(pids)) {
      const now = pidCpuSeconds(p);
      own[k] = now === undefined ? Number.NaN : (now - (own0[k] ?? 0)) / seconds;
    }
    const self = process.cpuUsage(self0);
    own['benchmark driver'] = (self.user + self.system) / 1e6 / seconds;
    const infra: Record<string, number> = {};
    for (const c of INFRA_COMMANDS)
      infra[c] = ((byCommand1.get(c) ?? 0) - (byCommand0.get(c) ?? 0)) / seconds;
    const cores = (machine1.total - machine0.total) / seconds;
    const machineBusy = (machine1.busy - machine0.busy) / seconds;
    const accounted = [...Object.values(own), ...Object.values(infra)].reduce(
      (s, v) => s + (Number.isNaN(v) ? 0 : Math.max(0, v)),
      0,
    );
    return {
      seconds,
      own,
      infra,
      machineBusy,
      cores: Math.round(cores),
      rest: Math.max(0, machineBusy - accounted),
    };
  };
}

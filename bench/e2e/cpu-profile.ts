/**
 * Summary of a V8 CPU profile (`node --cpu-prof` output) over a time window,
 * as shares of the time the thread was busy (idle samples left out): the
 * heaviest functions by self time, this repository's functions by inclusive
 * time (a function counted once per sample however often it is on the
 * stack), and self time by where the code comes from (a package, Node's
 * internals, this repository, GC).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  frame: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Sampled time inside the window, ms, and of it the time the thread was not idle. */
  totalMs: number;
  busyMs: number;
  /** Shares are of the busy time. */
  self: FrameTime[];
  /** Functions of this repository (services/, packages/), by inclusive time. */
  inclusiveOwn: FrameTime[];
  byOrigin: FrameTime[];
}

/** Where a frame's code comes from: `kafkajs`, `node:internal`, `services/ingest`, `(garbage collector)`, … */
export function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1] as string;
  if (url.startsWith('node:')) return 'node: internals';
  const repo = /\/(services\/[^/]+|packages\/[^/]+|bench)\//.exec(url);
  if (repo) return repo[1] as string;
  return url;
}

function frameName(n: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = n.callFrame;
  if (!url) return functionName || '(anonymous)';
  const short = url.replace(`file://${root}/`, '').replace(/^.*node_modules\//, '');
  // Line 1: code transformed at load time (tsx) reports no useful line.
  return `${functionName || '(anonymous)'} ${short}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}`;
}

const OWN = /^(services|packages)\//;

/**
 * Summarises the samples taken in [fromUs, toUs] (the profile's clock: microseconds of
 * CLOCK_MONOTONIC, the clock of process.hrtime in every process on the machine).
 */
export function summariseProfile(
  file: string,
  window: { fromUs: number; toUs: number },
  repoRoot: string,
  top = 12,
): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map(p.nodes.map((n) => [n.id, frameName(n, repoRoot)]));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const origin = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let t = p.startTime;
  let totalUs = 0;
  let idleUs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const dt = p.timeDeltas[i + 1] ?? 0;
    if (t < window.fromUs || t > window.toUs || dt <= 0) continue;
    totalUs += dt;
    const id = p.samples[i] as number;
    const node = byId.get(id) as ProfileNode;
    if (node.callFrame.functionName === '(idle)' && !node.callFrame.url) {
      idleUs += dt;
      continue;
    }
    add(self, names.get(id) as string, dt);
    add(origin, originOf(node.callFrame.url, node.callFrame.functionName), dt);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = names.get(at) as string;
      if (OWN.test((byId.get(at) as ProfileNode).callFrame.url.replace(`file://${repoRoot}/`, '')))
        onStack.add(name);
    }
    for (const name of onStack) add(inclusive, name, dt);
  }
  const busyUs = totalUs - idleUs;
  const rank = (m: Map<string, number>, n: number): FrameTime[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([frame, us]) => ({ frame, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    self: rank(self, top),
    inclusiveOwn: rank(inclusive, top),
    byOrigin: rank(origin, top),
  };
}

/**
 * Apache Kafka on this machine: one KRaft node (combined broker and
 * controller) for `npm start`, the tests and the benchmarks, or a cluster of
 * several for the fault suite. The official jars of the version pinned in
 * tools/kafka/pom.xml are copied from Maven Central by scripts/setup.sh
 * (scripts/kafka-jars.sh) and run on the machine's Java 17.
 *
 * Every node is a process of its own (so the fault suite can SIGKILL, stop,
 * restart or freeze one), in its own process group (a terminal's Ctrl-C
 * reaches only the parent, which stops the clients first), and watched: if
 * the parent dies without stopping it, the node is stopped all the same.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { cleanupWhenGone, shellQuote } from './disposable.js';
import { freePort, waitFor } from './wait.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const POM = join(REPO_ROOT, 'tools', 'kafka', 'pom.xml');
const LOG4J_CONFIG = join(REPO_ROOT, 'tools', 'kafka', 'log4j2.yaml');

/** The Kafka version pinned in tools/kafka/pom.xml (the one place it is set). */
export function kafkaVersion(): string {
  const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM, 'utf8'));
  if (!m?.[1]) throw new Error(`local Kafka: no <kafka.version> in ${POM}`);
  return m[1].trim();
}

/** Folder of the Kafka jars copied by scripts/kafka-jars.sh; throws one clear line when they are missing. */
export function kafkaLibs(version = kafkaVersion()): string {
  const dir = join(REPO_ROOT, '.cache', 'kafka', version);
  if (!existsSync(join(dir, '.complete'))) {
    throw new Error(
      `local Kafka: Apache Kafka ${version} is not installed in ${dir}; run: bash scripts/setup.sh`,
    );
  }
  return join(dir, 'libs');
}

export interface LocalKafkaOptions {
  /** Number of nodes, each a broker and a controller (default 1). */
  nodes?: number;
  /** Where the nodes keep their logs and metadata; default a new folder under .cache/kafka/data/. */
  dataDir?: string;
  /** Keep the data on stop() (and reuse it on the next start from the same dataDir). Default false. */
  keepData?: boolean;
  /** Folder of the nodes' log files (default .cache/logs). */
  logDir?: string;
  /** Log file name without extension; nodes of a cluster get "-<id>" (default "kafka"). */
  name?: string;
  /** Client port of the first node; taken only when free, else any free port. Default: any free port. */
  preferredPort?: number;
  /** Java heap per node in MiB (default 512 for one node, 384 per node of a cluster). */
  heapMb?: number;
  /** Extra or overriding broker settings (server.properties names). */
  config?: Record<string, string>;
  /** How long to wait for the nodes to serve (default 60 s). */
  startTimeoutMs?: number;
}

export interface KafkaNode {
  id: number;
  /** host:port of the node's client listener. */
  address: string;
  /** Process id while running, else undefined. */
  pid(): number | undefined;
  running(): boolean;
  /** Starts a stopped node again on its data; resolves when the cluster lists it. */
  start(): Promise<void>;
  /** SIGTERM (a controlled shutdown), SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: the process dies at once, its data stays on disk. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing answers (a hung node). */
  freeze(): void;
  thaw(): void;
}

export interface LocalKafka {
  version: string;
  /** Every node's client address ("host:port"): the bootstrap list. */
  brokers: string[];
  nodes: KafkaNode[];
  dataDir: string;
  /** The nodes' log files. */
  logs: string[];
  /** Waits until every running node is registered with the cluster. */
  waitForNodes(ids?: number[], timeoutMs?: number): Promise<void>;
  /** Stops every node (controlled shutdown) and deletes the data unless keepData. */
  stop(): Promise<void>;
}

interface NodePorts {
  id: number;
  port: number;
  controllerPort: number;
}

/** The ports of a kept data folder are reused, so its metadata stays valid across runs. */
async function choosePorts(
  dataDir: string,
  count: number,
  preferred: number | undefined,
): Promise<NodePorts[]> {
  const file = join(dataDir, 'ports.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as NodePorts[];
    if (saved.length === count && (await Promise.all(saved.map((n) => portsFree(n)))).every(Boolean))
      return saved;
  }
  const out: NodePorts[] = [];
  for (let id = 1; id <= count; id++) {
    const wanted =
      id === 1 && preferred !== undefined
        ? { id, port: preferred, controllerPort: preferred + 1 }
        : { id, port: 0, controllerPort: 0 };
    if (wanted.port !== 0 && (await portsFree(wanted))) out.push(wanted);
    else out.push({ id, port: await freePort(), controllerPort: await freePort() });
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(out));
  return out;
}

async function portsFree(n: NodePorts): Promise<boolean> {
  const [a, b] = await Promise.all([listening(n.port), listening(n.controllerPort)]);
  return !a && !b;
}

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

function nodeProperties(
  n: NodePorts,
  all: NodePorts[],
  dir: string,
  extra: Record<string, string>,
): Record<string, string> {
  const count = all.length;
  const rf = String(Math.min(3, count));
  const minIsr = String(count >= 3 ? 2 : 1);
  return {
    'process.roles': 'broker,controller',
    'node.id': String(n.id),
    'controller.quorum.voters': all.map((x) => `${x.id}@127.0.0.1:${x.controllerPort}`).join(','),
    listeners: `PLAINTEXT://127.0.0.1:${n.port},CONTROLLER://127.0.0.1:${n.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${n.port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': join(dir, 'data'),
    // Topics come only from the provisioning step (as in production).
    'auto.create.topics.enable': 'false',
    'num.partitions': '1',
    'default.replication.factor': rf,
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': rf,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': minIsr,
    'share.coordinator.state.topic.replication.factor': rf,
    'share.coordinator.state.topic.min.isr': minIsr,
    // Tests form and re-form groups all the time: no initial delay, and a smaller offsets topic
    // (created on the first group lookup) than production's 50 partitions.
    'group.initial.rebalance.delay.ms': '0',
    'offsets.topic.num.partitions': '12',
    'unclean.leader.election.enable': 'false',
    ...extra,
  };
}

const toProperties = (p: Record<string, string>) =>
  `${Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;

/**
 * A cluster id as Kafka makes one (Uuid.randomUuid): 16 random bytes in
 * base64url, never starting with '-', which kafka-storage's argument parser
 * would read as an option (`--cluster-id -x…`: "expected one argument").
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Starts the nodes, waits until all of them are registered and answer, and returns their handles. */
export async function startLocalKafka(opts: LocalKafkaOptions = {}): Promise<LocalKafka> {
  const count = opts.nodes ?? 1;
  const version = kafkaVersion();
  const libs = kafkaLibs(version);
  const logDir = opts.logDir ?? join(REPO_ROOT, '.cache', 'logs');
  const name = opts.name ?? 'kafka';
  const dataDir =
    opts.dataDir ?? join(REPO_ROOT, '.cache', 'kafka', 'data', `${name}-${randomBytes(4).toString('hex')}`);
  const keepData = opts.keepData ?? false;
  const heapMb = opts.heapMb ?? (count === 1 ? 512 : 384);
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  mkdirSync(logDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });

  const ports = await choosePorts(dataDir, count, opts.preferredPort);
  const brokers = ports.map((p) => `127.0.0.1:${p.port}`);
  const clusterIdFile = join(dataDir, 'cluster-id');
  const clusterId = existsSync(clusterIdFile) ? readFileSync(clusterIdFile, 'utf8').trim() : newClusterId();
  writeFileSync(clusterIdFile, clusterId);
  const classpath = `${libs}/*`;

  const nodes = ports.map((p) => {
    const dir = join(dataDir, `node-${p.id}`);
    mkdirSync(dir, { recursive: true });
    const propsFile = join(dir, 'server.properties');
    writeFileSync(propsFile, toProperties(nodeProperties(p, ports, dir, opts.config ?? {})));
    const log = join(logDir, count === 1 ? `${name}.log` : `${name}-${p.id}.log`);
    return new NodeProcess(p.id, brokers[p.id - 1] as string, classpath, propsFile, log, heapMb);
  });

  // Formatting is idempotent (--ignore-formatted), so a kept data folder starts as it was left.
  const formatted = await Promise.all(nodes.map((n) => n.format(clusterId)));
  const failed = formatted.find((f) => f !== undefined);
  if (failed) throw new Error(`local Kafka: formatting the storage failed: ${failed}`);

  const cluster: LocalKafka = {
    version,
    brokers,
    nodes,
    dataDir,
    logs: nodes.map((n) => n.log),
    waitForNodes: (ids = nodes.filter((n) => n.running()).map((n) => n.id), ms = timeoutMs) =>
      waitForRegistered(brokers, ids, ms, nodes),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  for (const n of nodes) n.cluster = cluster;
  try {
    for (const n of nodes) n.spawn(true);
    await cluster.waitForNodes(
      nodes.map((n) => n.id),
      timeoutMs,
    );
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return cluster;
}

class NodeProcess implements KafkaNode {
  cluster: LocalKafka | undefined;
  private proc: ReturnType<typeof spawn> | undefined;
  private exited: Promise<void> = Promise.resolve();
  private disarm: () => void = () => undefined;

  constructor(
    readonly id: number,
    readonly address: string,
    private readonly classpath: string,
    private readonly propsFile: string,
    readonly log: string,
    private readonly heapMb: number,
  ) {}

  format(clusterId: string): Promise<string | undefined> {
    return new Promise((done) => {
      const p = spawn(
        'java',
        [
          '-Xmx256m',
          `-Dlog4j2.configurationFile=${LOG4J_CONFIG}`,
          '-cp',
          this.classpath,
          'kafka.tools.StorageTool',
          'format',
          '--ignore-formatted',
          '-t',
          clusterId,
          '-c',
          this.propsFile,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.once('error', (err) => done(`cannot run java: ${err.message}`));
      p.once('exit', (code) =>
        done(code === 0 ? undefined : `node ${this.id} (exit ${code}): ${out.trim()}`),
      );
    });
  }

  pid(): number | undefined {
    return this.running() ? this.proc?.pid : undefined;
  }

  running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  spawn(firstStart = false): void {
    if (this.running()) return;
    const fd = openSync(this.log, firstStart ? 'w' : 'a');
    const proc = spawn(
      'java',
      [
        `-Xms${this.heapMb}m`,
        `-Xmx${this.heapMb}m`,
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-XX:+ExitOnOutOfMemoryError',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${LOG4J_CONFIG}`,
        '-cp',
        this.classpath,
        'kafka.Kafka',
        this.propsFile,
      ],
      { stdio: ['ignore', fd, fd], detached: true },
    );
    closeSync(fd);
    this.proc = proc;
    const pid = proc.pid as number;
    // A parent gone without stopping the node: a controlled shutdown, then SIGKILL.
    const mine = `grep -q ${shellQuote(this.propsFile)} /proc/${pid}/cmdline 2>/dev/null`;
    this.disarm = cleanupWhenGone(
      `${mine} && { kill -CONT ${pid}; kill -TERM ${pid}; for _ in $(seq 1 20); do ${mine} || exit 0; sleep 1; done; kill -9 ${pid}; }`,
    );
    this.exited = new Promise((done) =>
      proc.once('exit', () => {
        this.disarm();
        done();
      }),
    );
  }

  async start(): Promise<void> {
    this.spawn();
    await this.cluster?.waitForNodes([this.id]);
  }

  async stop(graceMs = 20_000): Promise<void> {
    if (!this.running()) return;
    const proc = this.proc as NonNullable<typeof this.proc>;
    proc.kill('SIGCONT');
    proc.kill('SIGTERM');
    const force = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(force);
  }

  async kill(): Promise<void> {
    if (!this.running()) return;
    this.proc?.kill('SIGKILL');
    await this.exited;
  }

  freeze(): void {
    if (this.running()) this.proc?.kill('SIGSTOP');
  }

  thaw(): void {
    if (this.running()) this.proc?.kill('SIGCONT');
  }
}

/** Until the cluster's metadata lists the nodes `ids` (and a node among them answers). */
async function waitForRegistered(
  brokers: string[],
  ids: number[],
  timeoutMs: number,
  nodes: NodeProcess[],
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'local-kafka',
    brokers: ids.map((id) => brokers[id - 1] as string),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 2_000,
  });
  await waitFor(
    async () => {
      const gone = nodes.find((n) => ids.includes(n.id) && !n.running());
      if (gone) throw new Error(`node ${gone.id} exited; see ${gone.log}`);
      const admin = kafka.admin();
      try {
        await admin.connect();
        const { brokers: registered } = await admin.describeCluster();
        const known = new Set(registered.map((b) => b.nodeId));
        return ids.every((id) => known.has(id));
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    { timeoutMs, intervalMs: 250, message: `Kafka node(s) ${ids.join(', ')} serving` },
  ).catch((err: Error) => {
    // One clear line: the last lines of the first node log that says why.
    const hint = nodes
      .filter((n) => ids.includes(n.id))
      .map((n) => lastError(n.log))
      .find(Boolean);
    throw new Error(`local Kafka: ${err.message}${hint ? `; ${hint}` : ''}`);
  });
}

function lastError(log: string): string | undefined {
  try {
    const lines = readFileSync(log, 'utf8').split('\n');
    return lines.reverse().find((l) => / (ERROR|FATAL) /.test(l));
  } catch {
    return undefined;
  }
}

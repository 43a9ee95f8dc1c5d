import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../../scripts/kafka-mock.sh', import.meta.url));

export interface MockBroker {
  bootstrap: string;
  control: string;
  stop(): Promise<void>;
}

/**
 * Starts tools/kafka-mock through scripts/kafka-mock.sh (which compiles it on
 * first use, hence the generous timeout). Its stdin stays open as a lifeline:
 * if this process dies without teardown, the broker sees EOF and exits.
 */
export function startMockBroker(args: string[] = [], timeoutMs = 120_000): Promise<MockBroker> {
  const child = spawn('bash', [SCRIPT, '--exit-on-stdin-eof', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // Own process group, so a terminal's Ctrl-C does not stop the broker before
    // the clients that still need it have shut down; stdin EOF is the lifeline.
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Kafka mock broker did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${SCRIPT}: ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kafka mock broker exited with code ${code} before it was ready (see stderr above)`));
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      try {
        const { bootstrap, control } = JSON.parse(line) as { bootstrap: string; control: string };
        resolve({ bootstrap, control, stop: () => stopChild(child) });
      } catch {
        child.kill('SIGKILL');
        reject(new Error(`Kafka mock broker printed an unexpected first line: ${line}`));
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

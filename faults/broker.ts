import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../scripts/kafka-mock.sh', import.meta.url));

/**
 * The local Kafka test broker as a process the suite can freeze: testkit's
 * startMockBroker does not hand out the process, and an outage of the
 * in-memory mock has to be a SIGSTOP (killing it would lose every topic).
 */
export interface FreezableBroker {
  bootstrap: string;
  control: string;
  pid: number;
  /** SIGSTOP: connections stay open, nothing answers (a hung or partitioned broker). */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

export function startFreezableBroker(timeoutMs = 120_000): Promise<FreezableBroker> {
  // kafka-mock.sh execs the binary, so the child's pid is the broker's own.
  const child = spawn('bash', [SCRIPT, '--exit-on-stdin-eof'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  const signal = (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Kafka mock broker did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kafka mock broker exited with code ${code} before it was ready`));
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      const { bootstrap, control } = JSON.parse(line) as { bootstrap: string; control: string };
      resolve({
        bootstrap,
        control,
        pid: child.pid as number,
        freeze: () => signal('SIGSTOP'),
        thaw: () => signal('SIGCONT'),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            signal('SIGCONT');
            signal('SIGKILL');
          }),
      });
    });
  });
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exitOf,
  freePort,
  isRunning,
  nextFreePort,
  runToEnd,
  spawnTs,
  stopProcess,
  waitReady,
} from '@safewatch/testkit/processes';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'processes-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function program(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

const echo = program(
  'echo.ts',
  `const code: number = Number(process.argv[2] ?? 0);
process.stdout.write('out ' + process.env.GREETING + '\\n');
process.stderr.write('err\\n');
process.exit(code);
`,
);
const stubborn = program(
  'stubborn.ts',
  `process.on('SIGTERM', () => console.log('ignored'));
console.log('up');
setInterval(() => undefined, 1000);
`,
);
// Starts `stubborn.ts` through spawnTs, prints its pid, then waits to be killed.
const parent = program(
  'parent.ts',
  `import { spawnTs } from ${JSON.stringify(join(import.meta.dirname, 'processes.ts'))};
const child = spawnTs(${JSON.stringify(stubborn)}, { stdio: 'ignore', stopWhenGone: 'SIGKILL' });
console.log(String(child.pid));
setInterval(() => undefined, 1000);
`,
);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('runToEnd', () => {
  it('resolves with the output, with env and args passed', async () => {
    const out = await runToEnd(echo, { env: { GREETING: 'hi' }, args: ['0'] });
    expect(out).toContain('out hi\n');
    expect(out).toContain('err\n');
  });

  it('rejects with the name, the exit code and the output', async () => {
    await expect(runToEnd(echo, { env: { GREETING: 'x' }, args: ['3'], name: 'echo' })).rejects.toThrow(
      /^echo failed \(3\):\n[\s\S]*out x/,
    );
  });
});

describe('spawnTs', () => {
  it('appends stdout and stderr to the log file', async () => {
    const log = join(dir, 'logs', 'echo.log');
    for (const greeting of ['one', 'two']) {
      const child = spawnTs(echo, { env: { GREETING: greeting }, log });
      expect(await exitOf(child)).toEqual({ code: 0, signal: null });
    }
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('out one');
    expect(text).toContain('out two');
  });

  it('a child is stopped when the process that started it dies', async () => {
    const p = spawnTs(parent, { stdio: 'pipe', stopWhenGone: false });
    const pid = await new Promise<number>((ok) =>
      p.stdout?.once('data', (d) => ok(Number(String(d).trim()))),
    );
    expect(alive(pid)).toBe(true);
    p.kill('SIGKILL');
    await exitOf(p);
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
  }, 20_000);
});

describe('stopProcess', () => {
  it('SIGKILLs a child that ignores SIGTERM once the grace period is over', async () => {
    const child = spawnTs(stubborn);
    await new Promise((ok) => child.stdout?.once('data', ok));
    const started = Date.now();
    expect(await stopProcess(child, 500)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(isRunning(child)).toBe(false);
    expect(await stopProcess(child)).toEqual({ code: null, signal: 'SIGKILL' });
  });
});

describe('waitReady', () => {
  it('waits through refusals and error statuses until a 2xx', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/readyz`;
    let asked = 0;
    const server = createServer((_req, res) => {
      asked += 1;
      res.writeHead(asked < 3 ? 503 : 200).end();
    });
    const waiting = waitReady(url, 10_000, { intervalMs: 50 });
    await new Promise((r) => setTimeout(r, 200));
    server.listen(port, '127.0.0.1');
    try {
      await waiting;
      expect(asked).toBe(3);
    } finally {
      server.close();
    }
  });

  it('rejects at the deadline, naming what and where the log is', async () => {
    const url = `http://127.0.0.1:${await freePort()}/readyz`;
    await expect(waitReady(url, 300, { name: 'svc', log: '/x.log', intervalMs: 50 })).rejects.toThrow(
      'svc not ready after 0.3 s; see /x.log',
    );
  });

  it('rejects as soon as the child exits', async () => {
    const child = spawnTs(echo, { args: ['2'], stdio: 'ignore' });
    const url = `http://127.0.0.1:${await freePort()}/readyz`;
    await expect(waitReady(url, 30_000, { child, name: 'echo' })).rejects.toThrow('echo exited (2)');
  });
});

describe('nextFreePort', () => {
  it('the preferred port when free, else the next free one', async () => {
    const port = await freePort();
    expect(await nextFreePort(port)).toBe(port);
    const server = createServer().listen(port, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    try {
      expect(await nextFreePort(port)).toBeGreaterThan(port);
    } finally {
      server.close();
    }
  });
});

// The one way the deployment checks call an external tool (docker-compose,
// kubectl, dclint, tsc, npm …): output captured, never thrown on failure.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface RunResult {
  /** Exit status 0. False as well when the command could not be started. */
  ok: boolean;
  stdout: string;
  /** stdout and stderr interleaved as they arrived (what a terminal would show). */
  output: string;
}

export function run(cmd: string, args: readonly string[], cwd = process.cwd()): Promise<RunResult> {
  return new Promise((resolve) => {
    const stdout: string[] = [];
    const output: string[] = [];
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout.push(s);
      output.push(s);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => output.push(s));
    child.on('error', (e) => resolve({ ok: false, stdout: '', output: `${cmd}: ${e.message}` }));
    child.on('close', (code) =>
      resolve({ ok: code === 0, stdout: stdout.join(''), output: output.join('') }),
    );
  });
}

/** Whether `cmd` is an executable on PATH (the shell's `command -v`). */
export function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    const file = join(dir || '.', cmd);
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

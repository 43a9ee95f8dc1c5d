import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** .cache/profiles/ at the repository root (this file is packages/testkit/src/bench/profiler.ts). */
const PROFILES_DIR = join(import.meta.dirname, '..', '..', '..', '..', '.cache', 'profiles');

/**
 * Starts V8's CPU profiler on this thread. stop() writes the profile to
 * DIR/NAME-TIME.cpuprofile (DIR .cache/profiles unless given; open it in
 * Chrome DevTools, or summarise it with bench/e2e/cpu-profile.ts) and
 * resolves with its path. `intervalUs`: the sampling interval (V8's default
 * unless given).
 */
export async function startProfiler(
  name: string,
  opts: { dir?: string; intervalUs?: number } = {},
): Promise<{ stop(): Promise<string> }> {
  const dir = opts.dir ?? PROFILES_DIR;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  if (opts.intervalUs !== undefined)
    await session.post('Profiler.setSamplingInterval', { interval: opts.intervalUs });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${name}-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
}

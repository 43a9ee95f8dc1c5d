import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** .cache/profiles/ at the repository root (this file is packages/testkit/src/bench/profiler.ts). */
const PROFILES_DIR = join(import.meta.dirname, '..', '..', '..', '..', '.cache', 'profiles');

/**
 * Starts V8's CPU profiler on this thread. stop() writes the profile to
 * .cache/profiles/NAME-TIME.cpuprofile (open it in Chrome DevTools, or
 * summarise it with bench/e2e/cpu-profile.ts) and resolves with its path.
 */
export async function startProfiler(name: string): Promise<{ stop(): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(PROFILES_DIR, { recursive: true });
      const file = join(PROFILES_DIR, `${name}-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
}

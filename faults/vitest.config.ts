import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The fault suite (npm run test:faults): a project of its own, outside the
// root config's unit/integration projects, so `npm test` never runs it.
// Workspace packages resolve to their TypeScript sources, as in the root config.
const conditions = ['source', 'node', 'development|production'];

export default defineConfig({
  cacheDir: join(import.meta.dirname, '..', '.cache', 'vitest-faults'),
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'faults',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    // One system, faults injected in sequence: the tests of the file share it and run in order.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});

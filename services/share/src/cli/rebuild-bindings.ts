/**
 * Rebuilds the share service's view of current bindings from the bindings
 * service's database (read-only), ending shares whose binding is gone:
 *   BINDINGS_DATABASE_URL=postgres://… BINDINGS_PG_SCHEMA=public npm run share:rebuild-bindings
 * DATABASE_URL / PG_SCHEMA name the share service's own database, as for the service.
 */
import { createLogger, createPgPool, ENV_HELP, parseCliArgs, z } from '@safewatch/common';
import { bindingsServiceCurrent } from '../adapters/current-bindings.repo.js';
import { shareRepos } from '../adapters/repos.js';
import { loadConfig } from '../config.js';
import { rebuildBindings } from '../usecases/rebuild-bindings.usecase.js';

parseCliArgs({
  name: 'share:rebuild-bindings',
  summary: `Rebuilds the share service's view of current bindings from the bindings service's database
(read only there) and ends the shares whose binding is gone.`,
  options: {},
  env: {
    BINDINGS_DATABASE_URL: "the bindings service's database (default DATABASE_URL)",
    BINDINGS_PG_SCHEMA: "the bindings service's schema (default public)",
    DATABASE_URL: `the share service's database; ${ENV_HELP.DATABASE_URL}`,
    PG_SCHEMA: `the share service's schema; ${ENV_HELP.PG_SCHEMA}`,
    LOG_LEVEL: ENV_HELP.LOG_LEVEL,
  },
});
const cfg = loadConfig(process.env);
const source = z
  .object({
    BINDINGS_DATABASE_URL: z.string().url().default(cfg.DATABASE_URL),
    BINDINGS_PG_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('public'),
  })
  .parse(process.env);
const logger = createLogger('share-rebuild-bindings', cfg.LOG_LEVEL);
const from = createPgPool(
  {
    databaseUrl: source.BINDINGS_DATABASE_URL,
    schema: source.BINDINGS_PG_SCHEMA,
    poolSize: 1,
    applicationName: 'safewatch-share-rebuild',
  },
  () => undefined,
);
const to = createPgPool(
  {
    databaseUrl: cfg.DATABASE_URL,
    schema: cfg.PG_SCHEMA,
    poolSize: 2,
    applicationName: 'safewatch-share-rebuild',
  },
  () => undefined,
);
try {
  const result = await rebuildBindings(
    {
      pool: to,
      lastPositions: () => Promise.reject(new Error('the rebuild reads no position')),
      now: () => new Date(),
      publicBaseUrl: '',
      repos: shareRepos,
      sharesEnded: () => undefined,
    },
    await bindingsServiceCurrent(from),
  );
  logger.info(
    result,
    `current bindings rebuilt: ${result.bindings} bindings, ${result.removed} removed, ${result.sharesEnded} shares ended`,
  );
} catch (err) {
  logger.fatal({ err }, `rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await from.end();
  await to.end();
}

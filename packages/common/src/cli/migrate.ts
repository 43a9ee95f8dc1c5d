/**
 * Applies every service's SQL migrations (services/<name>/migrations) to one
 * database/schema. Each service keeps its own migrations table.
 * Usage: DATABASE_URL=... PG_SCHEMA=public migrate
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ENV_HELP, logEnv, parseConfig, postgresEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { migrate } from '../migrate.js';
import { parseCliArgs } from './args.js';

parseCliArgs({
  name: 'migrate',
  summary: `Applies every service's SQL migrations (services/<name>/migrations) to one database and
schema; each service keeps its own migrations table. Migrations already applied are skipped.`,
  options: {},
  env: {
    DATABASE_URL: ENV_HELP.DATABASE_URL,
    PG_SCHEMA: ENV_HELP.PG_SCHEMA,
    SERVICES_DIR: "where the services and their migrations are (default the repository's services/)",
    LOG_LEVEL: ENV_HELP.LOG_LEVEL,
  },
});

const cfg = parseConfig(
  z.object({ ...postgresEnv, ...logEnv, SERVICES_DIR: z.string().optional() }),
  process.env,
);
const logger = createLogger('migrate', cfg.LOG_LEVEL);
// packages/common/{src,dist}/cli → repository (or image) root
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const servicesDir = cfg.SERVICES_DIR ?? join(root, 'services');

try {
  const services = readdirSync(servicesDir).filter((s) => existsSync(join(servicesDir, s, 'migrations')));
  for (const service of services.sort()) {
    const ran = await migrate({
      databaseUrl: cfg.DATABASE_URL,
      schema: cfg.PG_SCHEMA,
      dir: join(servicesDir, service, 'migrations'),
      service,
      logger,
    });
    logger.info(
      { service, schema: cfg.PG_SCHEMA, applied: ran },
      `${service}: ${ran.length} migration(s) applied`,
    );
  }
} catch (err) {
  logger.fatal({ err }, `migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

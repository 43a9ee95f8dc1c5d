import { runner } from 'node-pg-migrate';
import type { Logger } from './logger.js';

export interface MigrateOptions {
  databaseUrl: string;
  schema: string;
  /** Folder of SQL migrations (`-- Up Migration` / `-- Down Migration` sections). */
  dir: string;
  /** One migrations table per service, so services evolve their schemas independently. */
  service: string;
  logger: Logger;
}

/** Applies pending migrations in one transaction, under node-pg-migrate's advisory lock. */
export async function migrate(opts: MigrateOptions): Promise<string[]> {
  const ran = await runner({
    databaseUrl: opts.databaseUrl,
    dir: opts.dir,
    direction: 'up',
    migrationsTable: `pgmigrations_${opts.service}`,
    schema: opts.schema,
    createSchema: true,
    singleTransaction: true,
    checkOrder: true,
    advisoryLockMode: 'wait',
    log: (msg: string) => opts.logger.debug({ service: opts.service }, msg),
  });
  return ran.map((m) => m.name);
}

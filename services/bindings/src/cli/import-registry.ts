/**
 * Registry import (SPEC §2): loads vehicle/driver registry files into the
 * bindings service's tables, one transaction per file.
 *
 *   npm run registry:import -- services/bindings/samples/registry.json
 *   npm run registry:import -- vehicles.csv drivers.csv
 *
 * Env: DATABASE_URL, PG_SCHEMA, KAFKA_TOPIC_PREFIX, LOG_LEVEL.
 * Exit codes: 0 everything loaded; 2 some rows rejected (the good rows were
 * loaded); 1 fatal (usage, unreadable or malformed file, database down,
 * tables missing). Every file is read and checked before any is loaded.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import {
  type CliSpec,
  CliUsageError,
  ConfigError,
  cliUsage,
  createLogger,
  createPgPool,
  ENV_HELP,
  kafkaEnv,
  logEnv,
  Progress,
  type ProgressStream,
  parseConfig,
  postgresEnv,
  readCliArgs,
  z,
} from '@safewatch/common';
import {
  formatIssue,
  type ImportReport,
  loadParsedFile,
  type ParsedFile,
  type RegistryFormat,
  RegistryFormatError,
  RegistrySchemaError,
  readRegistryFile,
  summaryLine,
} from '../registry/index.js';

export const IMPORT_REGISTRY_CLI = {
  name: 'registry:import',
  positionals: '<file> [<file>...]',
  summary: `Loads registry files (vehicles and/or drivers; see services/bindings/samples/README.md) into
the bindings tables, one transaction per file. Rows absent from a file are kept (a refresh may be
partial). Every file is read and checked before any is loaded.`,
  options: {
    format: {
      type: 'string',
      choices: ['csv', 'json'],
      defaultText: "from each file's extension",
      description: 'format of the files',
    },
    progress: {
      type: 'boolean',
      description: 'print rows/s and the ETA to stderr also when it is not a terminal',
    },
  },
  env: {
    DATABASE_URL: ENV_HELP.DATABASE_URL,
    PG_SCHEMA: ENV_HELP.PG_SCHEMA,
    KAFKA_TOPIC_PREFIX: 'names the outbox topic <prefix>bindings.events (default none)',
    LOG_LEVEL: ENV_HELP.LOG_LEVEL,
  },
  notes: `Exit codes: 0 every row loaded; 2 some rows rejected (each printed, the good rows loaded);
1 fatal: usage, unreadable or malformed file, database down, tables missing.`,
  usageExitCode: 1,
} as const satisfies CliSpec;

const configSchema = z.object({
  ...postgresEnv,
  ...logEnv,
  KAFKA_TOPIC_PREFIX: kafkaEnv.KAFKA_TOPIC_PREFIX,
});

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where progress goes (default: `err`, line by line, as to a file). */
  progress?: ProgressStream;
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr,
};

/** Runs the import; returns the exit code. */
export async function runImportRegistry(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo = consoleIo,
): Promise<number> {
  let files: string[];
  let format: RegistryFormat | undefined;
  let forceProgress: boolean;
  try {
    const args = readCliArgs(IMPORT_REGISTRY_CLI, argv, env);
    if (args.help) {
      io.out(cliUsage(IMPORT_REGISTRY_CLI));
      return 0;
    }
    format = args.values.format;
    forceProgress = args.values.progress;
    files = args.positionals;
    if (files.length === 0) throw new CliUsageError('no file given');
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    io.err(`registry:import: ${err.message}\n(--help for the usage)`);
    return 1;
  }
  const progressStream = io.progress ?? {
    write: (chunk: string) => io.err(chunk.replace(/\n$/, '')),
  };

  let cfg: z.infer<typeof configSchema>;
  try {
    cfg = parseConfig(configSchema, env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`registry:import: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const logger = createLogger('registry-import', cfg.LOG_LEVEL);

  // `npm run` changes to the repository root; paths are meant from where it was typed.
  const base = env.INIT_CWD ?? process.cwd();
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const path = isAbsolute(f) ? f : resolve(base, f);
    try {
      parsed.push(await readRegistryFile(path, format));
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why =
        err instanceof RegistryFormatError ? e.message : `cannot read the file (${e.code ?? e.message})`;
      io.err(`${f}: ${why}`);
      return 1;
    }
  }

  const pool = createPgPool(
    {
      databaseUrl: cfg.DATABASE_URL,
      schema: cfg.PG_SCHEMA,
      poolSize: 1,
      applicationName: 'bindings-registry-import',
    },
    (err) => logger.warn({ err }, 'idle database client failed'),
  );
  const reports: ImportReport[] = [];
  try {
    for (const p of parsed) {
      const progress = new Progress({
        label: basename(p.file),
        total: p.vehicles.length + p.drivers.length,
        force: forceProgress,
        stream: progressStream,
      });
      const report = await loadParsedFile(pool, p, {
        topicPrefix: cfg.KAFKA_TOPIC_PREFIX,
        onProgress: (done) => progress.update(done),
      });
      progress.finish(false);
      reports.push(report);
      io.out(summaryLine(report));
      for (const e of report.errors) io.out(`  rejected ${formatIssue(e)}`);
      for (const w of report.warnings) io.out(`  warning  ${formatIssue(w)}`);
      logger.debug({ file: p.file, ...countsOnly(report) }, 'registry file loaded');
    }
  } catch (err) {
    logger.debug({ err }, 'registry import failed');
    const done = reports.length > 0 ? ` (${reports.length} file(s) before it were loaded)` : '';
    io.err(`${parsed[reports.length]?.file ?? 'registry'}: ${dbProblem(err, cfg.DATABASE_URL)}${done}`);
    return 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
  return reports.some((r) => r.rejected > 0) ? 2 : 0;
}

function countsOnly(r: ImportReport) {
  const { inserted, updated, unchanged, rejected, events } = r;
  return { inserted, updated, unchanged, rejected, events };
}

/** A one-line reason for a database failure, never including the password. */
function dbProblem(err: unknown, databaseUrl: string): string {
  if (err instanceof RegistrySchemaError) return err.message;
  const e = err as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
  const code = e.code ?? e.errors?.[0]?.code;
  let where = 'the database';
  try {
    const u = new URL(databaseUrl);
    where = `the database at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    // keep the generic wording
  }
  if (code && /^E[A-Z]+$/.test(code)) return `cannot reach ${where} (${code}); is Postgres running?`;
  if (code === '42P01') return `${e.message}: run npm run migrate`;
  return `database error${code ? ` ${code}` : ''}: ${e.message || String(err)}`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1]);
if (invokedDirectly) {
  process.exitCode = await runImportRegistry(process.argv.slice(2), process.env);
}

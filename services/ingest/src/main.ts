import { createLogger, failStartup, onShutdown, startTracing } from '@safewatch/common';
import { createIngestApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('ingest');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('ingest', cfg.LOG_LEVEL);
  const tracing = await startTracing(cfg, 'ingest', { logger });
  const app = createIngestApp(cfg, logger);
  // Registered first, so a SIGTERM that arrives during start-up still closes cleanly.
  onShutdown(logger, async () => {
    await app.stop();
    await tracing.shutdown();
  });
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
  await app.start();
} catch (err) {
  failStartup(bootLogger, err);
}

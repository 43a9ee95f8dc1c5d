import { createLogger, failStartup, onShutdown } from '@safewatch/common';
import { createIngestApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('ingest');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('ingest', cfg.LOG_LEVEL);
  const app = createIngestApp(cfg, logger);
  // Registered first, so a SIGTERM that arrives during start-up still closes cleanly.
  onShutdown(logger, () => app.stop());
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
  await app.start();
} catch (err) {
  failStartup(bootLogger, err);
}

import { createLogger, failStartup, onShutdown } from '@safewatch/common';
import { createIngestApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('ingest');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('ingest', cfg.LOG_LEVEL);
  const app = createIngestApp(cfg, logger);
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
  await app.start();
  onShutdown(logger, () => app.stop());
} catch (err) {
  failStartup(bootLogger, err);
}

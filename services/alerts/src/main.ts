import { createLogger, failStartup, onShutdown } from '@safewatch/common';
import { createAlertsApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('alerts');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('alerts', cfg.LOG_LEVEL);
  const app = createAlertsApp(cfg, logger);
  onShutdown(logger, () => app.stop());
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
  await app.start();
} catch (err) {
  failStartup(bootLogger, err);
}

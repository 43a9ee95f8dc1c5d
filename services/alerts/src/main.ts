import { createLogger, failStartup, onShutdown, startTracing } from '@safewatch/common';
import { createAlertsApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('alerts');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('alerts', cfg.LOG_LEVEL);
  const tracing = await startTracing(cfg, 'alerts', { logger });
  const app = createAlertsApp(cfg, logger);
  onShutdown(logger, async () => {
    await app.stop();
    await tracing.shutdown();
  });
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
  await app.start();
} catch (err) {
  failStartup(bootLogger, err);
}

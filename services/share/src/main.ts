import { createLogger, failStartup, onShutdown, startTracing } from '@safewatch/common';
import { createShareApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('share');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('share', cfg.LOG_LEVEL);
  const tracing = await startTracing(cfg, 'share', { logger });
  const app = await createShareApp(cfg, logger);
  onShutdown(logger, async () => {
    await app.stop();
    await tracing.shutdown();
  });
  await app.start();
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
} catch (err) {
  failStartup(bootLogger, err);
}

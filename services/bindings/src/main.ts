import { createLogger, failStartup, onShutdown, startTracing } from '@safewatch/common';
import { createBindingsApp } from './app.js';
import { loadConfig } from './config.js';

const bootLogger = createLogger('bindings');
try {
  const cfg = loadConfig(process.env);
  const logger = createLogger('bindings', cfg.LOG_LEVEL);
  const tracing = await startTracing(cfg, 'bindings', { logger });
  const app = await createBindingsApp(cfg, logger);
  onShutdown(logger, async () => {
    await app.stop();
    await tracing.shutdown();
  });
  await app.start();
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
} catch (err) {
  failStartup(bootLogger, err);
}

import { createLogger, failStartup, onShutdown, startTracing } from '@safewatch/common';
import { loadConfig } from '../config.js';
import { createNotifierApp } from './app.js';

/** X8: the notifier process (services/share/src/notifier/app.ts says why it runs apart). */
const bootLogger = createLogger('share-notifier');
try {
  // Its own default port beside the share service's 9104.
  const cfg = loadConfig({ PORT: '9105', ...process.env });
  const logger = createLogger('share-notifier', cfg.LOG_LEVEL);
  const tracing = await startTracing(cfg, 'share-notifier', { logger });
  const app = await createNotifierApp(cfg, logger);
  onShutdown(logger, async () => {
    await app.stop();
    await tracing.shutdown();
  });
  await app.start();
  await app.server.listen({ host: cfg.HOST, port: cfg.PORT });
} catch (err) {
  failStartup(bootLogger, err);
}

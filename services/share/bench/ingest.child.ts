/**
 * The ingest service as its own process for the share benchmark's freshness
 * measure (configuration from the environment, as services/ingest/src/main.ts
 * reads it). Messages from the parent: { cmd: 'stats' } → { type: 'stats',
 * consumed, accepted, chunks, chunkSeconds, stepSeconds }; { cmd: 'stop' } stops the service and exits.
 */
import { createLogger } from '@safewatch/common';
import { createIngestApp } from '../../ingest/src/app.js';
import { loadConfig } from '../../ingest/src/config.js';

const logger = createLogger('bench-ingest', 'warn');
const app = createIngestApp(loadConfig(process.env), logger);
const counter = async (c: { get(): Promise<{ values: { value: number }[] }> }) =>
  (await c.get()).values.reduce((sum, v) => sum + v.value, 0);

process.on('message', async (m: { cmd: string }) => {
  if (m.cmd === 'stats') {
    const chunks = (await app.metrics.chunkSeconds.get()).values;
    const steps = (await app.metrics.stepSeconds.get()).values.filter((v) => v.metricName?.endsWith('_sum'));
    process.send?.({
      type: 'stats',
      consumed: await counter(app.metrics.consumed),
      accepted: await counter(app.metrics.accepted),
      chunks: chunks.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0,
      chunkSeconds: chunks.find((v) => v.metricName?.endsWith('_sum'))?.value ?? 0,
      stepSeconds: Object.fromEntries(steps.map((v) => [String(v.labels.step), v.value])),
    });
  } else if (m.cmd === 'stop') {
    await app.stop().catch(() => undefined);
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
await app.start();
process.send?.({ type: 'started' });

/**
 * `npm start`: the whole system on local defaults with a simulated fleet.
 * Starts a local Apache Kafka broker (unless KAFKA_BROKERS is given),
 * provisions topics, applies migrations, starts the services (with the
 * notifier, sending to a local WeChat stand-in), a local Prometheus with the
 * project's alert rules and the fleet simulator,
 * prints demo tokens for the bindings API and a family link, lets simulated
 * families opt in to notifications, then prints a line of live counts every
 * few seconds.
 * Service logs go to .cache/logs/<name>.log. Ctrl-C stops everything.
 *
 * The parts: start/supervise.ts (the processes, their order and their stop),
 * start/demo.ts (tokens, the family link, forgetting the replayed period),
 * start/families.ts (families who opt in to notifications, X8),
 * start/status.ts (the live line).
 */
import { join } from 'node:path';
import { readSampleRegistry, SAMPLE_REGISTRY_FILE } from '@safewatch/bindings/sample-registry';
import { parseCliArgs } from '@safewatch/common/cli';
import { parseTime } from '../packages/simulator/src/args.js';
import { REPO_ROOT, runToEnd } from '../packages/testkit/src/processes.js';
import {
  demoAuth,
  demoShareLink,
  demoTokens,
  devAuthEnv,
  forgetOverlappingRun,
  localPool,
  withPool,
} from './start/demo.js';
import {
  demoFamilies,
  demoNotifyEnv,
  demoVapidKeys,
  eventfulTrucks,
  startDemoWechat,
  wechatCounts,
} from './start/families.js';
import { currentBindingsCounter, printStatusEvery } from './start/status.js';
import { LOG_DIR, Supervisor, say, startKafka, startLocalPrometheus } from './start/supervise.js';

const port = (env: string, def: string, what: string) =>
  ({ type: 'string', env, default: def, placeholder: 'PORT', description: what }) as const;
const { values: opt } = parseCliArgs({
  name: 'start',
  usage: 'npm start -- [options]',
  summary: `The whole system on local defaults with a simulated fleet: a local Apache Kafka broker (unless
KAFKA_BROKERS is set), topics, migrations, the four services and the notifier (sending to a local
WeChat stand-in), a local Prometheus with the project's alert rules, and the fleet simulator; then
demo tokens, a family link, families who opt in to notifications, and a line of live counts
every 5 s. Logs in .cache/logs/. Ctrl-C stops everything.`,
  options: {
    trucks: {
      type: 'string',
      env: 'SIM_TRUCKS',
      default: '200',
      placeholder: 'N',
      description: 'simulated trucks (one fix each every 30 s)',
    },
    // Simulated history before "now": 5 h, so that fatigue alerts (4 h of driving) show up.
    backfill: {
      type: 'string',
      env: 'SIM_START',
      default: '-5h',
      placeholder: 'TIME',
      description: 'where the simulated history starts (relative like -5h, or ISO)',
    },
    'ingest-port': port('INGEST_PORT', '9101', 'the ingest service'),
    'bindings-port': port('BINDINGS_PORT', '9102', 'the bindings service'),
    'alerts-port': port('ALERTS_PORT', '9103', 'the alerts service'),
    'share-port': port('SHARE_PORT', '9104', 'the share service and the family page'),
    'notifier-port': port('NOTIFIER_PORT', '9105', "the share service's notifier (X8)"),
    'wechat-port': port('WECHAT_PORT', '9106', 'the local WeChat stand-in the notifier sends to'),
  },
  env: {
    KAFKA_BROKERS: 'Kafka to use instead of the local broker',
    DATABASE_URL: 'PostgreSQL (default postgres://postgres@127.0.0.1:5432/postgres)',
    REDIS_URL: 'Redis (default redis://127.0.0.1:6379)',
    JWT_SECRET: 'token secret (default: the public development secret)',
  },
});

const sup = new Supervisor();
try {
  const env: Record<string, string> = { KAFKA_BROKERS: await startKafka(sup) };
  say(
    `Postgres: ${process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'} · Redis: ${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}`,
  );

  await runToEnd('packages/common/src/cli/provision-topics.ts', { env, name: 'topics' });
  say('✓ topics provisioned');
  await runToEnd('packages/common/src/cli/migrate.ts', { env, name: 'migrate' });
  say('✓ migrations applied');
  const forgotten = await forgetOverlappingRun(parseTime(opt.backfill, Date.now()));
  if (forgotten > 0)
    say(`✓ an earlier run's ${forgotten.toLocaleString('en')} positions from the replayed period forgotten`);

  const ingestPort = opt['ingest-port'];
  await sup.startService(
    'ingest',
    'services/ingest/src/main.ts',
    ingestPort,
    env,
    `metrics http://127.0.0.1:${ingestPort}/metrics`,
  );

  const bindings = `http://127.0.0.1:${opt['bindings-port']}`;
  const auth = devAuthEnv();
  await sup.startService(
    'bindings',
    'services/bindings/src/main.ts',
    opt['bindings-port'],
    { ...env, ...auth, PUBLIC_BASE_URL: bindings, BINDINGS_REGISTRY_FILE: SAMPLE_REGISTRY_FILE },
    `${bindings}/openapi.json · metrics ${bindings}/metrics`,
  );

  const alertsPort = opt['alerts-port'];
  const alertSamples = join(REPO_ROOT, 'services', 'alerts', 'samples');
  await sup.startService(
    'alerts',
    'services/alerts/src/main.ts',
    alertsPort,
    {
      ...env,
      SPEED_ZONES_FILE: join(alertSamples, 'speed-zones.json'),
      REST_STOPS_FILE: join(alertSamples, 'rest-stops.json'),
    },
    `metrics http://127.0.0.1:${alertsPort}/metrics`,
  );

  const sharePort = opt['share-port'];
  const shareBase = `http://127.0.0.1:${sharePort}`;
  // X8: WeChat is a local stand-in here; Web Push keys are made once per checkout.
  const wechat = await startDemoWechat(Number(opt['wechat-port']));
  const notifyEnv = demoNotifyEnv(wechat.url, demoVapidKeys(join(REPO_ROOT, '.cache', 'vapid.json')));
  await sup.startService(
    'share',
    'services/share/src/main.ts',
    sharePort,
    // The demo page logs viewers in by itself (production: the mini-program's one-click login).
    { ...env, ...auth, ...notifyEnv, PUBLIC_BASE_URL: shareBase, SHARE_DEV_VIEWER_LOGIN: 'true' },
    `${shareBase}/openapi.json · metrics ${shareBase}/metrics`,
  );
  const notifierPort = opt['notifier-port'];
  await sup.startService(
    'notifier',
    'services/share/src/notifier/main.ts',
    notifierPort,
    { ...env, ...notifyEnv, PUBLIC_BASE_URL: shareBase },
    `family notifications (X8) · WeChat stand-in ${wechat.url} · metrics http://127.0.0.1:${notifierPort}/metrics`,
  );

  try {
    // The deployment's jobs (deploy/observability/prometheus.yml), which its alert rules name.
    const job = (name: string, port: string) => ({ job: name, addresses: [`127.0.0.1:${port}`] });
    await startLocalPrometheus(sup, [
      job('ingest', ingestPort),
      job('bindings', opt['bindings-port']),
      job('alerts', alertsPort),
      job('share', sharePort),
      job('share-notifier', notifierPort),
    ]);
  } catch (err) {
    say(`(no Prometheus: ${err instanceof Error ? err.message : String(err)})`);
  }

  sup.run('simulator', 'packages/simulator/src/cli.ts', env, [
    '--trucks',
    opt.trucks,
    '--start',
    opt.backfill,
    '--follow',
    '--quiet',
  ]);
  say(`✓ simulator: ${opt.trucks} trucks on Shandong expressways, one fix per truck every 30 s`);
  say(demoTokens(bindings, auth));
  try {
    say(`family page, ready to open: ${await demoShareLink(bindings, shareBase, auth)}\n`);
  } catch (err) {
    say(`(no demo share link: ${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const families = await demoFamilies({
      auth: demoAuth(auth),
      bindingsBase: bindings,
      shareBase,
      picks: await withPool((pool) => eventfulTrucks(pool, readSampleRegistry().vehicles, Date.now())),
    });
    say(
      `✓ family notifications: ${families.viewers} family members of ${families.trucks.length} shared trucks consented to every WeChat notification (from now on)`,
    );
  } catch (err) {
    say(`(no demo families: ${err instanceof Error ? err.message : String(err)})`);
  }
  say(`logs: ${LOG_DIR} · Ctrl-C to stop\n`);

  printStatusEvery(
    5_000,
    {
      ingest: `http://127.0.0.1:${ingestPort}`,
      alerts: `http://127.0.0.1:${alertsPort}`,
      currentBindings: currentBindingsCounter(localPool()),
      notifications: () => wechatCounts(wechat),
    },
    say,
  );
} catch (err) {
  say(`✗ start failed: ${err instanceof Error ? err.message : String(err)}`);
  await sup.shutdown(1);
}

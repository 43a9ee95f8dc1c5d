/**
 * The observability files against the code: every metric and label an alert
 * rule or a dashboard query reads is one a service really registers (the
 * services' apps are built, without connecting to anything, and their
 * registries read); Prometheus scrapes each service where Compose runs it;
 * every alert has its runbook section; Grafana is provisioned. Whether the
 * expressions are valid PromQL, and what the rules do, is Prometheus's to
 * say: test/prometheus-rules.test.ts (promtool) and
 * test/prometheus-live.test.ts (a real server on a running system).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger, DEV_JWT_SECRET, type FastifyInstance } from '@safewatch/common';
import type { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertsApp } from '../../../services/alerts/src/app.js';
import { loadConfig as alertsConfig } from '../../../services/alerts/src/config.js';
import { createBindingsApp } from '../../../services/bindings/src/app.js';
import { loadConfig as bindingsConfig } from '../../../services/bindings/src/config.js';
import { createIngestApp } from '../../../services/ingest/src/app.js';
import { loadConfig as ingestConfig } from '../../../services/ingest/src/config.js';
import { createShareApp } from '../../../services/share/src/app.js';
import { loadConfig as shareConfig } from '../../../services/share/src/config.js';
import { createNotifierApp } from '../../../services/share/src/notifier/app.js';
import {
  dashboardQueries,
  alertRules as loadAlertRules,
  dashboards as loadDashboards,
  ruleFiles as loadRuleFiles,
  OBSERVABILITY_DIR as OBS,
  type PromqlReferences,
  promqlReferences,
  REPO_ROOT as ROOT,
  readYaml,
  ruleGroups,
  withBoolComparisons,
} from './observability-files.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const yaml = (path: string) => readYaml(join(ROOT, path));

/** Series Prometheus itself writes, not the services. */
const PROMETHEUS_SERIES: Record<string, string[]> = {
  up: [],
  scrape_duration_seconds: [],
  scrape_samples_scraped: [],
  ALERTS: ['alertname', 'alertstate', 'severity'],
};
/** Labels every scraped series has: Prometheus's target labels and the services' default label. */
const TARGET_LABELS = ['job', 'instance', 'service', '__name__'];

interface KnownMetric {
  type: string;
  labels: Set<string>;
  services: Set<string>;
}

/** Every metric the four services and the share notifier register, read from their real registries. */
async function serviceMetrics(): Promise<{ metrics: Map<string, KnownMetric>; close: () => Promise<void> }> {
  const logger = createLogger('observability-test', 'silent');
  const auth = { JWT_SECRET: DEV_JWT_SECRET };
  const apps: Record<string, { registry: Registry; server: FastifyInstance }> = {
    ingest: createIngestApp(ingestConfig({}), logger),
    alerts: createAlertsApp(alertsConfig({}), logger),
    bindings: await createBindingsApp(bindingsConfig(auth), logger),
    share: await createShareApp(shareConfig(auth), logger),
    'share-notifier': await createNotifierApp(shareConfig({}), logger),
  };
  const metrics = new Map<string, KnownMetric>();
  for (const [service, app] of Object.entries(apps)) {
    for (const m of app.registry.getMetricsAsArray()) {
      const labelNames = (m as { labelNames?: readonly string[] }).labelNames ?? [];
      const known = metrics.get(m.name) ?? { type: String(m.type), labels: new Set(), services: new Set() };
      for (const l of labelNames) known.labels.add(l);
      known.services.add(service);
      metrics.set(m.name, known);
    }
  }
  return {
    metrics,
    // Nothing connected or listened; the servers hold the only resources.
    close: async () => {
      await Promise.all(Object.values(apps).map((a) => a.server.close()));
    },
  };
}

/** The metric a series name belongs to: histograms expose _bucket/_sum/_count, summaries _sum/_count. */
function resolveSeries(name: string, metrics: Map<string, KnownMetric>): { labels: Set<string> } | undefined {
  const direct = metrics.get(name);
  if (direct)
    return { labels: new Set([...direct.labels, ...(direct.type === 'summary' ? ['quantile'] : [])]) };
  const prom = PROMETHEUS_SERIES[name];
  if (prom) return { labels: new Set(prom) };
  const m = /^(.+)_(bucket|sum|count)$/.exec(name);
  const base = m && metrics.get(m[1] as string);
  if (!base) return undefined;
  if (base.type === 'histogram')
    return { labels: new Set([...base.labels, ...(m[2] === 'bucket' ? ['le'] : [])]) };
  if (base.type === 'summary' && m[2] !== 'bucket') return { labels: base.labels };
  return undefined;
}

/** Everything wrong with what a query reads: unknown metrics, labels no metric of it has, unknown jobs. */
function problems(q: PromqlReferences, metrics: Map<string, KnownMetric>, jobs: Set<string>): string[] {
  const out: string[] = [];
  const available = new Set(TARGET_LABELS);
  for (const s of q.selectors) {
    if (s.name === undefined) {
      out.push('a selector without a metric name');
      continue;
    }
    const series = resolveSeries(s.name, metrics);
    if (!series) {
      out.push(`metric ${s.name} is registered by no service`);
      continue;
    }
    for (const l of series.labels) available.add(l);
    for (const m of s.matchers) {
      if (!series.labels.has(m.label) && !TARGET_LABELS.includes(m.label))
        out.push(`${s.name} has no label ${m.label}`);
      if (m.label === 'job' && /^[\w|-]+$/.test(m.value))
        for (const job of m.value.split('|')) if (!jobs.has(job)) out.push(`no scrape job named ${job}`);
    }
  }
  for (const l of q.groupingLabels)
    if (!available.has(l)) out.push(`groups by ${l}, a label none of its metrics has`);
  return out;
}

const prometheus = yaml('deploy/observability/prometheus.yml') as {
  rule_files: string[];
  scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
};
const jobs = new Set(prometheus.scrape_configs.map((c) => c.job_name));
const compose = yaml('docker-compose.yml') as {
  services: Record<
    string,
    { environment?: Record<string, unknown>; volumes?: string[]; profiles?: string[] }
  >;
};
const mounts = (service: string) =>
  (compose.services[service]?.volumes ?? []).map((v) => {
    const [from, to] = v.split(':');
    return { from: resolve(ROOT, from as string), to: to as string };
  });

const ruleFiles = loadRuleFiles();
const groups = ruleGroups();
const alertRules = loadAlertRules();
const dashboards = loadDashboards();
const queries = dashboardQueries();

let known: Awaited<ReturnType<typeof serviceMetrics>>;
beforeAll(async () => {
  known = await serviceMetrics();
});
afterAll(async () => {
  await known?.close();
});

describe('the services register the metrics the observability files read', () => {
  it('finds the metrics of every service (the test would pass vacuously otherwise)', () => {
    for (const name of [
      'ingest_positions_rejected_total',
      'ingest_platform_last_seen_timestamp_seconds',
      'kafka_consumer_lag',
      'alerts_raised_total',
      'share_active_shares',
      'share_stream_connections',
      'http_request_duration_seconds',
      'postgres_client_errors_total',
      'redis_client_errors_total',
      'service_readiness_condition',
    ])
      expect(known.metrics.has(name), name).toBe(true);
    expect(known.metrics.get('share_notify_failed_total')?.services).toEqual(new Set(['share-notifier']));
    // Every consumer reports its lag: ingest, alerts, share and the notifier consume Kafka.
    expect([...(known.metrics.get('kafka_consumer_lag')?.services ?? [])].sort()).toEqual([
      'alerts',
      'ingest',
      'share',
      'share-notifier',
    ]);
  });

  it.each(alertRules.map((r) => [r.alert, r]))(
    'alert %s reads only registered metrics and labels',
    (_, rule) => {
      const q = promqlReferences(rule.expr);
      expect(q.selectors.length, 'it reads some metric').toBeGreaterThan(0);
      expect(problems(q, known.metrics, jobs)).toEqual([]);
    },
  );

  it.each(queries.map((q) => [q.where, q.expr]))(
    'dashboard %s reads only registered metrics and labels',
    (_, expr) => {
      const q = promqlReferences(expr);
      expect(q.selectors.length, 'it reads some metric').toBeGreaterThan(0);
      expect(problems(q, known.metrics, jobs)).toEqual([]);
    },
  );

  it('is not fooled: an unknown metric, label or job is reported', () => {
    const q = promqlReferences(
      'sum by (nope) (rate(ingest_positions_rejected_totl[5m])) or ingest_positions_rejected_total{reson="x"} or up{job="ingset"}',
    );
    expect(problems(q, known.metrics, jobs)).toEqual([
      'metric ingest_positions_rejected_totl is registered by no service',
      'ingest_positions_rejected_total has no label reson',
      'no scrape job named ingset',
      'groups by nope, a label none of its metrics has',
    ]);
  });
});

describe('reading expressions Prometheus accepted', () => {
  it('finds selectors and grouping labels through offsets, subqueries, vector matching and strings', () => {
    const q = promqlReferences(`
      sum by (reason) (rate(a_total{x="}{", y!~"a|b"}[5m] offset 5m)) > 3 * (b or 0 * c)
      and on (reason) group_left (x) deriv(sum by (reason) (d)[15m:1m]) > bool 0
      unless time() - max_over_time(e{job="j"}[1d]) > 600`);
    expect(q.selectors.map((s) => s.name)).toEqual(['a_total', 'b', 'c', 'd', 'e']);
    expect(q.selectors[0]?.matchers).toEqual([
      { label: 'x', op: '=', value: '}{' },
      { label: 'y', op: '!~', value: 'a|b' },
    ]);
    expect(q.groupingLabels).toEqual(['reason', 'reason', 'x', 'reason']);
  });

  it('puts bool on every comparison, never on a matcher', () => {
    expect(withBoolComparisons('a{b!="1", c=~">"} > 3 and d == bool 0 or e<=1')).toBe(
      'a{b!="1", c=~">"} > bool  3 and d == bool 0 or e<= bool 1',
    );
  });
});

describe('alert rules', () => {
  const runbook = read('docs/runbook.md');
  const anchors = new Set(
    [...runbook.matchAll(/^#+\s+(.+)$/gm)].map((m) =>
      (m[1] as string)
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );

  it('are loaded by Prometheus: rule_files covers the rules directory, which Compose mounts', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    const mount = mounts('prometheus').find((m) => m.from === join(OBS, 'rules'));
    expect(mount, 'docker-compose.yml mounts deploy/observability/rules into prometheus').toBeDefined();
    // *.rules.yml, not *.yml: the unit tests beside the rules (*.test.yml) are no rule files.
    expect(prometheus.rule_files).toEqual([`${mount?.to}/*.rules.yml`]);
    expect(mounts('prometheus').some((m) => m.from === join(OBS, 'prometheus.yml'))).toBe(true);
  });

  it('have unique group and alert names', () => {
    // promtool check rules checks the rest (test/prometheus-rules.test.ts).
    const groupNames = groups.map((g) => g.name);
    expect(new Set(groupNames).size).toBe(groupNames.length);
    const names = alertRules.map((r) => r.alert);
    expect(new Set(names).size, 'alert names are unique').toBe(names.length);
  });

  it.each(alertRules.map((r) => [r.alert, r]))(
    '%s has a severity, a summary and a runbook section',
    (name, r) => {
      expect(['critical', 'warning']).toContain(r.labels?.severity);
      expect(r.annotations?.summary).toBeTruthy();
      expect(r.annotations?.description).toBeTruthy();
      expect(r.annotations?.runbook).toBe(`docs/runbook.md#${name.toLowerCase()}`);
      expect(anchors.has(name.toLowerCase()), `docs/runbook.md has a "### ${name}" section`).toBe(true);
      // Templates name only labels the expression can carry.
      const q = promqlReferences(r.expr);
      const labels = new Set([...TARGET_LABELS, ...q.groupingLabels]);
      for (const s of q.selectors)
        for (const l of resolveSeries(s.name ?? '', known.metrics)?.labels ?? []) labels.add(l);
      for (const text of Object.values(r.annotations ?? {}))
        for (const m of String(text).matchAll(/\$labels\.(\w+)/g))
          expect(labels, `${name}: $labels.${m[1]}`).toContain(m[1]);
    },
  );
});

describe('Grafana', () => {
  const datasources = yaml('deploy/observability/grafana/provisioning/datasources/prometheus.yml') as {
    datasources: { uid: string; type: string; url: string }[];
  };
  const providers = yaml('deploy/observability/grafana/provisioning/dashboards/safewatch.yml') as {
    providers: { type: string; options: { path: string } }[];
  };

  it('is provisioned with the Prometheus datasource and the dashboards directory, both mounted', () => {
    const ds = datasources.datasources.find((d) => d.type === 'prometheus');
    expect(ds?.url).toBe('http://prometheus:9090');
    expect(compose.services.prometheus).toBeDefined();
    const grafana = mounts('grafana');
    for (const kind of ['datasources', 'dashboards'])
      expect(
        grafana.some(
          (m) =>
            m.from === join(OBS, 'grafana/provisioning', kind) &&
            m.to === `/etc/grafana/provisioning/${kind}`,
        ),
        `docker-compose.yml mounts the ${kind} provisioning`,
      ).toBe(true);
    const dashboardsMount = grafana.find((m) => m.from === join(OBS, 'grafana/dashboards'));
    expect(providers.providers.map((p) => p.options.path)).toContain(dashboardsMount?.to);
  });

  it.each(dashboards.map((d) => [d.file, d.json]))('%s is a dashboard on that datasource', (_, json) => {
    const uid = datasources.datasources[0]?.uid;
    expect(json.uid).toMatch(/^[\w-]{1,40}$/);
    const ids = json.panels.map((p) => p.id);
    expect(new Set(ids).size, 'panel ids are unique').toBe(ids.length);
    for (const p of json.panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      if (p.type === 'row') continue;
      expect(p.datasource?.uid, p.title).toBe(uid);
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) expect(t.datasource?.uid ?? uid, p.title).toBe(uid);
    }
  });
});

describe('Prometheus scrapes every service where Compose runs it', () => {
  const ports: Record<string, number> = {
    ingest: ingestConfig({}).PORT,
    bindings: bindingsConfig({ JWT_SECRET: DEV_JWT_SECRET }).PORT,
    alerts: alertsConfig({}).PORT,
    share: shareConfig({ JWT_SECRET: DEV_JWT_SECRET }).PORT,
    // Its own default, set by services/share/src/notifier/main.ts.
    'share-notifier': 9105,
  };

  it.each(Object.entries(ports))('%s', (service, defaultPort) => {
    const job = prometheus.scrape_configs.find((c) => c.job_name === service);
    const targets = job?.static_configs.flatMap((s) => s.targets) ?? [];
    const port = Number(compose.services[service]?.environment?.PORT);
    expect(port, `docker-compose.yml sets ${service}'s PORT to its default`).toBe(defaultPort);
    expect(targets).toEqual([`${service}:${port}`]);
  });
});

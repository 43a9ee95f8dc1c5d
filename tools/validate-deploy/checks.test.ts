import { describe, expect, it } from 'vitest';
import { checkCommand } from './commands.js';
import { checkCompose, kafkaImageAgrees } from './compose.js';
import { bytes, checkRender, type Resource } from './k8s.js';
import { collector, parseYaml } from './report.js';
import { explainTscErrors, GenFile } from './schemas.js';

// The checks see parsed YAML: the fixtures are written as such.
function manifests(yaml: string): Resource[] {
  const { fail, errors } = collector();
  const docs = parseYaml(yaml, 'fixture', fail);
  expect(errors).toEqual([]);
  return docs as Resource[];
}
const exists = (path: string) =>
  ['services/ingest/src/main.ts', 'services/ingest/package.json'].includes(path);

/** A workload that passes every check: Deployment, its ConfigMap, Service, HPA and PDB. */
const workload = (name: string, { env = 'PORT: "8080"', replicas = '', minReplicas = 2 } = {}) => `
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  ${replicas}
  selector: { matchLabels: { app.kubernetes.io/name: ${name} } }
  template:
    metadata: { labels: { app.kubernetes.io/name: ${name} } }
    spec:
      securityContext: { runAsNonRoot: true }
      terminationGracePeriodSeconds: 30
      containers:
        - name: ${name}
          image: safewatch/${name}:1.0.0
          command: [node, services/ingest/dist/main.js]
          envFrom: [{ configMapRef: { name: ${name}-config } }]
          ports: [{ name: http, containerPort: 8080 }]
          resources: { requests: { cpu: 100m, memory: 256Mi }, limits: { memory: 512Mi } }
          securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
          livenessProbe: { httpGet: { path: /healthz, port: http } }
          readinessProbe: { httpGet: { path: /readyz, port: http } }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: ${name}-config }
data: { ${env} }
---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app.kubernetes.io/name: ${name} }, ports: [{ name: http, port: 80, targetPort: http }] }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: ${name} }
spec: { scaleTargetRef: { kind: Deployment, name: ${name} }, minReplicas: ${minReplicas}, maxReplicas: 4 }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${name} }
spec: { maxUnavailable: 1, selector: { matchLabels: { app.kubernetes.io/name: ${name} } } }
`;
const DENY_ALL = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;
/** One workload with default deny, `from` replaced by `to`. */
const edited = (name: string, from: string, to: string) => (workload(name) + DENY_ALL).replace(from, to);
const PUBLIC_SHARE = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: share-public, labels: { safewatch.io/traffic: public } }
spec:
  podSelector: { matchLabels: { app.kubernetes.io/name: share } }
  ingress: [{ ports: [{ port: 8080 }] }]
`;
const ingress = (path: string, pathType: string, service = 'share') => `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: public }
spec:
  rules:
    - http:
        paths: [{ path: ${path}, pathType: ${pathType}, backend: { service: { name: ${service}, port: { number: 80 } } } }]
`;

function check(yaml: string, render = 'deploy/k8s/overlays/test') {
  const { fail, errors } = collector();
  const facts = checkRender(render, manifests(yaml), exists, fail);
  return { errors, facts };
}

describe('checkRender', () => {
  it('passes a complete workload and reports its Postgres connections', () => {
    const { errors, facts } = check(workload('ingest') + DENY_ALL);
    expect(errors).toEqual([]);
    expect(facts.pgConnections).toEqual([{ workload: 'ingest', connections: 40 }]);
  });

  it('keeps secrets out of ConfigMaps', () => {
    expect(check(workload('ingest', { env: 'PORT: "8080", LOG_LEVEL: info' }) + DENY_ALL).errors).toEqual([]);
    for (const key of ['SHARE_VAPID_PRIVATE_KEY', 'JWT_SECRET', 'DATABASE_URL', 'PGPASSWORD'])
      expect(check(workload('ingest', { env: `PORT: "8080", ${key}: x` }) + DENY_ALL).errors).toEqual([
        `deploy/k8s/overlays/test: ConfigMap/ingest-config: ${key} is a secret: reference it from a Secret, not a ConfigMap`,
      ]);
  });

  it("gives the notifier's secrets to share-notifier alone", () => {
    const secretEnv = (name: string) =>
      edited(
        name,
        '          envFrom:',
        '          env: [{ name: SHARE_WECHAT_APP_SECRET, valueFrom: { secretKeyRef: { name: safewatch-notify, key: app-secret } } }]\n          envFrom:',
      );
    expect(check(secretEnv('share-notifier')).errors).toEqual([]);
    expect(check(secretEnv('ingest')).errors).toEqual([
      "deploy/k8s/overlays/test: Deployment/ingest container ingest: SHARE_WECHAT_APP_SECRET: share-notifier's secrets only",
    ]);
    expect(
      check(edited('alerts', 'envFrom: [', 'envFrom: [{ secretRef: { name: safewatch-notify } }, ')).errors,
    ).toEqual([
      "deploy/k8s/overlays/test: Deployment/alerts container alerts: envFrom safewatch-notify: share-notifier's secrets only",
    ]);
    expect(check(secretEnv('share-notifier')).facts.externalSecrets).toEqual(
      new Set(['safewatch-notify (key app-secret)']),
    );
  });

  it('leaves the replica count to the HPA', () => {
    expect(check(workload('ingest', { replicas: 'replicas: 3' }) + DENY_ALL).errors).toEqual([
      'deploy/k8s/overlays/test: Deployment/ingest: spec.replicas is set, but the HPA owns the count: every apply would reset it',
    ]);
    expect(check(edited('ingest', 'kind: HorizontalPodAutoscaler', 'kind: Placeholder')).errors).toEqual([
      'deploy/k8s/overlays/test: Deployment/ingest: needs exactly one HorizontalPodAutoscaler, found 0',
    ]);
    expect(check(workload('ingest', { minReplicas: 1 }) + DENY_ALL).errors).toEqual([
      'deploy/k8s/overlays/test: HorizontalPodAutoscaler/ingest: minReplicas must be at least 2 (one replica is an outage on every node drain)',
    ]);
  });

  it('probes the port the service listens on and leaves the heap room', () => {
    expect(check(workload('ingest', { env: 'PORT: "9000"' }) + DENY_ALL).errors).toEqual([
      'deploy/k8s/overlays/test: Deployment/ingest container ingest: livenessProbe probes port 8080 but the service listens on PORT=9000',
      'deploy/k8s/overlays/test: Deployment/ingest container ingest: readinessProbe probes port 8080 but the service listens on PORT=9000',
      'deploy/k8s/overlays/test: Deployment/ingest container ingest: PORT=9000 is not a declared container port',
    ]);
    const heap = (mb: number) =>
      check(workload('ingest', { env: `PORT: "8080", NODE_OPTIONS: --max-old-space-size=${mb}` }) + DENY_ALL)
        .errors;
    expect(heap(384)).toEqual([]);
    expect(heap(400)).toEqual([
      'deploy/k8s/overlays/test: Deployment/ingest container ingest: NODE_OPTIONS --max-old-space-size=400 leaves too little of limits.memory 512Mi (heap at most 75%)',
    ]);
  });

  it('needs default deny, and a public policy for a public workload', () => {
    expect(check(workload('ingest')).errors).toEqual([
      'deploy/k8s/overlays/test: needs a default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)',
    ]);
    expect(check(workload('share') + DENY_ALL + PUBLIC_SHARE).errors).toEqual([]);
    expect(check(workload('share') + DENY_ALL).errors).toEqual([
      'deploy/k8s/overlays/test: share is public but no NetworkPolicy labelled safewatch.io/traffic=public admits traffic to it',
    ]);
  });

  it('routes only public APIs through an Ingress', () => {
    const routes = (path: string, pathType: string, service?: string) =>
      check(
        workload('share') + workload('ingest') + DENY_ALL + PUBLIC_SHARE + ingress(path, pathType, service),
      ).errors;
    expect(routes('/v1/share', 'Prefix')).toEqual([]);
    expect(routes('/', 'Prefix')).toEqual([
      'deploy/k8s/overlays/test: Ingress/public: path / (Prefix) routes /healthz, /readyz, /metrics, /openapi.json, /v1/dev, which must stay inside the cluster',
    ]);
    expect(routes('/v1', 'Prefix')).toEqual([
      'deploy/k8s/overlays/test: Ingress/public: path /v1 (Prefix) routes /v1/dev, which must stay inside the cluster',
    ]);
    expect(routes('/v1/positions', 'Prefix', 'ingest')).toEqual([
      'deploy/k8s/overlays/test: Ingress/public: path /v1/positions exposes ingest; only share and bindings are public',
    ]);
  });

  it('wants tagged images in an overlay only', () => {
    const untagged = edited('ingest', 'safewatch/ingest:1.0.0', 'safewatch/ingest');
    expect(check(untagged, 'deploy/k8s/base').errors).toEqual([]);
    expect(check(untagged).errors).toEqual([
      'deploy/k8s/overlays/test: Deployment/ingest container ingest: image safewatch/ingest has no tag in an overlay',
    ]);
  });

  it('skips the per-resource checks of a resource without a schema', () => {
    const resources = manifests(workload('ingest', { env: 'PORT: "8080", JWT_SECRET: x' }) + DENY_ALL);
    const { fail, errors } = collector();
    checkRender(
      'deploy/k8s/base',
      resources,
      exists,
      fail,
      new Set(resources.filter((r) => r.kind === 'ConfigMap')),
    );
    expect(errors).toEqual([]);
  });
});

describe('checkCompose', () => {
  const compose = (yaml: string) => {
    const { fail, errors } = collector();
    checkCompose(parseYaml(yaml, 'docker-compose.yml', fail)[0], exists, fail);
    return errors;
  };

  it("gives the notifier's secrets to share-notifier alone, merge keys included", () => {
    const services = (name: string) => `
x-notify: &notify
  SHARE_VAPID_PRIVATE_KEY: x
services:
  ${name}:
    image: safewatch/share
    environment:
      <<: *notify
      LOG_LEVEL: info
`;
    expect(compose(services('share-notifier'))).toEqual([]);
    expect(compose(services('share'))).toEqual([
      "docker-compose.yml services.share: SHARE_VAPID_PRIVATE_KEY: share-notifier's secrets only",
    ]);
  });

  it('checks depends_on, build args and commands', () => {
    expect(
      compose(`
services:
  db: { image: postgres, restart: always }
  ingest:
    build: { context: ., args: { SERVICE: ingest } }
    command: [sh, -c, exec node services/ingest/dist/missing.js]
    depends_on: { db: { condition: service_healthy }, cache: { condition: service_started } }
  alerts:
    build: { context: ., args: { SERVICE: alerts } }
    depends_on: { db: { condition: service_completed_successfully } }
`),
    ).toEqual([
      'docker-compose.yml services.ingest: runs services/ingest/dist/missing.js but services/ingest/src/missing.ts does not exist',
      'docker-compose.yml services.ingest: waits for db to be healthy but db has no healthcheck',
      'docker-compose.yml services.ingest: depends_on unknown service cache',
      'docker-compose.yml services.alerts: build arg SERVICE=alerts: no workspace at services/alerts',
      'docker-compose.yml services.alerts (image CMD): runs services/alerts/dist/main.js but services/alerts/src/main.ts does not exist',
      'docker-compose.yml services.alerts: waits for db to complete but db restarts (always)',
    ]);
  });

  it('agrees with the Kafka version of tools/kafka/pom.xml', () => {
    const pom = '<properties>\n    <kafka.version>4.3.2</kafka.version>\n</properties>';
    expect(kafkaImageAgrees(pom, 'services:\n  kafka:\n    image: apache/kafka:4.3.2\n')).toEqual({
      version: '4.3.2',
      ok: true,
    });
    expect(kafkaImageAgrees(pom, 'services:\n  kafka:\n    image: apache/kafka:4.3.20\n').ok).toBe(false);
    expect(kafkaImageAgrees(pom, 'services:\n  kafka:\n    image: apache/kafka:4x3x2\n').ok).toBe(false);
  });
});

describe('helpers', () => {
  it('checkCommand looks for the source of node X/dist/Y.js only', () => {
    const { fail, errors } = collector();
    checkCommand('a', ['node', 'services/ingest/dist/main.js'], exists, fail);
    checkCommand('b', ['/bin/sh', '-c', 'exec node services/ingest/dist/main.js --flag'], exists, fail);
    checkCommand('c', ['redis-server', 'services/x/dist/y.js'], exists, fail);
    checkCommand('d', ['node', 'packages/common/dist/cli/migrate.js'], exists, fail);
    expect(errors).toEqual([
      'd: runs packages/common/dist/cli/migrate.js but packages/common/src/cli/migrate.ts does not exist',
    ]);
  });

  it('bytes reads Kubernetes quantities', () => {
    expect([bytes('512Mi'), bytes('1Gi'), bytes('2k'), bytes('100'), bytes('1.5G'), bytes('lots')]).toEqual([
      512 * 2 ** 20,
      2 ** 30,
      2000,
      100,
      1.5e9,
      undefined,
    ]);
  });

  it('names the resource of each tsc error on the generated file', () => {
    const gen = new GenFile();
    const r: Resource = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } };
    gen.add('deploy/k8s/base: ConfigMap/cm', r);
    gen.add('deploy/k8s/base: ConfigMap/other', { ...r, metadata: { name: 'other' } });
    const out = [
      "/x/manifests.gen.mts(6,80): error TS2353: Object literal may only specify known properties, and 'dta' does not exist",
      'Found 1 error.',
    ].join('\n');
    expect(explainTscErrors(out, gen.lines)).toEqual([
      "deploy/k8s/base: ConfigMap/other: error TS2353: Object literal may only specify known properties, and 'dta' does not exist",
      'Found 1 error.',
    ]);
  });
});

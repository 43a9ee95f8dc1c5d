// Policy checks of one kustomize build (deploy/k8s): references between the
// resources, security, probes, autoscaling, disruption budgets, exposure.
// Pure: the resources in, the problems and facts for the operator out.
import { checkCommand, type Exists } from './commands.js';
import { NOTIFIER_ONLY } from './compose.js';
import type { Fail } from './report.js';

type Labels = Record<string, string>;
interface LabelSelector {
  matchLabels?: Labels;
}
interface KeyRef {
  name: string;
  key?: string;
  optional?: boolean;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef };
}
interface EnvFromSource {
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string };
}
interface Probe {
  httpGet?: { port?: number | string };
}
export interface Container {
  name: string;
  image?: string;
  command?: unknown;
  args?: unknown;
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  securityContext?: {
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds?: number } } };
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean };
  terminationGracePeriodSeconds?: number;
}
interface PodTemplate {
  metadata?: { labels?: Labels; annotations?: Labels };
  spec?: PodSpec;
}

/** What every resource has (resources without it are reported by the schema step and not checked here). */
export interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels; annotations?: Labels };
}
interface Deployment extends Resource {
  spec?: { replicas?: number; template?: PodTemplate };
}
interface CronJob extends Resource {
  spec?: { jobTemplate?: { spec?: { template?: PodTemplate } } };
}
interface ConfigMap extends Resource {
  data?: Record<string, string>;
}
interface Service extends Resource {
  spec?: { selector?: Labels; ports?: { name?: string; port: number; targetPort?: number | string }[] };
}
interface PodDisruptionBudget extends Resource {
  spec?: { selector?: LabelSelector; minAvailable?: number | string };
}
interface HorizontalPodAutoscaler extends Resource {
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: { external?: { metric?: { selector?: LabelSelector } } }[];
  };
}
interface Ingress extends Resource {
  spec?: {
    rules?: {
      http?: { paths?: { path?: string; pathType?: string; backend?: { service?: { name?: string } } }[] };
    }[];
  };
}
interface NetworkPolicy extends Resource {
  spec?: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: {
      ports?: { port?: number | string }[];
      from?: { ipBlock?: unknown; namespaceSelector?: Record<string, unknown> }[];
    }[];
  };
}
interface Kinds {
  Deployment: Deployment;
  ConfigMap: ConfigMap;
  Secret: Resource;
  Service: Service;
  PodDisruptionBudget: PodDisruptionBudget;
  HorizontalPodAutoscaler: HorizontalPodAutoscaler;
  Ingress: Ingress;
  NetworkPolicy: NetworkPolicy;
}
const is = <K extends keyof Kinds>(r: Resource, kind: K): r is Kinds[K] => r.kind === kind;

/** Workloads the Internet may reach (through the ingress controller); every other one is internal. */
export const PUBLIC_WORKLOADS = new Set(['share', 'bindings']);
/** Served by every HTTP service next to its API: never routed by an Ingress. */
export const INTERNAL_PATHS = ['/healthz', '/readyz', '/metrics', '/openapi.json', '/v1/dev'];
const SHUTDOWN_S = 25; // packages/common/src/shutdown.ts
export const SECRET_KEYS = /^(DATABASE_URL|REDIS_URL)$|_PRIVATE_KEY$|_SECRET$|PASSWORD$/;
const NOTIFY_SECRET = 'safewatch-notify';

const UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};
/** A Kubernetes quantity in bytes ("512Mi"), undefined when it is not one. */
export function bytes(q: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T|k)?$/.exec(String(q ?? ''));
  if (!m) return undefined;
  return Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1);
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
function podTemplateOf(r: Resource): PodTemplate | undefined {
  if (!WORKLOADS.has(r.kind)) return undefined;
  return r.kind === 'CronJob'
    ? (r as CronJob).spec?.jobTemplate?.spec?.template
    : (r as Deployment).spec?.template;
}
const podSpecOf = (r: Resource): PodSpec | undefined => podTemplateOf(r)?.spec;
const podLabelsOf = (r: Resource): Labels => podTemplateOf(r)?.metadata?.labels ?? {};
const matches = (sel: Labels | undefined, labels: Labels): boolean =>
  !!sel && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels[k] === v);
/** Port name and number -> number. */
type Ports = Map<string | number | undefined, number>;
const portsOf = (c: Container): Ports =>
  new Map(
    (c.ports ?? []).flatMap((p): [string | number | undefined, number][] => [
      [p.name, p.containerPort],
      [p.containerPort, p.containerPort],
    ]),
  );

/** What the operator needs to know about one build (not problems). */
export interface RenderFacts {
  /** Secrets referenced but not in the build: they must exist in the cluster. */
  externalSecrets: Set<string>;
  /** Per autoscaled workload: maxReplicas × PG_POOL_SIZE. */
  pgConnections: { workload: string; connections: number }[];
}

/**
 * Checks one kustomize build. `render` names it in the messages (its
 * directory: under /overlays/ images must be tagged). Resources in `skip`
 * (no schema) are only looked up, not checked themselves.
 */
export function checkRender(
  render: string,
  resources: readonly Resource[],
  exists: Exists,
  fail: Fail,
  skip: ReadonlySet<Resource> = new Set(),
): RenderFacts {
  const facts: RenderFacts = { externalSecrets: new Set(), pgConnections: [] };
  const isOverlay = render.includes('/overlays/');
  const byKind = <K extends keyof Kinds>(k: K): Kinds[K][] => resources.filter((r) => is(r, k));
  const workloads = resources.filter(podSpecOf);
  const deployments = byKind('Deployment');
  const configMaps = new Map(byKind('ConfigMap').map((r) => [r.metadata.name, r.data ?? {}]));
  const secrets = new Set(byKind('Secret').map((r) => r.metadata.name));
  const hpas = byKind('HorizontalPodAutoscaler');
  const policies = byKind('NetworkPolicy');
  const nameOf = (w: Resource): string => podLabelsOf(w)['app.kubernetes.io/name'] ?? w.metadata.name;
  const selected = (sel: Labels | undefined) => workloads.filter((w) => matches(sel, podLabelsOf(w)));
  // The plain values a container sees (ConfigMaps and literals; Secrets stay unknown).
  const envOf = (c: Container): Record<string, string | undefined> => {
    const env: Record<string, string | undefined> = {};
    for (const ef of c.envFrom ?? []) Object.assign(env, configMaps.get(ef.configMapRef?.name ?? '') ?? {});
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.configMapKeyRef;
      if (e.value !== undefined) env[e.name] = e.value;
      else if (ref) env[e.name] = configMaps.get(ref.name)?.[ref.key ?? ''];
      else delete env[e.name];
    }
    return env;
  };
  const containerPorts = (w: Resource): Ports =>
    new Map((podSpecOf(w)?.containers ?? []).flatMap((c) => [...portsOf(c)]));

  function checkPod(r: Resource, pod: PodSpec, where: string): void {
    const containers = pod.containers ?? [];
    if (pod.securityContext?.runAsNonRoot !== true)
      fail(where, 'pod securityContext.runAsNonRoot must be true');
    const preStop = Math.max(0, ...containers.map((c) => c.lifecycle?.preStop?.sleep?.seconds ?? 0));
    if (r.kind === 'Deployment' && !((pod.terminationGracePeriodSeconds ?? 0) > SHUTDOWN_S + preStop))
      fail(
        where,
        `terminationGracePeriodSeconds must exceed the services' ${SHUTDOWN_S} s shutdown plus the ${preStop} s preStop sleep`,
      );
    const scrapePort = podTemplateOf(r)?.metadata?.annotations?.['prometheus.io/port'];
    if (scrapePort !== undefined && !containerPorts(r).has(Number(scrapePort)))
      fail(where, `prometheus.io/port ${scrapePort} is not a container port`);
    for (const c of [...(pod.initContainers ?? []), ...containers]) {
      const cw = `${where} container ${c.name}`;
      checkCommand(cw, c.command ?? c.args, exists, fail);
      if (isOverlay && !/:[^/]+$|@sha256:/.test(c.image ?? ''))
        fail(cw, `image ${c.image} has no tag in an overlay`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory)
        fail(cw, 'needs requests.cpu, requests.memory and limits.memory');
      const sc = c.securityContext ?? {};
      if (
        sc.readOnlyRootFilesystem !== true ||
        sc.allowPrivilegeEscalation !== false ||
        !sc.capabilities?.drop?.includes('ALL')
      )
        fail(
          cw,
          'securityContext needs readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities.drop [ALL]',
        );
      const ports = portsOf(c);
      const env = envOf(c);
      for (const probe of ['livenessProbe', 'readinessProbe'] as const) {
        if (r.kind === 'Deployment' && containers.includes(c) && !c[probe]) fail(cw, `${probe} is required`);
        const port = c[probe]?.httpGet?.port;
        if (port !== undefined && !ports.has(port))
          fail(cw, `${probe} uses port ${port}, not declared in ports`);
        // The services serve /healthz and /readyz on PORT (src/config.ts).
        else if (port !== undefined && env.PORT !== undefined && ports.get(port) !== Number(env.PORT))
          fail(cw, `${probe} probes port ${ports.get(port)} but the service listens on PORT=${env.PORT}`);
      }
      if (
        r.kind === 'Deployment' &&
        env.PORT !== undefined &&
        ![...ports.values()].includes(Number(env.PORT))
      )
        fail(cw, `PORT=${env.PORT} is not a declared container port`);
      const heap = /--max-old-space-size=(\d+)/.exec(env.NODE_OPTIONS ?? '')?.[1];
      const limit = bytes(c.resources?.limits?.memory);
      if (heap && limit && Number(heap) * 2 ** 20 > 0.75 * limit)
        fail(
          cw,
          `NODE_OPTIONS --max-old-space-size=${heap} leaves too little of limits.memory ${c.resources?.limits?.memory} (heap at most 75%)`,
        );
      if (/^(true|1)$/.test(env.SHARE_DEV_VIEWER_LOGIN ?? ''))
        fail(cw, 'SHARE_DEV_VIEWER_LOGIN hands out viewer tokens: local demo only');
      // X8: the WeChat AppSecret and the VAPID private key are the notifier's alone.
      const notifySecrets = [
        ...(c.env ?? [])
          .filter((e) => NOTIFIER_ONLY.test(e.name) || e.valueFrom?.secretKeyRef?.name === NOTIFY_SECRET)
          .map((e) => e.name),
        ...(c.envFrom ?? [])
          .filter((ef) => ef.secretRef?.name === NOTIFY_SECRET)
          .map(() => `envFrom ${NOTIFY_SECRET}`),
      ];
      if (nameOf(r) !== 'share-notifier' && notifySecrets.length)
        fail(cw, `${notifySecrets.join(', ')}: share-notifier's secrets only`);
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef && !ef.configMapRef.optional && !configMaps.has(ef.configMapRef.name))
          fail(cw, `envFrom ConfigMap ${ef.configMapRef.name} is not in the build`);
        if (ef.secretRef && !secrets.has(ef.secretRef.name)) facts.externalSecrets.add(ef.secretRef.name);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !cm.optional && !configMaps.has(cm.name))
          fail(cw, `env ${e.name}: ConfigMap ${cm.name} is not in the build`);
        const s = e.valueFrom?.secretKeyRef;
        if (s && !secrets.has(s.name))
          facts.externalSecrets.add(`${s.name} (key ${s.key}${s.optional ? ', optional' : ''})`);
      }
    }
  }

  function checkAutoscaler(r: HorizontalPodAutoscaler, where: string): void {
    const t = r.spec?.scaleTargetRef;
    const target = resources.find((x) => x.kind === t?.kind && x.metadata.name === t?.name);
    if (!target || !r.spec) {
      fail(where, `scaleTargetRef ${t?.kind}/${t?.name} is not in the build`);
      return;
    }
    const spec = r.spec;
    if ((spec.minReplicas ?? 1) < 2)
      fail(where, 'minReplicas must be at least 2 (one replica is an outage on every node drain)');
    const env = Object.assign({}, ...(podSpecOf(target)?.containers ?? []).map(envOf)) as Record<
      string,
      string | undefined
    >;
    for (const m of spec.metrics ?? []) {
      const group = m.external?.metric?.selector?.matchLabels?.consumergroup;
      if (group === undefined) continue;
      // A renamed consumer group would silently stop the scaling.
      const groups = Object.entries(env)
        .filter(([k]) => /_GROUP_ID$/.test(k))
        .map(([, v]) => v);
      if (!groups.includes(group))
        fail(
          where,
          `scales on the lag of consumer group ${group}, but ${target.metadata.name} consumes as ${groups.join(', ') || '(no *_GROUP_ID)'}`,
        );
      // Consumers beyond the partition count get no partition.
      if (env.TOPIC_PARTITIONS && spec.maxReplicas > Number(env.TOPIC_PARTITIONS))
        fail(
          where,
          `maxReplicas ${spec.maxReplicas} exceeds TOPIC_PARTITIONS=${env.TOPIC_PARTITIONS}: the extra consumers would idle`,
        );
    }
    facts.pgConnections.push({
      workload: target.metadata.name,
      connections: spec.maxReplicas * Number(env.PG_POOL_SIZE ?? 10),
    });
  }

  function checkIngress(r: Ingress, where: string): void {
    for (const rule of r.spec?.rules ?? [])
      for (const p of rule.http?.paths ?? []) {
        const path = p.path ?? '/';
        const svc = byKind('Service').find((x) => x.metadata.name === p.backend?.service?.name);
        if (!svc) {
          fail(where, `path ${path}: Service ${p.backend?.service?.name} is not in the build`);
          continue;
        }
        const names = selected(svc.spec?.selector).map(nameOf);
        if (!names.every((x) => PUBLIC_WORKLOADS.has(x)))
          fail(
            where,
            `path ${path} exposes ${names.join(', ')}; only ${[...PUBLIC_WORKLOADS].join(' and ')} are public`,
          );
        const exact = p.pathType === 'Exact';
        const leaks = INTERNAL_PATHS.filter(
          (x) => x === path || (!exact && (path === '/' || x.startsWith(`${path.replace(/\/$/, '')}/`))),
        );
        if (leaks.length)
          fail(
            where,
            `path ${path} (${p.pathType}) routes ${leaks.join(', ')}, which must stay inside the cluster`,
          );
      }
  }

  for (const r of resources) {
    if (skip.has(r)) continue;
    const where = `${render}: ${r.kind}/${r.metadata.name}`;
    const pod = podSpecOf(r);
    if (pod) checkPod(r, pod, where);
    if (is(r, 'ConfigMap'))
      for (const k of Object.keys(r.data ?? {}))
        if (SECRET_KEYS.test(k)) fail(where, `${k} is a secret: reference it from a Secret, not a ConfigMap`);
    if (is(r, 'Service') && r.spec?.selector) {
      const targets = selected(r.spec.selector);
      if (!targets.length) fail(where, 'selector matches no workload');
      const ports = new Set(targets.flatMap((w) => [...containerPorts(w).keys()]));
      for (const p of r.spec.ports ?? [])
        if (targets.length && !ports.has(p.targetPort ?? p.port))
          fail(where, `port ${p.name}: targetPort ${p.targetPort ?? p.port} is not a container port`);
    }
    if (is(r, 'PodDisruptionBudget') && !selected(r.spec?.selector?.matchLabels).length)
      fail(where, 'selector matches no workload');
    if (is(r, 'HorizontalPodAutoscaler')) checkAutoscaler(r, where);
    if (is(r, 'Ingress')) checkIngress(r, where);
  }

  // Every long-running workload: one autoscaler (which owns the replica count) and a disruption budget.
  for (const d of deployments) {
    const where = `${render}: Deployment/${d.metadata.name}`;
    const own = hpas.filter(
      (h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name,
    );
    if (own.length !== 1) fail(where, `needs exactly one HorizontalPodAutoscaler, found ${own.length}`);
    else if (d.spec?.replicas !== undefined)
      fail(where, 'spec.replicas is set, but the HPA owns the count: every apply would reset it');
    const pdbs = byKind('PodDisruptionBudget').filter((b) =>
      matches(b.spec?.selector?.matchLabels, podLabelsOf(d)),
    );
    if (!pdbs.length) fail(where, 'needs a PodDisruptionBudget');
    const minReplicas = own[0]?.spec?.minReplicas ?? 1;
    for (const b of pdbs) {
      const minAvailable = b.spec?.minAvailable;
      if (typeof minAvailable === 'number' && own[0] && minAvailable >= minReplicas)
        fail(
          where,
          `PodDisruptionBudget ${b.metadata.name} minAvailable ${minAvailable} blocks every eviction at minReplicas`,
        );
    }
  }

  // NetworkPolicies: default deny; only the public workloads admit traffic
  // from outside; the metrics port admits the monitoring namespace.
  function checkNetworkPolicies(): void {
    const isDeny = (p: NetworkPolicy) =>
      Object.keys(p.spec?.podSelector ?? {}).length === 0 &&
      (p.spec?.policyTypes ?? []).includes('Ingress') &&
      !(p.spec?.ingress ?? []).length;
    if (!policies.some(isDeny))
      fail(
        render,
        'needs a default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)',
      );
    const monitoringPeers = new Set<string>();
    const admitted = new Map<string, Set<number | undefined>>(); // workload -> ports admitted from monitoring
    for (const p of policies) {
      const rules = p.spec?.ingress ?? [];
      if (!rules.length) continue;
      const where = `${render}: NetworkPolicy/${p.metadata.name}`;
      const traffic = p.metadata.labels?.['safewatch.io/traffic'];
      const targets = selected(p.spec?.podSelector?.matchLabels);
      if (!targets.length) fail(where, 'podSelector matches no workload');
      if (traffic !== 'public' && traffic !== 'monitoring') {
        fail(where, 'label safewatch.io/traffic must say public or monitoring');
        continue;
      }
      for (const rule of rules) {
        for (const port of rule.ports ?? [])
          for (const w of targets)
            if (!containerPorts(w).has(port.port))
              fail(where, `port ${port.port} is not a container port of ${nameOf(w)}`);
        const peers = rule.from ?? [];
        if (traffic === 'public') {
          const outside = targets.map(nameOf).filter((x) => !PUBLIC_WORKLOADS.has(x));
          if (outside.length)
            fail(
              where,
              `admits traffic from outside to ${outside.join(', ')}; only ${[...PUBLIC_WORKLOADS].join(' and ')} are public`,
            );
          continue;
        }
        const open =
          !peers.length ||
          peers.some((x) => x.ipBlock || !x.namespaceSelector || !Object.keys(x.namespaceSelector).length);
        if (open)
          fail(where, 'monitoring rules must admit named namespaces only (namespaceSelector, no ipBlock)');
        for (const x of peers) monitoringPeers.add(JSON.stringify(x.namespaceSelector));
        for (const w of targets) {
          const set = admitted.get(nameOf(w)) ?? new Set();
          for (const port of rule.ports ?? []) set.add(containerPorts(w).get(port.port));
          if (!rule.ports?.length) for (const v of containerPorts(w).values()) set.add(v);
          admitted.set(nameOf(w), set);
        }
      }
    }
    if (monitoringPeers.size > 1)
      fail(
        render,
        `monitoring policies disagree on the monitoring namespace: ${[...monitoringPeers].join(' vs ')}`,
      );
    for (const d of deployments) {
      const port = podTemplateOf(d)?.metadata?.annotations?.['prometheus.io/port'];
      if (port !== undefined && !admitted.get(nameOf(d))?.has(Number(port)))
        fail(
          `${render}: Deployment/${d.metadata.name}`,
          `no monitoring NetworkPolicy admits Prometheus to port ${port}`,
        );
    }
    const admitsPublic = (p: NetworkPolicy, name: string) =>
      p.metadata.labels?.['safewatch.io/traffic'] === 'public' &&
      selected(p.spec?.podSelector?.matchLabels).some((w) => nameOf(w) === name);
    for (const name of PUBLIC_WORKLOADS)
      if (deployments.some((d) => nameOf(d) === name) && !policies.some((p) => admitsPublic(p, name)))
        fail(
          render,
          `${name} is public but no NetworkPolicy labelled safewatch.io/traffic=public admits traffic to it`,
        );
  }

  if (deployments.length) checkNetworkPolicies();
  return facts;
}

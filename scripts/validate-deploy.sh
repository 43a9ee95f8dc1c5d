#!/usr/bin/env bash
# Static checks of the deployment files; needs no Docker engine and no cluster.
#
#   Dockerfile          lint (dockerfile-utils)
#   docker-compose.yml  `docker-compose config` / `docker compose config` when
#                       installed, Compose-spec schema (dclint), consistency
#   deploy/k8s          kustomize build of base, every overlay and every
#                       kustomization inside an overlay (kubectl), Kubernetes
#                       1.34 schemas (kubernetes-models, offline), unknown
#                       fields (tsc), references and policy checks (probes,
#                       resources, PDB + HPA per Deployment, NetworkPolicy
#                       exposure, Ingress paths, config consistency, the
#                       notifier's secrets given to it alone)
#   package-lock.json   `npm ci` would accept it (the image build runs npm ci);
#                       a warning unless STRICT_LOCKFILE=1
#
# docker-compose (Debian package) and kubectl are installed by the machine or
# CI setup, not here: `apt-get install -y docker-compose`. This script only
# installs its own pinned npm tools, once, into .cache/deploy-validate.
# Usage: bash scripts/validate-deploy.sh    (exit 0: all checks passed)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
TOOLS="$ROOT/.cache/deploy-validate"
PINS="kubernetes-models@5.1.0 yaml@2.9.1 dclint@3.1.0 dockerfile-utils@0.16.3"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

failures=0
# check NAME CMD...: runs CMD quietly; prints its output only when it fails.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    echo "ok    $name"
  else
    echo "FAIL  $name"
    printf '%s\n' "$out" | sed 's/^/      /'
    failures=$((failures + 1))
  fi
}
skip() { echo "skip  $1"; }
warn() { echo "WARN  $1"; }

command -v node >/dev/null || { echo "validate-deploy: node is required" >&2; exit 1; }

# --- tools (idempotent: reinstalled only when the pins change) ---------------
if [[ "$(cat "$TOOLS/.pins" 2>/dev/null)" != "$PINS" ]]; then
  echo "installing validation tools into ${TOOLS#"$ROOT/"}: $PINS"
  mkdir -p "$TOOLS"
  # kubernetes-models declares node >=22 but runs on 20; hence --loglevel=error.
  # shellcheck disable=SC2086
  npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts --loglevel=error $PINS >/dev/null ||
    { echo "validate-deploy: could not install $PINS from the npm registry" >&2; exit 1; }
  echo "$PINS" >"$TOOLS/.pins"
fi
BIN="$TOOLS/node_modules/.bin"

# --- Dockerfile ---------------------------------------------------------------
check "Dockerfile: lint" "$BIN/dockerfile-utils" lint Dockerfile
if docker info >/dev/null 2>&1; then
  check "Dockerfile: docker build --check" docker build --check --build-arg SERVICE=ingest .
else
  skip "Dockerfile: docker build (no Docker engine here)"
fi

# --- docker-compose.yml -------------------------------------------------------
if command -v docker-compose >/dev/null; then
  check "compose: docker-compose config" docker-compose -f docker-compose.yml config -q
  check "compose: docker-compose --profile sim config" docker-compose -f docker-compose.yml --profile sim config -q
elif docker compose version >/dev/null 2>&1; then
  check "compose: docker compose config" docker compose -f docker-compose.yml --profile sim config -q
else
  skip "compose: docker-compose config (install: apt-get install -y docker-compose)"
fi
# One Kafka version, pinned in tools/kafka/pom.xml: compose runs the same one.
kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' tools/kafka/pom.xml)
check "compose: Kafka image is apache/kafka:$kafka_version (tools/kafka/pom.xml)" \
  grep -Eq "^ +image: apache/kafka:${kafka_version//./\\.}\$" docker-compose.yml
# Builds and tags one image used by several services, hence no-build-and-image.
check "compose: Compose-spec schema (dclint)" \
  "$BIN/dclint" docker-compose.yml --quiet --no-color --disable-rule no-build-and-image

# --- deploy/k8s: kustomize build ----------------------------------------------
if command -v kubectl >/dev/null; then
  kustomize_build() { kubectl kustomize "$1"; }
elif command -v kustomize >/dev/null; then
  kustomize_build() { kustomize build "$1"; }
else
  # No kustomize is published on npm, so there is no fallback to install here.
  echo "validate-deploy: kubectl (which bundles kustomize) or kustomize is required" >&2
  exit 1
fi
render() { kustomize_build "$1" >"$2"; }
renders=()
for dir in deploy/k8s/base deploy/k8s/overlays/*/ deploy/k8s/overlays/*/*/; do
  dir=${dir%/}
  [[ -f "$dir/kustomization.yaml" ]] || continue
  out="$WORK/$(echo "$dir" | tr / _).yaml"
  check "k8s: kustomize build $dir" render "$dir" "$out"
  [[ -s "$out" ]] && renders+=("$dir=$out")
done

# --- schemas, references, policy, commands ------------------------------------
cat >"$TOOLS/check.mjs" <<'JS'
// Validates rendered manifests and docker-compose.yml. Args: ROOT GEN_FILE [name=render.yaml...]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

const [root, genFile, ...renders] = process.argv.slice(2);
const errors = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);
// X8: the WeChat AppSecret and the VAPID private key, given to share-notifier only.
const NOTIFIER_ONLY = /^(SHARE_WECHAT_APP_SECRET|SHARE_VAPID_PRIVATE_KEY)$/;

function load(file) {
  const out = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { uniqueKeys: true })) {
    for (const e of doc.errors) fail(relative(root, file), e.message.split('\n')[0]);
    if (!doc.errors.length && doc.contents !== null) out.push(doc.toJS());
  }
  return out;
}

// 1. Every source YAML parses (clearer messages than kustomize's).
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
for (const f of walk(join(root, 'deploy/k8s')).filter((f) => /\.ya?ml$/.test(f))) load(f);

// 2. `node X/dist/Y.js` must come from an existing X/src/Y.ts.
function checkCommand(where, argv) {
  if (Array.isArray(argv) && /^(\/bin\/)?sh$/.test(argv[0]) && argv[1] === '-c' && typeof argv[2] === 'string')
    argv = argv[2].replace(/^exec\s+/, '').split(/\s+/);
  if (!Array.isArray(argv) || argv[0] !== 'node' || typeof argv[1] !== 'string') return;
  const m = /^(.+)\/dist\/(.+)\.js$/.exec(argv[1]);
  if (m && !existsSync(join(root, m[1], 'src', `${m[2]}.ts`))) fail(where, `runs ${argv[1]} but ${m[1]}/src/${m[2]}.ts does not exist`);
}

// 3. docker-compose.yml consistency.
const compose = load(join(root, 'docker-compose.yml'))[0] ?? {};
const services = compose.services ?? {};
for (const [name, svc] of Object.entries(services)) {
  const where = `docker-compose.yml services.${name}`;
  checkCommand(where, svc.command);
  const args = svc.build?.args;
  if (args) {
    const dir = args.SERVICE_DIR ?? `services/${args.SERVICE}`;
    const main = args.SERVICE_MAIN ?? `${dir}/dist/main.js`;
    if (!existsSync(join(root, dir, 'package.json'))) fail(where, `build arg SERVICE=${args.SERVICE}: no workspace at ${dir}`);
    checkCommand(`${where} (image CMD)`, ['node', main]);
  }
  // Merge keys (<<) are kept as such by the parser: look into them too.
  const envKeys = (e) => (Array.isArray(e) ? e.flatMap(envKeys) : e && typeof e === 'object' ? Object.entries(e).flatMap(([k, v]) => (k === '<<' ? envKeys(v) : [k])) : []);
  const notifySecrets = envKeys(svc.environment).filter((k) => NOTIFIER_ONLY.test(k));
  if (name !== 'share-notifier' && notifySecrets.length) fail(where, `${notifySecrets.join(', ')}: share-notifier's secrets only`);
  for (const [dep, cond] of Object.entries(svc.depends_on ?? {})) {
    const target = services[dep];
    if (!target) fail(where, `depends_on unknown service ${dep}`);
    else if (cond?.condition === 'service_healthy' && !target.healthcheck?.test) fail(where, `waits for ${dep} to be healthy but ${dep} has no healthcheck`);
    else if (cond?.condition === 'service_completed_successfully' && target.restart && target.restart !== 'no') fail(where, `waits for ${dep} to complete but ${dep} restarts (${target.restart})`);
  }
}

// 4. Kubernetes manifests.
const podSpecOf = (r) =>
  ({ Deployment: r.spec?.template?.spec, StatefulSet: r.spec?.template?.spec, DaemonSet: r.spec?.template?.spec,
     Job: r.spec?.template?.spec, CronJob: r.spec?.jobTemplate?.spec?.template?.spec })[r.kind];
const podTemplateOf = (r) => (r.kind === 'CronJob' ? r.spec?.jobTemplate?.spec?.template : r.spec?.template);
const podLabelsOf = (r) => podTemplateOf(r)?.metadata?.labels ?? {};
const matches = (sel, labels) => !!sel && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels[k] === v);
// Workloads the Internet may reach (through the ingress controller); every other one is internal.
const PUBLIC_WORKLOADS = new Set(['share', 'bindings']);
// Served by every HTTP service next to its API: never routed by an Ingress.
const INTERNAL_PATHS = ['/healthz', '/readyz', '/metrics', '/openapi.json', '/v1/dev'];
const SHUTDOWN_S = 25; // packages/common/src/shutdown.ts
const SECRET_KEYS = /^(DATABASE_URL|REDIS_URL)$|_PRIVATE_KEY$|_SECRET$|PASSWORD$/;
const bytes = (q) => {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T|k)?$/.exec(String(q ?? ''));
  if (!m) return undefined;
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2]] ?? 1;
  return Number(m[1]) * unit;
};
const externalSecrets = new Set();
const pgConnections = [];
const gen = [];
let n = 0;

for (const entry of renders) {
  const [render, file] = entry.split('=');
  const isOverlay = render.includes('/overlays/');
  const resources = load(file);
  const byKind = (k) => resources.filter((r) => r.kind === k);
  const workloads = resources.filter(podSpecOf);
  const deployments = byKind('Deployment');
  const configMaps = new Map(byKind('ConfigMap').map((r) => [r.metadata.name, r.data ?? {}]));
  const secrets = new Set(byKind('Secret').map((r) => r.metadata.name));
  const hpas = byKind('HorizontalPodAutoscaler');
  const policies = byKind('NetworkPolicy');
  const nameOf = (w) => podLabelsOf(w)['app.kubernetes.io/name'] ?? w.metadata.name;
  const selected = (sel) => workloads.filter((w) => matches(sel, podLabelsOf(w)));
  // The plain values a container sees (ConfigMaps and literals; Secrets stay unknown).
  const envOf = (c) => {
    const env = {};
    for (const ef of c.envFrom ?? []) Object.assign(env, configMaps.get(ef.configMapRef?.name) ?? {});
    for (const e of c.env ?? []) {
      if (e.value !== undefined) env[e.name] = e.value;
      else if (e.valueFrom?.configMapKeyRef) env[e.name] = configMaps.get(e.valueFrom.configMapKeyRef.name)?.[e.valueFrom.configMapKeyRef.key];
      else delete env[e.name];
    }
    return env;
  };
  const portsOf = (c) => new Map((c.ports ?? []).flatMap((p) => [[p.name, p.containerPort], [p.containerPort, p.containerPort]]));
  const containerPorts = (w) => new Map((podSpecOf(w).containers ?? []).flatMap((c) => [...portsOf(c)]));

  for (const r of resources) {
    const where = `${render}: ${r.kind ?? '?'}/${r.metadata?.name ?? '?'}`;
    if (!r.apiVersion || !r.kind || !r.metadata?.name) { fail(where, 'apiVersion, kind and metadata.name are required'); continue; }
    let Model;
    try { Model = (await import(`kubernetes-models/${r.apiVersion}/${r.kind}`))[r.kind]; } catch { /* reported below */ }
    if (!Model) { fail(where, `no Kubernetes schema for ${r.apiVersion} ${r.kind} (typo, or a CRD this script does not know)`); continue; }
    // kustomize wraps generated base64 at 70 columns; the API server ignores the line breaks.
    for (const key of ['data', 'binaryData'])
      if (r.kind === 'Secret' || key === 'binaryData')
        for (const [k, v] of Object.entries(r[key] ?? {})) if (typeof v === 'string') r[key][k] = v.replace(/\s+/g, '');
    try { new Model(r).validate(); } catch (e) { fail(where, `schema: ${e.message}`); }
    gen.push(`import type { I${r.kind} as T${n} } from 'kubernetes-models/${r.apiVersion}/${r.kind}';`,
             `// ${where}`, `export const r${n}: T${n} = ${JSON.stringify(r)};`);
    n++;

    const pod = podSpecOf(r);
    if (pod) {
      if (pod.securityContext?.runAsNonRoot !== true) fail(where, 'pod securityContext.runAsNonRoot must be true');
      const preStop = Math.max(0, ...pod.containers.map((c) => c.lifecycle?.preStop?.sleep?.seconds ?? 0));
      if (r.kind === 'Deployment' && !((pod.terminationGracePeriodSeconds ?? 0) > SHUTDOWN_S + preStop))
        fail(where, `terminationGracePeriodSeconds must exceed the services' ${SHUTDOWN_S} s shutdown plus the ${preStop} s preStop sleep`);
      const scrapePort = podTemplateOf(r)?.metadata?.annotations?.['prometheus.io/port'];
      if (scrapePort !== undefined && !containerPorts(r).has(Number(scrapePort))) fail(where, `prometheus.io/port ${scrapePort} is not a container port`);
      for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
        const cw = `${where} container ${c.name}`;
        checkCommand(cw, c.command ?? c.args);
        if (isOverlay && !/:[^/]+$|@sha256:/.test(c.image ?? '')) fail(cw, `image ${c.image} has no tag in an overlay`);
        if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(cw, 'needs requests.cpu, requests.memory and limits.memory');
        const sc = c.securityContext ?? {};
        if (sc.readOnlyRootFilesystem !== true || sc.allowPrivilegeEscalation !== false || !sc.capabilities?.drop?.includes('ALL'))
          fail(cw, 'securityContext needs readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities.drop [ALL]');
        const ports = portsOf(c);
        const env = envOf(c);
        for (const probe of ['livenessProbe', 'readinessProbe']) {
          if (r.kind === 'Deployment' && pod.containers.includes(c) && !c[probe]) fail(cw, `${probe} is required`);
          const port = c[probe]?.httpGet?.port;
          if (port !== undefined && !ports.has(port)) fail(cw, `${probe} uses port ${port}, not declared in ports`);
          // The services serve /healthz and /readyz on PORT (src/config.ts).
          else if (port !== undefined && env.PORT !== undefined && ports.get(port) !== Number(env.PORT))
            fail(cw, `${probe} probes port ${ports.get(port)} but the service listens on PORT=${env.PORT}`);
        }
        if (r.kind === 'Deployment' && env.PORT !== undefined && ![...ports.values()].includes(Number(env.PORT)))
          fail(cw, `PORT=${env.PORT} is not a declared container port`);
        const heap = /--max-old-space-size=(\d+)/.exec(env.NODE_OPTIONS ?? '')?.[1];
        const limit = bytes(c.resources?.limits?.memory);
        if (heap && limit && Number(heap) * 2 ** 20 > 0.75 * limit)
          fail(cw, `NODE_OPTIONS --max-old-space-size=${heap} leaves too little of limits.memory ${c.resources.limits.memory} (heap at most 75%)`);
        if (/^(true|1)$/.test(env.SHARE_DEV_VIEWER_LOGIN ?? '')) fail(cw, 'SHARE_DEV_VIEWER_LOGIN hands out viewer tokens: local demo only');
        // X8: the WeChat AppSecret and the VAPID private key are the notifier's alone.
        const notifySecrets = [...(c.env ?? []).filter((e) => NOTIFIER_ONLY.test(e.name) || e.valueFrom?.secretKeyRef?.name === 'safewatch-notify').map((e) => e.name),
          ...(c.envFrom ?? []).filter((ef) => ef.secretRef?.name === 'safewatch-notify').map(() => 'envFrom safewatch-notify')];
        if (nameOf(r) !== 'share-notifier' && notifySecrets.length) fail(cw, `${notifySecrets.join(', ')}: share-notifier's secrets only`);
        for (const ef of c.envFrom ?? []) {
          if (ef.configMapRef && !ef.configMapRef.optional && !configMaps.has(ef.configMapRef.name)) fail(cw, `envFrom ConfigMap ${ef.configMapRef.name} is not in the build`);
          if (ef.secretRef && !secrets.has(ef.secretRef.name)) externalSecrets.add(ef.secretRef.name);
        }
        for (const e of c.env ?? []) {
          const cm = e.valueFrom?.configMapKeyRef;
          if (cm && !cm.optional && !configMaps.has(cm.name)) fail(cw, `env ${e.name}: ConfigMap ${cm.name} is not in the build`);
          const s = e.valueFrom?.secretKeyRef;
          if (s && !secrets.has(s.name)) externalSecrets.add(`${s.name} (key ${s.key}${s.optional ? ', optional' : ''})`);
        }
      }
    }
    if (r.kind === 'ConfigMap')
      for (const k of Object.keys(r.data ?? {})) if (SECRET_KEYS.test(k)) fail(where, `${k} is a secret: reference it from a Secret, not a ConfigMap`);
    if (r.kind === 'Service' && r.spec?.selector) {
      const targets = selected(r.spec.selector);
      if (!targets.length) fail(where, 'selector matches no workload');
      const ports = new Set(targets.flatMap((w) => [...containerPorts(w).keys()]));
      for (const p of r.spec.ports ?? []) if (targets.length && !ports.has(p.targetPort ?? p.port)) fail(where, `port ${p.name}: targetPort ${p.targetPort ?? p.port} is not a container port`);
    }
    if (r.kind === 'PodDisruptionBudget' && !selected(r.spec?.selector?.matchLabels).length)
      fail(where, 'selector matches no workload');
    if (r.kind === 'HorizontalPodAutoscaler') {
      const t = r.spec?.scaleTargetRef;
      const target = resources.find((x) => x.kind === t?.kind && x.metadata.name === t?.name);
      if (!target) { fail(where, `scaleTargetRef ${t?.kind}/${t?.name} is not in the build`); continue; }
      if ((r.spec.minReplicas ?? 1) < 2) fail(where, 'minReplicas must be at least 2 (one replica is an outage on every node drain)');
      const env = Object.assign({}, ...(podSpecOf(target)?.containers ?? []).map(envOf));
      for (const m of r.spec.metrics ?? []) {
        const group = m.external?.metric?.selector?.matchLabels?.consumergroup;
        if (group === undefined) continue;
        // A renamed consumer group would silently stop the scaling.
        const groups = Object.entries(env).filter(([k]) => /_GROUP_ID$/.test(k)).map(([, v]) => v);
        if (!groups.includes(group)) fail(where, `scales on the lag of consumer group ${group}, but ${t.name} consumes as ${groups.join(', ') || '(no *_GROUP_ID)'}`);
        // Consumers beyond the partition count get no partition.
        if (env.TOPIC_PARTITIONS && r.spec.maxReplicas > Number(env.TOPIC_PARTITIONS))
          fail(where, `maxReplicas ${r.spec.maxReplicas} exceeds TOPIC_PARTITIONS=${env.TOPIC_PARTITIONS}: the extra consumers would idle`);
      }
      pgConnections.push([render, t.name, r.spec.maxReplicas * Number(env.PG_POOL_SIZE ?? 10)]);
    }
    if (r.kind === 'Ingress') {
      for (const rule of r.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) {
        const path = p.path ?? '/';
        const svc = resources.find((x) => x.kind === 'Service' && x.metadata.name === p.backend?.service?.name);
        if (!svc) { fail(where, `path ${path}: Service ${p.backend?.service?.name} is not in the build`); continue; }
        const names = selected(svc.spec?.selector).map(nameOf);
        if (!names.every((x) => PUBLIC_WORKLOADS.has(x))) fail(where, `path ${path} exposes ${names.join(', ')}; only ${[...PUBLIC_WORKLOADS].join(' and ')} are public`);
        const exact = p.pathType === 'Exact';
        const leaks = INTERNAL_PATHS.filter((x) => x === path || (!exact && (path === '/' || x.startsWith(`${path.replace(/\/$/, '')}/`))));
        if (leaks.length) fail(where, `path ${path} (${p.pathType}) routes ${leaks.join(', ')}, which must stay inside the cluster`);
      }
    }
  }

  // Every long-running workload: one autoscaler (which owns the replica count) and a disruption budget.
  for (const d of deployments) {
    const where = `${render}: Deployment/${d.metadata.name}`;
    const own = hpas.filter((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name);
    if (own.length !== 1) fail(where, `needs exactly one HorizontalPodAutoscaler, found ${own.length}`);
    else if (d.spec?.replicas !== undefined) fail(where, 'spec.replicas is set, but the HPA owns the count: every apply would reset it');
    const pdbs = byKind('PodDisruptionBudget').filter((b) => matches(b.spec?.selector?.matchLabels, podLabelsOf(d)));
    if (!pdbs.length) fail(where, 'needs a PodDisruptionBudget');
    for (const b of pdbs)
      if (typeof b.spec.minAvailable === 'number' && own[0] && b.spec.minAvailable >= (own[0].spec.minReplicas ?? 1))
        fail(where, `PodDisruptionBudget ${b.metadata.name} minAvailable ${b.spec.minAvailable} blocks every eviction at minReplicas`);
  }

  // NetworkPolicies: default deny; only the public workloads admit traffic
  // from outside; the metrics port admits the monitoring namespace.
  if (deployments.length) {
    const isDeny = (p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && (p.spec?.policyTypes ?? []).includes('Ingress') && !(p.spec?.ingress ?? []).length;
    if (!policies.some(isDeny)) fail(render, 'needs a default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)');
    const monitoringPeers = new Set();
    const admitted = new Map(); // workload name -> Set of ports admitted from monitoring
    for (const p of policies.filter((x) => (x.spec?.ingress ?? []).length)) {
      const where = `${render}: NetworkPolicy/${p.metadata.name}`;
      const traffic = p.metadata.labels?.['safewatch.io/traffic'];
      const targets = selected(p.spec?.podSelector?.matchLabels);
      if (!targets.length) fail(where, 'podSelector matches no workload');
      if (traffic !== 'public' && traffic !== 'monitoring') { fail(where, 'label safewatch.io/traffic must say public or monitoring'); continue; }
      for (const rule of p.spec.ingress) {
        for (const port of rule.ports ?? [])
          for (const w of targets) if (!containerPorts(w).has(port.port)) fail(where, `port ${port.port} is not a container port of ${nameOf(w)}`);
        const peers = rule.from ?? [];
        if (traffic === 'public') {
          const outside = targets.map(nameOf).filter((x) => !PUBLIC_WORKLOADS.has(x));
          if (outside.length) fail(where, `admits traffic from outside to ${outside.join(', ')}; only ${[...PUBLIC_WORKLOADS].join(' and ')} are public`);
          continue;
        }
        const open = !peers.length || peers.some((x) => x.ipBlock || !x.namespaceSelector || !Object.keys(x.namespaceSelector).length);
        if (open) fail(where, 'monitoring rules must admit named namespaces only (namespaceSelector, no ipBlock)');
        for (const x of peers) monitoringPeers.add(JSON.stringify(x.namespaceSelector));
        for (const w of targets) {
          const set = admitted.get(nameOf(w)) ?? new Set();
          for (const port of rule.ports ?? []) set.add(containerPorts(w).get(port.port));
          if (!rule.ports?.length) for (const v of containerPorts(w).values()) set.add(v);
          admitted.set(nameOf(w), set);
        }
      }
    }
    if (monitoringPeers.size > 1) fail(render, `monitoring policies disagree on the monitoring namespace: ${[...monitoringPeers].join(' vs ')}`);
    for (const d of deployments) {
      const port = podTemplateOf(d)?.metadata?.annotations?.['prometheus.io/port'];
      if (port !== undefined && !admitted.get(nameOf(d))?.has(Number(port)))
        fail(`${render}: Deployment/${d.metadata.name}`, `no monitoring NetworkPolicy admits Prometheus to port ${port}`);
    }
    for (const name of PUBLIC_WORKLOADS)
      if (deployments.some((d) => nameOf(d) === name) && !policies.some((p) => p.metadata.labels?.['safewatch.io/traffic'] === 'public' && selected(p.spec?.podSelector?.matchLabels).some((w) => nameOf(w) === name)))
        fail(render, `${name} is public but no NetworkPolicy labelled safewatch.io/traffic=public admits traffic to it`);
  }
}

writeFileSync(genFile, `${gen.join('\n')}\n`);
// Facts for the operator, shown by the shell after the check (GEN_FILE.info).
const info = [];
if (externalSecrets.size) info.push(`Secrets expected to exist in the cluster: ${[...externalSecrets].join(', ')}`);
// What Postgres max_connections (or a pooler) must allow.
for (const render of new Set(pgConnections.map(([r]) => r))) {
  const rows = pgConnections.filter(([r]) => r === render);
  info.push(`${render}: Postgres connections at the HPAs' maxReplicas × PG_POOL_SIZE: ${rows.map(([, w, c]) => `${w} ${c}`).join(', ')}; total ${rows.reduce((a, [, , c]) => a + c, 0)} (plus the Jobs)`);
}
writeFileSync(`${genFile}.info`, info.map((l) => `${l}\n`).join(''));
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
JS

GEN="$TOOLS/manifests.gen.mts"
rm -f "$GEN.info"
check "k8s + compose: schemas, references, policy, commands" node "$TOOLS/check.mjs" "$ROOT" "$GEN" "${renders[@]}"
[[ -s "$GEN.info" ]] && sed 's/^/info  /' "$GEN.info"
TSC="$ROOT/node_modules/.bin/tsc"
# Excess-property checks catch misspelt or misplaced fields, which the JSON
# schemas accept (they allow unknown properties). Each error is shown with the
# resource it is in (the comment line above it in the generated file).
typecheck() {
  local out
  out=$("$TSC" --noEmit --strict --skipLibCheck --pretty false --target es2022 \
    --module nodenext --moduleResolution nodenext "$GEN") && return 0
  while IFS= read -r line; do
    if [[ $line =~ \.mts\(([0-9]+),[0-9]+\):\ (.*)$ ]]; then
      echo "$(sed -n "$((BASH_REMATCH[1] - 1))s|^// ||p" "$GEN"): ${BASH_REMATCH[2]}"
    else
      echo "$line"
    fi
  done <<<"$out"
  return 1
}
if [[ -x "$TSC" && -s "$GEN" ]]; then
  check "k8s: no unknown fields (tsc)" typecheck
else
  skip "k8s: unknown fields (needs the repository's typescript: npm ci)"
fi

# --- package-lock.json: the image build's `npm ci` must accept it -------------
if npm ci --dry-run --ignore-scripts --no-audit --no-fund --loglevel=error >"$WORK/ci.log" 2>&1; then
  echo "ok    package-lock.json: npm ci accepts it"
else
  if [[ "${STRICT_LOCKFILE:-0}" == 1 ]]; then
    echo "FAIL  package-lock.json: npm ci (the image build) rejects it:"
    failures=$((failures + 1))
  else
    warn "package-lock.json: npm ci (the image build) rejects it (STRICT_LOCKFILE=1 makes this fatal):"
  fi
  grep -m 6 'npm error' "$WORK/ci.log" | sed 's/^/      /'
fi

if ((failures)); then
  echo "validate-deploy: $failures check(s) failed"
  exit 1
fi
echo "validate-deploy: all checks passed"

#!/usr/bin/env bash
# Static checks of the deployment files; needs no Docker engine and no cluster.
#
#   Dockerfile          lint (dockerfile-utils)
#   docker-compose.yml  `docker-compose config` / `docker compose config` when
#                       installed, Compose-spec schema (dclint), consistency
#   deploy/k8s          kustomize build of base and every overlay (kubectl),
#                       Kubernetes 1.34 schemas (kubernetes-models, offline),
#                       unknown fields (tsc), references and policy checks
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
for dir in deploy/k8s/base deploy/k8s/overlays/*/; do
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
const podLabelsOf = (r) => (r.kind === 'CronJob' ? r.spec?.jobTemplate?.spec?.template : r.spec?.template)?.metadata?.labels ?? {};
const matches = (sel, labels) => !!sel && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels[k] === v);
const externalSecrets = new Set();
const gen = [];
let n = 0;

for (const entry of renders) {
  const [render, file] = entry.split('=');
  const isOverlay = render.includes('/overlays/');
  const resources = load(file);
  const byKind = (k) => resources.filter((r) => r.kind === k);
  const workloads = resources.filter(podSpecOf);
  const configMaps = new Set(byKind('ConfigMap').map((r) => r.metadata.name));
  const secrets = new Set(byKind('Secret').map((r) => r.metadata.name));

  for (const r of resources) {
    const where = `${render}: ${r.kind ?? '?'}/${r.metadata?.name ?? '?'}`;
    if (!r.apiVersion || !r.kind || !r.metadata?.name) { fail(where, 'apiVersion, kind and metadata.name are required'); continue; }
    let Model;
    try { Model = (await import(`kubernetes-models/${r.apiVersion}/${r.kind}`))[r.kind]; } catch { /* reported below */ }
    if (!Model) { fail(where, `no Kubernetes schema for ${r.apiVersion} ${r.kind} (typo, or a CRD this script does not know)`); continue; }
    try { new Model(r).validate(); } catch (e) { fail(where, `schema: ${e.message}`); }
    gen.push(`import type { I${r.kind} as T${n} } from 'kubernetes-models/${r.apiVersion}/${r.kind}';`,
             `// ${where}`, `export const r${n}: T${n} = ${JSON.stringify(r)};`);
    n++;

    const pod = podSpecOf(r);
    if (pod) {
      if (pod.securityContext?.runAsNonRoot !== true) fail(where, 'pod securityContext.runAsNonRoot must be true');
      if (r.kind === 'Deployment' && !((pod.terminationGracePeriodSeconds ?? 0) > 25))
        fail(where, 'terminationGracePeriodSeconds must exceed the services\' 25 s shutdown');
      for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
        const cw = `${where} container ${c.name}`;
        checkCommand(cw, c.command ?? c.args);
        if (isOverlay && !/:[^/]+$|@sha256:/.test(c.image ?? '')) fail(cw, `image ${c.image} has no tag in an overlay`);
        if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(cw, 'needs requests.cpu, requests.memory and limits.memory');
        const sc = c.securityContext ?? {};
        if (sc.readOnlyRootFilesystem !== true || sc.allowPrivilegeEscalation !== false || !sc.capabilities?.drop?.includes('ALL'))
          fail(cw, 'securityContext needs readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities.drop [ALL]');
        const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
        for (const probe of ['livenessProbe', 'readinessProbe']) {
          if (r.kind === 'Deployment' && pod.containers.includes(c) && !c[probe]) fail(cw, `${probe} is required`);
          const port = c[probe]?.httpGet?.port;
          if (port !== undefined && !ports.has(port)) fail(cw, `${probe} uses port ${port}, not declared in ports`);
        }
        for (const ef of c.envFrom ?? []) {
          if (ef.configMapRef && !ef.configMapRef.optional && !configMaps.has(ef.configMapRef.name)) fail(cw, `envFrom ConfigMap ${ef.configMapRef.name} is not in the build`);
          if (ef.secretRef && !secrets.has(ef.secretRef.name)) externalSecrets.add(ef.secretRef.name);
        }
        for (const e of c.env ?? []) {
          const cm = e.valueFrom?.configMapKeyRef;
          if (cm && !cm.optional && !configMaps.has(cm.name)) fail(cw, `env ${e.name}: ConfigMap ${cm.name} is not in the build`);
          const s = e.valueFrom?.secretKeyRef;
          if (s && !secrets.has(s.name)) externalSecrets.add(`${s.name} (key ${s.key})`);
        }
      }
    }
    if (r.kind === 'Service' && r.spec?.selector) {
      const targets = workloads.filter((w) => matches(r.spec.selector, podLabelsOf(w)));
      if (!targets.length) fail(where, 'selector matches no workload');
      const ports = new Set(targets.flatMap((w) => podSpecOf(w).containers.flatMap((c) => (c.ports ?? []).flatMap((p) => [p.name, p.containerPort]))));
      for (const p of r.spec.ports ?? []) if (targets.length && !ports.has(p.targetPort ?? p.port)) fail(where, `port ${p.name}: targetPort ${p.targetPort ?? p.port} is not a container port`);
    }
    if (r.kind === 'PodDisruptionBudget' && !workloads.some((w) => matches(r.spec?.selector?.matchLabels, podLabelsOf(w))))
      fail(where, 'selector matches no workload');
    if (r.kind === 'HorizontalPodAutoscaler') {
      const t = r.spec?.scaleTargetRef;
      if (!resources.some((x) => x.kind === t?.kind && x.metadata.name === t?.name)) fail(where, `scaleTargetRef ${t?.kind}/${t?.name} is not in the build`);
    }
  }
}

writeFileSync(genFile, `${gen.join('\n')}\n`);
if (externalSecrets.size) console.log(`Secrets expected to exist in the cluster: ${[...externalSecrets].join(', ')}`);
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
JS

GEN="$TOOLS/manifests.gen.mts"
check "k8s + compose: schemas, references, policy, commands" node "$TOOLS/check.mjs" "$ROOT" "$GEN" "${renders[@]}"
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

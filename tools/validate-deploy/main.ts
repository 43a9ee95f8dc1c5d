// Static checks of the deployment files; needs no Docker engine and no
// cluster. Run as `bash scripts/validate-deploy.sh` (--help: what it checks).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from '@safewatch/common/cli';
import { checkCompose, kafkaImageAgrees } from './compose.js';
import { onPath, type RunResult, run } from './exec.js';
import { checkRender } from './k8s.js';
import { collector, parseYaml } from './report.js';
import { checkSchemas, explainTscErrors, GenFile, schemaLoader } from './schemas.js';

const CLI = {
  name: 'validate-deploy',
  usage: 'bash scripts/validate-deploy.sh [options]',
  summary: `Static checks of the deployment files; needs no Docker engine and no cluster.

  Dockerfile          lint (dockerfile-utils); \`docker build --check\` when a
                      Docker engine answers
  docker-compose.yml  \`docker-compose config\` / \`docker compose config\` when
                      installed, Compose-spec schema (dclint), consistency
                      (commands, build args, depends_on, the Kafka version of
                      tools/kafka/pom.xml, the notifier's secrets given to it alone)
  deploy/k8s          kustomize build of base, every overlay and every
                      kustomization inside an overlay (kubectl), Kubernetes
                      1.34 schemas (kubernetes-models, offline), unknown
                      fields (tsc), references and policy checks (probes,
                      resources, PDB + HPA per Deployment, NetworkPolicy
                      exposure, Ingress paths, config consistency, no secrets
                      in ConfigMaps, the notifier's secrets given to it alone)
  package-lock.json   \`npm ci\` would accept it (the image build runs npm ci);
                      a warning unless STRICT_LOCKFILE=1

Prints one line per check (ok, FAIL with the details, skip, WARN) and facts
for the operator (info: Secrets expected in the cluster, Postgres connections).`,
  options: {},
  env: { STRICT_LOCKFILE: '1: a package-lock.json that npm ci rejects fails the run (default: a warning)' },
  notes: `Exit status 0 when all checks passed, 1 otherwise, 2 on a usage error.
Needs kubectl (which bundles kustomize) or kustomize; docker-compose (Debian
package) is optional. Its own pinned npm tools are installed once into
.cache/deploy-validate.`,
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS = join(ROOT, '.cache/deploy-validate');
const BIN = join(TOOLS, 'node_modules/.bin');
const PINS = 'kubernetes-models@5.1.0 yaml@2.9.1 dclint@3.1.0 dockerfile-utils@0.16.3';
const exists = (path: string) => existsSync(join(ROOT, path));
const words = (s: string) => s.split(' ');
const indent = (text: string) =>
  text
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');

let failures = 0;
function report(name: string, ok: boolean, details: string): void {
  if (ok) console.log(`ok    ${name}`);
  else {
    console.log(`FAIL  ${name}\n${indent(details)}`);
    failures++;
  }
}
/** Runs a command quietly; shows its output only when it fails. */
async function check(name: string, cmd: string, args: readonly string[]): Promise<RunResult> {
  const result = await run(cmd, args, ROOT);
  report(name, result.ok, result.output);
  return result;
}
const skip = (name: string) => console.log(`skip  ${name}`);

/** Installs the pinned tools, again only when the pins change. */
async function installTools(): Promise<void> {
  const pinsFile = join(TOOLS, '.pins');
  if (existsSync(pinsFile) && readFileSync(pinsFile, 'utf8').trim() === PINS) return;
  console.log(`installing validation tools into ${relative(ROOT, TOOLS)}: ${PINS}`);
  mkdirSync(TOOLS, { recursive: true });
  // kubernetes-models declares node >=22 but runs on 20; hence --loglevel=error.
  const args = [
    'install',
    '--prefix',
    TOOLS,
    ...words('--no-audit --no-fund --ignore-scripts --loglevel=error'),
  ];
  const result = await run('npm', [...args, ...words(PINS)], ROOT);
  if (!result.ok) {
    console.error(result.output);
    console.error(`validate-deploy: could not install ${PINS} from the npm registry`);
    process.exit(1);
  }
  writeFileSync(pinsFile, `${PINS}\n`);
}

async function checkDockerfile(): Promise<void> {
  await check('Dockerfile: lint', join(BIN, 'dockerfile-utils'), ['lint', 'Dockerfile']);
  if ((await run('docker', ['info'], ROOT)).ok)
    await check(
      'Dockerfile: docker build --check',
      'docker',
      words('build --check --build-arg SERVICE=ingest .'),
    );
  else skip('Dockerfile: docker build (no Docker engine here)');
}

async function checkComposeTools(): Promise<void> {
  if (onPath('docker-compose')) {
    await check('compose: docker-compose config', 'docker-compose', words('-f docker-compose.yml config -q'));
    await check(
      'compose: docker-compose --profile sim config',
      'docker-compose',
      words('-f docker-compose.yml --profile sim config -q'),
    );
  } else if ((await run('docker', ['compose', 'version'], ROOT)).ok) {
    await check(
      'compose: docker compose config',
      'docker',
      words('compose -f docker-compose.yml --profile sim config -q'),
    );
  } else skip('compose: docker-compose config (install: apt-get install -y docker-compose)');
  // One Kafka version, pinned in tools/kafka/pom.xml: compose runs the same one.
  const kafka = kafkaImageAgrees(
    readFileSync(join(ROOT, 'tools/kafka/pom.xml'), 'utf8'),
    readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'),
  );
  report(`compose: Kafka image is apache/kafka:${kafka.version} (tools/kafka/pom.xml)`, kafka.ok, '');
  // Builds and tags one image used by several services, hence no-build-and-image.
  await check(
    'compose: Compose-spec schema (dclint)',
    join(BIN, 'dclint'),
    words('docker-compose.yml --quiet --no-color --disable-rule no-build-and-image'),
  );
}

/** kustomize build of base, every overlay and every kustomization inside one: directory -> output. */
async function renderK8s(): Promise<Map<string, string>> {
  let kustomize: (dir: string) => [string, string[]];
  if (onPath('kubectl')) kustomize = (dir) => ['kubectl', ['kustomize', dir]];
  else if (onPath('kustomize')) kustomize = (dir) => ['kustomize', ['build', dir]];
  else {
    // No kustomize is published on npm, so there is no fallback to install here.
    console.error('validate-deploy: kubectl (which bundles kustomize) or kustomize is required');
    process.exit(1);
  }
  const subdirs = (dir: string) =>
    readdirSync(join(ROOT, dir))
      .sort()
      .map((d) => `${dir}/${d}`)
      .filter((d) => statSync(join(ROOT, d)).isDirectory());
  const overlays = subdirs('deploy/k8s/overlays');
  const renders = new Map<string, string>();
  for (const dir of ['deploy/k8s/base', ...overlays, ...overlays.flatMap(subdirs)]) {
    if (!existsSync(join(ROOT, dir, 'kustomization.yaml'))) continue;
    const [cmd, args] = kustomize(dir);
    const result = await run(cmd, args, ROOT);
    report(`k8s: kustomize build ${dir}`, result.ok, result.output);
    if (result.stdout) renders.set(dir, result.stdout);
  }
  return renders;
}

/** Schemas, references, policy and commands of the builds and of docker-compose.yml; writes the generated file. */
async function checkManifests(renders: Map<string, string>, gen: GenFile): Promise<string[]> {
  const { fail, errors } = collector();
  const info: string[] = [];
  try {
    // Every source YAML parses (clearer messages than kustomize's).
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    for (const f of walk(join(ROOT, 'deploy/k8s')).filter((f) => /\.ya?ml$/.test(f)))
      parseYaml(readFileSync(f, 'utf8'), relative(ROOT, f), fail);
    const compose = parseYaml(
      readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'),
      'docker-compose.yml',
      fail,
    );
    checkCompose(compose[0] ?? {}, exists, fail);

    const schemaOf = schemaLoader(TOOLS);
    const externalSecrets = new Set<string>();
    const connections: string[] = [];
    for (const [render, yaml] of renders) {
      const docs = parseYaml(yaml, `${render} (kustomize build)`, fail);
      const { resources, unknown } = await checkSchemas(render, docs, schemaOf, gen, fail);
      const facts = checkRender(render, resources, exists, fail, unknown);
      for (const s of facts.externalSecrets) externalSecrets.add(s);
      // What Postgres max_connections (or a pooler) must allow.
      if (facts.pgConnections.length) {
        const rows = facts.pgConnections.map((c) => `${c.workload} ${c.connections}`).join(', ');
        const total = facts.pgConnections.reduce((a, c) => a + c.connections, 0);
        connections.push(
          `${render}: Postgres connections at the HPAs' maxReplicas × PG_POOL_SIZE: ${rows}; total ${total} (plus the Jobs)`,
        );
      }
    }
    if (externalSecrets.size)
      info.push(`Secrets expected to exist in the cluster: ${[...externalSecrets].join(', ')}`);
    info.push(...connections);
  } catch (e) {
    errors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  writeFileSync(join(TOOLS, 'manifests.gen.mts'), gen.text);
  report('k8s + compose: schemas, references, policy, commands', !errors.length, errors.join('\n'));
  return info;
}

/** Excess-property checks catch misspelt or misplaced fields, which the JSON schemas accept. */
async function checkUnknownFields(gen: GenFile): Promise<void> {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  if (!existsSync(tsc) || !gen.lines.length) {
    skip("k8s: unknown fields (needs the repository's typescript: npm ci)");
    return;
  }
  const flags = words('--noEmit --strict --skipLibCheck --pretty false --target es2022 --module nodenext');
  const result = await run(
    tsc,
    [...flags, '--moduleResolution', 'nodenext', join(TOOLS, 'manifests.gen.mts')],
    ROOT,
  );
  report('k8s: no unknown fields (tsc)', result.ok, explainTscErrors(result.output, gen.lines).join('\n'));
}

/** The image build's `npm ci` must accept package-lock.json. */
async function checkLockfile(): Promise<void> {
  const result = await run(
    'npm',
    words('ci --dry-run --ignore-scripts --no-audit --no-fund --loglevel=error'),
    ROOT,
  );
  if (result.ok) {
    console.log('ok    package-lock.json: npm ci accepts it');
    return;
  }
  if (process.env.STRICT_LOCKFILE === '1') {
    console.log('FAIL  package-lock.json: npm ci (the image build) rejects it:');
    failures++;
  } else
    console.log(
      'WARN  package-lock.json: npm ci (the image build) rejects it (STRICT_LOCKFILE=1 makes this fatal):',
    );
  const errors = result.output.split('\n').filter((l) => l.includes('npm error'));
  for (const l of errors.slice(0, 6)) console.log(`      ${l}`);
}

async function main(): Promise<void> {
  parseCliArgs(CLI);
  await installTools();
  await checkDockerfile();
  await checkComposeTools();
  const renders = await renderK8s();
  const gen = new GenFile();
  for (const line of await checkManifests(renders, gen)) console.log(`info  ${line}`);
  await checkUnknownFields(gen);
  await checkLockfile();
  if (failures) {
    console.log(`validate-deploy: ${failures} check(s) failed`);
    process.exitCode = 1;
  } else console.log('validate-deploy: all checks passed');
}

await main();

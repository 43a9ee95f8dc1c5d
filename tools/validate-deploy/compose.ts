// docker-compose.yml: consistency beyond what the Compose schema checks.
import { checkCommand, type Exists } from './commands.js';
import { type Fail, isRecord } from './report.js';

/** X8: the WeChat AppSecret and the VAPID private key, given to share-notifier only. */
export const NOTIFIER_ONLY = /^(SHARE_WECHAT_APP_SECRET|SHARE_VAPID_PRIVATE_KEY)$/;

interface ComposeService {
  command?: unknown;
  build?: { args?: { SERVICE?: string; SERVICE_DIR?: string; SERVICE_MAIN?: string } };
  environment?: unknown;
  depends_on?: Record<string, { condition?: string } | null>;
  healthcheck?: { test?: unknown };
  restart?: string;
}

/** The variable names of a service's `environment`, merge keys (<<, kept as such by the parser) included. */
const envKeys = (e: unknown): string[] =>
  Array.isArray(e)
    ? e.flatMap(envKeys)
    : isRecord(e)
      ? Object.entries(e).flatMap(([k, v]) => (k === '<<' ? envKeys(v) : [k]))
      : [];

/** The parsed docker-compose.yml: commands, build args, the notifier's secrets, depends_on. */
export function checkCompose(compose: unknown, exists: Exists, fail: Fail): void {
  const services = (isRecord(compose) && isRecord(compose.services) ? compose.services : {}) as Record<
    string,
    ComposeService
  >;
  for (const [name, svc] of Object.entries(services)) {
    const where = `docker-compose.yml services.${name}`;
    checkCommand(where, svc.command, exists, fail);
    const args = svc.build?.args;
    if (args) {
      const dir = args.SERVICE_DIR ?? `services/${args.SERVICE}`;
      const main = args.SERVICE_MAIN ?? `${dir}/dist/main.js`;
      if (!exists(`${dir}/package.json`))
        fail(where, `build arg SERVICE=${args.SERVICE}: no workspace at ${dir}`);
      checkCommand(`${where} (image CMD)`, ['node', main], exists, fail);
    }
    const notifySecrets = envKeys(svc.environment).filter((k) => NOTIFIER_ONLY.test(k));
    if (name !== 'share-notifier' && notifySecrets.length)
      fail(where, `${notifySecrets.join(', ')}: share-notifier's secrets only`);
    for (const [dep, cond] of Object.entries(svc.depends_on ?? {})) {
      const target = services[dep];
      if (!target) fail(where, `depends_on unknown service ${dep}`);
      else if (cond?.condition === 'service_healthy' && !target.healthcheck?.test)
        fail(where, `waits for ${dep} to be healthy but ${dep} has no healthcheck`);
      else if (
        cond?.condition === 'service_completed_successfully' &&
        target.restart &&
        target.restart !== 'no'
      )
        fail(where, `waits for ${dep} to complete but ${dep} restarts (${target.restart})`);
    }
  }
}

/** compose runs the Kafka version pinned in tools/kafka/pom.xml. */
export function kafkaImageAgrees(pomXml: string, composeYaml: string): { version: string; ok: boolean } {
  const version = /<kafka\.version>(.*)<\/kafka\.version>/.exec(pomXml)?.[1] ?? '';
  const image = new RegExp(`^ +image: apache/kafka:${version.replaceAll('.', '\\.')}$`, 'm');
  return { version, ok: image.test(composeYaml) };
}

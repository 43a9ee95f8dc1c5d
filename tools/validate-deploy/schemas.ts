// Kubernetes 1.34 schemas (kubernetes-models, offline) and, through a
// generated TypeScript file, unknown fields (which the schemas accept).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Resource } from './k8s.js';
import { type Fail, isRecord } from './report.js';

type Model = new (data: unknown) => { validate(): void };

/** The models of kubernetes-models installed under `toolsDir`, looked up through its package exports. */
export function schemaLoader(
  toolsDir: string,
): (apiVersion: string, kind: string) => Promise<Model | undefined> {
  const pkg = join(toolsDir, 'node_modules/kubernetes-models');
  const exports = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).exports as Record<
    string,
    { import?: string } | undefined
  >;
  return async (apiVersion, kind) => {
    const target = exports[`./${apiVersion}/*`]?.import;
    if (!target || !/^\w+$/.test(kind)) return undefined;
    try {
      const mod: Record<string, unknown> = await import(
        pathToFileURL(join(pkg, target.replace('*', kind))).href
      );
      return mod[kind] as Model | undefined;
    } catch {
      return undefined;
    }
  };
}

export const hasIdentity = (r: unknown): r is Resource =>
  isRecord(r) &&
  !!r.apiVersion &&
  typeof r.apiVersion === 'string' &&
  !!r.kind &&
  typeof r.kind === 'string' &&
  isRecord(r.metadata) &&
  !!r.metadata.name &&
  typeof r.metadata.name === 'string';

/**
 * Validates each resource of a build against its schema. Returns the
 * resources to check further and those without a schema (to be looked up
 * only); adds each validated one to `gen` for the unknown-fields check.
 */
export async function checkSchemas(
  render: string,
  docs: readonly unknown[],
  schemaOf: (apiVersion: string, kind: string) => Promise<Model | undefined>,
  gen: GenFile,
  fail: Fail,
): Promise<{ resources: Resource[]; unknown: Set<Resource> }> {
  const resources: Resource[] = [];
  const unknown = new Set<Resource>();
  for (const r of docs) {
    if (!hasIdentity(r)) {
      const kind = isRecord(r) && typeof r.kind === 'string' && r.kind ? r.kind : '?';
      const name = isRecord(r) && isRecord(r.metadata) && r.metadata.name ? String(r.metadata.name) : '?';
      fail(`${render}: ${kind}/${name}`, 'apiVersion, kind and metadata.name are required');
      continue;
    }
    resources.push(r);
    const where = `${render}: ${r.kind}/${r.metadata.name}`;
    const Model = await schemaOf(r.apiVersion, r.kind);
    if (!Model) {
      fail(
        where,
        `no Kubernetes schema for ${r.apiVersion} ${r.kind} (typo, or a CRD this script does not know)`,
      );
      unknown.add(r);
      continue;
    }
    // kustomize wraps generated base64 at 70 columns; the API server ignores the line breaks.
    const fields = r as unknown as Record<string, unknown>;
    for (const key of r.kind === 'Secret' ? ['data', 'binaryData'] : ['binaryData']) {
      const data = fields[key];
      if (isRecord(data))
        for (const [k, v] of Object.entries(data)) if (typeof v === 'string') data[k] = v.replace(/\s+/g, '');
    }
    try {
      new Model(r).validate();
    } catch (e) {
      fail(where, `schema: ${e instanceof Error ? e.message : String(e)}`);
    }
    gen.add(where, r);
  }
  return { resources, unknown };
}

/**
 * A TypeScript module declaring every resource with its kubernetes-models
 * type: compiled with excess-property checks, it catches misspelt or
 * misplaced fields. Each declaration follows a `// where` comment line.
 */
export class GenFile {
  readonly lines: string[] = [];
  private n = 0;

  add(where: string, r: Resource): void {
    const n = this.n++;
    this.lines.push(
      `import type { I${r.kind} as T${n} } from 'kubernetes-models/${r.apiVersion}/${r.kind}';`,
      `// ${where}`,
      `export const r${n}: T${n} = ${JSON.stringify(r)};`,
    );
  }

  get text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** tsc's errors on the generated file, each named by the resource it is in. */
export function explainTscErrors(tscOutput: string, genLines: readonly string[]): string[] {
  return tscOutput
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => {
      const m = /\.mts\((\d+),\d+\): (.*)$/.exec(line);
      if (!m) return line;
      const comment = genLines[Number(m[1]) - 2] ?? '';
      return `${comment.startsWith('// ') ? comment.slice(3) : ''}: ${m[2]}`;
    });
}

/**
 * The operations of an OpenAPI 3.1 document (as @fastify/swagger writes it),
 * reduced to what a fuzzer needs: where the inputs go, their schemas, and the
 * statuses the document promises.
 */

/** A JSON schema as it appears in the document (only the keywords the generators read are typed). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  default?: unknown;
  [keyword: string]: unknown;
}

export interface Parameter {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface Operation {
  /** `METHOD /path/{param}`, as authorization matrices name routes. */
  id: string;
  method: string;
  /** Path template with `{name}` parameters. */
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  /** The JSON request body, if the operation takes one. */
  body?: { schema: JsonSchema; required: boolean };
  /** Statuses documented in `responses`. */
  statuses: Set<number>;
  /** Content types documented per status (e.g. 4xx → application/problem+json). */
  contentTypes: Map<number, string[]>;
  /** From the description's "Roles: a, b." (requireRole); undefined when open. */
  roles?: string[];
}

interface DocParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface DocOperation {
  description?: string;
  parameters?: DocParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, DocOperation>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document whose path passes `include` (default: everything under /v1/). */
export function operationsOf(
  doc: OpenApiDocument,
  include: (path: string) => boolean = (p) => p.startsWith('/v1/'),
): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    if (!include(path)) continue;
    for (const [method, op] of Object.entries(byMethod)) {
      if (!METHODS.has(method)) continue;
      const params = (where: string): Parameter[] =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true }));
      const json = op.requestBody?.content?.['application/json']?.schema;
      const contentTypes = new Map<number, string[]>();
      for (const [status, r] of Object.entries(op.responses ?? {}))
        contentTypes.set(Number(status), Object.keys(r.content ?? {}));
      const roles = /Roles: ([^.]*)\./.exec(op.description ?? '')?.[1]?.split(', ');
      ops.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params('path'),
        query: params('query'),
        headers: params('header'),
        ...(json ? { body: { schema: json, required: op.requestBody?.required === true } } : {}),
        statuses: new Set(contentTypes.keys()),
        contentTypes,
        ...(roles ? { roles } : {}),
      });
    }
  }
  return ops.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * S11 / issue 13 point 7: the family page cannot read a field the OpenAPI
 * schema lacks. The page's modules read the view through the static types of
 * domain/view.schema.ts (the TypeBox schemas the answers are serialised from),
 * so type-checking them with the repository's tsconfig proves every field they
 * read is in the schema. A probe beside them that reads the old protobuf-shaped
 * fields (peakSpeedKmh, latE6, the record list `alerts`) must be refused with
 * TS2339, while the page's own modules check clean.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const PAGE_DIR = join(ROOT, 'services', 'share', 'src', 'web', 'page');
const SCHEMA = join(ROOT, 'services', 'share', 'src', 'domain', 'view.schema.ts');
/** The probes live beside the page's modules, so they import the schema as the page does. */
const WRONG_PROBE = join(PAGE_DIR, '__probe_wrong_fields__.ts');
const RIGHT_PROBE = join(PAGE_DIR, '__probe_schema_fields__.ts');

const PROBES: Record<string, string> = {
  [WRONG_PROBE]: [
    "import type { View } from '../../domain/view.schema.js';",
    '',
    'export function readWrongFields(view: View): unknown[] {',
    '  return [',
    // The field the page read before issue 13: the speeding peak in protobuf's name.
    '    view.episodes[0]?.speeding?.peakSpeedKmh,',
    '    view.position?.wgs84.latE6,',
    '    view.alerts,',
    '  ];',
    '}',
    '',
  ].join('\n'),
  // The same reads by the schema's names: the probe's errors are the fields', nothing else.
  [RIGHT_PROBE]: [
    "import type { View } from '../../domain/view.schema.js';",
    '',
    'export function readSchemaFields(view: View): unknown[] {',
    '  return [view.episodes[0]?.speeding?.peakKmh, view.position?.wgs84.lat, view.episodes];',
    '}',
    '',
  ].join('\n'),
};

/** The page's modules: every TypeScript file of src/web/page but its unit tests. */
function pageModules(): string[] {
  return readdirSync(PAGE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(PAGE_DIR, f))
    .sort();
}

/** The compiler options `npm run typecheck` checks the page with: the repository's tsconfig.json. */
function repoOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  expect(parsed.errors).toEqual([]);
  // The page is under the root tsconfig's "services/*/src": no other tsconfig checks it.
  expect(parsed.fileNames).toContain(join(PAGE_DIR, 'main.ts'));
  return parsed.options;
}

function check(rootNames: string[]) {
  const options = repoOptions();
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f in PROBES || fileExists.call(host, f);
  host.readFile = (f) => PROBES[f] ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, fresh) => {
    const probe = PROBES[f];
    return probe === undefined
      ? getSourceFile.call(host, f, lang, onError, fresh)
      : ts.createSourceFile(f, probe, lang);
  };
  const program = ts.createProgram({ rootNames, options, host });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program
      .getSourceFiles()
      .filter((sf) => !program.isSourceFileDefaultLibrary(sf) && !sf.isDeclarationFile)
      .flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ];
  const said = (d: ts.Diagnostic) => ({
    file: d.file ? d.file.fileName : null,
    code: d.code,
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : null,
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  });
  return { program, diagnostics: diagnostics.map(said) };
}

describe('S11 / issue 13 point 7: the page reads only fields of the OpenAPI view schema', () => {
  it('type-checks the page modules with the repo tsconfig: a probe reading speeding.peakSpeedKmh fails with TS2339, the page has no error', () => {
    const modules = pageModules();
    expect(modules).toContain(join(PAGE_DIR, 'main.ts'));
    const { program, diagnostics } = check([...modules, WRONG_PROBE, RIGHT_PROBE]);

    // The page's modules are in the program and read the view through the schema's types.
    const files = program.getSourceFiles().map((sf) => sf.fileName);
    for (const m of modules) expect(files).toContain(m);
    expect(files).toContain(SCHEMA);

    // The wrong probe: each field the schema lacks is refused, and nothing else is said of it.
    const wrong = diagnostics.filter((d) => d.file === WRONG_PROBE);
    // (TS2551 is TS2339 with a "did you mean": latE6 is near lat.)
    expect(wrong.map((d) => [d.code, d.line])).toEqual([
      [2339, 5],
      [2551, 6],
      [2339, 7],
    ]);
    expect(wrong[0]?.message).toMatch(/Property 'peakSpeedKmh' does not exist on type/);
    expect(wrong[1]?.message).toMatch(/Property 'latE6' does not exist on type/);
    expect(wrong[2]?.message).toMatch(/Property 'alerts' does not exist on type/);

    // The same reads by the schema's names, and every module of the page, check clean.
    expect(diagnostics.filter((d) => d.file !== WRONG_PROBE)).toEqual([]);
  }, 60_000);
});

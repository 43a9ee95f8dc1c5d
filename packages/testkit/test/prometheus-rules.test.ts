/**
 * The alert rules and the dashboards' queries through Prometheus's own
 * tooling (promtool of Debian's prometheus package, scripts/setup.sh):
 * every rule file loads (`promtool check rules`), every alert passes its unit
 * tests (`promtool test rules`, deploy/observability/rules/*.test.yml) and has
 * tests that make it fire and keep it silent, and every dashboard query parses
 * (as a recording rule, by the same `promtool check rules`). The Compose
 * Prometheus's configuration passes `promtool check config` and loads
 * exactly the rule files, not their tests.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promtool } from '@safewatch/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alertRules,
  dashboardQueries,
  OBSERVABILITY_DIR,
  RULES_DIR,
  readYaml,
  ruleFiles,
  ruleTestFiles,
} from '../src/observability-files.js';

interface RuleTestFile {
  rule_files: string[];
  tests: { name?: string; alert_rule_test?: { alertname: string; exp_alerts?: unknown[] | null }[] }[];
}

const tmp = mkdtempSync(join(tmpdir(), 'prometheus-rules-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Fails with everything promtool printed. */
async function expectPromtoolSuccess(args: string[], cwd?: string): Promise<string> {
  const { code, output } = await promtool(args, cwd);
  expect(code, `promtool ${args.join(' ')}:\n${output}`).toBe(0);
  return output;
}

describe('promtool', () => {
  it.each(ruleFiles().map((f) => [basename(f), f]))('check rules %s', async (_, file) => {
    const output = await expectPromtoolSuccess(['check', 'rules', file]);
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('check config deploy/observability/prometheus.yml: it loads every rule file and no test file', async () => {
    // Its rule_files are where docker-compose.yml mounts the rules directory: read them here instead.
    const config = join(tmp, 'prometheus.yml');
    writeFileSync(
      config,
      readFileSync(join(OBSERVABILITY_DIR, 'prometheus.yml'), 'utf8').replaceAll(
        '/etc/prometheus/rules/',
        `${RULES_DIR}/`,
      ),
    );
    const output = await expectPromtoolSuccess(['check', 'config', config]);
    const checked = [...output.matchAll(/^Checking (\S+)$/gm)].map((m) => m[1]).filter((f) => f !== config);
    expect(checked.sort()).toEqual(ruleFiles());
  });

  it.each(ruleTestFiles().map((f) => [basename(f), f]))('test rules %s', async (_, file) => {
    // From the file's directory: its rule_files are relative to it.
    const output = await expectPromtoolSuccess(['test', 'rules', basename(file)], dirname(file));
    console.log(output.trim());
  });
});

describe('every alert has unit tests', () => {
  const testFiles = ruleTestFiles().map((f) => ({ file: f, yaml: readYaml(f) as unknown as RuleTestFile }));
  const cases = testFiles.flatMap(({ yaml }) =>
    yaml.tests.flatMap((t) =>
      (t.alert_rule_test ?? []).map((a) => ({ alert: a.alertname, fires: (a.exp_alerts ?? []).length > 0 })),
    ),
  );

  it('the test files test every rule file', () => {
    expect(testFiles.length).toBeGreaterThan(0);
    const tested = new Set(
      testFiles.flatMap(({ file, yaml }) => yaml.rule_files.map((r) => join(dirname(file), r))),
    );
    expect([...tested].sort()).toEqual(ruleFiles());
  });

  it.each(alertRules().map((r) => [r.alert]))(
    '%s: a case where it fires and one where it stays silent',
    (alert) => {
      const mine = cases.filter((c) => c.alert === alert);
      expect(
        mine.some((c) => c.fires),
        `${alert} has an alert_rule_test with exp_alerts`,
      ).toBe(true);
      expect(
        mine.some((c) => !c.fires),
        `${alert} has an alert_rule_test with exp_alerts: []`,
      ).toBe(true);
    },
  );

  it('tests only alerts that exist', () => {
    const names = new Set(alertRules().map((r) => r.alert));
    expect(cases.map((c) => c.alert).filter((a) => !names.has(a))).toEqual([]);
  });
});

describe('dashboard queries', () => {
  it('every query parses (promtool check rules, each query as a recording rule)', async () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(0);
    // One group per query, named after the panel, so promtool's errors say which.
    const file = join(tmp, 'dashboard-queries.yml');
    const groups = queries.map((q, i) => ({
      name: `${i + 1}: ${q.where}`,
      rules: [{ record: `dashboard_query_${i + 1}`, expr: q.expr }],
    }));
    writeFileSync(file, JSON.stringify({ groups }, null, 2));
    const output = await expectPromtoolSuccess(['check', 'rules', file]);
    expect(output).toContain(`SUCCESS: ${queries.length} rules found`);
  });

  it('is not fooled: a query that does not parse fails, naming its panel', async () => {
    const file = join(tmp, 'bad-query.yml');
    writeFileSync(
      file,
      JSON.stringify({
        groups: [{ name: 'x.json "Panel" A', rules: [{ record: 'q', expr: 'sum(rate(x[5m])' }] }],
      }),
    );
    const { code, output } = await promtool(['check', 'rules', file]);
    expect(code).not.toBe(0);
    expect(output).toContain('unclosed left parenthesis');
  });
});

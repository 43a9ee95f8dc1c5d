import { describe, expect, it } from 'vitest';
import { expandGrafanaVariables, isDuration, PromQLError, parsePromQL } from './promql.js';

describe('parsePromQL', () => {
  it('returns the selectors and grouping labels of an expression', () => {
    const q = parsePromQL(
      'sum by (service, route, le) (rate(http_request_duration_seconds_bucket{route!~".*/stream", status_code=~"5.."}[5m]))',
    );
    expect(q.type).toBe('vector');
    expect(q.selectors).toEqual([
      {
        name: 'http_request_duration_seconds_bucket',
        matchers: [
          { label: 'route', op: '!~', value: '.*/stream' },
          { label: 'status_code', op: '=~', value: '5..' },
        ],
      },
    ]);
    expect(q.groupingLabels).toEqual(['service', 'route', 'le']);
  });

  it('parses precedence, set operators, vector matching, offset and subqueries', () => {
    const q = parsePromQL(`
      sum by (reason) (rate(a_total[5m])) > 3 * (sum by (reason) (rate(a_total[1h] offset 5m)) or 0 * b)
      and on (reason) group_left (x) deriv(sum by (reason) (c)[15m:1m]) > 0
      unless time() - max_over_time(d[1d]) > bool 600`);
    expect(q.type).toBe('vector');
    expect(q.selectors.map((s) => s.name)).toEqual(['a_total', 'a_total', 'b', 'c', 'd']);
    expect(q.groupingLabels).toEqual(['reason', 'reason', 'reason', 'x', 'reason']);
  });

  it('types aggregations with a parameter, scalar() and histogram_quantile', () => {
    expect(parsePromQL('topk(5, x)').type).toBe('vector');
    expect(parsePromQL('scalar(sum(x))').type).toBe('scalar');
    expect(parsePromQL('histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m])))').type).toBe('vector');
    expect(parsePromQL('1 + 2 * 3 ^ 2').type).toBe('scalar');
    expect(parsePromQL('-x').type).toBe('vector');
  });

  it.each([
    ['sum(rate(x[5m])', 'unbalanced parenthesis'],
    ['rate(x)', 'a range function on an instant vector'],
    ['sum(x[5m])', 'an aggregation of a range vector'],
    ['x[5m] + 1', 'arithmetic on a range vector'],
    ['sum(x) by', 'a dangling by'],
    ['foo{job=}', 'a matcher without a value'],
    ['foo{job="a"', 'an unclosed selector'],
    ['rat(x[5m])', 'an unknown function'],
    ['1 > 2', 'a scalar comparison without bool'],
    ['1 and x', 'a set operator on a scalar'],
    ['sum(x)[5m]', 'a range on an expression without a subquery step'],
    ['x{a=~"("}', 'an invalid regular expression'],
    ['{job=~".*"}', 'a selector that matches everything'],
    ['x offset', 'offset without a duration'],
    ['histogram_quantile(x, y)', 'a vector where a scalar is needed'],
  ])('refuses %s (%s)', (expr) => {
    expect(() => parsePromQL(expr)).toThrow(PromQLError);
  });

  it('reads Grafana interval variables as durations', () => {
    expect(parsePromQL(expandGrafanaVariables('rate(x[$__rate_interval])')).type).toBe('vector');
  });

  it('knows Prometheus durations', () => {
    expect(['30s', '5m', '1h30m', '1d', '250ms'].every(isDuration)).toBe(true);
    expect(['5', 'm', '5 m', '1.5h', ''].some(isDuration)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAG_SERIES, niceTicks, type Sweep, sweepSvg } from './plot.js';

/** Checks that `xml` is one well-formed element tree (tags nested and closed, attributes quoted); returns its tags. */
function wellFormed(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const open: { name: string; text: string }[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (const m of xml.matchAll(token)) {
    const [, close, name, attrText = '', selfClose, chars, stray] = m;
    if (stray) throw new Error(`malformed tag at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (chars !== undefined) {
      if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(chars)) throw new Error(`bare & in ${chars}`);
      const top = open[open.length - 1];
      if (top) top.text += chars;
      else if (chars.trim()) throw new Error(`text outside the root: ${chars}`);
      continue;
    }
    if (close) {
      const top = open.pop();
      if (top?.name !== name) throw new Error(`</${name}> closes <${top?.name}>`);
      continue;
    }
    if (open.length === 0 && ++roots > 1) throw new Error('more than one root element');
    const attrs = Object.fromEntries([...attrText.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const el = { name: name as string, attrs: attrs as Record<string, string>, text: '' };
    elements.push(el);
    if (!selfClose) open.push(el);
  }
  if (open.length) throw new Error(`unclosed <${open.map((o) => o.name).join('>, <')}>`);
  return elements;
}

const sweep: Sweep = {
  run: '2026-12-05T18:47Z',
  cores: 2,
  lagLimitS: 2,
  steps: [5000, 10000, 20000].map((rate, i) => ({
    rate,
    achieved: rate,
    sustained: i < 2,
    lagS: { ingest: i, alerts: i / 2 },
    viewMs: { p50: 100 * (i + 1), p99: 400 * (i + 1) },
    cpu: { ingest: 0.2, alerts: 0.3 + i / 10, 'odd <name> & co': 0.1, rest: 0.05 },
    machineBusy: 0.65 + i / 10,
  })),
};

describe('sweepSvg', () => {
  const svg = sweepSvg(sweep);
  const elements = wellFormed(svg);

  it('is one well-formed SVG document', () => {
    expect(elements[0]?.name).toBe('svg');
    expect(elements[0]?.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(elements[0]?.attrs.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(svg).toContain('odd &lt;name&gt; &amp; co');
  });

  it('draws one path per service, through one point per step', () => {
    const paths = elements.filter((e) => e.name === 'path' && e.attrs.class === 'series');
    expect(paths.map((p) => p.attrs['data-service'])).toEqual(LAG_SERIES.map((l) => l.service));
    expect(paths.map((p) => p.attrs['data-service'])).toEqual(['ingest', 'alerts', 'share']);
    for (const p of paths) expect(p.attrs.d?.match(/[ML]/g)).toHaveLength(sweep.steps.length);
  });

  it('labels both axes of both panels, and names every process of the CPU split', () => {
    const texts = (cls: string) => elements.filter((e) => e.attrs.class === cls).map((e) => e.text);
    expect(texts('x-label')).toEqual(['offered rate, positions/s', 'offered rate, positions/s']);
    expect(texts('y-label')).toEqual(['seconds behind', 'cores']);
    const labels = elements.filter((e) => e.name === 'text').map((e) => e.text);
    for (const rate of ['5,000', '10,000', '20,000']) expect(labels).toContain(rate);
    const bars = new Set(elements.filter((e) => e.attrs.class === 'cpu').map((e) => e.attrs['data-process']));
    expect([...bars].sort()).toEqual(['alerts', 'ingest', 'odd &lt;name&gt; &amp; co', 'rest']);
  });

  it('marks the steps that were not sustained', () => {
    expect(elements.filter((e) => e.name === 'text' && e.text === 'not sustained')).toHaveLength(1);
  });

  it('draws the committed results file', () => {
    const saved = JSON.parse(readFileSync(join(import.meta.dirname, 'sweep.json'), 'utf8')) as Sweep;
    expect(() => wellFormed(sweepSvg(saved))).not.toThrow();
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten up to the maximum', () => {
    expect(niceTicks(4.85, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(2, 4)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

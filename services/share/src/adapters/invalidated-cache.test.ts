import { describe, expect, it } from 'vitest';
import { InvalidatedCache } from './invalidated-cache.js';

/** A store whose reads can be held open, to interleave changes with loads. */
function store() {
  const values = new Map<string, number>([
    ['a', 1],
    ['b', 2],
  ]);
  let reads = 0;
  let gate: Promise<void> | undefined;
  return {
    values,
    get reads() {
      return reads;
    },
    hold() {
      let open = () => {};
      gate = new Promise((r) => {
        open = r;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
    load: async (keys: string[]) => {
      reads += 1;
      const snapshot = new Map(keys.flatMap((k) => (values.has(k) ? [[k, values.get(k) as number]] : [])));
      await gate;
      return snapshot;
    },
  };
}

describe('InvalidatedCache (the share read model and position cache)', () => {
  it('serves kept values while enabled; nothing is kept or served while disabled', async () => {
    const s = store();
    const c = new InvalidatedCache<number>(100);
    await c.getMany(['a'], s.load);
    await c.getMany(['a'], s.load);
    expect(s.reads).toBe(2);
    c.enable();
    await c.getMany(['a', 'b', 'x'], s.load);
    expect(await c.getMany(['a', 'b', 'x'], s.load)).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    // 'x' is absent from the store: not kept, read again.
    expect(s.reads).toBe(4);
    c.disable();
    await c.getMany(['a'], s.load);
    expect(s.reads).toBe(5);
  });

  it('an invalidation during a load keeps that (possibly old) value out', async () => {
    const s = store();
    const c = new InvalidatedCache<number>(100);
    c.enable();
    const open = s.hold();
    const pending = c.getMany(['a'], s.load);
    s.values.set('a', 10);
    c.invalidate('a');
    open();
    expect((await pending).get('a')).toBe(1);
    expect((await c.getMany(['a'], s.load)).get('a')).toBe(10);
  });

  it('a disable during a load keeps it out even after enabling again', async () => {
    const s = store();
    const c = new InvalidatedCache<number>(100);
    c.enable();
    const open = s.hold();
    const pending = c.getMany(['a'], s.load);
    c.disable();
    c.enable();
    s.values.set('a', 11);
    open();
    await pending;
    expect((await c.getMany(['a'], s.load)).get('a')).toBe(11);
  });

  it('fresh reads the store and keeps what it read; stored/dropped hooks follow the entries', async () => {
    const s = store();
    const stored: string[] = [];
    const dropped: string[] = [];
    const c = new InvalidatedCache<number>(100, {
      stored: (k) => stored.push(k),
      dropped: (k) => dropped.push(k),
    });
    c.enable();
    await c.getMany(['a'], s.load);
    s.values.set('a', 12);
    expect((await c.getMany(['a'], s.load, true)).get('a')).toBe(12);
    expect((await c.getMany(['a'], s.load)).get('a')).toBe(12);
    expect(s.reads).toBe(2);
    c.invalidate('a');
    expect(stored).toEqual(['a', 'a']);
    expect(dropped.length).toBeGreaterThanOrEqual(1);
  });

  it('peek serves only what is kept, only while enabled, and never loads', async () => {
    const s = store();
    const c = new InvalidatedCache<number>(100);
    expect(c.peek('a')).toBeUndefined();
    c.enable();
    expect(c.peek('a')).toBeUndefined();
    await c.getMany(['a'], s.load);
    expect(c.peek('a')).toBe(1);
    c.invalidate('a');
    expect(c.peek('a')).toBeUndefined();
    await c.getMany(['a'], s.load);
    c.disable();
    expect(c.peek('a')).toBeUndefined();
    expect(s.reads).toBe(2);
  });
});

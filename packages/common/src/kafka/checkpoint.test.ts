import { describe, expect, it } from 'vitest';
import { Checkpointer, type PendingOffset } from './checkpoint.js';

const at = (partition: number, lastOffset: number, highWatermark = 1000): PendingOffset => ({
  partition,
  lastOffset: String(lastOffset),
  highWatermark: String(highWatermark),
});

/** A checkpointer on a clock the test moves, and a log of what flush and commit saw, in order. */
function setup(everyMs = 2000) {
  let now = 0;
  const cp = new Checkpointer(everyMs, () => now);
  const log: string[] = [];
  const flush = async () => {
    log.push('flush');
  };
  const commit = async (offsets: PendingOffset[]) => {
    log.push(`commit ${offsets.map((o) => `${o.partition}@${o.lastOffset}`).join(',')}`);
  };
  return { cp, log, flush, commit, advance: (ms: number) => (now += ms) };
}

const deferred = () => {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('Checkpointer', () => {
  it('is due once something is pending and everyMs has passed since the last checkpoint', async () => {
    const { cp, flush, commit, advance } = setup(2000);
    expect(cp.due()).toBe(false);
    expect(cp.dueInMs()).toBeUndefined();
    advance(2500);
    expect(cp.due()).toBe(false); // nothing pending
    cp.processed(at(0, 9));
    expect(cp.due()).toBe(true);
    expect(cp.dueInMs()).toBe(0);
    await cp.checkpoint(flush, commit);
    cp.processed(at(0, 19));
    advance(500);
    expect(cp.due()).toBe(false);
    expect(cp.dueInMs()).toBe(1500);
    advance(1500);
    expect(cp.due()).toBe(true);
  });

  it('flushes, then commits the newest offset of every partition processed before the flush', async () => {
    const { cp, log, flush, commit } = setup();
    cp.processed(at(0, 9));
    cp.processed(at(1, 4));
    cp.processed(at(0, 19));
    const committed = await cp.checkpoint(flush, commit);
    expect(log).toEqual(['flush', 'commit 0@19,1@4']);
    expect(committed.map((o) => o.partition)).toEqual([0, 1]);
    expect(cp.uncommitted.size).toBe(0);
    // Nothing pending: neither flush nor commit.
    expect(await cp.checkpoint(flush, commit)).toEqual([]);
    expect(log).toHaveLength(2);
  });

  it('a flush that fails commits nothing and leaves the offsets for the next checkpoint', async () => {
    const { cp, log, commit, flush } = setup();
    cp.processed(at(0, 9));
    await expect(
      cp.checkpoint(async () => {
        throw new Error('redis down');
      }, commit),
    ).rejects.toThrow('redis down');
    expect(log).toEqual([]);
    expect([...cp.uncommitted.keys()]).toEqual([0]);
    await cp.checkpoint(flush, commit);
    expect(log).toEqual(['flush', 'commit 0@9']);
  });

  it('a commit that fails leaves the offsets pending', async () => {
    const { cp, flush } = setup();
    cp.processed(at(2, 7));
    await expect(
      cp.checkpoint(flush, async () => {
        throw new Error('rebalance in progress');
      }),
    ).rejects.toThrow('rebalance');
    expect([...cp.uncommitted.keys()]).toEqual([2]);
  });

  it('offsets dropped during a flush (an assignment change) are not committed', async () => {
    const { cp, log, commit } = setup();
    cp.processed(at(0, 9));
    const held = deferred();
    const run = cp.checkpoint(async () => {
      log.push('flush');
      await held.promise;
    }, commit);
    await Promise.resolve();
    expect(cp.drop().map((o) => o.partition)).toEqual([0]);
    held.resolve();
    expect(await run).toEqual([]);
    expect(log).toEqual(['flush']);
    expect(cp.uncommitted.size).toBe(0);
  });

  it('waits for the chunk in process before flushing, and no chunk enters until the commit is done', async () => {
    const { cp, log, commit } = setup();
    cp.processed(at(0, 9));
    await cp.enter();
    log.push('chunk A in');
    const flushHeld = deferred();
    const run = cp.checkpoint(async () => {
      log.push('flush');
      await flushHeld.promise;
    }, commit);
    const b = cp.enter().then(() => log.push('chunk B in'));
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['chunk A in']);
    // Chunk A ends; its offset is processed after the flush took its offsets.
    cp.leave();
    log.push('chunk A out');
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['chunk A in', 'chunk A out', 'flush']);
    flushHeld.resolve();
    await run;
    await b;
    expect(log).toEqual(['chunk A in', 'chunk A out', 'flush', 'commit 0@9', 'chunk B in']);
    cp.leave();
  });

  it('keeps the offset of a chunk processed during a commit pending for the next checkpoint', async () => {
    const { cp, flush, log } = setup();
    cp.processed(at(0, 9));
    const commitHeld = deferred();
    const run = cp.checkpoint(flush, async (offsets) => {
      log.push(`commit ${offsets.map((o) => `${o.partition}@${o.lastOffset}`).join(',')}`);
      // A chunk that was already through `process` records its offset now.
      cp.processed(at(0, 19));
      await commitHeld.promise;
    });
    await new Promise((r) => setTimeout(r, 5));
    commitHeld.resolve();
    await run;
    expect(log).toEqual(['flush', 'commit 0@9']);
    expect(cp.uncommitted.get(0)?.lastOffset).toBe('19');
  });

  it('runs checkpoints one after the other', async () => {
    const { cp, log, commit } = setup();
    cp.processed(at(0, 9));
    const held = deferred();
    const first = cp.checkpoint(async () => {
      log.push('flush 1');
      await held.promise;
    }, commit);
    const second = cp.checkpoint(async () => {
      log.push('flush 2');
    }, commit);
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['flush 1']);
    held.resolve();
    await Promise.all([first, second]);
    // The second found nothing left to commit.
    expect(log).toEqual(['flush 1', 'commit 0@9']);
    await cp.settled();
  });
});

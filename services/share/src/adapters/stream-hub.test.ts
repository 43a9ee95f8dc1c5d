import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ENDED_MESSAGE,
  SSE_HEARTBEAT,
  type SseSink,
  StreamHub,
  type StreamHubOptions,
  StreamRefusedError,
  type TickStats,
  type VehicleFrameSource,
} from './stream-hub.js';

const TICK = 30_000;
const BEAT = 15_000;

interface SseEvent {
  id?: number;
  event?: string;
  data?: unknown;
  comment?: string;
}

/** A writable like http.ServerResponse: `full` makes write() answer false until drain(). */
class FakeSink implements SseSink {
  readonly chunks: string[] = [];
  ended = false;
  destroyed = false;
  full = false;
  private drainListeners: Array<() => void> = [];

  write(chunk: string): boolean {
    if (this.ended) throw new Error('write after end');
    this.chunks.push(chunk);
    return !this.full;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
    this.ended = true;
  }
  once(_event: 'drain', listener: () => void): void {
    this.drainListeners.push(listener);
  }
  drain(): void {
    this.full = false;
    const listeners = this.drainListeners;
    this.drainListeners = [];
    for (const l of listeners) l();
  }
  events(): SseEvent[] {
    return this.chunks
      .join('')
      .split('\n\n')
      .filter((block) => block !== '')
      .map((block) => {
        const e: SseEvent = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(': ')) e.comment = line.slice(2);
          else if (line.startsWith('id: ')) e.id = Number(line.slice(4));
          else if (line.startsWith('event: ')) e.event = line.slice(7);
          else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
        }
        return e;
      });
  }
  views(): SseEvent[] {
    return this.events().filter((e) => e.event === 'view');
  }
  heartbeats(): number {
    return this.chunks.filter((c) => c === SSE_HEARTBEAT).length;
  }
}

/** Vehicle views carry a version bumped by `bump`, so tests can tell fresh frames from old ones. */
function fakeSource() {
  const versions = new Map<string, number>();
  const ended = new Map<string, string>();
  const source = {
    vehicleViews: vi.fn(
      async (keys: string[]) => new Map(keys.map((k) => [k, { vehicleKey: k, v: versions.get(k) ?? 0 }])),
    ),
    shareFrame: vi.fn(async (shareId: string, vehicleView: unknown) => {
      const reason = ended.get(shareId);
      return reason
        ? { ended: true as const, reason }
        : { ended: false as const, body: { shareId, vehicle: vehicleView } };
    }),
  } satisfies VehicleFrameSource;
  return {
    source,
    bump: (key: string) => versions.set(key, (versions.get(key) ?? 0) + 1),
    end: (shareId: string, reason: string) => ended.set(shareId, reason),
  };
}

function hubWith(over: Partial<StreamHubOptions> = {}) {
  const src = fakeSource();
  const ticks: TickStats[] = [];
  const hub = new StreamHub({
    tickMs: TICK,
    heartbeatMs: BEAT,
    maxConnections: 1_000,
    maxPerIdentity: 10,
    source: src.source,
    onTick: (s) => ticks.push(s),
    frameIdBase: 0,
    ...over,
  });
  return { hub, ticks, ...src };
}

const target = (vehicle: number, share: number) => ({
  shareId: `s${vehicle}-${share}`,
  vehicleKey: `鲁B${vehicle}:2`,
});

describe('StreamHub', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends an immediate view frame on subscribe', async () => {
    const { hub } = hubWith();
    const sink = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', sink);
    expect(sink.chunks).toHaveLength(1);
    expect(sink.chunks[0]).toMatch(/^id: \d+\nevent: view\ndata: [^\n]+\n\n$/);
    expect(sink.views()[0]?.data).toEqual({ shareId: 's1-1', vehicle: { vehicleKey: '鲁B1:2', v: 0 } });
    expect(hub.connections).toBe(1);
    await hub.stop();
  });

  it('batches concurrent subscriptions into one vehicleViews call', async () => {
    const { hub, source } = hubWith();
    const sinks = Array.from({ length: 12 }, () => new FakeSink());
    await Promise.all(sinks.map((s, i) => hub.subscribe(target(i % 3, i % 6), `fam-${i}`, s)));
    expect(source.vehicleViews).toHaveBeenCalledTimes(1);
    expect(source.vehicleViews.mock.calls[0]?.[0]).toHaveLength(3);
    expect(source.shareFrame).toHaveBeenCalledTimes(6);
    for (const s of sinks) expect(s.views()).toHaveLength(1);
    await hub.stop();
  });

  it('calls vehicleViews once per tick for N viewers of M vehicles, shareFrame once per share', async () => {
    const { hub, source, ticks } = hubWith();
    const M = 4;
    const sinks: FakeSink[] = [];
    // 40 connections: 4 vehicles × 3 shares, some shares open in several tabs.
    for (let i = 0; i < 40; i++) {
      const sink = new FakeSink();
      sinks.push(sink);
      await hub.subscribe(target(i % M, i % 3), `fam-${i % 12}`, sink);
    }
    source.vehicleViews.mockClear();
    source.shareFrame.mockClear();
    hub.start();
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(TICK);
    expect(source.vehicleViews).toHaveBeenCalledTimes(1);
    expect([...(source.vehicleViews.mock.calls[0]?.[0] ?? [])].sort()).toEqual(
      ['鲁B0:2', '鲁B1:2', '鲁B2:2', '鲁B3:2'].sort(),
    );
    expect(source.shareFrame).toHaveBeenCalledTimes(M * 3);
    for (const s of sinks) expect(s.views()).toHaveLength(2);
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ vehicles: M, connections: 40, shares: 12, written: 40, skipped: 0 });
    expect(ticks[0]?.ms).toBeGreaterThanOrEqual(0);

    await vi.advanceTimersByTimeAsync(TICK);
    expect(source.vehicleViews).toHaveBeenCalledTimes(2);
    // Still a single timer for the hub, whatever the number of connections.
    expect(vi.getTimerCount()).toBe(1);
    await hub.stop();
  });

  it('a timer wheel: each tick renders one slot, every viewer gets one frame per period, a vehicle’s viewers share a slot', async () => {
    const SLOTS = 5;
    const { hub, source, ticks } = hubWith({ slots: SLOTS });
    const sinks: FakeSink[] = [];
    for (let i = 0; i < 60; i++) {
      const sink = new FakeSink();
      sinks.push(sink);
      await hub.subscribe(target(i % 20, i % 3), `fam-${i}`, sink);
    }
    source.vehicleViews.mockClear();
    hub.start();
    // One period = SLOTS ticks of TICK / SLOTS.
    for (let k = 0; k < SLOTS; k++) await vi.advanceTimersByTimeAsync(TICK / SLOTS);
    expect(ticks.map((t) => t.slot)).toEqual([0, 1, 2, 3, 4]);
    for (const s of sinks) expect(s.views()).toHaveLength(2);
    // Every vehicle read once in the period, in exactly one slot.
    const read = source.vehicleViews.mock.calls.flatMap((c) => c[0] as string[]);
    expect(read.sort()).toEqual(Array.from({ length: 20 }, (_, v) => `鲁B${v}:2`).sort());
    expect(ticks.reduce((n, t) => n + t.written, 0)).toBe(60);
    // Spread: no slot holds more than half of the connections.
    expect(Math.max(...ticks.map((t) => t.written))).toBeLessThan(30);
    // Frame ids of a tick are in its (frameIdFrom, frameIdTo] range.
    for (const t of ticks) expect(t.frameIdTo - t.frameIdFrom).toBeGreaterThanOrEqual(t.written > 0 ? 1 : 0);
    await vi.advanceTimersByTimeAsync(TICK);
    for (const s of sinks) expect(s.views()).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);
    await hub.stop();
  });

  it('sends heartbeats every heartbeatMs and view frames every tickMs', async () => {
    const { hub } = hubWith();
    const sink = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', sink);
    hub.start();
    await vi.advanceTimersByTimeAsync(BEAT - 1);
    expect(sink.heartbeats()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.heartbeats()).toBe(1);
    expect(sink.views()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(BEAT);
    expect(sink.heartbeats()).toBe(2);
    expect(sink.views()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4 * BEAT);
    expect(sink.heartbeats()).toBe(6);
    expect(sink.views()).toHaveLength(4);
    await hub.stop();
  });

  it('frame ids increase across the hub; a resumed client gets a fresh frame at once', async () => {
    const { hub } = hubWith({ frameIdBase: undefined });
    const a = new FakeSink();
    const b = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', a);
    await hub.subscribe(target(2, 1), 'fam-2', b);
    hub.start();
    await vi.advanceTimersByTimeAsync(2 * TICK);
    const ids = [...a.views(), ...b.views()].map((e) => e.id ?? 0).sort((x, y) => x - y);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of [a, b]) {
      const own = s.views().map((e) => e.id ?? 0);
      expect(own).toEqual([...own].sort((x, y) => x - y));
    }
    const last = a.views().at(-1)?.id ?? 0;
    const resumed = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', resumed, String(last));
    expect(resumed.views()).toHaveLength(1);
    expect(resumed.views()[0]?.id).toBeGreaterThan(last);
    await hub.stop();
  });

  it('vehicleChanged pushes one fresh frame (bursts coalesced) to that vehicle’s viewers only', async () => {
    const { hub, source, bump } = hubWith({ coalesceMs: 200 });
    const v1a = new FakeSink();
    const v1b = new FakeSink();
    const v2 = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', v1a);
    await hub.subscribe(target(1, 2), 'fam-2', v1b);
    await hub.subscribe(target(2, 1), 'fam-3', v2);
    hub.start();
    source.vehicleViews.mockClear();

    bump('鲁B1:2');
    for (let i = 0; i < 5; i++) hub.vehicleChanged('鲁B1:2');
    hub.vehicleChanged('鲁B9:2'); // no viewers: ignored
    await vi.advanceTimersByTimeAsync(200);
    expect(source.vehicleViews).toHaveBeenCalledTimes(1);
    expect(source.vehicleViews).toHaveBeenCalledWith(['鲁B1:2']);
    for (const s of [v1a, v1b]) {
      expect(s.views()).toHaveLength(2);
      expect(s.views()[1]?.data).toMatchObject({ vehicle: { v: 1 } });
    }
    expect(v2.views()).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    await hub.stop();
  });

  it('shareEnded sends `ended` and closes only that share’s connections', async () => {
    const { hub } = hubWith();
    const ending = [new FakeSink(), new FakeSink()];
    const other = new FakeSink();
    for (const s of ending) await hub.subscribe(target(1, 1), 'fam-1', s);
    await hub.subscribe(target(1, 2), 'fam-2', other);
    hub.start();

    hub.shareEnded('s1-1', 'CANCELLED');
    for (const s of ending) {
      expect(s.events().at(-1)).toEqual({
        event: 'ended',
        data: { reason: 'CANCELLED', message: ENDED_MESSAGE },
      });
      expect(s.chunks.at(-1)).toBe(
        `event: ended\ndata: {"reason":"CANCELLED","message":"车辆动态已结束"}\n\n`,
      );
      expect(s.ended).toBe(true);
    }
    expect(other.ended).toBe(false);
    expect(hub.connections).toBe(1);

    await vi.advanceTimersByTimeAsync(TICK);
    expect(other.views()).toHaveLength(2);
    for (const s of ending) expect(s.views()).toHaveLength(1);
    await hub.stop();
  });

  it('ends a share whose frame says ended at a tick', async () => {
    const { hub, end } = hubWith();
    const expiring = new FakeSink();
    const other = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', expiring);
    await hub.subscribe(target(1, 2), 'fam-2', other);
    hub.start();
    end('s1-1', 'EXPIRED');
    await vi.advanceTimersByTimeAsync(TICK);
    expect(expiring.events().at(-1)).toMatchObject({ event: 'ended', data: { reason: 'EXPIRED' } });
    expect(expiring.ended).toBe(true);
    expect(other.views()).toHaveLength(2);
    expect(hub.connections).toBe(1);
    await hub.stop();
  });

  it('refuses past maxConnections and maxPerIdentity, and frees room on unsubscribe', async () => {
    const { hub } = hubWith({ maxConnections: 3, maxPerIdentity: 2 });
    const u1 = await hub.subscribe(target(1, 1), 'fam-1', new FakeSink());
    await hub.subscribe(target(1, 1), 'fam-1', new FakeSink());
    const refusedSink = new FakeSink();
    await expect(hub.subscribe(target(1, 1), 'fam-1', refusedSink)).rejects.toMatchObject({
      name: 'StreamRefusedError',
      reason: 'MAX_PER_IDENTITY',
    });
    expect(refusedSink.chunks).toHaveLength(0);
    await hub.subscribe(target(2, 1), 'fam-2', new FakeSink());
    const err = await hub.subscribe(target(3, 1), 'fam-3', new FakeSink()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamRefusedError);
    expect((err as StreamRefusedError).reason).toBe('MAX_CONNECTIONS');
    expect(() => hub.assertCapacity('fam-3')).toThrow(StreamRefusedError);

    u1();
    u1(); // idempotent
    expect(hub.connections).toBe(2);
    await hub.subscribe(target(1, 1), 'fam-1', new FakeSink());
    expect(hub.connections).toBe(3);
    await hub.stop();
  });

  it('skips a blocked client without holding up others, resumes it on drain', async () => {
    const { hub, ticks } = hubWith();
    const slow = new FakeSink();
    const fast = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', slow);
    await hub.subscribe(target(1, 2), 'fam-2', fast);
    hub.start();
    slow.full = true;
    await vi.advanceTimersByTimeAsync(BEAT); // heartbeat write answers false: blocked from now on
    expect(slow.heartbeats()).toBe(1);
    await vi.advanceTimersByTimeAsync(BEAT); // tick 1
    expect(slow.views()).toHaveLength(1);
    expect(slow.heartbeats()).toBe(1);
    expect(fast.views()).toHaveLength(2);
    expect(ticks.at(-1)).toMatchObject({ written: 1, skipped: 1 });

    slow.drain();
    await vi.advanceTimersByTimeAsync(TICK); // tick 2
    expect(slow.views()).toHaveLength(2);
    expect(slow.ended).toBe(false);
    await hub.stop();
  });

  it('closes a client blocked for more than 2 ticks, others keep their cadence', async () => {
    const { hub, ticks } = hubWith();
    const stuck = new FakeSink();
    stuck.full = true; // even the immediate frame fills its buffer
    const others = [new FakeSink(), new FakeSink(), new FakeSink()];
    await hub.subscribe(target(1, 1), 'fam-1', stuck);
    for (const [i, s] of others.entries()) await hub.subscribe(target(1 + i, 2), `fam-o${i}`, s);
    hub.start();
    await vi.advanceTimersByTimeAsync(2 * TICK); // ticks 1 and 2: skipped
    expect(stuck.views()).toHaveLength(1);
    expect(stuck.destroyed).toBe(false);
    expect(hub.connections).toBe(4);
    await vi.advanceTimersByTimeAsync(TICK); // tick 3: blocked for more than 2 ticks
    expect(stuck.destroyed).toBe(true);
    expect(stuck.views()).toHaveLength(1);
    expect(hub.connections).toBe(3);
    expect(ticks.map((t) => t.closedBlocked)).toEqual([0, 0, 1]);
    for (const s of others) expect(s.views()).toHaveLength(4);
    await hub.stop();
  });

  it('retries a blocked sink without drain events once per tick', async () => {
    const { hub } = hubWith();
    const chunks: string[] = [];
    let full = true;
    const sink: SseSink = {
      write: (c) => {
        chunks.push(c);
        return !full;
      },
      end: () => {},
    };
    await hub.subscribe(target(1, 1), 'fam-1', sink);
    hub.start();
    await vi.advanceTimersByTimeAsync(BEAT);
    expect(chunks).toHaveLength(1); // heartbeat skipped while blocked
    full = false;
    await vi.advanceTimersByTimeAsync(BEAT); // tick 1 retries and succeeds
    expect(chunks.filter((c) => c.includes('event: view'))).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(BEAT);
    expect(chunks.at(-1)).toBe(SSE_HEARTBEAT);
    await hub.stop();
  });

  it('keeps connections open when the source fails, and reports it', async () => {
    const errors: string[] = [];
    const { hub, source } = hubWith({ onError: (_e, during) => errors.push(during) });
    const sink = new FakeSink();
    await hub.subscribe(target(1, 1), 'fam-1', sink);
    hub.start();
    source.vehicleViews.mockRejectedValueOnce(new Error('redis down'));
    await vi.advanceTimersByTimeAsync(TICK);
    expect(errors).toEqual(['tick']);
    expect(sink.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(TICK);
    expect(sink.views()).toHaveLength(2);
    await hub.stop();
  });

  it('stop() ends every stream, clears the timer and refuses new subscribers', async () => {
    const { hub, ticks } = hubWith();
    const sinks = [new FakeSink(), new FakeSink(), new FakeSink()];
    for (const [i, s] of sinks.entries()) await hub.subscribe(target(i, 1), `fam-${i}`, s);
    hub.start();
    hub.vehicleChanged('鲁B1:2');
    await hub.stop();
    expect(hub.connections).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    for (const s of sinks) {
      expect(s.ended).toBe(true);
      expect(s.events().some((e) => e.event === 'ended')).toBe(false);
    }
    await expect(hub.subscribe(target(1, 1), 'fam-1', new FakeSink())).rejects.toMatchObject({
      reason: 'STOPPED',
    });
    await vi.advanceTimersByTimeAsync(2 * TICK);
    expect(ticks).toHaveLength(0);
  });
});

/** Not asserted: numbers for the report. Real timers, a realistic view (~1.5 KB of JSON). */
describe('StreamHub throughput (printout)', () => {
  it('50,000 connections over 5,000 vehicles: one tick, heap per connection', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const VEHICLES = 5_000;
    const SHARES_PER_VEHICLE = 3; // S3: at most 3 active shares per vehicle
    const CONNECTIONS = 50_000;

    const vehicleView = (key: string) => ({
      plateNumber: key.split(':')[0],
      plateColor: 2,
      refreshSeconds: 30,
      online: true,
      position: {
        gnssTime: '2026-11-20T08:00:00.000Z',
        wgs84: { lat: 36.612345, lon: 117.123456 },
        gcj02: { lat: 36.613456, lon: 117.128765 },
        speedKmh: 72.5,
        headingDeg: 90,
      },
      certificates: [{ kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01', daysLeft: 10 }],
      alerts: Array.from({ length: 5 }, (_, i) => ({
        alertId: `0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a${i}0`,
        kind: 'SPEEDING',
        phase: 'ENDED',
        occurredAt: `2026-11-20T07:5${i}:00.000Z`,
        source: 'DETECTED',
        detail: { maxSpeedKmh: 112, limitKmh: 100, durationS: 95, startedAt: '2026-11-20T07:50:00.000Z' },
      })),
    });
    const source: VehicleFrameSource = {
      vehicleViews: async (keys) => new Map(keys.map((k) => [k, vehicleView(k)])),
      shareFrame: async (shareId, vehicle) => ({
        ended: false,
        body: { shareId, expiresAt: '2026-11-27T08:00:00.000Z', ...(vehicle as object) },
      }),
    };
    let bytes = 0;
    let writes = 0;
    const sink: SseSink = {
      write: (c) => {
        bytes += c.length;
        writes++;
        return true;
      },
      end: () => {},
    };
    const ticks: Array<TickStats & { bytes: number; writes: number }> = [];
    // A short tick so the printout does not wait 30 s; started once everyone has subscribed.
    const hub = new StreamHub({
      tickMs: 10,
      heartbeatMs: 60_000,
      maxConnections: CONNECTIONS,
      maxPerIdentity: 10,
      source,
      onTick: (s) => ticks.push({ ...s, bytes, writes }),
    });
    const targets = Array.from({ length: CONNECTIONS }, (_, i) => {
      const share = i % (VEHICLES * SHARES_PER_VEHICLE);
      return { shareId: `share-${share}`, vehicleKey: `鲁B${share % VEHICLES}:2`, identity: `fam-${share}` };
    });

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await Promise.all(targets.map((t) => hub.subscribe(t, t.identity, sink)));
    const subscribeMs = performance.now() - t0;
    gc();
    const perConnection = (process.memoryUsage().heapUsed - heapBefore) / CONNECTIONS;

    // One tick, driven through the real timer.
    const tickDone = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (ticks.length > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    bytes = 0;
    writes = 0;
    hub.start();
    await tickDone;
    await hub.stop();

    const t = ticks[0] as TickStats & { bytes: number; writes: number };
    console.log(
      [
        `stream hub: ${CONNECTIONS} connections, ${VEHICLES} vehicles, ${VEHICLES * SHARES_PER_VEHICLE} shares`,
        `  initial frames for all (batched subscribe): ${subscribeMs.toFixed(0)} ms`,
        `  one tick: ${t.ms.toFixed(1)} ms (${t.vehicles} vehicles, ${t.shares} shares, ${t.written} frames, ${(t.bytes / 1e6).toFixed(1)} MB written in ${t.writes} writes)`,
        `  heap per connection (hub bookkeeping, sink shared): ${perConnection.toFixed(0)} bytes`,
      ].join('\n'),
    );
    expect(t.written).toBe(CONNECTIONS);
  }, 60_000);
});

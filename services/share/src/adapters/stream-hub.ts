/**
 * Server-Sent Events fan-out of share views (SPEC S6, S7; API.md
 * `GET /v1/shares/{token}/stream`) for many viewers on one process.
 *
 * - ONE timer for the whole hub (ticks, heartbeats and alert pushes share a
 *   deadline scheduler), never one per connection.
 * - One view computation per vehicle per render: connections are grouped by
 *   share and shares by vehicle; `vehicleViews` is called once with every
 *   vehicle that has viewers, `shareFrame` once per share, the frame text is
 *   serialized once per share and written to each of its connections.
 * - A view is a snapshot: a resumed client (Last-Event-ID) gets a fresh frame
 *   at once and nothing older is replayed, so no history is kept.
 * - Writes never wait on a client: a sink whose buffer is full is skipped
 *   until it drains, and closed when it stays blocked for more than
 *   `maxBlockedTicks` ticks.
 *
 * Wire format (UTF-8, one JSON line per `data:`):
 *   id: <frame id>\nevent: view\ndata: <view JSON>\n\n
 *   : heartbeat\n\n
 *   event: ended\ndata: {"reason":"EXPIRED","message":"车辆动态已结束"}\n\n   (then the stream closes)
 */

export interface StreamTarget {
  shareId: string;
  vehicleKey: string;
}

export type ShareFrameResult = { ended: false; body: unknown } | { ended: true; reason: string };

export interface VehicleFrameSource {
  /** Builds the per-vehicle part of the view for many vehicles at once (one Redis round trip for all of them). */
  vehicleViews(vehicleKeys: string[]): Promise<Map<string, unknown>>;
  /** Per-share part + the vehicle part → the frame body; or 'ended' with a reason when the share is no longer valid (expired, cancelled, unbound). */
  shareFrame(shareId: string, vehicleView: unknown): Promise<ShareFrameResult>;
}

/**
 * Where SSE text goes: node's `http.ServerResponse` fits. `once('drain')`
 * lets a blocked sink resume as soon as it drains; without it a blocked sink
 * is retried once per tick. `destroy` (when present) closes a stuck client
 * without waiting for its buffer to flush.
 */
export interface SseSink {
  write(chunk: string): boolean;
  end(): void;
  once?(event: 'drain', listener: () => void): unknown;
  destroy?(): void;
}

export interface TickStats {
  /** Vehicles with viewers (the keys passed to `vehicleViews`). */
  vehicles: number;
  /** Open connections when the tick started. */
  connections: number;
  /** Duration of the tick, from the first read to the last write. */
  ms: number;
  /** Shares rendered (`shareFrame` calls). */
  shares: number;
  /** Frames written. */
  written: number;
  /** Frames not written because the connection was blocked (backpressure). */
  skipped: number;
  /** Connections closed at this tick for staying blocked. */
  closedBlocked: number;
  /** Ticks skipped so far because the previous one was still running. */
  overruns: number;
  /** The wheel slot this tick rendered (0 with one slot). */
  slot: number;
  /** Ids of the view frames this tick wrote: after `frameIdFrom`, up to and including `frameIdTo`. */
  frameIdFrom: number;
  frameIdTo: number;
}

export interface StreamHubOptions {
  /** View frame period (S7: 30_000). */
  tickMs: number;
  /**
   * Slots of the timer wheel (default 1): the period is cut into this many
   * ticks, and each tick renders the shares of one slot, chosen by vehicle
   * (all viewers of a vehicle in one slot: one read per vehicle per period).
   * Every viewer still gets one frame per period, but the work (and the
   * socket writes) of a period are spread evenly over it instead of falling
   * on one instant, so each frame leaves soon after its tick.
   */
  slots?: number;
  /** `: heartbeat` comment period (15_000), keeps proxies from closing idle streams. */
  heartbeatMs: number;
  /** Connections this process accepts in total. */
  maxConnections: number;
  /** Connections per viewer identity (the principal's `sub`). */
  maxPerIdentity: number;
  /** Monotonic milliseconds (default `performance.now`), for scheduling and tick durations. */
  now?: () => number;
  source: VehicleFrameSource;
  onTick?: (stats: TickStats) => void;
  /** A failed render (source errors); the connections stay open and get the next tick. */
  onError?: (err: unknown, during: RenderContext) => void;
  /** Window in which `vehicleChanged` calls for any vehicles are merged into one render (default 250). */
  coalesceMs?: number;
  /** A connection blocked for more than this many ticks is closed (default 2). */
  maxBlockedTicks?: number;
  /** First frame id minus one (default: wall-clock ms × 1000, so ids keep increasing across restarts and instances). */
  frameIdBase?: number;
}

export type RenderContext = 'tick' | 'subscribe' | 'vehicleChanged';

export const ENDED_MESSAGE = '车辆动态已结束';
export const SSE_HEARTBEAT = ': heartbeat\n\n';

/** A frame body already serialized as JSON (one line), sent as is. */
export class RawJson {
  constructor(readonly json: string) {}
}

export function sseViewFrame(id: number, body: unknown): string {
  // JSON.stringify escapes CR and LF inside strings, so the data is one line.
  const json = body instanceof RawJson ? body.json : JSON.stringify(body ?? null);
  return `id: ${id}\nevent: view\ndata: ${json}\n\n`;
}

export function sseEndedFrame(reason: string): string {
  return `event: ended\ndata: ${JSON.stringify({ reason, message: ENDED_MESSAGE })}\n\n`;
}

export type StreamRefusal = 'MAX_CONNECTIONS' | 'MAX_PER_IDENTITY' | 'STOPPED';

/** `subscribe` / `assertCapacity` refusal; nothing was written to the sink. */
export class StreamRefusedError extends Error {
  override name = 'StreamRefusedError';
  constructor(readonly reason: StreamRefusal) {
    super(
      reason === 'MAX_PER_IDENTITY'
        ? 'too many open streams for this viewer'
        : reason === 'MAX_CONNECTIONS'
          ? 'too many open streams on this instance'
          : 'the stream hub is stopping',
    );
  }
}

interface Conn {
  readonly group: Group;
  readonly identity: string;
  readonly out: SseSink;
  closed: boolean;
  /** Skip writes until the sink drains (or, without `once`, until the next tick's retry). */
  blocked: boolean;
  /** `tickSeq` when the current blocked spell began; -1 when not blocked. */
  blockedAt: number;
  waitingDrain: boolean;
  /** Id of the last view frame written; 0 before the first. */
  lastFrameId: number;
}

interface Group {
  readonly shareId: string;
  readonly vehicleKey: string;
  readonly conns: Set<Conn>;
  readonly slot: number;
}

/** FNV-1a of a vehicle key: its slot of the wheel. */
function slotOf(vehicleKey: string, slots: number): number {
  if (slots <= 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < vehicleKey.length; i++) {
    h ^= vehicleKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % slots;
}

/** A share to render, and optionally the only connections to write to (default: all of the share's). */
interface RenderItem {
  group: Group;
  only?: Conn[];
}

interface RenderResult {
  vehicles: number;
  shares: number;
  written: number;
  skipped: number;
}

/** Shares rendered between two yields to the event loop, so a large tick does not starve I/O. */
const RENDER_CHUNK = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Node timers may fire a fraction of a millisecond before a fractional deadline. */
const EARLY_MS = 1;

export class StreamHub {
  private readonly now: () => number;
  private readonly coalesceMs: number;
  private readonly maxBlockedTicks: number;

  private readonly all = new Set<Conn>();
  /** By shareId. A share's vehicle never changes, so the first subscriber's vehicleKey is the group's. */
  private readonly groups = new Map<string, Group>();
  private readonly vehicles = new Map<string, Set<Group>>();
  /** The wheel: groups by slot. */
  private readonly wheel: Set<Group>[];
  private readonly slots: number;
  /** Time between two ticks: tickMs / slots. */
  private readonly period: number;
  private readonly perIdentity = new Map<string, number>();
  /** Connections in a blocked spell (checked at each tick). */
  private readonly blocked = new Set<Conn>();

  private frameSeq: number;
  private tickSeq = 0;
  private overruns = 0;
  private started = false;
  private stopped = false;

  // The single timer and its deadlines.
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private nextTickAt = Number.POSITIVE_INFINITY;
  private nextBeatAt = Number.POSITIVE_INFINITY;
  private changeAt = Number.POSITIVE_INFINITY;

  private dirtyVehicles = new Set<string>();
  private tickRunning: Promise<void> | undefined;
  private changeRunning: Promise<void> | undefined;
  /** New connections waiting for their immediate frame; rendered in batches, one batch at a time. */
  private initialPending = new Set<Conn>();
  private initialQueued: Promise<void> | undefined;
  private initialRunning: Promise<void> | undefined;

  constructor(private readonly opts: StreamHubOptions) {
    if (!(opts.tickMs > 0 && opts.heartbeatMs > 0))
      throw new Error('tickMs and heartbeatMs must be positive');
    this.now = opts.now ?? (() => performance.now());
    this.coalesceMs = opts.coalesceMs ?? 250;
    this.maxBlockedTicks = opts.maxBlockedTicks ?? 2;
    this.frameSeq = opts.frameIdBase ?? Date.now() * 1000;
    this.slots = Math.max(1, Math.floor(opts.slots ?? 1));
    this.period = opts.tickMs / this.slots;
    this.wheel = Array.from({ length: this.slots }, () => new Set<Group>());
  }

  get connections(): number {
    return this.all.size;
  }

  /** Throws StreamRefusedError when `subscribe(…, identity, …)` would be refused; lets a route answer before hijacking. */
  assertCapacity(identity: string): void {
    if (this.stopped) throw new StreamRefusedError('STOPPED');
    if (this.all.size >= this.opts.maxConnections) throw new StreamRefusedError('MAX_CONNECTIONS');
    if ((this.perIdentity.get(identity) ?? 0) >= this.opts.maxPerIdentity)
      throw new StreamRefusedError('MAX_PER_IDENTITY');
  }

  /**
   * Registers a connection and resolves once its immediate frame was written
   * (or could not be built: it then gets the next tick's). Concurrent
   * subscriptions share one `vehicleViews` call. `lastEventId` needs no
   * replay: every frame is a full snapshot. The returned function only
   * deregisters (idempotent); ending the sink is up to its owner.
   */
  async subscribe(
    target: StreamTarget,
    identity: string,
    out: SseSink,
    _lastEventId?: string,
  ): Promise<() => void> {
    this.assertCapacity(identity);
    const conn = this.register(target, identity, out);
    const unsubscribe = () => this.remove(conn);
    await this.requestInitialFrame(conn);
    return unsubscribe;
  }

  /** A new alert for a vehicle: its viewers get a fresh frame within `coalesceMs` (bursts make one frame). */
  vehicleChanged(vehicleKey: string): void {
    if (this.stopped || !this.vehicles.has(vehicleKey)) return;
    this.dirtyVehicles.add(vehicleKey);
    if (this.changeAt === Number.POSITIVE_INFINITY) {
      this.changeAt = this.now() + this.coalesceMs;
      this.reschedule();
    }
  }

  /** Whether this instance has open streams of a share. */
  hasShare(shareId: string): boolean {
    return this.groups.has(shareId);
  }

  /** A share ended (cancelled, unbound, expired): `event: ended`, then its connections close. */
  shareEnded(shareId: string, reason: string): void {
    const group = this.groups.get(shareId);
    if (!group) return;
    const chunk = sseEndedFrame(reason);
    for (const conn of [...group.conns]) this.close(conn, chunk);
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const t = this.now();
    this.nextTickAt = t + this.period;
    this.nextBeatAt = t + this.opts.heartbeatMs;
    this.reschedule();
  }

  /**
   * Ends every stream, without `event: ended` (the shares go on: EventSource
   * reconnects, to another instance), and waits for renders in flight.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    this.nextTickAt = this.nextBeatAt = this.changeAt = Number.POSITIVE_INFINITY;
    this.dirtyVehicles.clear();
    this.reschedule();
    for (const conn of [...this.all]) this.close(conn);
    await Promise.allSettled([this.tickRunning, this.changeRunning, this.initialRunning, this.initialQueued]);
  }

  // ---- connections ---------------------------------------------------------

  private register(target: StreamTarget, identity: string, out: SseSink): Conn {
    let group = this.groups.get(target.shareId);
    if (!group) {
      group = {
        shareId: target.shareId,
        vehicleKey: target.vehicleKey,
        conns: new Set(),
        slot: slotOf(target.vehicleKey, this.slots),
      };
      this.groups.set(target.shareId, group);
      this.wheel[group.slot]?.add(group);
      let ofVehicle = this.vehicles.get(target.vehicleKey);
      if (!ofVehicle) {
        ofVehicle = new Set();
        this.vehicles.set(target.vehicleKey, ofVehicle);
      }
      ofVehicle.add(group);
    }
    const conn: Conn = {
      group,
      identity,
      out,
      closed: false,
      blocked: false,
      blockedAt: -1,
      waitingDrain: false,
      lastFrameId: 0,
    };
    group.conns.add(conn);
    this.all.add(conn);
    this.perIdentity.set(identity, (this.perIdentity.get(identity) ?? 0) + 1);
    return conn;
  }

  private remove(conn: Conn): void {
    if (conn.closed) return;
    conn.closed = true;
    this.all.delete(conn);
    this.blocked.delete(conn);
    this.initialPending.delete(conn);
    const n = (this.perIdentity.get(conn.identity) ?? 1) - 1;
    if (n > 0) this.perIdentity.set(conn.identity, n);
    else this.perIdentity.delete(conn.identity);
    const { group } = conn;
    group.conns.delete(conn);
    if (group.conns.size === 0 && this.groups.get(group.shareId) === group) {
      this.groups.delete(group.shareId);
      this.wheel[group.slot]?.delete(group);
      const ofVehicle = this.vehicles.get(group.vehicleKey);
      ofVehicle?.delete(group);
      if (ofVehicle?.size === 0) this.vehicles.delete(group.vehicleKey);
    }
  }

  /** Deregisters and ends the sink, after a last chunk; `force` destroys a stuck sink instead of flushing it. */
  private close(conn: Conn, lastChunk?: string, force = false): void {
    if (conn.closed) return;
    this.remove(conn);
    try {
      if (lastChunk !== undefined) conn.out.write(lastChunk);
      if (force && conn.out.destroy) conn.out.destroy();
      else conn.out.end();
    } catch {
      // the client is gone already
    }
  }

  /** Writes unless the connection is blocked; a full buffer starts (or extends) a blocked spell. */
  private send(conn: Conn, chunk: string): boolean {
    if (conn.closed || conn.blocked) return false;
    let ok: boolean;
    try {
      ok = conn.out.write(chunk);
    } catch {
      this.close(conn);
      return false;
    }
    if (ok) {
      if (conn.blockedAt >= 0) this.unblock(conn);
      return true;
    }
    // The chunk was queued, but the client reads slower than we write: skip until it drains.
    conn.blocked = true;
    if (conn.blockedAt < 0) {
      conn.blockedAt = this.tickSeq;
      this.blocked.add(conn);
    }
    if (conn.out.once && !conn.waitingDrain) {
      conn.waitingDrain = true;
      conn.out.once('drain', () => {
        conn.waitingDrain = false;
        if (!conn.closed) this.unblock(conn);
      });
    }
    return true;
  }

  private unblock(conn: Conn): void {
    conn.blocked = false;
    conn.blockedAt = -1;
    this.blocked.delete(conn);
  }

  /** At each tick: close connections blocked for more than maxBlockedTicks; let drain-less sinks retry. */
  private expireBlocked(): number {
    let closed = 0;
    for (const conn of [...this.blocked]) {
      // maxBlockedTicks counts whole periods (every slot once).
      if (this.tickSeq - conn.blockedAt > this.maxBlockedTicks * this.slots) {
        this.close(conn, undefined, true);
        closed++;
      } else if (!conn.out.once) {
        conn.blocked = false; // retried by this tick's write; blockedAt is kept until a write succeeds
      }
    }
    return closed;
  }

  // ---- the single timer ----------------------------------------------------

  private reschedule(): void {
    const at = Math.min(this.nextTickAt, this.nextBeatAt, this.changeAt);
    if (at === this.timerAt && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = at;
    if (at === Number.POSITIVE_INFINITY) return;
    this.timer = setTimeout(this.onTimer, Math.max(0, at - this.now()));
    this.timer.unref?.();
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const t = this.now() + EARLY_MS;
    if (t >= this.nextBeatAt) {
      this.nextBeatAt = nextDeadline(this.nextBeatAt, this.opts.heartbeatMs, t);
      this.heartbeat();
    }
    if (t >= this.nextTickAt) {
      this.nextTickAt = nextDeadline(this.nextTickAt, this.period, t);
      this.tick();
    }
    if (t >= this.changeAt) {
      this.changeAt = Number.POSITIVE_INFINITY;
      this.flushChanged();
    }
    this.reschedule();
  };

  private heartbeat(): void {
    for (const conn of this.all) this.send(conn, SSE_HEARTBEAT);
  }

  private tick(): void {
    if (this.tickRunning) {
      this.overruns++;
      return;
    }
    const started = this.now();
    const slot = this.tickSeq % this.slots;
    this.tickSeq++;
    const connections = this.all.size;
    const closedBlocked = this.expireBlocked();
    if (this.slots === 1) {
      // The tick renders every vehicle: pending alert pushes are covered.
      this.dirtyVehicles.clear();
      this.changeAt = Number.POSITIVE_INFINITY;
    }
    const items: RenderItem[] = [];
    for (const group of this.wheel[slot] ?? []) items.push({ group });
    const frameIdFrom = this.frameSeq;
    this.tickRunning = this.render(items, 'tick')
      .then((r) =>
        this.opts.onTick?.({
          ...r,
          connections,
          ms: this.now() - started,
          closedBlocked,
          overruns: this.overruns,
          slot,
          frameIdFrom,
          frameIdTo: this.frameSeq,
        }),
      )
      .catch((err) => this.opts.onError?.(err, 'tick'))
      .finally(() => {
        this.tickRunning = undefined;
      });
  }

  private flushChanged(): void {
    if (this.changeRunning) {
      // One push render at a time; the next one picks up whatever changed meanwhile.
      this.changeAt = this.now() + this.coalesceMs;
      return;
    }
    const keys = this.dirtyVehicles;
    this.dirtyVehicles = new Set();
    const items: RenderItem[] = [];
    for (const key of keys) for (const group of this.vehicles.get(key) ?? []) items.push({ group });
    if (items.length === 0) return;
    this.changeRunning = this.render(items, 'vehicleChanged')
      .then(() => undefined)
      .catch((err) => this.opts.onError?.(err, 'vehicleChanged'))
      .finally(() => {
        this.changeRunning = undefined;
      });
  }

  /**
   * Immediate frames: connections subscribing while a batch renders wait for
   * it and then go together in the next one, so a reconnect storm costs a
   * few `vehicleViews` calls, not one per connection.
   */
  private requestInitialFrame(conn: Conn): Promise<void> {
    this.initialPending.add(conn);
    if (this.initialQueued) return this.initialQueued;
    const previous = this.initialRunning ?? Promise.resolve();
    const batch: Promise<void> = previous.then(async () => {
      this.initialQueued = undefined;
      this.initialRunning = batch;
      const conns = this.initialPending;
      this.initialPending = new Set();
      const byGroup = new Map<Group, Conn[]>();
      for (const c of conns) {
        if (c.closed) continue;
        const list = byGroup.get(c.group);
        if (list) list.push(c);
        else byGroup.set(c.group, [c]);
      }
      const items: RenderItem[] = [];
      for (const [group, only] of byGroup) items.push({ group, only });
      try {
        await this.render(items, 'subscribe');
      } catch (err) {
        this.opts.onError?.(err, 'subscribe');
      } finally {
        if (this.initialRunning === batch) this.initialRunning = undefined;
      }
    });
    this.initialQueued = batch;
    return batch;
  }

  // ---- rendering -----------------------------------------------------------

  /** One `vehicleViews` call for all the items' vehicles, one `shareFrame` per share, one serialization per share. */
  private async render(items: RenderItem[], during: RenderContext): Promise<RenderResult> {
    const result: RenderResult = { vehicles: 0, shares: 0, written: 0, skipped: 0 };
    if (items.length === 0) return result;
    // A connection that gets a frame from a render started later than this one is not sent this (older) one.
    const seqAtStart = this.frameSeq;
    const keys = [...new Set(items.map((i) => i.group.vehicleKey))];
    result.vehicles = keys.length;
    const views = await this.opts.source.vehicleViews(keys);
    for (let from = 0; from < items.length; from += RENDER_CHUNK) {
      if (from > 0) await yieldToEventLoop();
      const chunk = items.slice(from, from + RENDER_CHUNK);
      const frames = await Promise.all(
        chunk.map(({ group }) =>
          group.conns.size === 0
            ? undefined
            : this.opts.source
                .shareFrame(group.shareId, views.get(group.vehicleKey))
                .catch((err: unknown) => {
                  this.opts.onError?.(err, during);
                  return undefined;
                }),
        ),
      );
      for (let i = 0; i < chunk.length; i++) {
        const frame = frames[i];
        const item = chunk[i] as RenderItem;
        if (!frame) continue;
        result.shares++;
        if (frame.ended) {
          this.shareEnded(item.group.shareId, frame.reason);
          continue;
        }
        if (this.stopped) continue;
        let text: string | undefined;
        let id = 0;
        for (const conn of item.only ?? item.group.conns) {
          if (conn.closed || conn.lastFrameId > seqAtStart) continue;
          if (conn.blocked) {
            result.skipped++;
            continue;
          }
          if (text === undefined) {
            id = ++this.frameSeq;
            text = sseViewFrame(id, frame.body);
          }
          if (this.send(conn, text)) {
            conn.lastFrameId = id;
            result.written++;
          }
        }
      }
    }
    return result;
  }
}

/** The deadline after `at`; periods missed while the event loop was stalled are skipped, not replayed. */
function nextDeadline(at: number, period: number, now: number): number {
  const next = at + period;
  return next > now ? next : now + period;
}

/** A partition's offset to commit once the checkpoint that covers it is saved. */
export interface PendingOffset {
  partition: number;
  /** The last offset processed (inclusive). */
  lastOffset: string;
  /** The partition's high watermark when it was processed (for the lag reported at commit). */
  highWatermark: string;
}

/**
 * The bookkeeping of a consumer that commits on a checkpoint instead of after
 * every chunk: the offsets processed per partition since the last checkpoint,
 * when the next one is due, and a gate that keeps chunks out of `process`
 * while a checkpoint saves (so that what it saves holds no half-processed
 * chunk). No Kafka here: ChunkConsumer supplies the flush and the commit.
 *
 * A checkpoint takes, once no chunk is in process, the offsets processed so
 * far; runs `flush` (saves what they depend on); then commits those offsets,
 * unless they were dropped meanwhile (an assignment change: the new owner
 * starts from the last commit and the last saved state).
 */
export class Checkpointer {
  private pending = new Map<number, PendingOffset>();
  private lastAt: number;
  /** Bumped by drop(): a checkpoint that began before a drop commits nothing. */
  private generation = 0;
  private running: Promise<void> | undefined;
  private processing = 0;
  private idle: (() => void)[] = [];

  constructor(
    readonly everyMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastAt = now();
  }

  /** Offsets processed and not yet committed, per partition. */
  get uncommitted(): ReadonlyMap<number, PendingOffset> {
    return this.pending;
  }

  /** A chunk's messages up to `lastOffset` were processed: committed by the next checkpoint. */
  processed(p: PendingOffset): void {
    this.pending.set(p.partition, p);
  }

  /** Something to commit and the last checkpoint at least everyMs ago. */
  due(): boolean {
    return this.pending.size > 0 && this.now() - this.lastAt >= this.everyMs;
  }

  /** Milliseconds until due() (0 when overdue), or undefined with nothing to commit. */
  dueInMs(): number | undefined {
    if (this.pending.size === 0) return undefined;
    return Math.max(0, this.lastAt + this.everyMs - this.now());
  }

  /** Forgets the uncommitted offsets (and any checkpoint under way commits nothing); returns them. */
  drop(): PendingOffset[] {
    this.generation++;
    const dropped = [...this.pending.values()];
    this.pending = new Map();
    return dropped;
  }

  /** A chunk enters `process`: waits while a checkpoint is under way. */
  async enter(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    this.processing++;
  }

  /** The chunk left `process` (succeeded or failed). */
  leave(): void {
    this.processing--;
    if (this.processing === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /**
   * Runs a checkpoint (after the one under way, if any): waits until no chunk
   * is in process, flushes, then commits the offsets that were processed when
   * the flush began. Resolves with the offsets committed (none when nothing
   * was pending or they were dropped during the flush). A failed flush or
   * commit rejects and leaves the offsets pending.
   */
  checkpoint(
    flush: () => Promise<void>,
    commit: (offsets: PendingOffset[]) => Promise<void>,
  ): Promise<PendingOffset[]> {
    const previous = this.running;
    let committed: PendingOffset[] = [];
    const run = (async () => {
      if (previous) await previous.catch(() => undefined);
      if (this.processing > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
      if (this.pending.size === 0) return;
      const generation = this.generation;
      const taken = [...this.pending.values()];
      await flush();
      this.lastAt = this.now();
      if (generation !== this.generation) return;
      await commit(taken);
      // Chunks processed during the commit stay pending with their newer offsets.
      for (const t of taken) if (this.pending.get(t.partition) === t) this.pending.delete(t.partition);
      committed = taken;
    })();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = undefined;
    };
    run.then(clear, clear);
    return run.then(() => committed);
  }

  /** The checkpoint under way, if any, settled. */
  async settled(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }
}

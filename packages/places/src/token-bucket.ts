/**
 * A token bucket: `perSecond` tokens a second, at most `perSecond` saved up,
 * so bursts are bounded by one second's worth and the long-run rate by the
 * budget.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(perSecond > 0)) throw new Error(`perSecond must be positive, got ${perSecond}`);
    this.tokens = perSecond;
    this.last = now();
  }

  /** Takes a token if one is there; false means over budget. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

import { type FastifyReply, type FastifyRequest, ProblemError } from '@safewatch/common';

/**
 * At most `max` open streams per client address (SHARE_STREAM_MAX_PER_IP).
 * The per-identity cap (SHARE_STREAM_MAX_PER_IDENTITY) does not stop one
 * address holding thousands of streams with thousands of one-click viewer
 * tokens, nor the opens-per-minute limit one that opens them slowly; this
 * does. A connection counts from its first hook until its response closes,
 * refused ones included, so a flood of attempts holds no slot for long.
 */
export class StreamsPerIp {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {
    if (!(Number.isInteger(max) && max > 0)) throw new Error('max streams per IP must be a positive integer');
  }

  /** Open connections of an address (for tests and metrics). */
  of(ip: string): number {
    return this.open.get(ip) ?? 0;
  }

  /** The `onRequest` hook of the stream route: 429 problem+json beyond the cap. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const ip = request.ip;
    const n = this.of(ip);
    if (n >= this.max)
      throw new ProblemError('RATE_LIMITED', {
        detail: `at most ${this.max} open streams per client address`,
        headers: { 'retry-after': '30' },
      });
    this.open.set(ip, n + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = this.of(ip) - 1;
      if (left > 0) this.open.set(ip, left);
      else this.open.delete(ip);
    };
    reply.raw.once('close', release);
    reply.raw.once('finish', release);
  };
}

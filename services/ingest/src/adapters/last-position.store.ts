import { lastPositionKey, type Redis } from '@safewatch/common';
import type { AcceptedPosition } from '../domain/position.js';

// Compare-and-set in one script so concurrent writers and late data can never
// move a vehicle's last position back in time.
const CAS_SCRIPT = `
local cur = redis.call('HGET', KEYS[1], 't')
if cur and tonumber(cur) >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 't', ARGV[1], 'p', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

type CasRedis = Redis & {
  lastPositionCas(key: string, timeMs: string, position: Uint8Array, ttlMs: string): Promise<number>;
};

/** Keys expire when a vehicle has sent nothing for this long, so retired plates do not pile up. */
const TTL_MS = String(30 * 24 * 3600 * 1000);

export class LastPositionStore {
  private readonly redis: CasRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('lastPositionCas', { numberOfKeys: 1, lua: CAS_SCRIPT });
    this.redis = redis as CasRedis;
  }

  /**
   * One pipelined round trip for the whole chunk; one single-key script per
   * vehicle, so it also works on Redis Cluster. Returns how many moved forward.
   */
  async update(newest: AcceptedPosition[]): Promise<number> {
    const pipeline = this.redis.pipeline() as unknown as {
      lastPositionCas(key: string, timeMs: string, position: Buffer, ttlMs: string): void;
      exec(): Promise<[Error | null, unknown][] | null>;
    };
    for (const p of newest) {
      pipeline.lastPositionCas(
        lastPositionKey(this.prefix, p.vehicleKey),
        String(p.gnssTimeMs),
        Buffer.from(p.encoded.buffer, p.encoded.byteOffset, p.encoded.byteLength),
        TTL_MS,
      );
    }
    const results = (await pipeline.exec()) ?? [];
    let moved = 0;
    for (const [err, value] of results) {
      if (err) throw err;
      moved += Number(value);
    }
    return moved;
  }
}

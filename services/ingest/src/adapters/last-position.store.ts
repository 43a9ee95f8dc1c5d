import { lastPositionKey, type Redis } from '@safewatch/common';
import type { AcceptedPosition } from '../domain/position.js';

// Compare-and-set in one script so concurrent writers and late data can never
// move a vehicle's last position back in time. One call covers many vehicles:
// KEYS[i] is vehicle i's hash, ARGV[2i-1] its GNSS time, ARGV[2i] its Position.
const CAS_SCRIPT = `
local ttl = ARGV[#ARGV]
local moved = 0
for i = 1, #KEYS do
  local t = ARGV[2 * i - 1]
  local cur = redis.call('HGET', KEYS[i], 't')
  if not cur or tonumber(cur) < tonumber(t) then
    redis.call('HSET', KEYS[i], 't', t, 'p', ARGV[2 * i])
    redis.call('PEXPIRE', KEYS[i], ttl)
    moved = moved + 1
  end
end
return moved`;

/** Keys expire when a vehicle has sent nothing for this long, so retired plates do not pile up. */
const TTL_MS = String(30 * 24 * 3600 * 1000);

/**
 * Vehicles per script call: large enough that per-command overhead vanishes,
 * small enough that one call never blocks Redis for long (~1 ms).
 */
const VEHICLES_PER_CALL = 1000;

type CasPipeline = {
  lastPositionCas(numKeys: number, ...args: (string | Buffer)[]): void;
  exec(): Promise<[Error | null, unknown][] | null>;
};

/**
 * Moves last positions forward for a whole chunk in one pipelined round trip.
 * Multi-key calls need a standalone Redis (or keys in one Cluster slot); a
 * Cluster deployment would group calls by slot (see docs/).
 */
export class LastPositionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('lastPositionCas', { lua: CAS_SCRIPT });
  }

  /** Returns how many vehicles' last positions moved forward. */
  async update(newest: AcceptedPosition[]): Promise<number> {
    const pipeline = this.redis.pipeline() as unknown as CasPipeline;
    for (let from = 0; from < newest.length; from += VEHICLES_PER_CALL) {
      const slice = newest.slice(from, from + VEHICLES_PER_CALL);
      const keys = slice.map((p) => lastPositionKey(this.prefix, p.vehicleKey));
      const args: (string | Buffer)[] = [];
      for (const p of slice) {
        args.push(
          String(p.gnssTimeMs),
          Buffer.from(p.encoded.buffer, p.encoded.byteOffset, p.encoded.byteLength),
        );
      }
      pipeline.lastPositionCas(keys.length, ...keys, ...args, TTL_MS);
    }
    let moved = 0;
    for (const [err, value] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      moved += Number(value);
    }
    return moved;
  }
}

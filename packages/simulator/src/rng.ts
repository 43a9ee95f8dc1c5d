import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const INV_2_32 = 1 / 0x1_0000_0000;

/** A mutable, seeded PRNG (xoroshiro128+ from pure-rand) with the few draws the simulator needs. */
export class Rng {
  constructor(private readonly g: JumpableRandomGenerator) {}

  /** Uniform in [0, 1). */
  float(): number {
    return (this.g.next() >>> 0) * INV_2_32;
  }

  /** Uniform in [a, b). */
  range(a: number, b: number): number {
    return a + (b - a) * this.float();
  }

  /** Uniform integer in [a, b] (inclusive). */
  int(a: number, b: number): number {
    return a + Math.floor((b - a + 1) * this.float());
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.float())] as T;
  }
}

/**
 * Independent generator streams derived from one seed: stream i is the base
 * generator jumped i+1 times (2^64 steps each), so adding trucks or changing
 * one stream's consumption never changes another stream.
 */
export class RngStreams {
  private readonly base: JumpableRandomGenerator;

  constructor(seed: number) {
    this.base = xoroshiro128plus(seed | 0);
    // xoroshiro's first outputs from a small seed are poorly mixed.
    for (let i = 0; i < 16; i++) this.base.next();
  }

  /** The next independent stream. */
  next(): Rng {
    this.base.jump();
    return new Rng(this.base.clone());
  }
}

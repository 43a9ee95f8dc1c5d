import type { CliOptions } from '@safewatch/common/cli';

/**
 * --connections, --duration and --warmup of the benchmarks that load a server
 * with autocannon (runLoad), with each benchmark's defaults. `of` names what
 * one measure is ("row", "scenario", "row of 1.").
 */
export function loadGeneratorOptions(
  defaults: { connections: number; duration: number; warmup: number },
  of = 'row',
) {
  return {
    connections: {
      type: 'number',
      integer: true,
      min: 1,
      default: defaults.connections,
      placeholder: 'N',
      description: 'autocannon connections',
    },
    duration: {
      type: 'number',
      integer: true,
      min: 1,
      default: defaults.duration,
      placeholder: 'S',
      description: `seconds measured per ${of}, after the warm-up`,
    },
    warmup: {
      type: 'number',
      integer: true,
      min: 0,
      default: defaults.warmup,
      placeholder: 'S',
      description: `warm-up seconds per ${of}`,
    },
  } as const satisfies CliOptions;
}

/** --change of the benchmarks that write BENCHMARKS.md: the "what changed" of the run's changelog row. */
export const changelogOptions = {
  change: {
    type: 'string',
    placeholder: 'TEXT',
    description:
      'what changed since the benchmark\'s last run, for its row in the changelog of\nBENCHMARKS.md (default: "re-run at" the commit measured)',
  },
} as const satisfies CliOptions;

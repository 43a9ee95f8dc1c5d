/** The benchmarks' helpers, without the rest of testkit: `@safewatch/testkit/bench` (light enough for worker threads). */
export * from './benchmarks-md.js';
export * from './child-messages.js';
export * from './cpu-split.js';
export * from './keyed-send.js';
export * from './options.js';
export * from './profiler.js';
export * from './stats.js';

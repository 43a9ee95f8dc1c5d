/**
 * What the CLIs and benchmarks share, without the rest of @safewatch/common
 * (import '@safewatch/common/cli' to keep a small CLI's start-up light):
 * options and --help, progress lines, number formats.
 */
export * from './args.js';
export * from './format.js';
export * from './progress.js';

/**
 * kafkajs consumer timings that keep group tests quick on every broker:
 * - sessionTimeout 6000 is the smallest a real broker accepts by default, and
 *   the librdkafka mock holds a rebalance for (sessionTimeout - 1000) ms after
 *   any member joins or leaves a running group (3 s for a group's first join);
 * - a short fetch long-poll (maxWaitTimeInMs) makes disconnect() return quickly
 *   instead of waiting up to kafkajs' default 5 s for the pending fetch.
 * Spread into kafka.consumer({ groupId, ...testConsumerTimings }).
 */
export const testConsumerTimings = {
  sessionTimeout: 6_000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 250,
} as const;

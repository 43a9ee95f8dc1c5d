/**
 * kafkajs consumer timings that keep group tests quick on every broker:
 * - sessionTimeout 6000 is the smallest Kafka accepts by default
 *   (group.min.session.timeout.ms), so a member that is gone is noticed soon;
 * - a short fetch long-poll (maxWaitTimeInMs) makes disconnect() return quickly
 *   instead of waiting up to kafkajs' default 5 s for the pending fetch.
 * Spread into kafka.consumer({ groupId, ...testConsumerTimings }).
 */
export const testConsumerTimings = {
  sessionTimeout: 6_000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 250,
} as const;

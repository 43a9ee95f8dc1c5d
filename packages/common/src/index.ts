export type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preHandlerHookHandler,
} from 'fastify';
export * from './cli/index.js';
export * from './config.js';
export * from './consumer-metrics.js';
export * from './dependency-probe.js';
export * from './http/index.js';
export * from './kafka/chunk-consumer.js';
export * from './kafka/client.js';
export * from './kafka/producer.js';
export * from './kafka/topics.js';
export * from './last-position.js';
export * from './logger.js';
export * from './migrate.js';
export * from './ops-server.js';
export * from './pg.js';
export * from './redis.js';
export * from './retry.js';
export * from './service-clients.js';
export * from './shutdown.js';
export * from './tracing/index.js';
export * from './vehicle.js';

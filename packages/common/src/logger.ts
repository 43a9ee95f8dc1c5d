import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that may carry personal data. Plates are not personal data here; person
 * names, phone numbers, identity numbers and raw tokens are, and never reach logs.
 * (A top-level `name` is pino's logger name, so only nested `*.name` is censored.)
 */
const REDACT = [
  'phone',
  'idNumber',
  'driverName',
  'token',
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.name',
  '*.phone',
  '*.idNumber',
  '*.driverName',
  '*.token',
];

/** `destination` (default stdout) lets tests read exactly what a service logs. */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  const options = {
    name: service,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

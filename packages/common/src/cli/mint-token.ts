/**
 * Prints a bearer token for local development and tests:
 *   npm run -s token -- --role driver --sub d-001 [--carrier-id c-01] [--ttl 3600]
 * Signs with JWT_SECRET, or JWT_PRIVATE_KEY next to JWT_PUBLIC_KEY (RS256);
 * with neither set it uses DEV_JWT_SECRET, which `npm start` also uses.
 * Production tokens come from the government one-stop login, never from here.
 */
import { z } from 'zod';
import { parseConfig } from '../config.js';
import { authConfig, authEnv, DEV_JWT_SECRET } from '../http/auth.config.js';
import { ROLES } from '../http/principal.js';
import { mintToken } from '../http/token.js';
import { parseCliArgs } from './args.js';

const { values: args } = parseCliArgs({
  name: 'token',
  usage: 'npm run -s token -- --role ROLE --sub ID [options]',
  summary: `Prints a bearer token for local development and tests. Production tokens come from the
government one-stop login, never from here.`,
  options: {
    role: {
      type: 'string',
      choices: ROLES,
      required: true,
      placeholder: 'ROLE',
      description: ROLES.join(', '),
    },
    sub: { type: 'string', required: true, placeholder: 'ID', description: 'subject: the user id' },
    'carrier-id': {
      type: 'string',
      placeholder: 'ID',
      description: 'the carrier (required for role carrier)',
    },
    ttl: {
      type: 'number',
      integer: true,
      min: 1,
      default: 3600,
      placeholder: 'S',
      description: 'seconds the token is valid',
    },
  },
  env: {
    JWT_SECRET: 'HS256 signing secret (default: the public development secret `npm start` uses)',
    'JWT_PRIVATE_KEY, JWT_PUBLIC_KEY': 'RS256 key pair (PEM) instead of a secret',
  },
});

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

const { role, sub, ttl } = args;
const carrierId = args['carrier-id'];
if (role === 'carrier' && !carrierId) fail('--carrier-id is required for role carrier');
try {
  const env = { ...process.env };
  if (!env.JWT_SECRET && !env.JWT_PUBLIC_KEY) env.JWT_SECRET = DEV_JWT_SECRET;
  const cfg = authConfig(parseConfig(z.object(authEnv), env));
  const claims = role === 'carrier' ? { sub, role, carrierId } : { sub, role };
  process.stdout.write(`${mintToken(cfg, claims, ttl)}\n`);
} catch (err) {
  process.stderr.write(`token: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

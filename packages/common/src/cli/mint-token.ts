/**
 * Prints a bearer token for local development and tests:
 *   npm run -s token -- --role driver --sub d-001 [--carrier-id c-01] [--ttl 3600]
 * Signs with JWT_SECRET, or JWT_PRIVATE_KEY next to JWT_PUBLIC_KEY (RS256);
 * with neither set it uses DEV_JWT_SECRET, which `npm start` also uses.
 * Production tokens come from the government one-stop login, never from here.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConfig } from '../config.js';
import { authConfig, authEnv, DEV_JWT_SECRET } from '../http/auth.config.js';
import { ROLES } from '../http/principal.js';
import { mintToken } from '../http/token.js';

const usage =
  'usage: npm run -s token -- --role driver|family|carrier|ops --sub <id> [--carrier-id <id>] [--ttl <seconds>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(1);
}

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      'carrier-id': { type: 'string' },
      ttl: { type: 'string', default: '3600' },
    },
    strict: true,
  });
  const args = z
    .object({
      role: z.enum(ROLES),
      sub: z.string().min(1),
      carrierId: z.string().min(1).optional(),
      ttl: z.coerce.number().int().positive(),
    })
    .safeParse({ role: values.role, sub: values.sub, carrierId: values['carrier-id'], ttl: values.ttl });
  if (!args.success) fail(args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const { role, sub, carrierId, ttl } = args.data;
  if (role === 'carrier' && !carrierId) fail('--carrier-id is required for role carrier');

  const env = { ...process.env };
  if (!env.JWT_SECRET && !env.JWT_PUBLIC_KEY) env.JWT_SECRET = DEV_JWT_SECRET;
  const cfg = authConfig(parseConfig(z.object(authEnv), env));
  const claims = role === 'carrier' ? { sub, role, carrierId } : { sub, role };
  process.stdout.write(`${mintToken(cfg, claims, ttl)}\n`);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

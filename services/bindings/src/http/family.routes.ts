import { type FastifyInstance, perIdentityRateLimit, principalOf, requireRole } from '@safewatch/common';
import { RuleViolation } from '../domain/errors.js';
import { completeDelegation } from '../usecases/complete-delegation.usecase.js';
import { DELEGATION_TOKEN_PATTERN } from '../usecases/delegation-token.js';
import { listDelegatedVehicles } from '../usecases/list-delegated-vehicles.usecase.js';
import { viewDelegation } from '../usecases/open-delegation.usecase.js';
import type { RouteOptions } from './driver.routes.js';
import { call } from './problems.js';
import * as s from './schemas.js';

const TOKEN = new RegExp(DELEGATION_TOKEN_PATTERN);

/** Family members: B5 delegated binding and their "bound on behalf" list. */
export async function familyRoutes(app: FastifyInstance, { deps, bindAttemptsPerMinute }: RouteOptions) {
  const family = requireRole('family');

  app.get<{ Params: { token: string } }>(
    '/v1/delegations/:token',
    {
      onRequest: family,
      config: { rateLimit: perIdentityRateLimit(60, '1 minute') },
      schema: { params: s.tokenParams, response: { 200: s.delegationView, ...s.refusals.openDelegation } },
    },
    async (req) => {
      const d = await call(() =>
        TOKEN.test(req.params.token) ? viewDelegation(deps, req.params.token) : unknown(),
      );
      return { ...d, expiresAt: d.expiresAt.toISOString() };
    },
  );

  app.post<{ Params: { token: string }; Body: { transportCertNo: string; vin: string } }>(
    '/v1/delegations/:token/complete',
    {
      onRequest: family,
      config: { rateLimit: perIdentityRateLimit(bindAttemptsPerMinute, '1 minute') },
      schema: {
        params: s.tokenParams,
        body: s.completeDelegationBody,
        response: {
          201: { type: 'object', properties: { binding: s.binding } },
          ...s.refusals.completeDelegation,
        },
      },
    },
    async (req, reply) => {
      const token = req.params.token;
      const b = await call(() =>
        TOKEN.test(token) ? completeDelegation(deps, token, principalOf(req).sub, req.body) : unknown(),
      );
      // The family member learns the plate they entered the proof for, not the driver's other data.
      return reply.code(201).send({
        binding: {
          plateNumber: b.plateNumber,
          plateColor: b.plateColor,
          channel: b.channel,
          boundAt: b.boundAt.toISOString(),
        },
      });
    },
  );

  app.get(
    '/v1/family/me/delegated-vehicles',
    { onRequest: family, schema: { response: { 200: s.itemsOf(s.delegatedVehicle) } } },
    async (req) => {
      const items = await call(() => listDelegatedVehicles(deps, principalOf(req).sub));
      return { items: items.map((i) => ({ ...i, boundAt: i.boundAt.toISOString() })) };
    },
  );
}

/** A malformed token is answered like an unknown one, without a lookup. */
async function unknown(): Promise<never> {
  throw new RuleViolation('NOT_FOUND', 'No such delegation link.');
}

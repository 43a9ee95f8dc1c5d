import { type FastifyInstance, principalOf, problem, requireRole } from '@safewatch/common';
import {
  carrierUnbind,
  getCarrierVehicle,
  listCarrierVehicles,
} from '../usecases/carrier-vehicles.usecase.js';
import type { RouteOptions } from './driver.routes.js';
import { presentBinding } from './present.js';
import { call } from './problems.js';
import * as s from './schemas.js';

/** Carriers (B6): own vehicles only; another carrier's vehicle answers 404, never 403. */
export async function carrierRoutes(app: FastifyInstance, { deps }: RouteOptions) {
  const carrier = requireRole('carrier');
  const carrierIdOf = (req: Parameters<typeof principalOf>[0]) => {
    const id = principalOf(req).carrierId;
    if (!id) throw problem.unauthenticated('carrier token without carrierId', true);
    return id;
  };

  app.get<{ Querystring: { list: 'bound' | 'all' } }>(
    '/v1/carriers/me/vehicles',
    {
      onRequest: carrier,
      schema: {
        querystring: s.carrierListQuery,
        response: { 200: s.itemsOf(s.carrierVehicle, { list: { type: 'string' } }) },
      },
    },
    async (req) => ({
      list: req.query.list,
      items: await call(() => listCarrierVehicles(deps, carrierIdOf(req), req.query.list)),
    }),
  );

  app.get<{ Params: { vehicleId: string } }>(
    '/v1/carriers/me/vehicles/:vehicleId',
    {
      onRequest: carrier,
      schema: {
        params: s.vehicleIdParams,
        response: { 200: s.carrierVehicleDetail, ...s.refusals.carrierVehicle },
      },
    },
    async (req) => {
      const v = await call(() => getCarrierVehicle(deps, carrierIdOf(req), req.params.vehicleId));
      return {
        ...v,
        bindings: v.bindings.map((b) => ({
          ...b,
          boundAt: b.boundAt.toISOString(),
          unboundAt: b.unboundAt ? b.unboundAt.toISOString() : null,
        })),
      };
    },
  );

  app.delete<{ Params: { vehicleId: string; driverId: string } }>(
    '/v1/carriers/me/vehicles/:vehicleId/bindings/:driverId',
    {
      onRequest: carrier,
      schema: {
        params: {
          type: 'object',
          required: ['vehicleId', 'driverId'],
          properties: {
            vehicleId: { type: 'string', format: 'uuid' },
            driverId: { type: 'string', minLength: 1, maxLength: 128 },
          },
        },
        response: { 200: s.bindingEnvelope, ...s.refusals.carrierUnbind },
      },
    },
    async (req) => {
      const b = await call(() =>
        carrierUnbind(deps, carrierIdOf(req), req.params.vehicleId, req.params.driverId),
      );
      return { binding: presentBinding(b) };
    },
  );
}

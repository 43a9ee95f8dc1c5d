import { type FastifyInstance, perIdentityRateLimit, principalOf, requireRole } from '@safewatch/common';
import { bindVehicle } from '../usecases/bind-vehicle.usecase.js';
import { createDelegation } from '../usecases/create-delegation.usecase.js';
import type { BindingsDeps } from '../usecases/deps.js';
import { listDriverBindings } from '../usecases/list-driver-bindings.usecase.js';
import { rebindVehicle } from '../usecases/rebind-vehicle.usecase.js';
import { unbindVehicle } from '../usecases/unbind-vehicle.usecase.js';
import { presentBinding } from './present.js';
import { call } from './problems.js';
import * as s from './schemas.js';

export interface RouteOptions {
  deps: BindingsDeps;
  /** Bind attempts (self-bind, bind again, delegation) per identity per minute: VIN guessing must not be practical. */
  bindAttemptsPerMinute: number;
  publicBaseUrl: string;
}

/** Drivers: B1-B4 and the start of B5. */
export async function driverRoutes(
  app: FastifyInstance,
  { deps, bindAttemptsPerMinute, publicBaseUrl }: RouteOptions,
) {
  const driver = requireRole('driver');
  const bindLimit = { rateLimit: perIdentityRateLimit(bindAttemptsPerMinute, '1 minute') };

  app.post<{ Body: { plateNumber: string; plateColor: number; transportCertNo: string; vin: string } }>(
    '/v1/drivers/me/bindings',
    {
      onRequest: driver,
      config: bindLimit,
      schema: { body: s.bindBody, response: { 201: s.bindingEnvelope, ...s.refusals.bind } },
    },
    async (req, reply) => {
      const b = await call(() => bindVehicle(deps, principalOf(req).sub, req.body));
      return reply.code(201).send({ binding: presentBinding(b) });
    },
  );

  app.get<{ Querystring: { list: 'current' | 'history' } }>(
    '/v1/drivers/me/bindings',
    {
      onRequest: driver,
      schema: {
        querystring: s.driverListQuery,
        response: { 200: s.itemsOf(s.binding, { list: { type: 'string' } }) },
      },
    },
    async (req) => {
      const items = await call(() => listDriverBindings(deps, principalOf(req).sub, req.query.list));
      return { list: req.query.list, items: items.map(presentBinding) };
    },
  );

  app.delete<{ Params: { vehicleId: string } }>(
    '/v1/drivers/me/bindings/:vehicleId',
    {
      onRequest: driver,
      schema: { params: s.vehicleIdParams, response: { 200: s.bindingEnvelope, ...s.refusals.unbind } },
    },
    async (req) => {
      const b = await call(() => unbindVehicle(deps, principalOf(req).sub, req.params.vehicleId, 'DRIVER'));
      return { binding: presentBinding(b) };
    },
  );

  app.post<{ Params: { vehicleId: string } }>(
    '/v1/drivers/me/bindings/:vehicleId/rebind',
    {
      onRequest: driver,
      config: bindLimit,
      schema: { params: s.vehicleIdParams, response: { 201: s.bindingEnvelope, ...s.refusals.rebind } },
    },
    async (req, reply) => {
      const b = await call(() => rebindVehicle(deps, principalOf(req).sub, req.params.vehicleId));
      return reply.code(201).send({ binding: presentBinding(b) });
    },
  );

  app.post<{ Body: { plateNumber: string; plateColor: number } }>(
    '/v1/drivers/me/delegations',
    {
      onRequest: driver,
      config: bindLimit,
      schema: { body: s.delegationBody, response: { 201: s.createdDelegation, ...s.refusals.delegate } },
    },
    async (req, reply) => {
      const d = await call(() => createDelegation(deps, principalOf(req).sub, req.body));
      return reply.code(201).send({
        delegationId: d.delegationId,
        token: d.token,
        link: `${publicBaseUrl}/v1/delegations/${d.token}`,
        plateNumber: d.plateNumber,
        plateColor: d.plateColor,
        expiresAt: d.expiresAt.toISOString(),
      });
    },
  );
}

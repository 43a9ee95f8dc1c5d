import { z } from 'zod';

/** SPEC §1 actors, as carried in the token's `role` claim. */
export const ROLES = ['driver', 'family', 'carrier', 'ops'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. `carrierId` is set for (and only for) carriers. */
export interface Principal {
  sub: string;
  role: Role;
  carrierId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireRole` / `optionalPrincipal` on the routes they guard. */
    principal?: Principal;
  }
}

/** Identifiers end up in PostgreSQL text columns, which cannot hold NUL. */
const id = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL');

const claimsSchema = z
  .object({
    sub: id,
    role: z.enum(ROLES),
    carrierId: id.optional(),
  })
  .refine((c) => c.role !== 'carrier' || c.carrierId !== undefined, {
    message: 'carrierId is required for role carrier',
    path: ['carrierId'],
  });

/** The principal a verified payload names, or undefined when its claims are unusable. */
export function principalFromClaims(payload: unknown): Principal | undefined {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { sub, role, carrierId } = parsed.data;
  return role === 'carrier' ? { sub, role, carrierId } : { sub, role };
}

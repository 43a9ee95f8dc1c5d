import type { Db } from '../adapters/bindings.repo.js';
import { type DelegationRow, delegationByTokenHash } from '../adapters/delegations.repo.js';
import { RuleViolation } from '../domain/errors.js';
import { hashDelegationToken } from './delegation-token.js';
import type { BindingsDeps } from './deps.js';

/** A delegation that can still be completed; unknown → NOT_FOUND, used or expired → DELEGATION_ENDED. */
export async function openDelegation(
  db: Db,
  token: string,
  now: Date,
  forUpdate = false,
): Promise<DelegationRow> {
  const d = await delegationByTokenHash(db, hashDelegationToken(token), forUpdate);
  if (!d) throw new RuleViolation('NOT_FOUND', 'No such delegation link.');
  if (d.completedAt)
    throw new RuleViolation('DELEGATION_ENDED', 'This delegation link has already been used.');
  if (d.expiresAt.getTime() <= now.getTime())
    throw new RuleViolation('DELEGATION_ENDED', 'This delegation link has expired.');
  return d;
}

/** B5: what the family member sees: only the plate (and when the link expires). */
export async function viewDelegation(deps: BindingsDeps, token: string) {
  const d = await openDelegation(deps.pool, token, deps.now());
  return { plateNumber: d.plateNumber, plateColor: d.plateColor, expiresAt: d.expiresAt };
}

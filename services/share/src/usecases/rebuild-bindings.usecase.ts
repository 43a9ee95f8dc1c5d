import type { CurrentBinding } from '../adapters/current-bindings.repo.js';
import type { ShareDeps } from './deps.js';

export type { CurrentBinding };

/**
 * Replaces the current-bindings view (normally kept from bindings.events)
 * with the bindings service's own list, e.g. after the topic's retention or a
 * new deployment; shares whose binding is gone end as unbound (S8). The
 * binding history (X4) follows: a binding gone ends now, a new one begins.
 */
export async function rebuildBindings(deps: ShareDeps, current: CurrentBinding[]) {
  const now = deps.now();
  const { endShares, inTransaction } = deps.repos.shares;
  const { removed, ended } = await inTransaction(deps.pool, async (client) => {
    const gone = await deps.repos.bindings.replaceCurrentBindings(client, current, now);
    const endedShares = [];
    for (const g of gone) endedShares.push(...(await endShares(client, g, 'UNBOUND', now)));
    return { removed: gone.length, ended: endedShares };
  });
  deps.sharesEnded(ended.map((s) => ({ shareId: s.shareId, reason: 'UNBOUND' })));
  return { bindings: current.length, removed, sharesEnded: ended.length };
}

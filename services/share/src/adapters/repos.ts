import type { ShareRepos } from '../usecases/deps.js';
import * as adoption from './adoption.repo.js';
import * as history from './binding-history.repo.js';
import * as bindings from './current-bindings.repo.js';
import * as notify from './notify.repo.js';
import * as positions from './positions.repo.js';
import * as shares from './shares.repo.js';
import * as alerts from './vehicle-alerts.repo.js';
import * as clocks from './vehicle-clocks.repo.js';

/** The Postgres repositories the service's use cases work through. */
export const shareRepos: ShareRepos = {
  shares,
  bindings,
  history,
  alerts,
  clocks,
  adoption,
  positions,
  notify,
};

import { type AdoptionCounts, type Counts, zeroCounts } from '../adapters/adoption.repo.js';
import { ADOPTION_TIME_ZONE, type AdoptionPeriod } from '../domain/adoption-period.js';
import { type Region, regionOfPrefix, SHANDONG_REGIONS } from '../domain/plate-city.js';
import type { ShareDeps } from './deps.js';

export type AdoptionRow = Omit<Region, 'key'> & Counts;

export interface AdoptionReport {
  period: { from: string; to: string; timeZone: string; start: string; end: string };
  generatedAt: string;
  /** Shandong's 16 cities in plate order (zeros included), then every other region with data. */
  cities: AdoptionRow[];
  total: Counts;
}

/** Regions outside the Shandong table: by province, then prefix; unknown provinces last. */
function compareRegions(a: Region, b: Region): number {
  const pa = a.province ?? '\uffff';
  const pb = b.province ?? '\uffff';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Lays the counts out per city (pure: tested with the use case). */
export function adoptionRows(counts: AdoptionCounts): AdoptionRow[] {
  const row = ({ key, ...region }: Region, countsKey = key): AdoptionRow => ({
    ...region,
    ...(counts.byRegion.get(countsKey) ?? zeroCounts()),
  });
  const listed = new Set(SHANDONG_REGIONS.map((r) => r.key));
  const others = [...counts.byRegion.keys()]
    .filter((k) => !listed.has(k))
    .map((k) => [regionOfPrefix(k), k] as const)
    .sort(([a], [b]) => compareRegions(a, b));
  return [...SHANDONG_REGIONS.map((r) => row(r)), ...others.map(([r, k]) => row(r, k))];
}

/** X4: adoption statistics per city over a period (definitions in the route's OpenAPI description). */
export async function adoptionReport(deps: ShareDeps, period: AdoptionPeriod): Promise<AdoptionReport> {
  const counts = await deps.repos.adoption.adoptionCounts(deps.pool, period.start, period.end);
  return {
    period: {
      from: period.from,
      to: period.to,
      timeZone: ADOPTION_TIME_ZONE,
      start: period.start.toISOString(),
      end: period.end.toISOString(),
    },
    generatedAt: deps.now().toISOString(),
    cities: adoptionRows(counts),
    total: counts.total,
  };
}

import { existsSync } from 'node:fs';

/**
 * A file of data/. From the sources it is ../data/ beside src/; the build
 * copies data/ into dist/data/, because a service image carries only the
 * dist/ of each workspace it depends on.
 */
export function dataFile(name: string): URL {
  const built = new URL(`./data/${name}`, import.meta.url);
  return existsSync(built) ? built : new URL(`../data/${name}`, import.meta.url);
}

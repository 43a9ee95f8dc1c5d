/**
 * Describes a WGS-84 position in words with the offline geocoder:
 *
 *   npm run places:describe -- 36.95 116.62
 */
import { OfflineGeocoder } from '../offline.geocoder.js';

const [lat, lon] = process.argv.slice(2).map(Number);
if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) {
  console.error('usage: npm run places:describe -- <latitude> <longitude>   (WGS-84, decimal degrees)');
  process.exit(2);
}
console.log(JSON.stringify(OfflineGeocoder.load().describeSync(lat, lon), null, 2));

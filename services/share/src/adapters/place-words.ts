/**
 * X5: places in words for the share service. The offline geocoder of
 * @safewatch/places always answers (synchronously: the view is built from
 * memory); with a map-service key configured, AMap's reverse geocoding is
 * used through its cache, and a place not yet asked is asked in the
 * background (the next view of the vehicle has its words) while the offline
 * words are shown.
 */
import type { Logger } from '@safewatch/common';
import { AmapGeocoder, OfflineGeocoder } from '@safewatch/places';
import type { PlaceWordsOf } from '../domain/geo.js';
import type { PlaceDescriber } from '../usecases/track.usecase.js';

export interface PlaceWordsOptions {
  /** AMap Web service key; empty: offline only. */
  amapKey: string;
  /** Base URL of the AMap web service (a local fake in tests); empty: AMap's own. */
  amapUrl: string;
  /** Requests per second the key may make. */
  amapPerSecond: number;
  logger: Logger;
}

export function placeWords(opts: PlaceWordsOptions): { sync: PlaceWordsOf; describe: PlaceDescriber } {
  const offline = OfflineGeocoder.load();
  if (!opts.amapKey) {
    return {
      sync: (lat, lon) => offline.describeSync(lat, lon).text,
      describe: async ({ lat, lon }) => offline.describeSync(lat, lon).text,
    };
  }
  const amap = new AmapGeocoder({
    key: opts.amapKey,
    fallback: offline,
    perSecond: opts.amapPerSecond,
    ...(opts.amapUrl ? { baseUrl: opts.amapUrl } : {}),
    onFallback: (reason) => opts.logger.debug({ reason }, 'place in words from the offline data'),
  });
  return {
    sync: (lat, lon) => {
      const cached = amap.describeCached(lat, lon);
      if (cached) return cached.text;
      amap.describe(lat, lon).catch(() => undefined);
      return offline.describeSync(lat, lon).text;
    },
    describe: async ({ lat, lon }) => (await amap.describe(lat, lon)).text,
  };
}

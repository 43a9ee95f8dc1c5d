import { DEFAULT_DIVISIONS_URL, DivisionIndex } from './divisions.index.js';
import { type PlaceWords, placeWords, type ReverseGeocoder } from './place-words.js';
import { DEFAULT_EXPRESSWAYS_URL, RoadIndex, type RoadRef } from './roads.index.js';

export interface OfflineGeocoderOptions {
  /** A position this close to an expressway's polyline is "on" it (default 500 m). */
  roadWithinM?: number;
  /** A position outside every boundary goes to the nearest county within this distance (default 3 km). */
  maxGapM?: number;
  divisionsUrl?: URL;
  expresswaysUrl?: URL;
}

/**
 * The default geocoder, shipped with the project: county boundaries and the
 * expressway network in memory, answered synchronously in microseconds, so
 * the share service can describe every position inline and `npm start` and
 * CI need nothing outside.
 */
export class OfflineGeocoder implements ReverseGeocoder {
  constructor(
    private readonly divisions: DivisionIndex,
    private readonly roads: RoadIndex,
  ) {}

  static load(opts: OfflineGeocoderOptions = {}): OfflineGeocoder {
    const divisions = DivisionIndex.load(opts.divisionsUrl ?? DEFAULT_DIVISIONS_URL, {
      maxGapM: opts.maxGapM,
    });
    const roads = RoadIndex.load(opts.expresswaysUrl ?? DEFAULT_EXPRESSWAYS_URL, opts.roadWithinM);
    return new OfflineGeocoder(divisions, roads);
  }

  /** The expressways this geocoder knows, so a web service's road names can be given their codes. */
  get knownRoads(): readonly RoadRef[] {
    return this.roads.known;
  }

  describeSync(lat: number, lon: number): PlaceWords {
    const finite = Number.isFinite(lat) && Number.isFinite(lon);
    const division = finite ? this.divisions.locate(lat, lon) : null;
    const match = finite ? this.roads.nearest(lat, lon) : null;
    const parts = {
      road: match?.road ?? null,
      county: division?.name ?? null,
      city: division?.city ?? null,
      province: division?.province ?? null,
    };
    return placeWords(parts, 'offline', lat, lon);
  }

  describe(lat: number, lon: number): Promise<PlaceWords> {
    return Promise.resolve(this.describeSync(lat, lon));
  }
}

/**
 * Places in words (X5): one reverse-geocoder interface for the truck's
 * position, alert places and rest stops, with an offline default and an AMap
 * web-service adapter that falls back to it.
 */
export { AmapGeocoder, type AmapGeocoderOptions, type AmapStats } from './amap.geocoder.js';
export { AMAP_INFOCODES, type AmapInfocode } from './amap.infocodes.js';
export { DivisionIndex, type DivisionProperties } from './divisions.index.js';
export { OfflineGeocoder, type OfflineGeocoderOptions } from './offline.geocoder.js';
export { type PlaceSource, type PlaceWords, placeText, type ReverseGeocoder } from './place-words.js';
export { RoadIndex, type RoadMatch, type RoadRef } from './roads.index.js';

/**
 * X2: every word the page shows, in the normal wording and in the plain words
 * of the age-friendly mode (large type). Each part defines both modes side by
 * side with one type, so a part cannot exist in one mode only.
 */
import { type CertificateWording, certificateWording } from './wording/certificates.js';
import { type ClockWording, clockWording } from './wording/clock.js';
import { type EpisodeWording, episodeWording } from './wording/episodes.js';
import { type MapWording, mapWording } from './wording/map.js';
import { type NoticeWording, noticeWording } from './wording/notices.js';
import { type NotifyWording, notifyWording } from './wording/notify.js';
import { type TrackWording, trackWording } from './wording/track.js';
import { type VehicleWording, vehicleWording } from './wording/vehicle.js';

export type { NoticeKind } from './wording/notices.js';
export { PLATE_COLORS } from './wording/vehicle.js';

export interface Wording {
  vehicle: VehicleWording;
  clock: ClockWording;
  episodes: EpisodeWording;
  certificates: CertificateWording;
  map: MapWording;
  track: TrackWording;
  notices: NoticeWording;
  notify: NotifyWording;
}

const build = (mode: 'normal' | 'large'): Wording => ({
  vehicle: vehicleWording[mode],
  clock: clockWording[mode],
  episodes: episodeWording[mode],
  certificates: certificateWording[mode],
  map: mapWording[mode],
  track: trackWording[mode],
  notices: noticeWording[mode],
  notify: notifyWording[mode],
});

const NORMAL = build('normal');
const LARGE = build('large');

/** The wording of the page's mode: large type (X2) or normal. */
export const wording = (large: boolean): Wording => (large ? LARGE : NORMAL);

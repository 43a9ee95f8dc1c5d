/// <reference lib="dom" />
/** X7: the words under the map: today's distance and stops, or that there is no fix today. */
import type { TrackView } from '../../../domain/view.schema.js';
import { byId, el } from '../dom.js';
import type { TrackWording } from '../wording/track.js';

export function renderTrackText(track: TrackView | null, w: TrackWording): void {
  const summary = byId('track-summary');
  const list = byId('track-stops');
  list.textContent = '';
  summary.hidden = track === null;
  if (!track) return;
  const empty = track.points.length === 0;
  summary.classList.toggle('track-empty', empty);
  summary.textContent = empty ? w.noFixToday : w.summary(track.distanceM, track.stops.length);
  for (const s of track.stops) {
    const words = {
      startMs: Date.parse(s.startedAt),
      endMs: Date.parse(s.endedAt),
      durationS: s.durationS,
      ongoing: s.ongoing,
      placeText: s.placeText,
    };
    list.append(el('li', 'track-stop-item', w.stopItem(words)));
  }
}

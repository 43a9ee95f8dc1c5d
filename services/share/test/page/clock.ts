/**
 * X6: the driving clock and the fatigue pre-warning episode as the share view
 * gives them, for the page tests: typed as the view's and checked against
 * ViewSchema when the fake API answers. Times are relative to the fake clock.
 */
import type { DrivingClockView, EpisodeView } from '../../src/domain/view.schema.js';
import { fatigueEpisode } from './episodes.js';
import type { FakeShareApi } from './fake-api.js';

const MIN = 60;
const H = 3600;
const iso = (ms: number) => new Date(ms).toISOString();

/** The defaults of the alerts service: rest 20 min, pre-warning 3 h 30 min, limit 4 h. */
const thresholds = { restMinS: 20 * MIN, preWarningS: 3.5 * H, continuousLimitS: 4 * H };

/** Driving for 3 h 40 min since the last rest (20 min before the limit), 6 h 10 min today. */
export function drivingClock(a: FakeShareApi): DrivingClockView {
  const asOf = a.fix?.t ?? a.nowMs;
  const continuous = 3 * H + 40 * MIN;
  return {
    state: 'DRIVING',
    asOf: iso(asOf),
    continuousDrivingS: continuous,
    drivingSince: iso(asOf - continuous * 1000),
    restDueInS: 20 * MIN,
    todayDrivingS: 6 * H + 10 * MIN,
    restingSince: null,
    restingS: 0,
    preWarning: true,
    limitReached: false,
    ...thresholds,
  };
}

/** Resting for 12 minutes after 2 h 05 min of driving (the rest not yet 20 min), 6 h 10 min today. */
export function restingClock(a: FakeShareApi): DrivingClockView {
  const asOf = a.fix?.t ?? a.nowMs;
  const continuous = 2 * H + 5 * MIN;
  return {
    state: 'RESTING',
    asOf: iso(asOf),
    continuousDrivingS: continuous,
    drivingSince: iso(asOf - (12 * MIN + continuous) * 1000),
    restDueInS: 4 * H - continuous,
    todayDrivingS: 6 * H + 10 * MIN,
    restingSince: iso(asOf - 12 * MIN * 1000),
    restingS: 12 * MIN,
    preWarning: false,
    limitReached: false,
    ...thresholds,
  };
}

/** The ongoing pre-warning raised 10 minutes ago at 3 h 30 min of continuous driving, one rest stop ahead. */
export function preWarningEpisode(a: FakeShareApi): EpisodeView {
  const start = a.nowMs - 10 * MIN * 1000;
  const fatigue = fatigueEpisode(a);
  return {
    ...fatigue,
    episodeId: `FATIGUE_PRE_WARNING:${start}`,
    kind: 'FATIGUE_PRE_WARNING',
    startedAt: iso(start),
    durationS: 10 * MIN,
    fatigue: {
      drivingSince: iso(start - 3.5 * H * 1000),
      continuousDrivingS: 3.5 * H,
      cumulativeDrivingS: 6 * H,
      limitS: 4 * H,
    },
    restStops: fatigue.restStops.slice(0, 1),
  };
}

/**
 * S10: the family sees one item per speeding, fatigue or (X6) fatigue
 * pre-warning episode, folded from the alert records the alerts service
 * published (a STARTED and, once over, an ENDED record per episode, both
 * carrying the episode's start). Pure: the
 * same set of records gives the same episodes in any order, and a record seen
 * twice changes nothing.
 *
 * A4 (clarified): an episode whose source is PLATFORM only — the positioning
 * platform set the alarm bit while our own figures never found the condition
 * (no sustained speeding above our limit, no continuous driving beyond the
 * limit) — is kept, marked `platformOnly`, and explained in a plain sentence
 * with our own figures, so that it is never presented as our finding.
 */
import { durationWords } from './duration-words.js';
import { type Place, placeE6, place as placeOf } from './geo.js';
import type { EpisodeView, RestStopView } from './view.schema.js';

/** An alert record as stored by the share service (vehicle_alerts). */
export interface AlertRecordRow {
  alertId: string;
  kind: string;
  phase: string;
  source: string;
  /** ISO 8601 instant of the fix that decided the record. */
  occurredAt: string;
  /** The episode's start (ms) common to its records; null for records stored before it was sent. */
  episodeStartMs: number | null;
  /** The protobuf detail (SpeedingDetail / FatigueDetail) as JSON: 0.1 km/h, micro-degrees. */
  detail: unknown;
}

export type Episode = EpisodeView;
export type EpisodeKind = EpisodeView['kind'];
export type EpisodeSource = EpisodeView['source'];

/** FATIGUE_PRE_WARNING (X6) folds like the fatigue kinds: STARTED at 3 h 30 min, ENDED at the rest. */
export const EPISODE_KINDS: ReadonlySet<string> = new Set([
  'SPEEDING',
  'FATIGUE_CONTINUOUS',
  'FATIGUE_DAILY',
  'FATIGUE_PRE_WARNING',
]);

interface SpeedingDetailJson {
  startMs?: number;
  endMs?: number;
  peakSpeedDkmh?: number;
  limitKmh?: number;
  durationS?: number;
  startPlace?: { latE6?: number; lonE6?: number };
  endPlace?: { latE6?: number; lonE6?: number };
}

interface FatigueDetailJson {
  drivingSinceMs?: number;
  continuousDrivingS?: number;
  cumulativeDrivingS?: number;
  limitS?: number;
  place?: { latE6?: number; lonE6?: number };
  suggestedRestStops?: {
    id?: string;
    name?: string;
    type?: string;
    location?: { latE6?: number; lonE6?: number };
    services?: string[];
    distanceM?: number;
  }[];
}

/** The episode start of a record: the stored field, else the one in its id (vehicle|kind|startMs|phase). */
export function episodeStartOf(r: Pick<AlertRecordRow, 'alertId' | 'episodeStartMs' | 'occurredAt'>): number {
  if (r.episodeStartMs !== null && r.episodeStartMs > 0) return r.episodeStartMs;
  const fromId = Number(r.alertId.split('|')[2]);
  return Number.isFinite(fromId) && fromId > 0 ? fromId : Date.parse(r.occurredAt);
}

const iso = (ms: number) => new Date(ms).toISOString();
const kmh = (dkmh: number | undefined) => Math.round(dkmh ?? 0) / 10;

export { durationWords };

function sourceText(
  kind: EpisodeKind,
  source: EpisodeSource,
  speeding: Episode['speeding'],
  fatigue: Episode['fatigue'],
  ongoing: boolean,
): string {
  if (source === 'DETECTED') return '本系统根据车辆上报的位置和速度判定。';
  if (source === 'DETECTED_AND_PLATFORM') return '本系统判定，车辆的定位平台也报告了此情况。';
  if (kind === 'SPEEDING' && speeding) {
    // While it lasts, our own detection may still confirm it (an ENDED record will then say so).
    return ongoing
      ? `此提醒来自车辆的定位平台。本系统按限速 ${speeding.limitKmh} km/h 尚未确认持续超速（目前最高 ${speeding.peakKmh} km/h）。`
      : `此提醒来自车辆的定位平台。本系统按限速 ${speeding.limitKmh} km/h 未测得持续超速（此段最高 ${speeding.peakKmh} km/h）。`;
  }
  if (fatigue) {
    const limit = durationWords(fatigue.limitS);
    const figure =
      kind === 'FATIGUE_DAILY'
        ? `今日累计驾驶 ${durationWords(fatigue.cumulativeDrivingS)}`
        : `已连续驾驶 ${durationWords(fatigue.continuousDrivingS)}`;
    return `此提醒来自车辆的定位平台。按本系统记录，当时${figure}，未超过 ${limit}的限制。`;
  }
  return '此提醒来自车辆的定位平台。';
}

/**
 * S10: one item per episode, newest first. `latestFixMs` (the vehicle's last
 * fix) gives an ongoing episode's duration so far.
 */
export function toEpisodes(records: readonly AlertRecordRow[], latestFixMs: number | undefined): Episode[] {
  const groups = new Map<string, { started?: AlertRecordRow; ended?: AlertRecordRow; startMs: number }>();
  for (const r of records) {
    if (!EPISODE_KINDS.has(r.kind)) continue;
    const startMs = episodeStartOf(r);
    const id = `${r.kind}:${startMs}`;
    let g = groups.get(id);
    if (!g) {
      g = { startMs };
      groups.set(id, g);
    }
    // Records are unique by alert id, so each phase comes once; the smaller id wins ties, whatever the order.
    if (r.phase === 'ENDED') {
      if (!g.ended || r.alertId < g.ended.alertId) g.ended = r;
    } else if (r.phase === 'STARTED') {
      if (!g.started || r.alertId < g.started.alertId) g.started = r;
    }
  }
  const out: Episode[] = [];
  for (const [episodeId, g] of groups) {
    const last = g.ended ?? g.started;
    if (!last) continue;
    const kind = last.kind as EpisodeKind;
    const source = (g.ended?.source ?? g.started?.source ?? 'DETECTED') as EpisodeSource;
    const ended = g.ended !== undefined;
    let startedMs: number;
    let endedMs: number | null = null;
    let speeding: Episode['speeding'] = null;
    let fatigue: Episode['fatigue'] = null;
    let place: Place | null = null;
    let endPlace: Place | null = null;
    let restStops: RestStopView[] = [];
    if (kind === 'SPEEDING') {
      const d = (last.detail ?? {}) as SpeedingDetailJson;
      const first = (g.started?.detail ?? d) as SpeedingDetailJson;
      startedMs = d.startMs ?? first.startMs ?? g.startMs;
      speeding = { peakKmh: kmh(d.peakSpeedDkmh), limitKmh: d.limitKmh ?? 0 };
      place = placeE6(d.startPlace ?? first.startPlace);
      if (ended) {
        endedMs = d.endMs ?? Date.parse(last.occurredAt);
        endPlace = placeE6(d.endPlace);
      }
    } else {
      const d = (last.detail ?? {}) as FatigueDetailJson;
      const first = (g.started?.detail ?? d) as FatigueDetailJson;
      startedMs = g.started ? Date.parse(g.started.occurredAt) : g.startMs;
      if (ended) endedMs = Date.parse(last.occurredAt);
      fatigue = {
        drivingSince: iso(d.drivingSinceMs ?? first.drivingSinceMs ?? g.startMs),
        continuousDrivingS: d.continuousDrivingS ?? 0,
        cumulativeDrivingS: d.cumulativeDrivingS ?? 0,
        limitS: d.limitS ?? 0,
      };
      place = placeE6(first.place ?? d.place);
      restStops = (first.suggestedRestStops ?? d.suggestedRestStops ?? []).map((s) => ({
        id: s.id ?? '',
        name: s.name ?? '',
        type: (s.type ?? 'OTHER').replace(/^REST_STOP_TYPE_/, '') as RestStopView['type'],
        services: s.services ?? [],
        distanceM: s.distanceM ?? 0,
        location: placeOf((s.location?.latE6 ?? 0) / 1e6, (s.location?.lonE6 ?? 0) / 1e6),
      }));
    }
    const untilMs = endedMs ?? Math.max(latestFixMs ?? 0, Date.parse(last.occurredAt));
    const durationS =
      kind === 'SPEEDING' && ended
        ? ((last.detail as SpeedingDetailJson).durationS ?? Math.round((untilMs - startedMs) / 1000))
        : Math.max(0, Math.round((untilMs - startedMs) / 1000));
    out.push({
      episodeId,
      kind,
      state: ended ? 'ENDED' : 'ONGOING',
      startedAt: iso(startedMs),
      endedAt: endedMs === null ? null : iso(endedMs),
      durationS,
      source,
      platformOnly: source === 'PLATFORM',
      sourceText: sourceText(kind, source, speeding, fatigue, !ended),
      speeding,
      fatigue,
      place,
      endPlace,
      restStops,
    });
  }
  return out.sort((a, b) =>
    a.startedAt === b.startedAt ? (a.episodeId < b.episodeId ? -1 : 1) : a.startedAt < b.startedAt ? 1 : -1,
  );
}

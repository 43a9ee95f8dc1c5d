import { LRUCache } from 'lru-cache';
import { type AmapAction, amapInfocode } from './amap.infocodes.js';
import { type AmapRegeoAnswer, partsFromRegeo } from './amap.response.js';
import { type Cell, cellOf, toGcj02 } from './cells.js';
import type { OfflineGeocoder } from './offline.geocoder.js';
import { type PlaceParts, type PlaceWords, placeWords, type ReverseGeocoder } from './place-words.js';
import { TokenBucket } from './token-bucket.js';

export interface AmapGeocoderOptions {
  /** AMap Web服务 key. */
  key: string;
  /** Default https://restapi.amap.com; tests point it at a local fake. */
  baseUrl?: string;
  /** A request not answered in this time is abandoned for the offline answer (default 1500 ms). */
  timeoutMs?: number;
  /** Requests a second at most (the key's QPS quota, default 3); over it, the offline answer without a request. */
  perSecond?: number;
  /** Cells remembered (default 50,000). */
  cacheSize?: number;
  /** How long a cell's answer is kept (default 24 h). */
  cacheTtlMs?: number;
  /** Edge of a cache cell (default 100 m): positions in one cell share one request. */
  cellM?: number;
  /** A road AMap reports farther than this from the position is not the truck's road (default 500 m). */
  roadWithinM?: number;
  /** Answers whenever AMap does not. */
  fallback: OfflineGeocoder;
  now?: () => number;
  /** Told why an answer came from the fallback (for logs and metrics). */
  onFallback?: (reason: FallbackReason, detail: string) => void;
}

export type FallbackReason =
  | 'paused'
  | 'over-budget'
  | 'timeout'
  | 'network'
  | 'http'
  | 'bad-answer'
  | 'infocode'
  | 'no-place';

export interface AmapStats {
  requests: number;
  cacheHits: number;
  fallbacks: Record<FallbackReason, number>;
}

const MINUTE = 60_000;
const CHINA_UTC_OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;

/**
 * Reverse geocoding by AMap's web service (逆地理编码), for production: GCJ-02
 * input, one request per ~100 m cell (cached, and shared while in flight), a
 * per-second budget, a timeout, and the offline answer whenever AMap cannot
 * give one. Never throws: the family always gets words.
 */
export class AmapGeocoder implements ReverseGeocoder {
  private readonly cache: LRUCache<string, PlaceParts>;
  private readonly inflight = new Map<string, Promise<PlaceParts | null>>();
  private readonly bucket: TokenBucket;
  private readonly now: () => number;
  private pausedUntil = 0;
  private readonly counts: AmapStats = {
    requests: 0,
    cacheHits: 0,
    fallbacks: {
      paused: 0,
      'over-budget': 0,
      timeout: 0,
      network: 0,
      http: 0,
      'bad-answer': 0,
      infocode: 0,
      'no-place': 0,
    },
  };

  constructor(private readonly opts: AmapGeocoderOptions) {
    if (!opts.key) throw new Error('AMap geocoder needs a Web服务 key');
    this.now = opts.now ?? Date.now;
    this.bucket = new TokenBucket(opts.perSecond ?? 3, this.now);
    this.cache = new LRUCache({ max: opts.cacheSize ?? 50_000, ttl: opts.cacheTtlMs ?? DAY });
  }

  async describe(lat: number, lon: number): Promise<PlaceWords> {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return this.opts.fallback.describeSync(lat, lon);
    const cell = cellOf(lat, lon, this.opts.cellM ?? 100);
    const cached = this.cache.get(cell.key);
    if (cached) this.counts.cacheHits++;
    const parts = cached ?? (await this.ask(cell));
    return parts ? placeWords(parts, 'amap', lat, lon) : this.opts.fallback.describeSync(lat, lon);
  }

  /** AMap's answer when its cell is cached, without any request: for views built synchronously. */
  describeCached(lat: number, lon: number): PlaceWords | null {
    const parts = this.cache.get(cellOf(lat, lon, this.opts.cellM ?? 100).key);
    return parts ? placeWords(parts, 'amap', lat, lon) : null;
  }

  stats(): AmapStats {
    return { ...this.counts, fallbacks: { ...this.counts.fallbacks } };
  }

  private ask(cell: Cell): Promise<PlaceParts | null> {
    const pending = this.inflight.get(cell.key);
    if (pending) return pending;
    if (this.now() < this.pausedUntil)
      return this.fail('paused', `until ${new Date(this.pausedUntil).toISOString()}`);
    if (!this.bucket.take()) return this.fail('over-budget', `${this.opts.perSecond ?? 3}/s`);
    const request = this.request(cell)
      .catch((err: unknown) => this.fail('bad-answer', String(err)))
      .finally(() => this.inflight.delete(cell.key));
    this.inflight.set(cell.key, request);
    return request;
  }

  private async request(cell: Cell): Promise<PlaceParts | null> {
    const [gLat, gLon] = toGcj02(cell.lat, cell.lon);
    const url = new URL('/v3/geocode/regeo', this.opts.baseUrl ?? 'https://restapi.amap.com');
    url.search = new URLSearchParams({
      key: this.opts.key,
      location: `${gLon.toFixed(6)},${gLat.toFixed(6)}`,
      extensions: 'all',
      output: 'JSON',
    }).toString();
    this.counts.requests++;
    const timeoutMs = this.opts.timeoutMs ?? 1_500;
    let answer: AmapRegeoAnswer;
    try {
      // The signal covers reading the body too, so a trickling answer also times out.
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) return this.fail('http', `HTTP ${res.status}`);
      const body: unknown = await res.json();
      if (typeof body !== 'object' || body === null || typeof (body as AmapRegeoAnswer).status !== 'string') {
        return this.fail('bad-answer', 'not a regeo answer');
      }
      answer = body as AmapRegeoAnswer;
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return this.fail('timeout', `${timeoutMs} ms`);
      return this.fail(name === 'SyntaxError' ? 'bad-answer' : 'network', (err as Error).message);
    }
    if (answer.status !== '1') {
      const code = amapInfocode(String(answer.infocode));
      this.pause(code.action);
      return this.fail('infocode', `${answer.infocode} ${answer.info ?? code.info}: ${code.meaning}`);
    }
    const parts = partsFromRegeo(answer, this.opts.roadWithinM ?? 500, this.opts.fallback.knownRoads);
    if (!parts) return this.fail('no-place', 'no province in the answer');
    this.cache.set(cell.key, parts);
    return parts;
  }

  private pause(action: AmapAction): void {
    const t = this.now();
    const until = {
      fallback: t,
      'pause-second': t + 1_000,
      'pause-minute': Math.floor(t / MINUTE) * MINUTE + MINUTE,
      'pause-until-midnight': Math.floor((t + CHINA_UTC_OFFSET) / DAY) * DAY + DAY - CHINA_UTC_OFFSET,
      'pause-long': t + 10 * MINUTE,
    }[action];
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private fail(reason: FallbackReason, detail: string): Promise<null> {
    this.counts.fallbacks[reason]++;
    this.opts.onFallback?.(reason, detail);
    return Promise.resolve(null);
  }
}

/**
 * A stand-in for the share service's viewer API (services/share/API.md) with
 * state the page tests control: a clock, the claimer, the share's end, the
 * view's position, episodes and certificates, and a switch for the SSE stream.
 * It is built like the real service (buildHttpApp: security headers, problem+json) with
 * the real page routes (webRoutes) registered, so the page under test is the
 * one the service serves. Every view it answers or streams is checked against
 * the service's ViewSchema first: a scripted view cannot hold a field, or
 * miss one, that the real view does not.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildHttpApp,
  createLogger,
  type FastifyInstance,
  type FastifyRequest,
  ProblemError,
  problem,
} from '@safewatch/common';
import ajvModule from 'ajv';
import formatsModule from 'ajv-formats';
import { chinaDate, chinaDayStartMs, NO_FIX_TODAY } from '../../src/domain/track.js';
import {
  type CertificateView,
  type DrivingClockView,
  type EpisodeView,
  type PlaceView,
  TrackSchema,
  type TrackView,
  type View,
  ViewSchema,
} from '../../src/domain/view.schema.js';
import { type WebRoutesOptions, webRoutes } from '../../src/web/web.routes.js';

// ajv and ajv-formats are CommonJS: their default export is under `default`.
const Ajv = ajvModule.default;
const addFormats = formatsModule.default;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const validateView = ajv.compile(ViewSchema);
const validateTrack = ajv.compile(TrackSchema);

/** The view as the service would send it; throws, naming the fields, if the schema refuses it. */
export function checkedView(view: View): View {
  if (!validateView(view)) {
    const errors = (validateView.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`scripted view does not match ViewSchema: ${errors.join('; ')}`);
  }
  return view;
}

/** X7: the track as the service would send it; throws, naming the fields, if TrackSchema refuses it. */
export function checkedTrack(track: TrackView): TrackView {
  if (!validateTrack(track)) {
    const errors = (validateTrack.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`scripted track does not match TrackSchema: ${errors.join('; ')}`);
  }
  return track;
}

export const OFFLINE_AFTER_MS = 10 * 60_000;

export interface FakeFix {
  /** GNSS time, epoch ms. */
  t: number;
  /** WGS-84. */
  lat: number;
  lon: number;
  speedKmh: number;
  headingDeg: number;
}

/** Not the real WGS-84 → GCJ-02 transform: a fixed shift the tests can tell apart (X3). */
export const GCJ_SHIFT = { lat: 0.0013, lon: 0.0052 };

/** The place in words (X5) every scripted place has unless told otherwise. */
export const FAKE_PLACE_TEXT = 'G3京台高速 · 济南市历城区附近';

/** A place of the view (X3) from WGS-84 degrees, with the fake GCJ-02 shift, in words (X5). */
export function fakePlace(lat: number, lon: number, text: string | null = FAKE_PLACE_TEXT): PlaceView {
  return {
    wgs84: { lat, lon },
    gcj02: { lat: round6(lat + GCJ_SHIFT.lat), lon: round6(lon + GCJ_SHIFT.lon) },
    text,
  };
}

/** X7: a stop of the scripted day (WGS-84). */
export interface FakeStop {
  startMs: number;
  endMs: number;
  lat: number;
  lon: number;
  ongoing?: boolean;
  placeText?: string | null;
}

export interface LoggedRequest {
  method: string;
  path: string;
  authorization?: string;
  ifNoneMatch?: string;
  lastEventId?: string;
  referer?: string;
  status?: number;
}

export class FakeShareApi {
  readonly token = randomBytes(32).toString('base64url');
  readonly shareId = '7d3f2c1e-0b7a-4f6e-9a51-2f0c8d1e4b6a';
  plateNumber = '鲁B43330';
  plateColor = 2;
  nowMs = Math.floor(Date.now() / 1000) * 1000;
  refreshSeconds = 30;
  /** The viewer who claimed the link (S2). */
  owner: string | null = null;
  ended = false;
  streamEnabled = true;
  fix: FakeFix | null = null;
  episodes: EpisodeView[] = [];
  /** X6: the driving clock as the view gives it. */
  clock: DrivingClockView | null = null;
  certificates: CertificateView[] = [];
  /** X7: today's fixes; null: the current fix is the day's only one. */
  dayFixes: FakeFix[] | null = null;
  dayStops: FakeStop[] = [];
  dayDistanceM = 0;
  /** Views the schema refused (the page was answered 500 instead). */
  readonly refusedViews: string[] = [];
  readonly requests: LoggedRequest[] = [];
  url = '';

  private readonly streams = new Set<ServerResponse>();
  private frameId = 0;
  private viewerSeq = 0;
  private readonly viewers = new Set<string>();

  private constructor(readonly app: FastifyInstance) {}

  static async start(web: WebRoutesOptions = {}): Promise<FakeShareApi> {
    const app = await buildHttpApp({
      service: 'share-page-test',
      logger: createLogger('share-page-test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    });
    const api = new FakeShareApi(app);
    api.routes();
    await app.register(webRoutes, web);
    await app.listen({ host: '127.0.0.1', port: 0 });
    api.url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return api;
  }

  get pageUrl(): string {
    return `${this.url}/s/${this.token}`;
  }

  get openStreams(): number {
    return this.streams.size;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** A new fix `ageMs` before the fake clock's now. */
  setFix(fix: Omit<FakeFix, 't'> & { ageMs?: number }): void {
    this.fix = { ...fix, t: this.nowMs - (fix.ageMs ?? 20_000) };
  }

  /** The current view, checked against ViewSchema. */
  view(): View {
    const fix = this.fix;
    return checkedView({
      shareId: this.shareId,
      plateNumber: this.plateNumber,
      plateColor: this.plateColor,
      expiresAt: new Date(this.nowMs + 7 * 86_400_000).toISOString(),
      refreshSeconds: this.refreshSeconds,
      certificates: this.certificates,
      // S7: offline when the last fix is older than 10 minutes, or there is none.
      online: fix !== null && this.nowMs - fix.t < OFFLINE_AFTER_MS,
      position: fix && {
        gnssTime: new Date(fix.t).toISOString(),
        ...fakePlace(fix.lat, fix.lon),
        speedKmh: fix.speedKmh,
        headingDeg: fix.headingDeg,
      },
      episodes: this.episodes,
      clock: this.clock,
    });
  }

  /** X7: today's track from the scripted day, checked against TrackSchema. */
  track(): TrackView {
    const fixes = this.dayFixes ?? (this.fix ? [this.fix] : []);
    const last = this.view().position;
    return checkedTrack({
      day: chinaDate(this.nowMs),
      from: new Date(chinaDayStartMs(this.nowMs)).toISOString(),
      to: new Date(this.nowMs).toISOString(),
      fixes: fixes.length,
      distanceM: this.dayDistanceM,
      points: fixes.map((f) => {
        const { wgs84, gcj02 } = fakePlace(f.lat, f.lon);
        return { gnssTime: new Date(f.t).toISOString(), wgs84, gcj02 };
      }),
      stops: this.dayStops.map((s) => ({
        startedAt: new Date(s.startMs).toISOString(),
        endedAt: new Date(s.endMs).toISOString(),
        durationS: Math.round((s.endMs - s.startMs) / 1000),
        ongoing: s.ongoing ?? false,
        place: fakePlace(s.lat, s.lon),
        placeText: s.placeText ?? null,
      })),
      lastKnown: fixes.length === 0 ? last : null,
      reason: fixes.length === 0 ? NO_FIX_TODAY : null,
    });
  }

  /** The view for an answer; a view the schema refuses is kept in `refusedViews` and answered 500. */
  private answerView(): string {
    try {
      return JSON.stringify(this.view());
    } catch (err) {
      this.refusedViews.push((err as Error).message);
      throw err;
    }
  }

  /** Sends a `view` frame to every open stream, split in two writes (the page must reassemble it). */
  push(): void {
    const frame = `id: ${++this.frameId}\nevent: view\ndata: ${this.answerView()}\n\n`;
    const cut = Math.floor(frame.length / 2);
    for (const res of this.streams) {
      res.write(frame.slice(0, cut));
      res.write(frame.slice(cut));
    }
  }

  get lastFrameId(): string {
    return String(this.frameId);
  }

  /** Closes every stream without `ended`, as a restarting server or a dropping proxy would. */
  dropStreams(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  /** Ends the share (S5/S6): streams get `event: ended` and close; every later call answers 410. */
  end(reason = 'CANCELLED'): void {
    this.ended = true;
    const frame = `event: ended\ndata: ${JSON.stringify({ reason, message: '车辆动态已结束' })}\n\n`;
    for (const res of this.streams) res.end(frame);
    this.streams.clear();
  }

  requestsTo(method: string, suffix: string): LoggedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === `/v1/shares/${this.token}${suffix}`);
  }

  async close(): Promise<void> {
    for (const res of this.streams) res.end();
    this.streams.clear();
    await this.app.close();
  }

  private viewerOf(req: FastifyRequest): string {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m?.[1] || !this.viewers.has(m[1])) throw problem.unauthenticated('viewer token required', !!m);
    return m[1];
  }

  /** The refusals of API.md, in the service's order: unknown, ended, claimed by someone else. */
  private access(req: FastifyRequest, claim: boolean): void {
    const viewer = this.viewerOf(req);
    if ((req.params as { token: string }).token !== this.token) throw problem.notFound('no such share link');
    if (this.ended) throw new ProblemError('SHARE_ENDED', { detail: '车辆动态已结束' });
    if (claim && this.owner === null) this.owner = viewer;
    if (this.owner !== viewer) throw new ProblemError('SHARE_CLAIMED', { detail: '该分享链接已被他人打开' });
  }

  private routes(): void {
    const app = this.app;
    const logged = new WeakMap<FastifyRequest, LoggedRequest>();
    app.addHook('onRequest', async (req) => {
      const h = req.headers;
      const entry: LoggedRequest = {
        method: req.method,
        path: req.url.split('?')[0] ?? req.url,
        ...(h.authorization ? { authorization: h.authorization } : {}),
        ...(h['if-none-match'] ? { ifNoneMatch: String(h['if-none-match']) } : {}),
        ...(h['last-event-id'] ? { lastEventId: String(h['last-event-id']) } : {}),
        ...(h.referer ? { referer: h.referer } : {}),
      };
      this.requests.push(entry);
      logged.set(req, entry);
    });
    app.addHook('onResponse', async (req, reply) => {
      const entry = logged.get(req);
      if (entry) entry.status = reply.statusCode;
    });

    app.post('/v1/dev/viewer-token', async () => {
      const token = `viewer-${++this.viewerSeq}-${randomBytes(6).toString('hex')}`;
      this.viewers.add(token);
      return { token };
    });

    app.post('/v1/shares/:token/claim', async (req) => {
      this.access(req, true);
      return {
        shareId: this.shareId,
        plateNumber: this.plateNumber,
        plateColor: this.plateColor,
        expiresAt: new Date(this.nowMs + 7 * 86_400_000).toISOString(),
      };
    });

    app.get('/v1/shares/:token', async (req, reply) => {
      this.access(req, false);
      const body = this.answerView();
      const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'private, max-age=30');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    });

    app.get('/v1/shares/:token/track', async (req, reply) => {
      this.access(req, false);
      let body: string;
      try {
        body = JSON.stringify(this.track());
      } catch (err) {
        this.refusedViews.push((err as Error).message);
        throw err;
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'private, max-age=30')
        .send(body);
    });

    app.get('/v1/shares/:token/stream', async (req, reply) => {
      this.access(req, false);
      // Like a proxy that cannot stream: the page must fall back to polling.
      if (!this.streamEnabled) throw new ProblemError('NOT_READY', { detail: 'no streams here' });
      const first = this.answerView();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': hello\n\n');
      this.streams.add(res);
      res.on('close', () => this.streams.delete(res));
      res.write(`id: ${++this.frameId}\nevent: view\ndata: ${first}\n\n`);
    });

    // Map tiles for the tile-template case: an SVG per tile, named by its coordinates.
    app.get('/tiles/:z/:x/:file', async (req, reply) => {
      const { z, x, file } = req.params as { z: string; x: string; file: string };
      const y = file.replace(/\.svg$/, '');
      const svg =
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">' +
        '<rect width="256" height="256" fill="#e4eedc" stroke="#b9cdb0" stroke-width="2"/>' +
        '<path d="M0,180 C80,150 160,220 256,170" stroke="#f5d27a" stroke-width="10" fill="none"/>' +
        `<text x="8" y="20" font-size="12" fill="#6c7f63">${Number(z)}/${Number(x)}/${Number(y)}</text></svg>`;
      return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
    });
  }
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * The family members of the end-to-end benchmark, in their own process. For
 * every claimed share: one live stream (`GET /v1/shares/{token}/stream`,
 * reopened a second after it closes, as EventSource does) and a view poll
 * every `pollMs` (`GET /v1/shares/{token}` with If-None-Match, as the page's
 * fallback does). For the sampled shares, the view is polled every
 * `samplePollMs` as well, and the first response showing each new fix is
 * recorded (the fix's key and the time, epoch ms on this machine's clock).
 *
 * Messages from the parent: { cmd: 'start', ...ViewersPlan } → { type: 'started' } once every
 * stream delivered its first frame; { cmd: 'mark' } → { type: 'mark', ...ViewerCounts } (counts
 * since the previous mark); { cmd: 'close' }.
 */
import http from 'node:http';

export interface Viewer {
  token: string;
  bearer: string;
  forwardedFor: string;
  vehicleKey: string;
}

export interface ViewersPlan {
  shareUrl: string;
  viewers: Viewer[];
  pollMs: number;
  /** Indexes into `viewers` polled every samplePollMs for the freshness measure. */
  samples: number[];
  samplePollMs: number;
}

export interface ViewerCounts {
  /** `event: view` frames received on the streams. */
  frames: number;
  streamBytes: number;
  streamsOpen: number;
  reopened: number;
  streamStatuses: Record<string, number>;
  /** View responses (periodic and sampled polls) by status. */
  views: Record<string, number>;
  /** [`${vehicleKey}@${gnssTimeMs}`, epoch ms of the first view response showing it]. */
  seen: [string, number][];
}

const wallNow = () => performance.timeOrigin + performance.now();
// Not @safewatch/common's sleep: its entry loads fastify, kafkajs and OpenTelemetry, and this
// process, whose CPU and memory are measured beside the services', needs node:http only
// (loading that entry takes about 0.6 s and 80 MiB of RSS).
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

let closing = false;
const streams = new Set<http.ClientRequest>();
let counts: ViewerCounts = fresh();
let firstFrames = 0;

function fresh(): ViewerCounts {
  return { frames: 0, streamBytes: 0, streamsOpen: 0, reopened: 0, streamStatuses: {}, views: {}, seen: [] };
}
const bump = (o: Record<string, number>, k: string | number) => {
  o[k] = (o[k] ?? 0) + 1;
};

function openStream(url: URL, v: Viewer, reopen: boolean): void {
  if (closing) return;
  if (reopen) counts.reopened++;
  let gotFirst = false;
  const req = http.request(
    {
      host: url.hostname,
      port: url.port,
      path: `/v1/shares/${v.token}/stream`,
      agent,
      headers: { authorization: v.bearer, accept: 'text/event-stream', 'x-forwarded-for': v.forwardedFor },
    },
    (res) => {
      bump(counts.streamStatuses, res.statusCode ?? 0);
      let carry = '';
      res.on('data', (chunk: Buffer) => {
        counts.streamBytes += chunk.length;
        // latin1: only the ASCII frame syntax is looked at.
        let text = carry + chunk.toString('latin1');
        let end = text.indexOf('\n\n');
        while (end >= 0) {
          if (text.slice(0, end).includes('event: view')) {
            counts.frames++;
            if (!gotFirst) {
              gotFirst = true;
              firstFrames++;
            }
          }
          text = text.slice(end + 2);
          end = text.indexOf('\n\n');
        }
        carry = text;
      });
      res.on('error', () => undefined);
      res.on('close', () => {
        streams.delete(req);
        if (!closing) setTimeout(() => openStream(url, v, true), 1_000);
      });
    },
  );
  req.on('error', (err: NodeJS.ErrnoException) => {
    bump(counts.streamStatuses, err.code ?? 'error');
    streams.delete(req);
    if (!closing) setTimeout(() => openStream(url, v, true), 1_000);
  });
  streams.add(req);
  req.end();
}

/** Polls one share's view until closing; `onView` gets each 200 body's fix time. */
async function poll(base: string, v: Viewer, everyMs: number, delayMs: number, track: boolean) {
  await sleep(delayMs);
  let etag: string | undefined;
  let lastGnss = 0;
  let next = wallNow();
  while (!closing) {
    next = Math.max(next + everyMs, wallNow());
    try {
      const res = await fetch(`${base}/v1/shares/${v.token}`, {
        headers: {
          authorization: v.bearer,
          'x-forwarded-for': v.forwardedFor,
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      });
      bump(counts.views, res.status);
      if (res.status === 200) {
        etag = res.headers.get('etag') ?? undefined;
        const view = (await res.json()) as { position: { gnssTime: string } | null };
        const at = wallNow();
        const gnss = view.position ? Date.parse(view.position.gnssTime) : 0;
        if (track && gnss > lastGnss) {
          lastGnss = gnss;
          counts.seen.push([`${v.vehicleKey}@${gnss}`, at]);
        }
      } else await res.arrayBuffer();
    } catch {
      bump(counts.views, 'error');
    }
    await sleep(next - wallNow());
  }
}

async function start(plan: ViewersPlan) {
  const url = new URL(plan.shareUrl);
  for (const v of plan.viewers) openStream(url, v, false);
  const deadline = Date.now() + 60_000;
  while (firstFrames < plan.viewers.length && Date.now() < deadline) await sleep(100);
  plan.viewers.forEach((v, i) => {
    void poll(plan.shareUrl, v, plan.pollMs, (i * plan.pollMs) / plan.viewers.length, false);
  });
  plan.samples.forEach((i, n) => {
    const v = plan.viewers[i] as Viewer;
    void poll(plan.shareUrl, v, plan.samplePollMs, (n * plan.samplePollMs) / plan.samples.length, true);
  });
  return firstFrames;
}

process.on('message', async (m: { cmd: string } & Partial<ViewersPlan>) => {
  if (m.cmd === 'start') {
    const withFrame = await start(m as ViewersPlan);
    process.send?.({ type: 'started', withFrame });
  } else if (m.cmd === 'mark') {
    const out = { ...counts, streamsOpen: streams.size };
    counts = fresh();
    process.send?.({ type: 'mark', ...out });
  } else if (m.cmd === 'close') {
    closing = true;
    for (const s of streams) s.destroy();
    agent.destroy();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });

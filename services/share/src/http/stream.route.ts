import type { OutgoingHttpHeaders } from 'node:http';
import {
  type FastifyInstance,
  type FastifyRequest,
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  principalOf,
  problemResponseSchema,
  requireRole,
} from '@safewatch/common';
import { type StreamHub, StreamRefusedError, type StreamTarget } from '../adapters/stream-hub.js';
import type { SyncedLimiter } from '../adapters/synced-limiter.js';
import { SHARE_RATE_LIMITS, syncedShareLimits, VIEWER_ROLES } from './share.routes.js';
import { StreamsPerIp } from './stream-ip-cap.js';

export interface StreamRouteOptions {
  hub: StreamHub;
  /**
   * Checks the viewer token against the share (claimer only) and throws the
   * problem+json refusals (SHARE_ENDED, SHARE_CLAIMED, SHARE_OWN_LINK, NOT_FOUND) before the
   * stream starts.
   */
  authorize: (request: FastifyRequest, token: string) => Promise<StreamTarget>;
  /**
   * Stream opens per client IP per minute (default SHARE_RATE_LIMITS.stream.perIp); each link
   * is also limited to SHARE_RATE_LIMITS.stream.perToken opens. EventSource reconnects by itself.
   */
  opensPerMinute?: number;
  /** Counts the opens per IP and per link, shared between instances. */
  limiter: SyncedLimiter;
  /** Open streams per client address (default 100). */
  maxStreamsPerIp?: number;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // nginx and similar proxies must not buffer the stream.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

const problemContent = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemResponseSchema } },
});

const STREAM_DESCRIPTION = [
  'Server-Sent Events of the share view (claimer only).',
  '`event: view` frames (`id:` a monotonically increasing frame id, `data:` the view JSON of GET /v1/shares/{token} on one line):',
  'one at once, then one every 30 s, and one when a new alert for the vehicle arrives.',
  '`: heartbeat` comments every 15 s.',
  'When the share ends: `event: ended` with `{"reason": "EXPIRED"|"CANCELLED"|"UNBOUND", "message": "车辆动态已结束"}`, then the stream closes.',
  'Each frame is a full snapshot: `Last-Event-ID` is accepted and answered with a fresh frame, nothing older is replayed.',
  'A stream closed without `event: ended` (server restart, slow client) should be reopened.',
].join('\n');

/** `GET /v1/shares/:token/stream` (API.md); `authorize` runs before anything is streamed. */
export async function streamRoute(
  app: FastifyInstance,
  {
    hub,
    authorize,
    opensPerMinute = SHARE_RATE_LIMITS.stream.perIp,
    limiter,
    maxStreamsPerIp = 100,
  }: StreamRouteOptions,
): Promise<void> {
  const perIp = new StreamsPerIp(maxStreamsPerIp);
  const limits = syncedShareLimits(limiter, 'stream', {
    perIp: opensPerMinute,
    perToken: SHARE_RATE_LIMITS.stream.perToken,
  });
  // Open streams keep the HTTP server from closing: end them first.
  app.addHook('preClose', async () => {
    await hub.stop();
  });

  app.get<{ Params: { token: string } }>(
    '/v1/shares/:token/stream',
    {
      // No automatic HEAD twin: it would open (and hold) a real stream.
      exposeHeadRoute: false,
      // Both limits answer problem+json before anything is streamed.
      onRequest: [perIp.hook, limits.perIp, requireRole(...VIEWER_ROLES)],
      preHandler: limits.perToken,
      schema: {
        summary: 'Live share view (Server-Sent Events)',
        description: STREAM_DESCRIPTION,
        produces: ['text/event-stream'],
        params: {
          type: 'object',
          required: ['token'],
          properties: { token: { type: 'string', minLength: 1, maxLength: 128 } },
        },
        headers: {
          type: 'object',
          properties: {
            'last-event-id': {
              type: 'string',
              maxLength: 64,
              description: 'Resume: answered with a fresh frame',
            },
          },
        },
        response: {
          200: {
            description: 'An endless text/event-stream of `view` frames and heartbeats, ended by `ended`',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          404: problemContent('NOT_FOUND: no such share link'),
          403: problemContent(
            "SHARE_CLAIMED: opened by someone else; SHARE_OWN_LINK: the caller is the link's own driver; or FORBIDDEN: neither a family nor a driver token",
          ),
          410: problemContent('SHARE_ENDED: 车辆动态已结束 (expired, cancelled or unbound)'),
          429: problemContent(
            'RATE_LIMITED: too many stream opens from this IP or of this link, or too many open streams of this viewer or this IP',
          ),
          503: problemContent('NOT_READY: this instance has no room for another stream; retry'),
        },
      },
    },
    async (request, reply) => {
      const target = await authorize(request, request.params.token);
      const identity = principalOf(request).sub;
      try {
        hub.assertCapacity(identity);
      } catch (err) {
        throw refusal(err);
      }

      // From here on the response is ours: no await until `subscribe` has registered the connection.
      reply.hijack();
      const res = reply.raw;
      // Headers set by hooks through `reply.header` (rate-limit, …) would be lost by a raw write; the security headers are on `res`.
      const headers: OutgoingHttpHeaders = { ...SSE_HEADERS };
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined && !(name in headers)) headers[name] = value;
      res.writeHead(200, headers);
      res.flushHeaders();

      let unsubscribe: (() => void) | undefined;
      let gone = false;
      const onGone = () => {
        gone = true;
        unsubscribe?.();
      };
      res.on('close', onGone);
      res.on('error', onGone);
      const header = request.headers['last-event-id'];
      const lastEventId = Array.isArray(header) ? header[0] : header;
      try {
        unsubscribe = await hub.subscribe(target, identity, res, lastEventId);
      } catch (err) {
        // Only a race with stop() gets here (capacity was checked in the same turn).
        request.log.warn({ err }, 'share stream refused after hijack');
        res.end();
        return;
      }
      if (gone) unsubscribe();
    },
  );
}

function refusal(err: unknown): unknown {
  if (!(err instanceof StreamRefusedError)) return err;
  if (err.reason === 'MAX_PER_IDENTITY')
    return new ProblemError('RATE_LIMITED', { detail: err.message, headers: { 'retry-after': '30' } });
  return new ProblemError('NOT_READY', { detail: err.message, headers: { 'retry-after': '5' } });
}

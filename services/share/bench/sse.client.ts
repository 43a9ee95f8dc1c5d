/**
 * SSE client process of the share benchmark (started by share.bench.ts with a
 * raised fd limit and an IPC channel). Opens many
 * `GET /v1/shares/:token/stream` over real loopback sockets with a keep-alive
 * http.Agent (maxSockets unlimited), each from a source address of
 * 127.<base>.x.y shared by at most `perAddress` streams: the service allows
 * 30 stream opens per client IP per minute, and one source address would
 * also run out of ephemeral ports (~28,000).
 *
 * Messages from the parent:
 *   { cmd: 'open', port, targets: [token, bearer][], concurrency, perAddress, addressBase }
 *   { cmd: 'measure' }            start recording the arrival time of every `event: view` frame
 *   { cmd: 'report' }             → { type: 'arrivals', arrivals: number[] } (pairs: frame id, epoch ms with sub-ms precision)
 *   { cmd: 'close' }              destroy every stream and exit
 * Progress to the parent: { type: 'progress', opened, firstFrames, failed, statuses, errors, ended }.
 */
import http from 'node:http';
import type { Socket } from 'node:net';

interface OpenCommand {
  cmd: 'open';
  port: number;
  targets: [token: string, bearer: string][];
  concurrency: number;
  perAddress: number;
  addressBase: number;
}
type Command = OpenCommand | { cmd: 'measure' } | { cmd: 'report' } | { cmd: 'close' };

const send = (m: object) => process.send?.(m);
const wallNow = () => performance.timeOrigin + performance.now();

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: 0 });
const streams = new Set<http.IncomingMessage>();
const sockets = new Set<Socket>();
let opened = 0;
let firstFrames = 0;
let failed = 0;
let ended = 0;
let closedEarly = 0;
const statuses: Record<string, number> = {};
const errors: Record<string, number> = {};
let measuring = false;
let shuttingDown = false;
const arrivals: number[] = [];

function progress() {
  send({ type: 'progress', opened, firstFrames, failed, statuses, errors, ended, closedEarly });
}

function addressOf(i: number, perAddress: number, base: number): string {
  const a = Math.floor(i / perAddress);
  return `127.${base}.${Math.floor(a / 250)}.${1 + (a % 250)}`;
}

function openOne(port: number, token: string, bearer: string, localAddress: string): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const done = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/v1/shares/${token}/stream`,
        method: 'GET',
        agent,
        localAddress,
        headers: { authorization: bearer, accept: 'text/event-stream' },
      },
      (res) => {
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        if (res.statusCode !== 200) {
          failed++;
          res.resume();
          done();
          return;
        }
        opened++;
        streams.add(res);
        sockets.add(res.socket);
        let carry = '';
        let gotFirst = false;
        res.on('data', (chunk: Buffer) => {
          const at = wallNow();
          // latin1: only the ASCII frame syntax is looked at, the JSON is not decoded.
          let text = carry + chunk.toString('latin1');
          let end = text.indexOf('\n\n');
          while (end >= 0) {
            const frame = text.slice(0, end);
            text = text.slice(end + 2);
            if (frame.includes('event: view')) {
              if (!gotFirst) {
                gotFirst = true;
                firstFrames++;
                done();
              } else if (measuring) {
                const id = /^id: (\d+)$/m.exec(frame)?.[1];
                arrivals.push(id === undefined ? -1 : Number(id), at);
              }
            } else if (frame.includes('event: ended')) ended++;
            end = text.indexOf('\n\n');
          }
          carry = text;
        });
        res.on('close', () => {
          streams.delete(res);
          if (!shuttingDown) closedEarly++;
          done();
        });
        res.on('error', () => undefined);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('TIMEOUT')));
    req.on('error', (err: NodeJS.ErrnoException) => {
      failed++;
      const code = err.code ?? err.message;
      errors[code] = (errors[code] ?? 0) + 1;
      done();
    });
    req.end();
  });
}

async function openAll(c: OpenCommand) {
  let next = 0;
  const timer = setInterval(progress, 1_000);
  await Promise.all(
    Array.from({ length: c.concurrency }, async () => {
      while (next < c.targets.length) {
        const i = next++;
        const [token, bearer] = c.targets[i] as [string, string];
        await openOne(c.port, token, bearer, addressOf(i, c.perAddress, c.addressBase));
      }
    }),
  );
  clearInterval(timer);
  progress();
  send({ type: 'opened' });
}

process.on('message', (m: Command) => {
  if (m.cmd === 'open') void openAll(m);
  else if (m.cmd === 'measure') {
    arrivals.length = 0;
    measuring = true;
  } else if (m.cmd === 'report') {
    measuring = false;
    progress();
    send({ type: 'arrivals', arrivals });
  } else if (m.cmd === 'close') {
    shuttingDown = true;
    for (const s of streams) s.destroy();
    for (const s of sockets) s.destroy();
    agent.destroy();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

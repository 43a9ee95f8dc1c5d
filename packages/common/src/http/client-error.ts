import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './error-handler.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, renderProblem } from './problem.js';
import { API_SECURITY_HEADERS } from './security-headers.js';

/**
 * Headers of answers given before any hook ran (so without the platform's
 * hook): the security headers of every answer, and not to be cached.
 */
export const EARLY_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  ...API_SECURITY_HEADERS,
  'cache-control': 'no-store',
};

/**
 * Errors of fastify's router, raised before routing and hooks: a path that is
 * not valid percent-encoding, a path parameter over the router's length
 * limit. Both are bad input, answered 400 VALIDATION like any other.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let p: ProblemError;
  if (error.code === 'FST_ERR_BAD_URL') p = problem.validation('the URL is not valid percent-encoded UTF-8');
  else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') p = problem.validation('a path parameter is too long');
  else {
    request.log.error({ err: error }, 'router error');
    p = problem.internal();
  }
  request.log.info({ code: p.code, status: p.status }, 'request refused');
  return sendProblem(reply.headers(EARLY_ANSWER_HEADERS), p);
}

/**
 * Requests node's HTTP parser refuses before fastify sees them (malformed
 * request line or headers, headers over the size limit, a client too slow to
 * send its headers or body) still get problem+json, then the connection
 * closes. Fastify's default answers them with its own JSON shape.
 */
export function problemForClientError(err: { code?: string }): ProblemError {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new ProblemError('REQUEST_TIMEOUT', { detail: 'the request was not received in time' });
  if (err.code === 'HPE_HEADER_OVERFLOW')
    return new ProblemError('VALIDATION', {
      status: 431,
      title: 'Request header fields too large',
      detail: 'the request headers exceed the size limit',
    });
  return new ProblemError('VALIDATION', { detail: 'malformed HTTP request' });
}

export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection is gone: nothing to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const p = problemForClientError(err);
    const body = JSON.stringify(renderProblem(p));
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\n` +
        `content-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        Object.entries(EARLY_ANSWER_HEADERS)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        'connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

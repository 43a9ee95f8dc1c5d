import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable, toProblem } from './error-handler.js';
import { PROBLEM_CODES, ProblemError, problem, renderProblem } from './problem.js';

describe('problem details (RFC 9457)', () => {
  it('renders type, title, status, code, detail and extensions', () => {
    const p = new ProblemError('BINDING_LIMIT_CURRENT', {
      detail: 'at most 3 vehicles',
      extra: { limit: 3 },
    });
    expect(renderProblem(p)).toEqual({
      type: 'urn:safewatch:problem:BINDING_LIMIT_CURRENT',
      title: 'Too many vehicles bound at the same time',
      status: 409,
      code: 'BINDING_LIMIT_CURRENT',
      detail: 'at most 3 vehicles',
      limit: 3,
    });
    expect(JSON.parse(JSON.stringify(p))).toEqual(renderProblem(p));
  });

  it('omits detail when absent and never lets extensions overwrite standard members', () => {
    const body = renderProblem(
      new ProblemError('NOT_FOUND', { extra: { status: 200, code: 'X', shareId: 's' } }),
    );
    expect(body).toEqual({
      type: 'urn:safewatch:problem:NOT_FOUND',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      shareId: 's',
    });
    expect('detail' in body).toBe(false);
  });

  it('lets a problem override the default status and title', () => {
    const p = new ProblemError('NOT_BOUND', { status: 404, title: 'No such binding' });
    expect(renderProblem(p)).toMatchObject({ status: 404, title: 'No such binding', code: 'NOT_BOUND' });
  });

  it('has the SPEC §4 codes', () => {
    for (const code of [
      'VEHICLE_NOT_VERIFIED',
      'NO_QUALIFICATION',
      'BINDING_LIMIT_CURRENT',
      'BINDING_LIMIT_12_MONTHS',
      'NOT_BOUND',
      'SHARE_LIMIT_VEHICLE',
      'SHARE_OTHER_VEHICLE_ACTIVE',
      'SHARE_CLAIMED',
      'SHARE_ENDED',
      'NOT_FOUND',
      'FORBIDDEN',
      'UNAUTHENTICATED',
      'VALIDATION',
      'RATE_LIMITED',
      'CONFLICT',
      'PAYLOAD_TOO_LARGE',
      'INTERNAL',
    ])
      expect(PROBLEM_CODES).toHaveProperty(code);
  });

  it('helpers carry the headers their status needs', () => {
    expect(problem.unauthenticated().headers).toEqual({ 'www-authenticate': 'Bearer realm="safewatch"' });
    expect(problem.unauthenticated('expired', true).headers?.['www-authenticate']).toContain('invalid_token');
    expect(problem.rateLimited(7)).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(
      renderProblem(problem.validation('bad', [{ path: 'body/x', message: 'must be string' }])),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      errors: [{ path: 'body/x', message: 'must be string' }],
    });
  });
});

describe('toProblem', () => {
  it('keeps a ProblemError as it is', () => {
    const p = problem.forbidden();
    expect(toProblem(p)).toEqual({ problem: p, unexpected: false });
  });

  it('turns schema validation errors into a short list of paths', () => {
    const err = Object.assign(new Error('body/plate must be string'), {
      statusCode: 400,
      code: 'FST_ERR_VALIDATION',
      validationContext: 'body',
      validation: [
        {
          keyword: 'type',
          instancePath: '/plate',
          schemaPath: '#/properties/plate/type',
          params: {},
          message: 'must be string',
        },
        {
          keyword: 'required',
          instancePath: '',
          schemaPath: '#/required',
          params: { missingProperty: 'vin' },
          message: "must have required property 'vin'",
        },
      ],
    });
    const { problem: p, unexpected } = toProblem(err);
    expect(unexpected).toBe(false);
    expect(renderProblem(p)).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      errors: [
        { path: 'body/plate', message: 'must be string' },
        { path: 'body/vin', message: "must have required property 'vin'" },
      ],
    });
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 400, 'VALIDATION'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'VALIDATION'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'VALIDATION'],
    ['FST_JWT_AUTHORIZATION_TOKEN_EXPIRED', 401, 'UNAUTHENTICATED'],
    ['FAST_JWT_INVALID_ALGORITHM', 401, 'UNAUTHENTICATED'],
  ])('maps %s to %i %s', (code, status, expected) => {
    const err = Object.assign(new Error('x'), { code, statusCode: 400 });
    expect(toProblem(err, 1024).problem).toMatchObject({ status, code: expected });
  });

  it('hides unexpected errors behind a generic 500', () => {
    const { problem: p, unexpected } = toProblem(
      new Error('connection to 10.0.0.7 refused: password=hunter2'),
    );
    expect(unexpected).toBe(true);
    const body = JSON.stringify(renderProblem(p));
    expect(body).not.toContain('hunter2');
    expect(renderProblem(p)).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('does not echo the message of a non-fastify 4xx error', () => {
    const err = Object.assign(new Error('secret internals'), { statusCode: 404 });
    expect(renderProblem(toProblem(err).problem)).toEqual({
      type: 'urn:safewatch:problem:NOT_FOUND',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});

describe('a dependency away (Postgres or Redis restarting)', () => {
  it('answers 503 NOT_READY with retry-after, not 500, and is not an unexpected error', () => {
    const away = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('Connection is closed.'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ];
    for (const err of away) {
      const m = toProblem(err);
      expect(m.unexpected, err.message).toBe(false);
      expect(m.problem).toMatchObject({ status: 503, code: 'NOT_READY' });
      expect(m.problem.headers?.['retry-after']).toBe('5');
    }
  });

  it('leaves other failures internal (500)', () => {
    for (const err of [new Error('boom'), Object.assign(new Error('x'), { code: '23505' }), null])
      expect(isDependencyUnavailable(err)).toBe(false);
    expect(toProblem(new Error('boom'))).toMatchObject({ unexpected: true, problem: { status: 500 } });
  });
});

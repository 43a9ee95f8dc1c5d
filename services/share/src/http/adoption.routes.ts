import {
  type FastifyInstance,
  PROBLEM_CONTENT_TYPE,
  perIdentityRateLimit,
  problem,
  problemResponseSchema,
  requireRole,
} from '@safewatch/common';
import { stringify } from 'csv-stringify/sync';
import {
  ADOPTION_DEFAULT_DAYS,
  ADOPTION_MAX_DAYS,
  ADOPTION_TIME_ZONE,
  adoptionPeriod,
} from '../domain/adoption-period.js';
import { type AdoptionReport, adoptionReport } from '../usecases/adoption.usecase.js';
import type { ShareDeps } from '../usecases/deps.js';

/** Requests per ops identity in `timeWindow`: each one aggregates the whole period. */
export const ADOPTION_RATE_LIMIT = { perIdentity: 30, timeWindow: '1 minute' } as const;

const DESCRIPTION = `X4 adoption statistics per city for the provincial evaluation, as JSON or as CSV \
(\`format=csv\` or \`Accept: text/csv\`; \`format\` wins over \`Accept\`).

**Period**: whole days in China Standard Time (${ADOPTION_TIME_ZONE}, UTC+8), \`from\` and \`to\` both \
included, i.e. the instants [from 00:00+08:00, the day after \`to\` 00:00+08:00). Defaults: \`to\` today, \
\`from\` the ${ADOPTION_DEFAULT_DAYS} days ending with \`to\`. At most ${ADOPTION_MAX_DAYS} days; \`from\` \
neither after \`to\` nor after today; otherwise 400 VALIDATION.

**City** of a vehicle: from its plate prefix (province abbreviation + office letter). Shandong's 16 cities \
by their letters (济南市 鲁A/鲁S, 青岛市 鲁B/鲁U, 烟台市 鲁F/鲁Y, 潍坊市 鲁G/鲁V, 临沂市 鲁Q/鲁W, …) are \
always listed, in plate order, zeros included; a municipality (京 津 沪 渝) is one city; any other prefix \
is its own row, with the province of its first character and the prefix itself as the city; then the \
other regions with data.

**Counts** (per city, of the city's vehicles):
- \`driversWithBindings\`: distinct drivers with at least one binding in force at some instant of the \
period. A binding is in force from its binding (included) until its unbinding (excluded), without end \
while current.
- \`vehiclesBound\`: distinct vehicles with at least one binding in force at some instant of the period.
- \`activeShares\`: share links in force at some instant of the period: created before the period ends, and \
neither expired nor ended (cancelled, vehicle unbound) before it starts — whether claimed or not.
- \`shareViews\`: views recorded within the period (each opening of the view or the live stream by the \
claimer).

A driver with vehicles in two cities counts in both; \`total\` counts distinct drivers, vehicles, shares \
and views over all cities, so its drivers and vehicles need not be the sum of the rows.

CSV: UTF-8 with a byte order mark (Excel shows the Chinese names), CRLF line ends, one header row, a row \
per city and a 合计 (total) row; fields quoted where needed, a field starting with = + - @ prefixed with '.`;

const count = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;
const countsSchema = {
  type: 'object',
  required: ['driversWithBindings', 'vehiclesBound', 'activeShares', 'shareViews'],
  properties: {
    driversWithBindings: count('Distinct drivers with a binding in force at some instant of the period'),
    vehiclesBound: count('Distinct vehicles with a binding in force at some instant of the period'),
    activeShares: count('Share links in force at some instant of the period'),
    shareViews: count('Views recorded within the period'),
  },
} as const;

const reportSchema = {
  type: 'object',
  required: ['period', 'generatedAt', 'cities', 'total'],
  properties: {
    period: {
      type: 'object',
      required: ['from', 'to', 'timeZone', 'start', 'end'],
      properties: {
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date', description: 'Included' },
        timeZone: { type: 'string' },
        start: { type: 'string', format: 'date-time', description: 'from 00:00+08:00' },
        end: { type: 'string', format: 'date-time', description: 'The day after `to` 00:00+08:00, excluded' },
      },
    },
    generatedAt: { type: 'string', format: 'date-time' },
    cities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['province', 'city', 'platePrefixes', ...countsSchema.required],
        properties: {
          province: { type: ['string', 'null'], description: 'null when the plate names no province' },
          city: { type: 'string', description: 'The plate prefix itself when the city is not known' },
          platePrefixes: { type: 'array', items: { type: 'string' } },
          ...countsSchema.properties,
        },
      },
    },
    total: countsSchema,
  },
} as const;

/** The CSV columns: property → header (Chinese for the report's readers, English for scripts). */
const CSV_COLUMNS = [
  { key: 'from', header: '统计起始日(from)' },
  { key: 'to', header: '统计截止日(to)' },
  { key: 'province', header: '省份(province)' },
  { key: 'city', header: '城市(city)' },
  { key: 'platePrefixes', header: '号牌前缀(plate prefixes)' },
  { key: 'driversWithBindings', header: '绑定车辆的司机数(drivers with bindings)' },
  { key: 'vehiclesBound', header: '绑定车辆数(vehicles bound)' },
  { key: 'activeShares', header: '有效分享数(active shares)' },
  { key: 'shareViews', header: '分享查看次数(share views)' },
];

export function adoptionCsv(report: AdoptionReport): string {
  const { from, to } = report.period;
  const rows = [
    ...report.cities.map((c) => ({
      from,
      to,
      ...c,
      province: c.province ?? '',
      platePrefixes: c.platePrefixes.join('、'),
    })),
    { from, to, province: '', city: '合计(total)', platePrefixes: '', ...report.total },
  ];
  return stringify(rows, {
    bom: true,
    header: true,
    columns: CSV_COLUMNS,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** Whether an Accept header prefers text/csv to JSON (q-values honoured; equal q: CSV). */
export function acceptsCsvFirst(accept: string | undefined): boolean {
  let csv = 0;
  let json = 0;
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (type === 'text/csv') csv = Math.max(csv, q);
    else if (type === 'application/json') json = Math.max(json, q);
  }
  return csv > 0 && csv >= json;
}

export async function adoptionRoutes(app: FastifyInstance, { deps }: { deps: ShareDeps }) {
  app.get<{ Querystring: { from?: string; to?: string; format?: 'json' | 'csv' } }>(
    '/v1/ops/adoption',
    {
      onRequest: requireRole('ops'),
      config: {
        rateLimit: perIdentityRateLimit(ADOPTION_RATE_LIMIT.perIdentity, ADOPTION_RATE_LIMIT.timeWindow),
      },
      schema: {
        summary: 'X4 adoption statistics per city (JSON or CSV)',
        description: DESCRIPTION,
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', format: 'date', description: 'First day (YYYY-MM-DD, UTC+8), included' },
            to: { type: 'string', format: 'date', description: 'Last day (YYYY-MM-DD, UTC+8), included' },
            format: { type: 'string', enum: ['json', 'csv'], description: 'Wins over the Accept header' },
          },
        },
        response: {
          200: {
            description: 'The statistics',
            content: {
              'application/json': { schema: reportSchema },
              'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, CRLF, header row' } },
            },
          },
          400: {
            description: 'VALIDATION: a date that is not one, from after to or today, or too long a period',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: problemResponseSchema } },
          },
        },
      },
    },
    async (req, reply) => {
      const asked = adoptionPeriod(req.query, deps.now());
      if ('errors' in asked) throw problem.validation('invalid statistics period', asked.errors);
      const report = await adoptionReport(deps, asked.period);
      reply.header('cache-control', 'no-store').header('vary', 'accept');
      const csv = req.query.format ? req.query.format === 'csv' : acceptsCsvFirst(req.headers.accept);
      if (!csv) return report;
      const file = `safewatch-adoption_${report.period.from}_${report.period.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(adoptionCsv(report));
    },
  );
}

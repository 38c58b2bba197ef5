import { createRoute, z } from '@hono/zod-openapi';
import { reportPeriodKey } from '@vungxanh/domain';
import { errorResponses, json } from '../../lib/openapi.ts';

const tags = ['reports'];
const Query = z.object({ communeId: z.string().max(64).optional(), periodKey: reportPeriodKey });
const Cell = z.union([z.string(), z.number(), z.null()]);

export const ReportSchema = z
  .object({
    commune: z.object({ id: z.string(), name: z.string() }),
    periodKey: z.string(),
    periodLabel: z.string(),
    periodLine: z.string(),
    generatedAt: z.string(),
    sections: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        note: z.string().nullable(),
        columns: z.array(
          z.object({ key: z.string(), label: z.string(), kind: z.enum(['text', 'number', 'percent', 'date']) }),
        ),
        rows: z.array(z.record(z.string(), Cell)),
        total: z.record(z.string(), Cell).nullable(),
      }),
    ),
  })
  .openapi('Report');

export const show = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The periodic report of a commune (quarter, six months or year), section by section',
  request: { query: Query },
  responses: { 200: json(ReportSchema), ...errorResponses },
});

const file = (type: string, description: string) => ({ description, content: { [type]: { schema: z.any() } } });

export const xlsx = createRoute({
  method: 'get',
  path: '/xlsx',
  tags,
  summary: 'The report as XLSX, one sheet per table with the official heading (audited)',
  request: { query: Query },
  responses: {
    200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX file'),
    ...errorResponses,
  },
});

export const pdf = createRoute({
  method: 'get',
  path: '/pdf',
  tags,
  summary: 'The report as PDF with the official heading (audited)',
  request: { query: Query },
  responses: { 200: file('application/pdf', 'PDF file'), ...errorResponses },
});

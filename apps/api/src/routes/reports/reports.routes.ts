import { createRoute, z } from '@hono/zod-openapi';
import { reportPeriodKey } from '@vungxanh/domain';
import { docLang } from '../../lib/doc-locale.ts';
import { errorResponses, json } from '../../lib/openapi.ts';

const tags = ['reports'];
const Query = z.object({ communeId: z.string().max(64).optional(), periodKey: reportPeriodKey });
const FileQuery = Query.extend({ lang: docLang });
const PdfQuery = FileQuery.extend({
  number: z.string().trim().max(40).optional().openapi({ description: 'Số and ký hiệu, e.g. 12/BC-UBND' }),
  signer: z.string().trim().max(80).optional().openapi({ description: 'The signer’s full name' }),
});
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
          z.object({ key: z.string(), label: z.string(), kind: z.enum(['text', 'number', 'percent', 'date', 'year']) }),
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
  request: { query: FileQuery },
  responses: {
    200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX file'),
    ...errorResponses,
  },
});

export const pdf = createRoute({
  method: 'get',
  path: '/pdf',
  tags,
  summary: 'The report as an official document (Nghị định 30/2020/NĐ-CP) in PDF (audited)',
  request: { query: PdfQuery },
  responses: { 200: file('application/pdf', 'PDF file'), ...errorResponses },
});

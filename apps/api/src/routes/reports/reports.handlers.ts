import type { Context } from 'hono';
import { AppError, canReadReports } from '@vungxanh/domain';
import { getProvince } from '@vungxanh/db';
import type { AppEnv } from '../../lib/context.ts';
import { audit, summarize } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { reportPdf, reportXlsx } from './reports.files.ts';
import { buildReport } from '../../use-cases/report.ts';
import type * as routes from './reports.routes.ts';

/** The report for the query's commune and period: 404 outside the caller's scope, 403 for roles without reports. */
async function report(
  c: Context<AppEnv>,
  q: { communeId?: string | undefined; periodKey: string },
  locale = c.get('locale'),
) {
  const commune = await readableCommune(c, communeParam(c, q.communeId));
  if (!canReadReports(requireAuth(c).actor)) throw new AppError(403, 'forbidden');
  const { db } = c.get('deps');
  return { commune, report: await buildReport({ db, commune, periodKey: q.periodKey, locale }) };
}

export const show: Handler<typeof routes.show> = async (c) => {
  return c.json((await report(c, c.req.valid('query'))).report, 200);
};

interface FileQuery {
  communeId?: string | undefined;
  periodKey: string;
  number?: string | undefined;
  signer?: string | undefined;
}

/** A file of the report, in the language the console asked for (`lang`), Vietnamese by default. */
async function exported(c: Context<AppEnv>, q: FileQuery, format: string) {
  const locale = docLocale(c);
  const found = await report(c, q, locale);
  const province = await getProvince(c.get('deps').db, found.commune.provinceId);
  await audit(c, {
    entity: 'report',
    entityId: q.periodKey,
    communeId: found.commune.id,
    action: 'export',
    summary: summarize({ format, periodKey: q.periodKey }),
  });
  const heading = {
    locale,
    provinceName: province?.name ?? '',
    communeName: found.commune.name,
    number: q.number || null,
    signerName: q.signer || null,
  };
  return { ...found, heading, filename: `bao-cao-${q.periodKey}.${format}` };
}

export const xlsx: Handler<typeof routes.xlsx> = async (c) => {
  const { report: r, heading, filename } = await exported(c, c.req.valid('query'), 'xlsx');
  const bytes = await reportXlsx(r, heading);
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(new Uint8Array(bytes), 200) as never;
};

export const pdf: Handler<typeof routes.pdf> = async (c) => {
  const { report: r, heading, filename } = await exported(c, c.req.valid('query'), 'pdf');
  const bytes = await reportPdf(r, heading);
  return pdfAnswer(c, bytes, filename);
};

import { createRouter } from '../../lib/create-router.ts';
import * as h from './reports.handlers.ts';
import * as r from './reports.routes.ts';

/** /api/reports: the periodic report of a commune, on screen, as XLSX and as PDF. */
export const reportsRouter = createRouter().openapi(r.show, h.show).openapi(r.xlsx, h.xlsx).openapi(r.pdf, h.pdf);

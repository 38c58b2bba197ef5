import { createRouter } from '../../lib/create-router.ts';
import * as h from './indicators.handlers.ts';
import * as r from './indicators.routes.ts';

/** /api/indicators: coverage dashboards for a commune, a village and a province. */
export const indicatorsRouter = createRouter()
  .openapi(r.dashboard, h.dashboard)
  .openapi(r.village, h.village)
  .openapi(r.province, h.province)
  .openapi(r.getSettings, h.getSettings)
  .openapi(r.putSettings, h.putSettings);

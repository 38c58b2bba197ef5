import { createRouter } from '../../lib/create-router.ts';
import * as c from './criteria.handlers.ts';
import * as h from './registry.handlers.ts';
import * as r from './registry.routes.ts';

/** /api/registry: drug-free village statuses, criteria checklists, recognition decisions and certificates. */
export const registryRouter = createRouter()
  .openapi(r.list, h.list)
  .openapi(r.criteria, c.criteria)
  .openapi(r.replaceCriteria, c.replaceCriteria)
  .openapi(r.village, h.village)
  .openapi(r.saveCriteria, h.saveCriteria)
  .openapi(r.transition, h.transition)
  .openapi(r.certificate, h.certificate)
  .openapi(r.decisionDocument, h.decisionDocument);

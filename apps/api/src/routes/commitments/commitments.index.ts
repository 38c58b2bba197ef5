import { createRouter } from '../../lib/create-router.ts';
import * as h from './commitments.handlers.ts';
import * as r from './commitments.routes.ts';

/** /api/commitments: campaigns, review, paper import, exports, coverage and privacy, for signed-in staff. */
export const commitmentsRouter = createRouter()
  .openapi(r.listCampaigns, h.listCampaigns)
  .openapi(r.createCampaign, h.createCampaign)
  .openapi(r.updateCampaign, h.updateCampaign)
  .openapi(r.blankForm, h.blankForm)
  .openapi(r.importPaper, h.importPaper)
  .openapi(r.paperTemplate, h.paperTemplate)
  .openapi(r.listEntries, h.listEntries)
  .openapi(r.getEntry, h.getEntryDetail)
  .openapi(r.reviewEntry, h.reviewEntry)
  .openapi(r.bulkReview, h.bulkReview)
  .openapi(r.duplicates, h.duplicates)
  .openapi(r.exportEntries, h.exportEntries)
  .openapi(r.coverage, h.coverage)
  .openapi(r.summary, h.summary)
  .openapi(r.getPrivacy, h.getPrivacy)
  .openapi(r.setPrivacy, h.setPrivacy)
  .openapi(r.purge, h.purge);

import { createRouter } from '../../lib/create-router.ts';
import * as h from './public.handlers.ts';
import * as r from './public.routes.ts';

/** /api/public/commitments: the signers' side, no session. */
export const publicCommitmentsRouter = createRouter()
  .openapi(r.publicCampaigns, h.campaigns)
  .openapi(r.submit, h.submit)
  .openapi(r.receipt, h.receipt)
  .openapi(r.receiptPdf, h.receiptPdf);

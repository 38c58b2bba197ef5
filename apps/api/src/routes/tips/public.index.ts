import { createRouter } from '../../lib/create-router.ts';
import { noStore } from './tips.index.ts';
import * as h from './public.handlers.ts';
import * as r from './public.routes.ts';

/** /api/public/tips: the tipster's side, no session, no log line (see lib/confidential-routes.ts). */
const router = createRouter();
router.use('*', noStore);
export const publicTipsRouter = router
  .openapi(r.box, h.box)
  .openapi(r.submit, h.submit)
  .openapi(r.read, h.read)
  .openapi(r.add, h.add);

import { createRouter } from '../../lib/create-router.ts';
import * as h from './public.handlers.ts';
import * as r from './public.routes.ts';
import * as rh from './review.handlers.ts';
import * as rr from './review.routes.ts';
import * as sh from './share.handlers.ts';
import * as sr from './share.routes.ts';

/** /api/public/contests: the participants' side, no session; a participant token names the person. */
export const publicContestsRouter = createRouter()
  .openapi(r.list, h.list)
  .openapi(r.get, h.get)
  .openapi(r.register, h.register)
  .openapi(r.me, h.me)
  .openapi(r.start, h.start)
  .openapi(r.getAttempt, h.getAttempt)
  .openapi(r.answer, h.answer)
  .openapi(r.predict, h.predict)
  .openapi(r.submit, h.submit)
  .openapi(r.board, h.board)
  .openapi(r.units, h.units)
  .openapi(r.unitSearch, h.unitSearch)
  .openapi(rr.review, rh.review)
  .openapi(sr.resolveLink, sh.resolveLink)
  .openapi(sr.recover, sh.recover);

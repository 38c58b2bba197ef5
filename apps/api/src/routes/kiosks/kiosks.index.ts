import { createRouter } from '../../lib/create-router.ts';
import * as h from './kiosks.handlers.ts';
import * as r from './kiosks.routes.ts';

export const kiosksRouter = createRouter()
  .openapi(r.pair, h.pair)
  .openapi(r.me, h.me)
  .openapi(r.list, h.list)
  .openapi(r.create, h.create)
  .openapi(r.update, h.update)
  .openapi(r.newCode, h.newCode)
  .openapi(r.revoke, h.revoke);

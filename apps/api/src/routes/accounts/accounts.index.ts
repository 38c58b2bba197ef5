import { createRouter } from '../../lib/create-router.ts';
import * as h from './accounts.handlers.ts';
import * as r from './accounts.routes.ts';

export const accountsRouter = createRouter()
  .openapi(r.list, h.list)
  .openapi(r.get, h.get)
  .openapi(r.create, h.create)
  .openapi(r.update, h.update)
  .openapi(r.resetPassword, h.resetPassword);

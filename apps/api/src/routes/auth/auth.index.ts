import { createRouter } from '../../lib/create-router.ts';
import * as handlers from './auth.handlers.ts';
import * as routes from './auth.routes.ts';

export const authRouter = createRouter()
  .openapi(routes.login, handlers.login)
  .openapi(routes.logout, handlers.logout)
  .openapi(routes.logoutAll, handlers.logoutAll)
  .openapi(routes.me, handlers.me)
  .openapi(routes.changePassword, handlers.changePassword)
  .openapi(routes.totpSetup, handlers.totpSetup)
  .openapi(routes.totpEnable, handlers.totpEnable)
  .openapi(routes.totpDisable, handlers.totpDisable);

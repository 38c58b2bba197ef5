import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../lib/context.ts';
import { createRouter } from '../../lib/create-router.ts';
import * as h from './tips.handlers.ts';
import * as r from './tips.routes.ts';

/** Nothing of the tip box is kept by a browser or a proxy: answers carry ciphertext, wraps and replies. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});

/** /api/tips: the commune police's inbox and key; figures and posters for the commune's admins too. */
const router = createRouter();
router.use('*', noStore);
export const tipsRouter = router
  .openapi(r.box, h.box)
  .openapi(r.createBox, h.createBox)
  .openapi(r.recoveryWrap, h.recoveryWrap)
  .openapi(r.putWrap, h.putWrap)
  .openapi(r.deleteWrap, h.deleteWrap)
  .openapi(r.figures, h.figures)
  .openapi(r.poster, h.poster)
  .openapi(r.list, h.list)
  .openapi(r.get, h.get)
  .openapi(r.setStatus, h.setStatus)
  .openapi(r.addMessage, h.addMessage);

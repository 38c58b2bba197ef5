import { createRouter } from '../../lib/create-router.ts';
import * as h from './activities.handlers.ts';
import * as r from './activities.routes.ts';

/** /api/activities: the outreach log. */
export const activitiesRouter = createRouter()
  .openapi(r.list, h.list)
  .openapi(r.create, h.create)
  .openapi(r.get, h.get)
  .openapi(r.update, h.update)
  .openapi(r.remove, h.remove)
  .openapi(r.addPhoto, h.addPhoto)
  .openapi(r.getPhoto, h.getPhoto)
  .openapi(r.removePhoto, h.removePhoto);

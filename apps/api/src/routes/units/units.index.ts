import { createRouter } from '../../lib/create-router.ts';
import * as h from './units.handlers.ts';
import * as r from './units.routes.ts';

export const unitsRouter = createRouter()
  .openapi(r.listProvinces, h.listProvinces)
  .openapi(r.createProvince, h.createProvince)
  .openapi(r.listCommunes, h.listCommunes)
  .openapi(r.getCommune, h.getCommune)
  .openapi(r.createCommune, h.createCommune)
  .openapi(r.updateCommune, h.updateCommune)
  .openapi(r.summary, h.summary)
  .openapi(r.importVillages, h.importVillages)
  .openapi(r.villageTemplate, h.villageTemplate)
  .openapi(r.villages.list, h.villages.list)
  .openapi(r.villages.get, h.villages.get)
  .openapi(r.villages.create, h.villages.create)
  .openapi(r.villages.update, h.villages.update)
  .openapi(r.schools.list, h.schools.list)
  .openapi(r.schools.get, h.schools.get)
  .openapi(r.schools.create, h.schools.create)
  .openapi(r.schools.update, h.schools.update)
  .openapi(r.organizations.list, h.organizations.list)
  .openapi(r.organizations.get, h.organizations.get)
  .openapi(r.organizations.create, h.organizations.create)
  .openapi(r.organizations.update, h.organizations.update);

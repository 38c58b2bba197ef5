import { createRouter } from '../../lib/create-router.ts';
import * as h from './contests.handlers.ts';
import * as r from './contests.routes.ts';
import * as bh from './bank.handlers.ts';
import * as br from './bank.routes.ts';
import * as sh from './share.handlers.ts';
import * as sr from './share.routes.ts';

/**
 * /api/contests: the organizers' side (organizers and commune admins of the host commune, province
 * organizers for a contest the province hosts, and the system).
 */
export const contestsRouter = createRouter()
  .openapi(r.list, h.list)
  .openapi(r.create, h.create)
  .openapi(r.ofProvince, h.ofProvince)
  .openapi(r.communePart, h.communePart)
  .openapi(r.get, h.get)
  .openapi(r.update, h.update)
  .openapi(r.setStatus, h.setStatus)
  .openapi(r.createRound, h.createRound)
  .openapi(r.updateRound, h.updateRoundHandler)
  .openapi(r.live, h.live)
  .openapi(r.participants, h.participants)
  .openapi(r.setParticipant, h.setParticipant)
  .openapi(r.ranking, h.ranking)
  .openapi(r.publishResults, h.publishResults)
  .openapi(r.units, h.units)
  .openapi(r.exportSheet, h.exportSheet)
  .openapi(r.certificates, h.certificates)
  .openapi(r.purge, h.purge)
  // The contest's own questions, item analysis and release (bank.*.ts).
  .openapi(br.listQuestions, bh.listQuestions)
  .openapi(br.createQuestion, bh.createQuestion)
  .openapi(br.setQuestionStatus, bh.setQuestionStatus)
  .openapi(br.importQuestions, bh.importQuestions)
  .openapi(br.analysis, bh.analysis)
  .openapi(br.analysisSheet, bh.analysisSheet)
  .openapi(br.release, bh.release)
  .openapi(sr.share, sh.share)
  .openapi(sr.poster, sh.poster);

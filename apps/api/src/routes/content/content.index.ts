import { createRouter } from '../../lib/create-router.ts';
import * as h from './content.handlers.ts';
import * as r from './content.routes.ts';
import * as gh from './gates.handlers.ts';
import * as gr from './gates.routes.ts';
import * as rh from './release.handlers.ts';
import * as rr from './release.routes.ts';

export const contentRouter = createRouter()
  .openapi(r.pack, h.pack)
  .openapi(gr.gates, gh.gates)
  .openapi(r.packIndex, h.packIndex)
  .openapi(r.packLesson, h.packLesson)
  .openapi(r.packQuestions, h.packQuestions)
  .openapi(r.listLessons, h.listLessons)
  .openapi(r.getLesson, h.getLessonById)
  .openapi(r.createLesson, h.createLesson)
  .openapi(r.updateLesson, h.updateLesson)
  .openapi(r.exportQuestions, h.exportQuestions)
  .openapi(r.importQuestions, h.importQuestions)
  .openapi(r.questionTemplate, h.questionTemplate)
  .openapi(r.listQuestions, h.listQuestions)
  .openapi(r.getQuestion, h.getQuestionById)
  .openapi(r.createQuestion, h.createQuestion)
  .openapi(r.updateQuestion, h.updateQuestion)
  .openapi(r.setQuestionStatus, h.setQuestionStatus)
  .openapi(r.outdate, h.outdate)
  .openapi(rr.previewRelease, rh.previewRelease)
  .openapi(rr.applyRelease, rh.applyRelease)
  .openapi(r.listHotlines, h.listHotlines)
  .openapi(r.createHotline, h.createHotline)
  .openapi(r.updateHotline, h.updateHotline)
  .openapi(r.listPosters, h.listPosters)
  .openapi(r.createPoster, h.createPoster)
  .openapi(r.updatePoster, h.updatePoster);

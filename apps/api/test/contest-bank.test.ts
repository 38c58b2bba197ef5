import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { utcToVnLocal } from '@vungxanh/domain';
import { createHarness, world } from './harness.ts';
import { openContest, publishQuestions, register, tokenHeader } from './contests-fixtures.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;
let h: H;
let w: W;
beforeAll(async () => {
  h = await createHarness({ CONTEST_PHONE_RATE_LIMIT: '1000', CONTEST_ADDRESS_RATE_LIMIT: '100000' });
  w = await world(h);
  await publishQuestions(h, w, 2, 'contest');
});
afterAll(() => h.cleanup());

const rand = () => Math.random().toString(36).slice(2, 8);
const ownQuestion = (text = `Câu hỏi riêng của cuộc thi ${rand()}?`) => ({
  type: 'single',
  topic: 'law',
  difficulty: 1,
  audience: 'all',
  lawVersion: 'luat-120-2025',
  legalBasis: [{ law: 'luat-120-2025', article: '5' }],
  reviewedOn: '2026-11-23',
  correct: ['b'],
  vi: {
    text,
    options: { a: 'Phương án một', b: 'Phương án hai', c: 'Phương án ba' },
    explanation: 'Lời giải riêng của ban tổ chức.',
  },
});

/** A contest of commune A whose round (open now) draws `count` questions, published after `prepare` ran on the draft. */
async function contestWith(count: number, prepare: (contestId: string) => Promise<unknown>) {
  const cookie = w.cookies.organizer;
  const contest = await h.call('POST', '/api/contests', { cookie, body: { title: `Cuộc thi ${rand()}` } });
  const contestId = contest.body.id as string;
  await prepare(contestId);
  const now = Date.now();
  const round = await h.call('POST', `/api/contests/${contestId}/rounds`, {
    cookie,
    body: {
      name: 'Đợt 1',
      startsAt: utcToVnLocal(new Date(now - 3_600_000)),
      endsAt: utcToVnLocal(new Date(now + 86_400_000)),
      questionCount: count,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
    },
  });
  const published = await h.call('POST', `/api/contests/${contestId}/status`, {
    cookie,
    body: { status: 'published' },
  });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return { contestId, roundId: round.body.id as string };
}

async function questionSheet(texts: string[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('questions');
  sheet.addRow([
    'ref',
    'type',
    'topic',
    'difficulty',
    'audience',
    'law_version',
    'legal_basis',
    'source',
    'correct',
    'reviewed_on',
    'vi_text',
    'vi_a',
    'vi_b',
    'vi_c',
    'vi_d',
    'vi_e',
    'vi_explanation',
  ]);
  for (const text of texts)
    sheet.addRow([
      '',
      'single',
      'law',
      1,
      'all',
      'general',
      '',
      'Luật 73/2021/QH15',
      'c',
      '2026-11-23',
      text,
      'Một',
      'Hai',
      'Ba',
      '',
      '',
      'Giải thích của câu nhập từ tệp.',
    ]);
  const form = new FormData();
  form.set('file', new File([await book.xlsx.writeBuffer()], 'q.xlsx'));
  form.set('mode', 'all_or_nothing');
  return form;
}

describe('a contest’s own questions', () => {
  it('are added by the organizer, drawn by the contest, and seen by nobody else', async () => {
    const text = `Câu hỏi riêng ${rand()}?`;
    let created = { status: 0, body: {} as any };
    const { contestId, roundId } = await contestWith(3, async (id) => {
      created = await h.call('POST', `/api/contests/${id}/questions`, {
        cookie: w.cookies.organizer,
        body: ownQuestion(text),
      });
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ bank: 'contest', communeId: w.communeA.id, status: 'published' });
    const bank = await h.call('GET', `/api/contests/${contestId}/questions`, { cookie: w.cookies.organizer });
    expect(bank.body.questions.map((q: { id: string }) => q.id)).toEqual([created.body.id]);
    expect(bank.body.pool.size).toBe(3);
    expect(bank.body.gates.count).toBe(1);

    // Not in the commune's lists (even for its content editor), not in the pack, not for another commune.
    for (const cookie of [w.cookies.commune_admin, w.cookies.system]) {
      const list = await h.call('GET', '/api/content/questions?pageSize=100', { cookie });
      expect(JSON.stringify(list.body)).not.toContain(text);
    }
    const pack = await h.call('GET', `/api/content/pack?communeId=${w.communeA.id}`);
    expect(JSON.stringify(pack.body)).not.toContain(text);
    const other = await h.call('GET', `/api/contests/${contestId}/questions`, { cookie: w.cookies.communeB_admin });
    expect(other.status).toBe(404);

    // Another contest of the same commune does not draw it.
    const second = await openContest(h, w, { questionCount: 2 });
    const drawnElsewhere = await h.call('GET', `/api/contests/${second.contestId}/questions`, {
      cookie: w.cookies.organizer,
    });
    expect(drawnElsewhere.body.pool.size).toBe(2);

    const reg = await register(h, w, contestId);
    const start = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
      headers: tokenHeader(reg.body.token),
      body: {},
    });
    expect(start.body.questions.map((q: { id: string }) => q.id)).toContain(created.body.id);
  });

  it('are imported from an XLSX in the question export’s format, all or nothing', async () => {
    const { contestId } = await openContest(h, w, { questionCount: 2 });
    const raw = await questionSheet([`Câu nhập một ${rand()}?`, `Câu nhập hai ${rand()}?`]);
    const res = await h.call('POST', `/api/contests/${contestId}/questions/import`, {
      cookie: w.cookies.organizer,
      raw,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ imported: true, created: 2, invalid: 0 });
    // The same file again creates nothing twice: both rows are recognised as already in the contest's bank.
    const again = await h.call('POST', `/api/contests/${contestId}/questions/import`, {
      cookie: w.cookies.organizer,
      raw,
    });
    expect(again.body).toMatchObject({ imported: false, created: 0, existing: 2 });
    const bank = await h.call('GET', `/api/contests/${contestId}/questions`, { cookie: w.cookies.organizer });
    expect(bank.body.questions).toHaveLength(2);
    // Both rest on no article of a named law, so the gate report says they cannot be contest items.
    expect(bank.body.gates.ineligible).toHaveLength(2);
    const audit = await h.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'import_contest_questions'));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('is refused to a village head, and to a closed contest', async () => {
    const { contestId } = await openContest(h, w, { questionCount: 2 });
    const head = await h.call('POST', `/api/contests/${contestId}/questions`, {
      cookie: w.cookies.village_head,
      body: ownQuestion(),
    });
    expect(head.status, JSON.stringify(head.body)).toBe(403);
    await h.call('POST', `/api/contests/${contestId}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'closed' },
    });
    const closed = await h.call('POST', `/api/contests/${contestId}/questions`, {
      cookie: w.cookies.organizer,
      body: ownQuestion(),
    });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('contest_closed_for_questions');
  });
});

describe('after a round: item analysis and release to practice', () => {
  it('waits for the round to end, then analyses the counted attempts, exports them and releases the questions', async () => {
    let own = { body: {} as any };
    const { contestId, roundId } = await contestWith(3, async (id) => {
      own = await h.call('POST', `/api/contests/${id}/questions`, { cookie: w.cookies.organizer, body: ownQuestion() });
    });
    const early = await h.call('GET', `/api/contests/rounds/${roundId}/analysis`, { cookie: w.cookies.organizer });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('contest_round_not_ended');
    expect(
      (await h.call('POST', `/api/contests/rounds/${roundId}/release`, { cookie: w.cookies.organizer })).status,
    ).toBe(409);

    // Three people: each answers every question with option "a".
    let first = { attemptId: '', token: '' };
    for (let i = 0; i < 3; i++) {
      const reg = await register(h, w, contestId);
      const token = reg.body.token as string;
      const start = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
        headers: tokenHeader(token),
        body: {},
      });
      for (const q of start.body.questions)
        await h.call('PUT', `/api/public/contests/attempts/${start.body.id}/answers/${q.id}`, {
          headers: tokenHeader(token),
          body: { chosen: ['a'] },
        });
      await h.call('POST', `/api/public/contests/attempts/${start.body.id}/submit`, { headers: tokenHeader(token) });
      if (i === 0) first = { attemptId: start.body.id, token };
    }
    const reviewPath = `/api/public/contests/attempts/${first.attemptId}/review`;
    const tooSoon = await h.call('GET', reviewPath, { headers: tokenHeader(first.token) });
    expect(tooSoon.status).toBe(409);
    expect(JSON.stringify(tooSoon.body)).not.toContain('Lời giải riêng');
    await h.call('POST', `/api/contests/${contestId}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'closed' },
    });

    // Once the round has ended, each participant reads their answers with the right ones and why.
    const review = await h.call('GET', reviewPath, { headers: tokenHeader(first.token) });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ counts: true, countedAttemptId: first.attemptId, score: 2, total: 3 });
    const ownReview = review.body.questions.find((q: { id: string }) => q.id === own.body.id);
    expect(ownReview).toMatchObject({ chosen: ['a'], correct: ['b'], right: false });
    expect(ownReview.explanation).toBe('Lời giải riêng của ban tổ chức.');
    expect(ownReview.legalBasis).toEqual([{ law: 'luat-120-2025', article: '5', clause: null }]);
    const stranger = await h.call('GET', reviewPath, { headers: tokenHeader('not-the-token') });
    expect(stranger.status).toBe(404);

    const res = await h.call('GET', `/api/contests/rounds/${roundId}/analysis`, { cookie: w.cookies.organizer });
    expect(res.status).toBe(200);
    expect(res.body.attempts).toBe(3);
    const ownItem = res.body.items.find((i: { questionId: string }) => i.questionId === own.body.id);
    expect(ownItem).toMatchObject({ origin: 'contest', attempts: 3, answered: 3, right: 0, facility: 0 });
    expect(ownItem.options).toEqual([
      { id: 'a', text: 'Phương án một', correct: false, chosen: 3 },
      { id: 'b', text: 'Phương án hai', correct: true, chosen: 0 },
      { id: 'c', text: 'Phương án ba', correct: false, chosen: 0 },
    ]);
    const fixture = res.body.items.find((i: { origin: string }) => i.origin === 'commune');
    expect(fixture).toMatchObject({ facility: 1, right: 3 });

    const sheet = await h.app.request(`/api/contests/rounds/${roundId}/analysis.xlsx`, {
      headers: { cookie: w.cookies.organizer },
    });
    expect(sheet.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await sheet.arrayBuffer());
    const header = book.worksheets[0]!.getRow(1).values as string[];
    expect(header).toContain('Tỉ lệ trả lời đúng');
    expect(book.worksheets[0]!.rowCount).toBe(1 + res.body.items.length);
    expect(book.worksheets[0]!.getRow(2).getCell(5).numFmt).toBe('0.0 %');
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(
      await (
        await h.app.request(`/api/contests/rounds/${roundId}/analysis.xlsx?lang=en`, {
          headers: { cookie: w.cookies.organizer },
        })
      ).arrayBuffer(),
    );
    expect(english.worksheets[0]!.getRow(1).values).toContain('Share answered correctly');

    // Release: the contest's own question moves to the commune's practice pack.
    const released = await h.call('POST', `/api/contests/rounds/${roundId}/release`, { cookie: w.cookies.organizer });
    expect(released.status).toBe(200);
    // The commune's two questions were also drawn in the first test's round, which is still running: they stay.
    expect(released.body.released).toEqual([own.body.id]);
    expect(released.body.keptBack.map((k: { reason: string }) => k.reason)).toEqual(['in_use', 'in_use']);
    const pack = await h.call('GET', `/api/content/pack?communeId=${w.communeA.id}`);
    expect(pack.body.questions.map((q: { id: string }) => q.id)).toContain(own.body.id);
    const [row] = await h.db.select().from(schema.questions).where(eq(schema.questions.id, own.body.id));
    expect(row).toMatchObject({ bank: 'practice', contestId: null, scope: w.communeA.id });
    expect(row!.releasedAt).toBeInstanceOf(Date);
    const audit = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'release_questions'), eq(schema.auditLog.entityId, contestId)));
    expect(audit).toHaveLength(1);
  });
});

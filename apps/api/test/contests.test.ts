import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@vungxanh/db';
import { contestPolicy, nameKey, utcToVnLocal } from '@vungxanh/domain';
import { contestSummary } from '@vungxanh/db';
import { createHarness, world } from './harness.ts';
import { leaksKey, nextPhone, openContest, publishQuestions, register, tokenHeader } from './contests-fixtures.ts';
import { pdfText } from './pdf-text.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;
let h: H;
let w: W;
beforeAll(async () => {
  h = await createHarness({ CONTEST_PHONE_RATE_LIMIT: '1000', CONTEST_ADDRESS_RATE_LIMIT: '100000' });
  w = await world(h);
  await publishQuestions(h, w, 6);
});
afterAll(() => h.cleanup());

async function participant(contestId: string, body: Record<string, unknown> = {}) {
  const res = await register(h, w, contestId, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.token as string, id: res.body.participant.id as string };
}
const start = (roundId: string, token: string, clientId?: string) =>
  h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
    headers: tokenHeader(token),
    body: clientId ? { clientId } : {},
  });
const answer = (attemptId: string, questionId: string, token: string, chosen: string[]) =>
  h.call('PUT', `/api/public/contests/attempts/${attemptId}/answers/${questionId}`, {
    headers: tokenHeader(token),
    body: { chosen },
  });
const submit = (attemptId: string, token: string) =>
  h.call('POST', `/api/public/contests/attempts/${attemptId}/submit`, { headers: tokenHeader(token) });
/** The option id of the drawn question that is right: the bank's questions are made with "a" right. */
const right = () => ['a'];

describe('registration', () => {
  it('registers once per phone, whatever its format, and answers a retry with the same person', async () => {
    const { contestId } = await openContest(h, w);
    const clientId = crypto.randomUUID();
    const first = await register(h, w, contestId, { clientId, phone: '0912 345 678' });
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^[\w-]{40,}$/);
    const retry = await register(h, w, contestId, { clientId, phone: '0912 345 678' });
    expect(retry.status).toBe(200);
    expect(retry.body.participant.id).toBe(first.body.participant.id);
    const other = await register(h, w, contestId, { phone: '+84 912.345.678' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('contest_already_registered');
    const rows = await h.db
      .select()
      .from(schema.contestParticipants)
      .where(eq(schema.contestParticipants.contestId, contestId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(retry.body.token);
    expect(rows[0]!.phone).toBe('0912345678');
  });
  it('asks under-16s for a guardian’s consent and name', async () => {
    const { contestId } = await openContest(h, w);
    const young = new Date().getUTCFullYear() - 13;
    const bad = await register(h, w, contestId, { birthYear: young });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['guardianConsent', 'guardianName']);
    const ok = await register(h, w, contestId, {
      birthYear: young,
      guardianConsent: true,
      guardianName: 'Nguyễn Văn Ba',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.participant.displayName).toBe('N. V. A.');
  });
  it('refuses a unit of another commune, a bad phone and missing consent, storing nothing', async () => {
    const { contestId } = await openContest(h, w);
    expect((await register(h, w, contestId, { unitId: w.villageB.id })).body.code).toBe('contest_unit_invalid');
    expect((await register(h, w, contestId, { phone: '0212345678' })).status).toBe(422);
    expect((await register(h, w, contestId, { consent: false })).status).toBe(422);
    const rows = await h.db
      .select()
      .from(schema.contestParticipants)
      .where(eq(schema.contestParticipants.contestId, contestId));
    expect(rows).toHaveLength(0);
  });
  it('does not show drafts to participants', async () => {
    const c = await h.call('POST', '/api/contests', { cookie: w.cookies.organizer, body: { title: 'Cuộc thi nháp' } });
    expect((await h.call('GET', `/api/public/contests/${c.body.id}`)).status).toBe(404);
    expect((await register(h, w, c.body.id)).status).toBe(404);
  });
});

describe('an attempt', () => {
  it('never carries the key, explanations or a score before submit', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const responses = [
      await h.call('GET', '/api/public/contests'),
      await h.call('GET', `/api/public/contests/${contestId}`),
      await h.call('GET', `/api/public/contests/${contestId}/me`, { headers: tokenHeader(p.token) }),
    ];
    const started = await start(roundId, p.token);
    expect(started.status).toBe(201);
    responses.push(started);
    const a = started.body;
    for (const q of a.questions) responses.push(await answer(a.id, q.id, p.token, right()));
    responses.push(
      await h.call('PUT', `/api/public/contests/attempts/${a.id}/prediction`, {
        headers: tokenHeader(p.token),
        body: { value: 12 },
      }),
    );
    responses.push(await h.call('GET', `/api/public/contests/attempts/${a.id}`, { headers: tokenHeader(p.token) }));
    responses.push(await start(roundId, p.token));
    for (const r of responses) expect(leaksKey(r.body), JSON.stringify(r.body)).toBe(false);
    const done = await submit(a.id, p.token);
    expect(done.body.result).toMatchObject({ score: 3, total: 3, closedReason: 'submitted' });
  });

  it('is the same attempt after a reload: same questions, order and deadline', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const first = await start(roundId, p.token, crypto.randomUUID());
    const q0 = first.body.questions[0];
    await answer(first.body.id, q0.id, p.token, ['b']);
    const again = await start(roundId, p.token, crypto.randomUUID());
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.deadlineAt).toBe(first.body.deadlineAt);
    expect(again.body.questions).toEqual(first.body.questions);
    expect(again.body.answers).toEqual({ [q0.id]: ['b'] });
    const read = await h.call('GET', `/api/public/contests/attempts/${first.body.id}`, {
      headers: tokenHeader(p.token),
    });
    expect(read.body.questions).toEqual(first.body.questions);
  });

  it('refuses a tampered option id, a foreign question and another person’s attempt', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const other = await participant(contestId);
    const a = (await start(roundId, p.token)).body;
    const q = a.questions[0];
    const tampered = await answer(a.id, q.id, p.token, ['e']);
    expect(tampered.status).toBe(422);
    expect(tampered.body.code).toBe('contest_answer_invalid');
    expect((await answer(a.id, q.id, p.token, ['a', 'b'])).status).toBe(422);
    expect((await answer(a.id, 'not-a-question', p.token, ['a'])).status).toBe(422);
    expect((await answer(a.id, q.id, other.token, ['a'])).status).toBe(404);
    expect(
      (await h.call('PUT', `/api/public/contests/attempts/${a.id}/answers/${q.id}`, { body: { chosen: ['a'] } }))
        .status,
    ).toBe(401);
    const [row] = await h.db.select().from(schema.contestAttempts).where(eq(schema.contestAttempts.id, a.id));
    expect(row!.answers).toEqual({});
  });

  it('saves an answer once however often it is sent, and the last choice stands', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const a = (await start(roundId, p.token)).body;
    const q = a.questions[1];
    for (let i = 0; i < 3; i++) expect((await answer(a.id, q.id, p.token, ['b'])).body).toMatchObject({ answered: 1 });
    await answer(a.id, q.id, p.token, ['a']);
    const [row] = await h.db.select().from(schema.contestAttempts).where(eq(schema.contestAttempts.id, a.id));
    expect(row!.answers).toEqual({ [q.id]: ['a'] });
  });

  it('keeps the first submit: a second one answers the same result and nothing changes after', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const a = (await start(roundId, p.token)).body;
    await answer(a.id, a.questions[0].id, p.token, right());
    const [one, two] = await Promise.all([submit(a.id, p.token), submit(a.id, p.token)]);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    expect(two.body.result).toEqual(one.body.result);
    expect(one.body.result.score).toBe(1);
    const later = await answer(a.id, a.questions[1].id, p.token, right());
    expect(later.status).toBe(409);
    expect(later.body.code).toBe('contest_attempt_closed');
    const third = await submit(a.id, p.token);
    expect(third.body.result).toEqual(one.body.result);
  });

  it('refuses a submit one second after the deadline plus grace and closes the attempt on what it has', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const a = (await start(roundId, p.token)).body;
    await answer(a.id, a.questions[0].id, p.token, right());
    const deadline = Date.now() - contestPolicy.graceMs - 1_000;
    await h.db
      .update(schema.contestAttempts)
      .set({ deadlineAt: new Date(deadline), startedAt: new Date(deadline - 600_000) })
      .where(eq(schema.contestAttempts.id, a.id));
    const late = await submit(a.id, p.token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('contest_deadline_passed');
    const read = await h.call('GET', `/api/public/contests/attempts/${a.id}`, { headers: tokenHeader(p.token) });
    expect(read.body.result).toMatchObject({ score: 1, closedReason: 'deadline', durationMs: 600_000 });
    expect((await answer(a.id, a.questions[1].id, p.token, right())).status).toBe(409);
  });

  it('accepts an answer within the grace after the deadline', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    const a = (await start(roundId, p.token)).body;
    await h.db
      .update(schema.contestAttempts)
      .set({ deadlineAt: new Date(Date.now() - 2_000) })
      .where(eq(schema.contestAttempts.id, a.id));
    expect((await answer(a.id, a.questions[0].id, p.token, right())).status).toBe(200);
    const late = await h.call('GET', `/api/public/contests/attempts/${a.id}`, { headers: tokenHeader(p.token) });
    expect(late.body.status).toBe('open');
  });

  it('holds the attempts limit under two concurrent starts when one attempt is left', async () => {
    const { contestId, roundId } = await openContest(h, w, { attemptsAllowed: 2 });
    const p = await participant(contestId);
    const first = (await start(roundId, p.token)).body;
    await submit(first.id, p.token);
    const results = await Promise.all([
      start(roundId, p.token, crypto.randomUUID()),
      start(roundId, p.token, crypto.randomUUID()),
      start(roundId, p.token, crypto.randomUUID()),
    ]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const rows = await h.db.select().from(schema.contestAttempts).where(eq(schema.contestAttempts.participantId, p.id));
    expect(rows.map((r) => r.attemptNo).sort()).toEqual([1, 2]);
    await submit(results[0]!.body.id, p.token);
    // Both submitted attempts are listed, in order, for the review after the round.
    const me = await h.call('GET', `/api/public/contests/${contestId}/me`, { headers: tokenHeader(p.token) });
    expect(me.body.rounds[0].finishedAttemptIds).toEqual([first.id, results[0]!.body.id]);
    const over = await start(roundId, p.token);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('contest_attempts_exhausted');
  });

  it('refuses starts outside the open window and from the disqualified', async () => {
    const { contestId, roundId } = await openContest(h, w, {
      startsAt: utcToVnLocal(new Date(Date.now() + 86_400_000)),
      endsAt: utcToVnLocal(new Date(Date.now() + 2 * 86_400_000)),
    });
    const p = await participant(contestId);
    expect((await start(roundId, p.token)).body.code).toBe('contest_not_open');
    await h.call('POST', `/api/contests/participants/${p.id}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'disqualified', reason: 'Đăng ký hộ người khác' },
    });
    expect((await start(roundId, p.token)).status).toBe(403);
  });

  it('limits registrations and starts per phone and per address', async () => {
    const strict = await createHarness({ CONTEST_PHONE_RATE_LIMIT: '2', CONTEST_ADDRESS_RATE_LIMIT: '3' });
    try {
      const sw = await world(strict);
      await publishQuestions(strict, sw, 3);
      const { contestId } = await openContest(strict, sw);
      const phone = nextPhone();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await register(strict, sw, contestId, { phone })).status);
      expect(statuses).toEqual([201, 409, 429]);
      expect((await register(strict, sw, contestId)).status).toBe(429);
    } finally {
      strict.cleanup();
    }
  });
});

describe('rankings and results', () => {
  it('ranks by score, prediction gap, duration and submit time; provisional while open', async () => {
    const { contestId, roundId } = await openContest(h, w, { attemptsAllowed: 1 });
    const org = w.cookies.organizer;
    const people = [];
    // Scores: A 3, B 3, C 2. A predicted closer, so after the round A leads B; while open B (faster) leads.
    for (const [name, correct, prediction, ms] of [
      ['Lê Văn A', 3, 3, 200_000],
      ['Trần Thị B', 3, 50, 100_000],
      ['Phạm C', 2, 3, 50_000],
    ] as const) {
      const p = await participant(contestId, { fullName: name });
      const a = (await start(roundId, p.token)).body;
      for (const [i, q] of a.questions.entries()) await answer(a.id, q.id, p.token, i < correct ? ['a'] : ['b']);
      await h.call('PUT', `/api/public/contests/attempts/${a.id}/prediction`, {
        headers: tokenHeader(p.token),
        body: { value: prediction },
      });
      await h.db
        .update(schema.contestAttempts)
        .set({ startedAt: new Date(Date.now() - ms) })
        .where(eq(schema.contestAttempts.id, a.id));
      await submit(a.id, p.token);
      people.push({ ...p, name });
    }
    const live = await h.call('GET', `/api/public/contests/rounds/${roundId}/board`);
    expect(live.body.final).toBe(false);
    expect(live.body.rows.map((r: { name: string }) => r.name)).toEqual(['Trần Thị B', 'Lê Văn A', 'Phạm C']);
    expect(live.body.rows.every((r: { predictionGap: null }) => r.predictionGap === null)).toBe(true);

    await h.db
      .update(schema.contestRounds)
      .set({ endsAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.contestRounds.id, roundId));
    const final = await h.call('GET', `/api/public/contests/rounds/${roundId}/board`, {
      headers: tokenHeader(people[1]!.token),
    });
    expect(final.body.final).toBe(true);
    expect(final.body.actual).toBe(3);
    expect(final.body.rows.map((r: { name: string }) => r.name)).toEqual(['Lê Văn A', 'Trần Thị B', 'Phạm C']);
    expect(final.body.rows.map((r: { predictionGap: number }) => r.predictionGap)).toEqual([0, 47, 0]);
    expect(final.body.me).toMatchObject({ place: 2, score: 3 });

    const blocked = await h.call('POST', `/api/contests/rounds/${roundId}/results`, { cookie: org });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('contest_winners_unverified');
    for (const p of people)
      await h.call('POST', `/api/contests/participants/${p.id}/status`, { cookie: org, body: { status: 'verified' } });
    const published = await h.call('POST', `/api/contests/rounds/${roundId}/results`, { cookie: org });
    expect(published.status).toBe(200);
    const board = await h.call('GET', `/api/public/contests/rounds/${roundId}/board`);
    expect(board.body.rows.map((r: { prize: string }) => r.prize)).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Nhì']);

    const xlsx = await h.app.request(`/api/contests/${contestId}/export?kind=ranking&roundId=${roundId}`, {
      headers: { cookie: org },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(2).value)).toEqual(['Lê Văn A', 'Trần Thị B', 'Phạm C']);
    // Labels, not codes; places, years and seconds as numbers; the submission time as a date cell.
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).numFmt).toBe('0');
    expect(typeof first.getCell(7).value).toBe('number');
    expect(first.getCell(10).value).toBeInstanceOf(Date);
    expect(first.getCell(10).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(11).value).toBe('Giải Nhất');
    expect(first.getCell(12).value).toBe('Đã xác minh');
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(
      await (
        await h.app.request(`/api/contests/${contestId}/export?kind=ranking&roundId=${roundId}&lang=en`, {
          headers: { cookie: org },
        })
      ).arrayBuffer(),
    );
    expect(english.worksheets[0]!.name).toBe('Ranking');
    expect(english.worksheets[0]!.getRow(1).getCell(2).value).toBe('Full name');
    expect(english.worksheets[0]!.getRow(2).getCell(12).value).toBe('Verified');
    const attempts = new ExcelJS.Workbook();
    await attempts.xlsx.load(
      await (
        await h.app.request(`/api/contests/${contestId}/export?kind=attempts&roundId=${roundId}`, {
          headers: { cookie: org },
        })
      ).arrayBuffer(),
    );
    const attempt = attempts.worksheets[0]!.getRow(2);
    expect(attempt.getCell(4).value).toBeInstanceOf(Date);
    expect(attempt.getCell(6).value).toBe('Tự nộp');

    const pdf = await h.app.request(`/api/contests/rounds/${roundId}/certificates`, { headers: { cookie: org } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    expect(text).toContain('Lê Văn A');
    expect(text).toContain('Giải Nhất');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const certificatesEn = await pdfText(
      new Uint8Array(
        await (
          await h.app.request(`/api/contests/rounds/${roundId}/certificates?lang=en`, { headers: { cookie: org } })
        ).arrayBuffer(),
      ),
    );
    expect(certificatesEn).toContain('CERTIFICATE');
    expect(certificatesEn).toContain('Lê Văn A');
    expect(certificatesEn).not.toContain('CHỨNG NHẬN');

    const units = await h.call('GET', `/api/public/contests/${contestId}/units`);
    expect(units.body.items[0]).toMatchObject({ unitId: w.villageA.id, participants: 3, prizePoints: 24 });

    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, contestId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'status_published', 'export']));
  });

  it('flags implausibly fast attempts and keeps them off the board until verified', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId, { fullName: 'Người Nhanh' });
    const a = (await start(roundId, p.token)).body;
    const done = await submit(a.id, p.token);
    expect(done.body.result.flagged).toBe(true);
    const board = await h.call('GET', `/api/public/contests/rounds/${roundId}/board`, {
      headers: tokenHeader(p.token),
    });
    expect(board.body.rows).toHaveLength(0);
    expect(board.body.me).toMatchObject({ held: true, place: null });
    const ranking = await h.call('GET', `/api/contests/rounds/${roundId}/ranking`, { cookie: w.cookies.organizer });
    expect(ranking.body.rows[0]).toMatchObject({ held: true, flagged: true, place: null });
    await h.call('POST', `/api/contests/participants/${p.id}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'verified' },
    });
    const after = await h.call('GET', `/api/contests/rounds/${roundId}/ranking`, { cookie: w.cookies.organizer });
    expect(after.body.rows[0]).toMatchObject({ held: false, place: 1 });
  });

  it('shows minors by initials on public boards', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const young = new Date().getUTCFullYear() - 12;
    const p = await participant(contestId, {
      fullName: 'Đỗ Minh Châu',
      birthYear: young,
      guardianConsent: true,
      guardianName: 'Đỗ Văn Hải',
    });
    await h.call('POST', `/api/contests/participants/${p.id}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'verified' },
    });
    const a = (await start(roundId, p.token)).body;
    await submit(a.id, p.token);
    const board = await h.call('GET', `/api/public/contests/rounds/${roundId}/board`);
    expect(board.body.rows[0].name).toBe('Đ. M. C.');
    expect(JSON.stringify(board.body)).not.toContain('Châu');
  });
});

describe('organizers', () => {
  it('needs a reason to disqualify', async () => {
    const { contestId } = await openContest(h, w);
    const p = await participant(contestId);
    const res = await h.call('POST', `/api/contests/participants/${p.id}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'disqualified' },
    });
    expect(res.status).toBe(422);
  });
  it('cannot publish without enough questions for a round’s mix', async () => {
    const c = await h.call('POST', '/api/contests', { cookie: w.cookies.organizer, body: { title: 'Cuộc thi khó' } });
    await h.call('POST', `/api/contests/${c.body.id}/rounds`, {
      cookie: w.cookies.organizer,
      body: {
        name: 'Đợt 1',
        startsAt: '2026-12-01T08:00',
        endsAt: '2026-12-08T08:00',
        questionCount: 50,
        timeLimitSeconds: 600,
        attemptsAllowed: 1,
      },
    });
    const res = await h.call('POST', `/api/contests/${c.body.id}/status`, {
      cookie: w.cookies.organizer,
      body: { status: 'published' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('contest_pool_too_small');
  });
  it('keeps contests to their commune: 404 for another commune, 403 for other roles', async () => {
    const { contestId, roundId } = await openContest(h, w);
    expect((await h.call('GET', `/api/contests/${contestId}`, { cookie: w.cookies.communeB_admin })).status).toBe(404);
    expect(
      (await h.call('GET', `/api/contests/rounds/${roundId}/live`, { cookie: w.cookies.communeB_admin })).status,
    ).toBe(404);
    expect((await h.call('GET', `/api/contests/${contestId}`, { cookie: w.cookies.village_head })).status).toBe(403);
  });
  it('sees live participation', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    await start(roundId, p.token);
    const live = await h.call('GET', `/api/contests/rounds/${roundId}/live`, { cookie: w.cookies.organizer });
    expect(live.body.stats).toMatchObject({
      registered: 1,
      participants: 1,
      attempts: 1,
      open: 1,
      submitted: 0,
      flagged: 0,
      poolSize: 6,
    });
    // One person submits at once (flagged as implausibly fast), one lets the time run out, one is still answering.
    const fast = await participant(contestId, { fullName: 'Người Nhanh' });
    await submit((await start(roundId, fast.token)).body.id, fast.token);
    const late = await participant(contestId, { fullName: 'Người Chậm' });
    const lateAttempt = (await start(roundId, late.token)).body.id as string;
    await h.db
      .update(schema.contestAttempts)
      .set({ deadlineAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.contestAttempts.id, lateAttempt));
    const later = await h.call('GET', `/api/contests/rounds/${roundId}/live`, { cookie: w.cookies.organizer });
    expect(later.body.stats).toMatchObject({
      registered: 3,
      participants: 3,
      attempts: 3,
      open: 1,
      submitted: 1,
      flagged: 1,
    });
    const summary = (await contestSummary(h.db, w.communeA.id, Date.now() - 86_400_000, Date.now() + 86_400_000)).find(
      (r) => r.roundId === roundId,
    );
    // Reading the board closed the attempt whose time ran out: the report counts it as handed in.
    expect(summary).toMatchObject({ roundId, participants: 3, attempts: 3, submitted: 2 });
  });
  it('fixes the draw once attempts exist', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    await start(roundId, p.token);
    const res = await h.call('PATCH', `/api/contests/rounds/${roundId}`, {
      cookie: w.cookies.organizer,
      body: { questionCount: 2 },
    });
    expect(res.body.code).toBe('contest_round_started');
    expect(
      (
        await h.call('PATCH', `/api/contests/rounds/${roundId}`, {
          cookie: w.cookies.organizer,
          body: { name: 'Đợt một' },
        })
      ).status,
    ).toBe(200);
  });
  it('purges personal fields only of a closed contest past its retention, keeping the scores', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId, { fullName: 'Hoàng Văn Thái' });
    await submit((await start(roundId, p.token)).body.id, p.token);
    const org = w.cookies.organizer;
    const early = await h.call('POST', `/api/contests/${contestId}/purge`, { cookie: org });
    expect(early.body.code).toBe('contest_retention_running');
    await h.call('POST', `/api/contests/${contestId}/status`, { cookie: org, body: { status: 'closed' } });
    expect((await h.call('POST', `/api/contests/${contestId}/purge`, { cookie: org })).status).toBe(409);
    await h.db
      .update(schema.contestRounds)
      .set({ startsAt: new Date('2024-01-01T00:00:00Z'), endsAt: new Date('2024-02-01T00:00:00Z') })
      .where(eq(schema.contestRounds.id, roundId));
    const done = await h.call('POST', `/api/contests/${contestId}/purge`, { cookie: org });
    expect(done.body).toEqual({ purged: 1 });
    const [row] = await h.db.select().from(schema.contestParticipants).where(eq(schema.contestParticipants.id, p.id));
    expect(row).toMatchObject({ fullName: 'H. V. T.', guardianName: null });
    expect(row!.phone).not.toMatch(/^0\d{9}$/);
    expect(
      (await h.call('GET', `/api/public/contests/${contestId}/me`, { headers: tokenHeader(p.token) })).status,
    ).toBe(401);
    const [attempt] = await h.db
      .select()
      .from(schema.contestAttempts)
      .where(eq(schema.contestAttempts.participantId, p.id));
    expect(attempt!.submittedAt).not.toBeNull();
  });
  it('gives the reports a summary per round', async () => {
    const { contestId, roundId } = await openContest(h, w);
    const p = await participant(contestId);
    await submit((await start(roundId, p.token)).body.id, p.token);
    const rows = await contestSummary(h.db, w.communeA.id, Date.now() - 86_400_000, Date.now() + 86_400_000);
    expect(rows.find((r) => r.roundId === roundId)).toMatchObject({
      contestId,
      participants: 1,
      attempts: 1,
      submitted: 1,
    });
  });
});

describe('a commune with many units', () => {
  it('sends no long list on the contest page past unitListMax: the form finds units by typing', async () => {
    const { contestId } = await openContest(h, w);
    const small = (await h.call('GET', `/api/public/contests/${contestId}`)).body;
    expect(small.unitSearch).toBe(false);
    expect(small.units.length).toBeGreaterThan(0);
    const extra = Array.from({ length: contestPolicy.unitListMax + 1 }, (_, i) => ({
      communeId: w.communeA.id,
      kind: 'business' as const,
      name: `Hợp tác xã Đông Tiến ${i + 1}`,
      nameKey: nameKey(`Hợp tác xã Đông Tiến ${i + 1}`),
      sortKey: `zz ${String(i + 1).padStart(4, '0')}`,
    }));
    const ids = (await h.db.insert(schema.organizations).values(extra).returning({ id: schema.organizations.id })).map(
      (r) => r.id,
    );
    try {
      h.deps.publicCache.clear();
      const big = (await h.call('GET', `/api/public/contests/${contestId}`)).body;
      expect(big.unitSearch).toBe(true);
      expect(big.units).toEqual([]);
      const found = await h.call(
        'GET',
        `/api/public/contests/${contestId}/units/search?q=${encodeURIComponent('dong tien 77')}`,
      );
      expect(found.body.items.map((u: { name: string }) => u.name)).toEqual(['Hợp tác xã Đông Tiến 77']);
      // Registering with a unit found that way works as with the list.
      const res = await register(h, w, contestId, { unitKind: 'organization', unitId: found.body.items[0].id });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    } finally {
      await h.db.update(schema.organizations).set({ active: false }).where(inArray(schema.organizations.id, ids));
      h.deps.publicCache.clear();
    }
  });
});

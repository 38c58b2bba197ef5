import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '@vungxanh/db/testing';
import { schema } from '@vungxanh/db';
import { utcToVnLocal } from '@vungxanh/domain';
import { createHarness, provinceOrganizer, world } from './harness.ts';
import { nextPhone, tokenHeader } from './contests-fixtures.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;
let h: H;
let w: W;
/** The provincial Youth Union of province 1 (communes A and B) and of province 2 (commune C). */
let host: Awaited<ReturnType<typeof provinceOrganizer>>;
let otherHost: Awaited<ReturnType<typeof provinceOrganizer>>;
/** Units named with diacritics, to be found typed without them. */
let dongHoa: { id: string };
let bacSon: { id: string };
let farAway: { id: string };

beforeAll(async () => {
  h = await createHarness({ CONTEST_PHONE_RATE_LIMIT: '1000', CONTEST_ADDRESS_RATE_LIMIT: '100000' });
  w = await world(h);
  host = await provinceOrganizer(h, w.p1.id);
  otherHost = await provinceOrganizer(h, w.p2.id);
  dongHoa = await factories.village(h.db, w.communeA.id, { name: 'Thôn Đồng Hòa', population: 1000 });
  bacSon = await factories.village(h.db, w.communeB.id, { name: 'Tổ dân phố Bắc Sơn', population: 1000 });
  farAway = await factories.village(h.db, w.communeC.id, { name: 'Thôn Đồng Hòa Xa', population: 1000 });
});
afterAll(() => h.cleanup());

const rand = () => Math.random().toString(36).slice(2, 9);

/** A contest the province hosts, with its own questions (correct option "a") and a round open now. */
async function provinceContest(status: 'published' | 'draft' = 'published') {
  const cookie = host.cookie;
  const created = await h.call('POST', '/api/contests', {
    cookie,
    body: { title: `Tìm hiểu pháp luật toàn tỉnh ${rand()}`, rulesMd: '## Thể lệ\n\nMỗi người thi một lượt.' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const contestId = created.body.id as string;
  for (let i = 0; i < 3; i++) {
    const q = await h.call('POST', `/api/contests/${contestId}/questions`, {
      cookie,
      body: {
        type: 'single',
        topic: 'law',
        difficulty: 1,
        audience: 'all',
        lawVersion: 'general',
        reviewedOn: '2026-11-23',
        source: 'Luật 120/2025/QH15',
        correct: ['a'],
        status: 'published',
        vi: {
          text: `Câu hỏi của cuộc thi cấp tỉnh số ${rand()}?`,
          options: { a: 'Đáp án đúng', b: 'Đáp án sai một', c: 'Đáp án sai hai' },
          explanation: 'Giải thích của câu hỏi.',
        },
      },
    });
    expect(q.status, JSON.stringify(q.body)).toBe(201);
  }
  const now = Date.now();
  const round = await h.call('POST', `/api/contests/${contestId}/rounds`, {
    cookie,
    body: {
      name: 'Đợt 1',
      startsAt: utcToVnLocal(new Date(now - 3_600_000)),
      endsAt: utcToVnLocal(new Date(now + 86_400_000)),
      questionCount: 3,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
    },
  });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  if (status === 'published') {
    const p = await h.call('POST', `/api/contests/${contestId}/status`, { cookie, body: { status: 'published' } });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  }
  return { contestId, roundId: round.body.id as string };
}

const search = async (contestId: string, q: string) =>
  (await h.call('GET', `/api/public/contests/${contestId}/units/search?q=${encodeURIComponent(q)}`)).body.items as {
    kind: string;
    id: string;
    name: string;
    communeId: string;
  }[];

/** Registers someone for the first unit the search finds, takes the round and gets `right` answers right. */
async function takePart(contestId: string, roundId: string, fullName: string, typed: string, right: number) {
  const [unit] = await search(contestId, typed);
  expect(unit, `a unit for "${typed}"`).toBeDefined();
  const reg = await h.call('POST', `/api/public/contests/${contestId}/register`, {
    body: {
      clientId: crypto.randomUUID(),
      fullName,
      birthYear: 1995,
      phone: nextPhone(),
      unitKind: unit!.kind,
      unitId: unit!.id,
      consent: true,
    },
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const token = reg.body.token as string;
  const attempt = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
    headers: tokenHeader(token),
    body: {},
  });
  expect(attempt.status, JSON.stringify(attempt.body)).toBe(201);
  for (const [i, q] of (attempt.body.questions as { id: string }[]).entries()) {
    const saved = await h.call('PUT', `/api/public/contests/attempts/${attempt.body.id}/answers/${q.id}`, {
      headers: tokenHeader(token),
      body: { chosen: i < right ? ['a'] : ['b'] },
    });
    expect(saved.status).toBe(200);
  }
  const done = await h.call('POST', `/api/public/contests/attempts/${attempt.body.id}/submit`, {
    headers: tokenHeader(token),
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body.result.score).toBe(right);
  return { id: reg.body.participant.id as string, token, unit: unit! };
}

describe('a contest the province hosts', () => {
  it('is created and run by the province organizer, with no host commune', async () => {
    const { contestId } = await provinceContest();
    const got = await h.call('GET', `/api/contests/${contestId}`, { cookie: host.cookie });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ communeId: null, provinceId: w.p1.id, scope: 'province', status: 'published' });
    expect(got.body.hostName).toBe(w.p1.name);
    expect(got.body.rounds).toHaveLength(1);

    const edited = await h.call('PATCH', `/api/contests/${contestId}`, {
      cookie: host.cookie,
      body: { rulesMd: '## Thể lệ mới' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.rulesMd).toBe('## Thể lệ mới');
    // Editing the rules alone leaves the rest as it was; the province's contest stays province-wide.
    expect(edited.body).toMatchObject({ scope: 'province', communeId: null, title: got.body.title });
    const narrowed = await h.call('PATCH', `/api/contests/${contestId}`, {
      cookie: host.cookie,
      body: { scope: 'commune' },
    });
    expect(narrowed.status).toBe(422);

    const list = await h.call('GET', '/api/contests', { cookie: host.cookie });
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(contestId);

    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, contestId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'status_published']));
    expect(audit.every((a) => a.accountId === host.account.id)).toBe(true);
  });

  it("is 404 to another province's organizer and to commune organizers as a contest to run", async () => {
    const { contestId, roundId } = await provinceContest();
    for (const cookie of [otherHost.cookie, w.cookies.organizer, w.cookies.commune_admin]) {
      expect((await h.call('GET', `/api/contests/${contestId}`, { cookie })).status).toBe(404);
      const patch = await h.call('PATCH', `/api/contests/${contestId}`, { cookie, body: { title: 'Đổi tên' } });
      expect(patch.status).toBe(404);
      const status = await h.call('POST', `/api/contests/${contestId}/status`, { cookie, body: { status: 'paused' } });
      expect(status.status).toBe(404);
      expect((await h.call('GET', `/api/contests/rounds/${roundId}/ranking`, { cookie })).status).toBe(404);
    }
    const part = await h.call('GET', `/api/contests/${contestId}/communes/${w.communeA.id}`, {
      cookie: otherHost.cookie,
    });
    expect(part.status).toBe(404);
    const theirs = await h.call('GET', '/api/contests', { cookie: otherHost.cookie });
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(contestId);
    const unchanged = await h.call('GET', `/api/contests/${contestId}`, { cookie: host.cookie });
    expect(unchanged.body.status).toBe('published');
  });

  it('finds units of every commune of the province by name typed without diacritics, and only them', async () => {
    const { contestId } = await provinceContest();
    const detail = await h.call('GET', `/api/public/contests/${contestId}`);
    expect(detail.body.unitSearch).toBe(true);
    expect(detail.body.units).toEqual([]);
    expect(detail.body.communes.map((c: { id: string }) => c.id).sort()).toEqual([w.communeA.id, w.communeB.id].sort());

    const dong = await search(contestId, 'thon dong hoa');
    expect(dong.map((u) => u.id)).toEqual([dongHoa.id]);
    expect(dong.map((u) => u.id)).not.toContain(farAway.id);
    expect((await search(contestId, 'BAC SON')).map((u) => u.id)).toEqual([bacSon.id]);
    const byCommune = await search(contestId, w.communeB.name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    expect(byCommune).toContainEqual(expect.objectContaining({ kind: 'commune', id: w.communeB.id }));
    expect(byCommune.every((u) => u.communeId === w.communeB.id)).toBe(true);
    expect(await search(contestId, 'khong co thon nay')).toEqual([]);

    // A unit of another province is refused, and nothing is stored.
    const wrong = await h.call('POST', `/api/public/contests/${contestId}/register`, {
      body: {
        clientId: crypto.randomUUID(),
        fullName: 'Người Tỉnh Khác',
        birthYear: 1990,
        phone: nextPhone(),
        unitKind: 'village',
        unitId: farAway.id,
        consent: true,
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('contest_unit_invalid');
    const stored = await h.db
      .select()
      .from(schema.contestParticipants)
      .where(eq(schema.contestParticipants.contestId, contestId));
    expect(stored).toEqual([]);
  });

  it('ranks communes per 1,000 residents and units; each commune organizer sees only their part', async () => {
    const { contestId, roundId } = await provinceContest();
    // Commune A: 2,000 residents (village A and Đồng Hòa), one participant. Commune B: 2,000, two.
    const an = await takePart(contestId, roundId, 'Nguyễn Văn An', 'dong hoa', 3);
    const binh = await takePart(contestId, roundId, 'Trần Thị Bình', 'bac son', 2);
    const cuong = await takePart(
      contestId,
      roundId,
      'Lê Văn Cường',
      w.communeB.name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      1,
    );
    expect(an.unit).toMatchObject({ kind: 'village', id: dongHoa.id, communeId: w.communeA.id });
    expect(cuong.unit).toMatchObject({ kind: 'commune', id: w.communeB.id });

    // Each participant and attempt belongs to the commune of their unit.
    const people = await h.db
      .select()
      .from(schema.contestParticipants)
      .where(eq(schema.contestParticipants.contestId, contestId));
    expect(Object.fromEntries(people.map((p) => [p.fullName, p.communeId]))).toEqual({
      'Nguyễn Văn An': w.communeA.id,
      'Trần Thị Bình': w.communeB.id,
      'Lê Văn Cường': w.communeB.id,
    });

    const standings = (await h.call('GET', `/api/public/contests/${contestId}/units`)).body;
    expect(
      standings.communes.map((c: { communeId: string; participants: number; perThousand: number; place: number }) => [
        c.communeId,
        c.participants,
        c.perThousand,
        c.place,
      ]),
    ).toEqual([
      [w.communeB.id, 2, 1, 1],
      [w.communeA.id, 1, 0.5, 2],
    ]);
    const unitRows = standings.items.filter((u: { participants: number }) => u.participants > 0);
    expect(unitRows.map((u: { unitId: string }) => u.unitId).sort()).toEqual(
      [dongHoa.id, bacSon.id, w.communeB.id].sort(),
    );

    // The province organizer sees every participant and every commune's part.
    const all = await h.call('GET', `/api/contests/${contestId}/participants`, { cookie: host.cookie });
    expect(all.body.total).toBe(3);
    const partB = await h.call('GET', `/api/contests/${contestId}/communes/${w.communeB.id}`, { cookie: host.cookie });
    expect(partB.status).toBe(200);
    expect(partB.body.participants.items.map((p: { fullName: string }) => p.fullName).sort()).toEqual([
      'Lê Văn Cường',
      'Trần Thị Bình',
    ]);

    // Commune A's organizer follows the contest read-only: their commune's participants and standing only.
    const followed = await h.call('GET', `/api/contests/of-province?communeId=${w.communeA.id}`, {
      cookie: w.cookies.organizer,
    });
    expect(followed.body.items.map((c: { id: string }) => c.id)).toContain(contestId);
    const partA = await h.call('GET', `/api/contests/${contestId}/communes/${w.communeA.id}`, {
      cookie: w.cookies.organizer,
    });
    expect(partA.status).toBe(200);
    expect(partA.body.commune).toEqual({ id: w.communeA.id, name: w.communeA.name });
    expect(partA.body.standing).toMatchObject({ place: 2, participants: 1, perThousand: 0.5 });
    expect(partA.body.communesRanked).toBe(2);
    expect(partA.body.participants.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn An']);
    expect(partA.body.units.every((u: { communeId: string }) => u.communeId === w.communeA.id)).toBe(true);
    expect(partA.body.units.find((u: { unitId: string }) => u.unitId === dongHoa.id)).toMatchObject({
      participants: 1,
    });
    // Not commune B's part, and nothing to change.
    const notTheirs = await h.call('GET', `/api/contests/${contestId}/communes/${w.communeB.id}`, {
      cookie: w.cookies.organizer,
    });
    expect(notTheirs.status).toBe(404);
    expect(
      (
        await h.call('POST', `/api/contests/participants/${an.id}/status`, {
          cookie: w.cookies.organizer,
          body: { status: 'verified' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await h.call('GET', `/api/contests/${contestId}/participants`, { cookie: w.cookies.organizer })).status,
    ).toBe(404);
    // A village head of commune A runs no contests: forbidden, not hidden.
    expect(
      (
        await h.call('GET', `/api/contests/${contestId}/communes/${w.communeA.id}`, {
          cookie: w.cookies.village_head,
        })
      ).status,
    ).toBe(403);

    // Results: the province organizer verifies and publishes; prize points reach units and communes.
    for (const p of [an, binh, cuong]) {
      const v = await h.call('POST', `/api/contests/participants/${p.id}/status`, {
        cookie: host.cookie,
        body: { status: 'verified' },
      });
      expect(v.status, JSON.stringify(v.body)).toBe(200);
    }
    // Attempts this fast are held off the public board until verified; now all three show, best first.
    const board = (await h.call('GET', `/api/public/contests/rounds/${roundId}/board`)).body;
    expect(board.rows.map((r: { name: string }) => r.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    expect(board.rows[0].unitName).toContain('Đồng Hòa');
    await h.db
      .update(schema.contestRounds)
      .set({ endsAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.contestRounds.id, roundId));
    const published = await h.call('POST', `/api/contests/rounds/${roundId}/results`, { cookie: host.cookie });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const ranking = await h.call('GET', `/api/contests/rounds/${roundId}/ranking`, { cookie: host.cookie });
    expect(ranking.body.rows.map((r: { fullName: string }) => r.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
    ]);
    const after = (await h.call('GET', `/api/contests/${contestId}/units`, { cookie: host.cookie })).body;
    const pointsOf = (id: string) => after.communes.find((c: { communeId: string }) => c.communeId === id).prizePoints;
    expect(pointsOf(w.communeA.id)).toBeGreaterThan(0);
    expect(pointsOf(w.communeA.id) + pointsOf(w.communeB.id)).toBe(
      after.items.reduce((s: number, u: { prizePoints: number }) => s + u.prizePoints, 0),
    );
  });

  it('stays out of the commune organizers’ view while a draft', async () => {
    const { contestId } = await provinceContest('draft');
    const followed = await h.call('GET', `/api/contests/of-province?communeId=${w.communeA.id}`, {
      cookie: w.cookies.organizer,
    });
    expect(followed.body.items.map((c: { id: string }) => c.id)).not.toContain(contestId);
    const part = await h.call('GET', `/api/contests/${contestId}/communes/${w.communeA.id}`, {
      cookie: w.cookies.organizer,
    });
    expect(part.status).toBe(404);
    expect((await h.call('GET', `/api/public/contests/${contestId}`)).status).toBe(404);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await publishQuestions(h, w, 6);
});
afterAll(() => h.cleanup());

/** A round someone has started, and the whole form the console sends back for it. */
async function runningRound() {
  const { contestId, roundId } = await openContest(h, w);
  const reg = await register(h, w, contestId);
  const started = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
    headers: tokenHeader(reg.body.token),
    body: {},
  });
  expect(started.status).toBe(201);
  const contest = await h.call('GET', `/api/contests/${contestId}`, { cookie: w.cookies.organizer });
  const r = contest.body.rounds[0];
  const form = {
    name: r.name,
    startsAt: r.startsAtLocal,
    endsAt: r.endsAtLocal,
    questionCount: r.questionCount,
    mix: r.mix,
    timeLimitSeconds: r.timeLimitSeconds,
    attemptsAllowed: r.attemptsAllowed,
    countingRule: r.countingRule,
    prizes: r.prizes,
  };
  return { contestId, roundId, form };
}

describe('editing a running round', () => {
  it('moves the end time and changes prizes when the form sends unchanged draw settings, audited and public', async () => {
    const { contestId, roundId, form } = await runningRound();
    const endsAt = utcToVnLocal(new Date(Date.now() + 3 * 86_400_000));
    const prizes = [{ name: 'Giải Đặc biệt', count: 1, points: 20 }];
    const res = await h.call('PATCH', `/api/contests/rounds/${roundId}`, {
      cookie: w.cookies.organizer,
      body: { ...form, endsAt, prizes },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rules = await h.call('PATCH', `/api/contests/${contestId}`, {
      cookie: w.cookies.organizer,
      body: { rulesMd: '## Thể lệ mới\n\nGia hạn thêm ba ngày.' },
    });
    expect(rules.status).toBe(200);

    const pub = await h.call('GET', `/api/public/contests/${contestId}`);
    expect(pub.body.contest.rulesMd).toContain('Gia hạn thêm ba ngày');
    expect(pub.body.contest.rounds[0].endsAtLocal).toBe(endsAt);
    expect(pub.body.contest.rounds[0].prizes).toEqual(prizes);
    const rows = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, roundId), eq(schema.auditLog.action, 'update')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.summary).toContain(endsAt);
  });

  it('refuses a change to any draw setting once the round has started, writing nothing', async () => {
    const { roundId, form } = await runningRound();
    for (const change of [
      { questionCount: form.questionCount + 1 },
      { attemptsAllowed: form.attemptsAllowed + 1 },
      { mix: { topics: ['law'], difficulties: [] } },
      { startsAt: utcToVnLocal(new Date(Date.now() - 7_200_000)) },
    ]) {
      const res = await h.call('PATCH', `/api/contests/rounds/${roundId}`, {
        cookie: w.cookies.organizer,
        body: { ...form, ...change, name: 'Đổi tên' },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('contest_round_started');
    }
    const [row] = await h.db.select().from(schema.contestRounds).where(eq(schema.contestRounds.id, roundId));
    expect(row!.name).toBe(form.name);
    expect(row!.questionCount).toBe(form.questionCount);
  });
});

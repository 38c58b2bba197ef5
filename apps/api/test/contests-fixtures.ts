import { utcToVnLocal } from '@vungxanh/domain';
import type { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;

const rand = () => Math.random().toString(36).slice(2, 9);

/** Publishes `n` single-answer questions in the commune's contest bank (correct option: a). */
export async function publishQuestions(h: H, w: W, n: number, bank: 'contest' | 'practice' = 'contest') {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await h.call('POST', '/api/content/questions', {
      cookie: w.cookies.commune_admin,
      body: {
        communeId: w.communeA.id,
        bank,
        type: 'single',
        topic: 'law',
        difficulty: 1,
        audience: 'all',
        lawVersion: 'general',
        reviewedOn: '2026-11-23',
        source: 'Luật 120/2025/QH15',
        correct: ['a'],
        vi: {
          text: `Câu hỏi cuộc thi số ${rand()}?`,
          options: { a: 'Đáp án đúng', b: 'Đáp án sai một', c: 'Đáp án sai hai' },
          explanation: 'Giải thích bí mật của câu hỏi.',
        },
      },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    await h.call('PATCH', `/api/content/questions/${res.body.id}`, {
      cookie: w.cookies.commune_admin,
      body: { status: 'published' },
    });
    ids.push(res.body.id as string);
  }
  return ids;
}

/** A published contest of commune A with one round open now. */
export async function openContest(
  h: H,
  w: W,
  round: Record<string, unknown> = {},
  contest: Record<string, unknown> = {},
) {
  const cookie = w.cookies.organizer;
  const c = await h.call('POST', '/api/contests', {
    cookie,
    body: { title: `Tìm hiểu pháp luật ${rand()}`, rulesMd: '## Thể lệ\n\nMỗi người thi tối đa hai lượt.', ...contest },
  });
  if (c.status !== 201) throw new Error(JSON.stringify(c.body));
  const now = Date.now();
  const r = await h.call('POST', `/api/contests/${c.body.id}/rounds`, {
    cookie,
    body: {
      name: 'Đợt 1',
      startsAt: utcToVnLocal(new Date(now - 3_600_000)),
      endsAt: utcToVnLocal(new Date(now + 86_400_000)),
      questionCount: 3,
      timeLimitSeconds: 600,
      attemptsAllowed: 2,
      ...round,
    },
  });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  const p = await h.call('POST', `/api/contests/${c.body.id}/status`, { cookie, body: { status: 'published' } });
  if (p.status !== 200) throw new Error(JSON.stringify(p.body));
  return { contestId: c.body.id as string, roundId: r.body.id as string };
}

let phone = 900_000_00;
export const nextPhone = () => `09${String(++phone).padStart(8, '0')}`;

export async function register(h: H, w: W, contestId: string, body: Record<string, unknown> = {}) {
  const res = await h.call('POST', `/api/public/contests/${contestId}/register`, {
    body: {
      clientId: crypto.randomUUID(),
      fullName: 'Nguyễn Văn An',
      birthYear: 1990,
      phone: nextPhone(),
      unitKind: 'village',
      unitId: w.villageA.id,
      consent: true,
      ...body,
    },
  });
  return res;
}

export const tokenHeader = (token: string) => ({ 'x-participant-token': token });

/** Whether any key or value of a response could reveal the key or an explanation. */
export function leaksKey(body: unknown): boolean {
  const text = JSON.stringify(body);
  return /"correct"|"explanation"|"score"|Giải thích bí mật/.test(text);
}

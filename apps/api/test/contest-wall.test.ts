import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loadBoard, loadContent } from '@vungxanh/content';
import { schema } from '@vungxanh/db';
import { seedContent } from '@vungxanh/db/seed';
import { createHarness, world } from './harness.ts';
import { openContest, publishQuestions, register, tokenHeader } from './contests-fixtures.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;
let h: H;
let w: W;
beforeAll(async () => {
  h = await createHarness({ CONTEST_PHONE_RATE_LIMIT: '1000', CONTEST_ADDRESS_RATE_LIMIT: '100000' });
  w = await world(h);
  await seedContent(h.db, { ...shipped, ...loadBoard() });
});
const shipped = loadContent();
afterAll(() => h.cleanup());

/** The routes anyone may call without signing in (the same rule as the session middleware). */
const isPublicPath = (path: string) =>
  path.startsWith('/api/public/') ||
  ['/api/health', '/api/content/pack', '/api/kiosks/me', '/api/openapi.json'].includes(path);

interface Drawn {
  id: string;
  text: string;
  explanation: string;
  correct: string[];
}

/**
 * Whether a response gives away a drawn question's key: it names the question (id or stem) and
 * carries a key field or the explanation; or it holds the stem in the public content pack at all.
 */
function leaks(body: string, drawn: readonly Drawn[], { pack = false } = {}): string | null {
  for (const q of drawn) {
    const named = body.includes(q.id) || body.includes(q.text);
    if (named && (pack || /"correct"\s*:/.test(body) || body.includes(q.explanation))) return q.id;
  }
  return null;
}

/** Every GET route the app declares, with each path parameter filled by each id the test knows. */
function expand(paths: readonly string[], ids: readonly string[]): string[] {
  return paths.flatMap((p) => {
    const params = p.match(/\{[^}]+\}/g) ?? [];
    if (params.length === 0) return [p];
    let out = [p];
    for (const param of params) out = out.flatMap((x) => ids.map((id) => x.replace(param, id)));
    return out;
  });
}

describe('the wall between the contest bank and the public', () => {
  it('no public route, and no signed-in non-editor, sees a key of a drawn question before the round closes', async () => {
    const practiceIds = await publishQuestions(h, w, 3, 'practice');
    await publishQuestions(h, w, 4, 'contest');
    const { contestId, roundId } = await openContest(h, w, { questionCount: 3 });
    const reg = await register(h, w, contestId);
    expect(reg.status).toBe(201);
    const token = reg.body.token as string;
    const started = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
      headers: tokenHeader(token),
      body: {},
    });
    expect(started.status).toBe(201);
    const attemptId = started.body.id as string;
    const [attempt] = await h.db.select().from(schema.contestAttempts).where(eq(schema.contestAttempts.id, attemptId));
    const rows = await Promise.all(
      attempt!.questions.map(
        async (q) => (await h.db.select().from(schema.questions).where(eq(schema.questions.id, q.id)))[0]!,
      ),
    );
    // The draw came from the contest bank only.
    expect(rows.every((r) => r.bank === 'contest')).toBe(true);
    expect(rows.some((r) => practiceIds.includes(r.id))).toBe(false);
    const drawn: Drawn[] = rows.map((r) => ({
      id: r.id,
      text: r.vi.text,
      explanation: r.vi.explanation,
      correct: r.correct,
    }));
    // The participant answers one and submits one attempt's worth, as a cheater would before reading.
    const answered = await h.call('PUT', `/api/public/contests/attempts/${attemptId}/answers/${drawn[0]!.id}`, {
      headers: tokenHeader(token),
      body: { chosen: ['b'] },
    });
    expect(leaks(JSON.stringify(answered.body), drawn)).toBeNull();
    const submitted = await h.call('POST', `/api/public/contests/attempts/${attemptId}/submit`, {
      headers: tokenHeader(token),
    });
    expect(submitted.status).toBe(200);
    expect(leaks(JSON.stringify(submitted.body), drawn)).toBeNull();

    const ids = [contestId, roundId, attemptId, reg.body.participant.id, w.communeA.id, ...drawn.map((d) => d.id)];
    const declared = h.routes.filter((r) => r.method === 'get').map((r) => r.path);
    expect(declared.length).toBeGreaterThan(20);
    const publicPaths = expand(declared.filter(isPublicPath), ids);
    // The pack for the commune and the national one; every public GET with the participant's token too.
    const packs = ['/api/content/pack', `/api/content/pack?communeId=${w.communeA.id}`];
    for (const path of packs) {
      const res = await h.call('GET', path);
      expect(res.status).toBe(200);
      expect(leaks(JSON.stringify(res.body), drawn, { pack: true }), path).toBeNull();
    }
    let read = 0;
    for (const path of publicPaths) {
      for (const headers of [{}, tokenHeader(token)]) {
        const res = await h.app.request(path, { headers: { origin: 'http://localhost', ...headers } });
        const text = await res.text();
        read++;
        expect(leaks(text, drawn), `${path} leaks a key`).toBeNull();
      }
    }
    expect(read).toBeGreaterThan(10);
    // Signed in, but not a content editor of commune A: no admin read shows the key either.
    const nonEditors = ['organizer', 'village_head', 'school_staff', 'province_viewer', 'communeB_admin'] as const;
    for (const role of nonEditors) {
      for (const path of expand(declared, ids)) {
        const res = await h.app.request(path, { headers: { origin: 'http://localhost', cookie: w.cookies[role] } });
        const text = await res.text();
        expect(leaks(text, drawn), `${role} reads a key at ${path}`).toBeNull();
      }
    }
    // A content editor does see the contest bank, so the check above is not vacuous.
    const editor = await Promise.all(
      drawn.map((d) => h.call('GET', `/api/content/questions/${d.id}`, { cookie: w.cookies.system })),
    );
    expect(leaks(JSON.stringify(editor.map((r) => r.body)), drawn)).not.toBeNull();
  }, 180_000);

  it('stores the shipped national contest bank apart: none of it is in the public pack', async () => {
    expect(shipped.contestQuestions.length).toBeGreaterThan(100);
    const stored = await h.db.select().from(schema.questions).where(eq(schema.questions.bank, 'contest'));
    const refs = new Set(stored.map((r) => r.ref));
    expect(shipped.contestQuestions.every((q) => refs.has(q.id))).toBe(true);
    const pack = JSON.stringify((await h.call('GET', `/api/content/pack?communeId=${w.communeA.id}`)).body);
    const inPack = shipped.contestQuestions.filter((q) => pack.includes(`"${q.id}"`) || pack.includes(q.vi.text));
    expect(inPack.map((q) => q.id)).toEqual([]);
    expect(pack).toContain(shipped.questions[0]!.vi.text);
  });

  it('reports each bank’s quality gates to its editors only', async () => {
    const system = await h.call('GET', '/api/content/gates', { cookie: w.cookies.system });
    expect(system.status).toBe(200);
    const contest = system.body.banks.find((b: { bank: string }) => b.bank === 'contest');
    expect(contest.report.count).toBe(shipped.contestQuestions.length);
    // The shipped contest bank passes its own gates (C2's rework): below 35 % longest-key share, all eligible.
    expect(contest.report.longestFlagged).toBe(false);
    expect(contest.report.ineligible).toEqual([]);
    const commune = await h.call('GET', '/api/content/gates', { cookie: w.cookies.commune_admin });
    expect(commune.body.banks.every((b: { scope: string }) => b.scope === w.communeA.id)).toBe(true);
    expect((await h.call('GET', '/api/content/gates', { cookie: w.cookies.organizer })).status).toBe(403);
  });

  it('refuses the contest bank to a signed-in non-editor who asks for it', async () => {
    const res = await h.call('GET', '/api/content/questions?bank=contest', { cookie: w.cookies.organizer });
    expect(res.status).toBe(403);
    const [id] = await publishQuestions(h, w, 1, 'contest');
    const one = await h.call('GET', `/api/content/questions/${id}`, { cookie: w.cookies.village_head });
    expect(one.status).toBe(404);
  });
});

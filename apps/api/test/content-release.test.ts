import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadBoard, loadContent } from '@vungxanh/content';
import { schema, type ShippedSet } from '@vungxanh/db';
import { seedContent } from '@vungxanh/db/seed';
import type { Question } from '@vungxanh/domain';
import { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;

const real = loadContent();
const [l1, l2] = real.lessons;
const [q1, q2, q3, q4, q5] = real.questions;
const reworded = (q: Question, note: string): Question => ({
  ...q,
  vi: { ...q.vi, explanation: `${q.vi.explanation} ${note}` },
});
/** The set an installation was first seeded with. */
const oldSet: ShippedSet = { lessons: [l1!, l2!], questions: [q1!, q2!, q3!, q4!], contestQuestions: [] };
/**
 * The next version: q1 and q2 corrected, q3 unchanged, q4 now a contest question,
 * q5 new, lesson 1 corrected, lesson 2 no longer shipped.
 */
const newSet: ShippedSet = {
  lessons: [{ ...l1!, summary: `${l1!.summary} (bản sửa)` }],
  questions: [reworded(q1!, 'Bản sửa.'), reworded(q2!, 'Bản sửa.'), q3!, q5!],
  contestQuestions: [q4!],
};
const LOCAL_EDIT = 'Giải thích do xã sửa lại cho rõ hơn.';

const preview = (cookie = w.cookies.system) => h.call('GET', '/api/content/release', { cookie });
const apply = (version: string, cookie = w.cookies.system) =>
  h.call('POST', '/api/content/release', { cookie, body: { version } });
const byRef = async (ref: string) =>
  (await h.db.select().from(schema.questions).where(eq(schema.questions.ref, ref)))[0]!;
const packTexts = async () =>
  ((await h.call('GET', '/api/content/pack')).body.questions as { vi: { text: string } }[]).map((q) => q.vi.text);

beforeAll(async () => {
  // Start-up seeding runs before a server answers, so its in-memory cache is empty then; this test
  // seeds again under a running app, which only the cache's time bound would notice: turn it off.
  h = await createHarness({ PUBLIC_CACHE_SECONDS: '0' });
  w = await world(h);
  const first = await seedContent(h.db, { ...oldSet, ...loadBoard() });
  expect(first).toMatchObject({ installed: true, pending: false, movedToContest: 0 });
  // An admin edits q2 in the console after it was shipped.
  await h.db
    .update(schema.questions)
    .set({ vi: { ...q2!.vi, explanation: LOCAL_EDIT } })
    .where(eq(schema.questions.ref, q2!.id));
  h.deps.shippedContent = () => newSet;
});
afterAll(() => h.cleanup());

describe('shipped content release', () => {
  it('a fresh install writes the shipped hashes and records its first release', async () => {
    const rows = await h.db.select().from(schema.questions).where(eq(schema.questions.scope, 'national'));
    expect(rows.every((r) => r.shippedHash && /^[0-9a-f]{16}$/.test(r.shippedHash))).toBe(true);
    const lessons = await h.db.select().from(schema.lessons).where(eq(schema.lessons.scope, 'national'));
    expect(lessons.every((r) => r.shippedHash)).toBe(true);
    expect(await h.db.select().from(schema.contentReleases)).toHaveLength(1);
  });

  it('start-up of an existing install moves the new contest item out of the public pack and applies nothing else', async () => {
    expect(await packTexts()).toContain(q4!.vi.text);
    const result = await seedContent(h.db, { ...newSet, ...loadBoard() });
    expect(result).toMatchObject({ installed: false, movedToContest: 1, pending: true });
    expect((await byRef(q4!.id)).bank).toBe('contest');
    expect(await packTexts()).not.toContain(q4!.vi.text);
    expect((await byRef(q1!.id)).vi.explanation).toBe(q1!.vi.explanation);
    expect(await byRef(q5!.id)).toBeUndefined();
  });

  it('previews each item with its Vietnamese label', async () => {
    const res = await preview();
    expect(res.status).toBe(200);
    const actions = Object.fromEntries(res.body.lines.map((l: { key: string; action: string }) => [l.key, l.action]));
    expect(actions).toEqual({
      [`${l1!.slug}:${l1!.locale}`]: 'update',
      [`${l2!.slug}:${l2!.locale}`]: 'retire',
      [q1!.id]: 'update',
      [q2!.id]: 'keep_edited',
      [q3!.id]: 'unchanged',
      [q4!.id]: 'unchanged',
      [q5!.id]: 'add',
    });
    const q2Line = res.body.lines.find((l: { key: string }) => l.key === q2!.id);
    expect(q2Line.label).toBe('Đã sửa tại địa phương: giữ nguyên');
    expect(res.body).toMatchObject({ pending: true, counts: { update: 2, add: 1, retire: 1, keep_edited: 1 } });
    const en = await h.call('GET', '/api/content/release', {
      cookie: w.cookies.system,
      headers: { 'accept-language': 'en' },
    });
    expect(en.body.lines.find((l: { key: string }) => l.key === q2!.id).label).toBe('Edited locally: kept');
  });

  it('shows a practice item moved to contest before start-up has moved it', async () => {
    await h.db.update(schema.questions).set({ bank: 'practice' }).where(eq(schema.questions.ref, q4!.id));
    const res = await preview();
    const line = res.body.lines.find((l: { key: string }) => l.key === q4!.id);
    expect(line).toMatchObject({ action: 'move_to_contest', bank: 'contest' });
  });

  it('refuses a release other than the one previewed', async () => {
    const res = await apply('0000000000000000');
    expect(res.status).toBe(409);
    expect((await byRef(q1!.id)).vi.explanation).toBe(q1!.vi.explanation);
  });

  it('applies: updates only unedited items, keeps the edited one, moves the contest item out of the pack', async () => {
    const { version } = (await preview()).body;
    const res = await apply(version);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
    expect((await byRef(q1!.id)).vi.explanation).toBe(`${q1!.vi.explanation} Bản sửa.`);
    expect((await byRef(q2!.id)).vi.explanation).toBe(LOCAL_EDIT);
    expect((await byRef(q4!.id)).bank).toBe('contest');
    expect(await byRef(q5!.id)).toMatchObject({ bank: 'practice', status: 'published' });
    const texts = await packTexts();
    expect(texts).not.toContain(q4!.vi.text);
    expect(texts).toContain(q5!.vi.text);
    const lesson = async (slug: string, locale: 'vi' | 'en') =>
      (
        await h.db
          .select()
          .from(schema.lessons)
          .where(and(eq(schema.lessons.slug, slug), eq(schema.lessons.locale, locale)))
      )[0]!;
    expect((await lesson(l1!.slug, l1!.locale)).summary).toBe(`${l1!.summary} (bản sửa)`);
    expect((await lesson(l2!.slug, l2!.locale)).status).toBe('outdated');
    expect(res.body.plan.pending).toBe(false);
    const releases = await h.db.select().from(schema.contentReleases);
    expect(releases.map((r) => r.version)).toContain(version);
    const audit = await h.call('GET', '/api/audit?pageSize=200', { cookie: w.cookies.system });
    expect(
      audit.body.items.some(
        (e: { entity: string; action: string }) => e.entity === 'content_release' && e.action === 'apply',
      ),
    ).toBe(true);
  });

  it('a second apply changes nothing', async () => {
    const before = await h.db.select().from(schema.questions);
    const releases = (await h.db.select().from(schema.contentReleases)).length;
    const res = await apply((await preview()).body.version);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(await h.db.select().from(schema.questions)).toEqual(before);
    expect(await h.db.select().from(schema.contentReleases)).toHaveLength(releases);
  });

  it('is the system admin’s: a commune admin gets 403 and bad input a 422', async () => {
    expect((await preview(w.cookies.commune_admin)).status).toBe(403);
    expect((await apply('0000000000000000', w.cookies.commune_admin)).status).toBe(403);
    for (const body of [{}, { version: 'abc' }, { version: '0000000000000000', extra: 1 }]) {
      const res = await h.call('POST', '/api/content/release', { cookie: w.cookies.system, body });
      expect(res.status).toBe(422);
    }
  });
});

import { and, asc, count, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Citation, Topic } from '@vungxanh/domain';
import { auditInsert, type AuditEntry } from './audit.ts';
import type { Db } from '../client.ts';
import { hotlines, lessons, posters, questions } from '../schema/index.ts';
import type { Page } from './units.ts';

/** " law-a law-b ": the laws an item cites (and follows), for matching by law with LIKE. */
export function citedLaws(lawVersion: string, basis: readonly Citation[]): string {
  const ids = new Set([...basis.map((c) => c.law), ...(lawVersion === 'general' ? [] : [lawVersion])]);
  return ` ${[...ids].sort().join(' ')} `;
}

export const scopeOf = (communeId: string | null) => communeId ?? 'national';

/** The scopes a reader sees: national content plus the given communes' own (all, when null). */
function scopeFilter(
  table: typeof lessons | typeof questions | typeof hotlines | typeof posters,
  communeIds: readonly string[] | null,
) {
  return communeIds === null ? undefined : inArray(table.scope, ['national', ...communeIds]);
}

export interface ContentFilter extends Page {
  communeIds: readonly string[] | null;
  bank?: 'practice' | 'contest' | undefined;
  /**
   * Whose contest-bank questions the reader may see: null for all, else those communes' own
   * (none when empty or absent, so a reader who is not a content editor gets practice only).
   */
  contestCommunes?: readonly string[] | null | undefined;
  topic?: string | undefined;
  status?: string | undefined;
  law?: string | undefined;
  locale?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
}

export async function listLessons(db: Db, f: ContentFilter) {
  const conditions: (SQL | undefined)[] = [scopeFilter(lessons, f.communeIds)];
  if (f.topic) conditions.push(eq(lessons.topic, f.topic as never));
  if (f.status) conditions.push(eq(lessons.status, f.status as never));
  if (f.locale) conditions.push(eq(lessons.locale, f.locale as never));
  if (f.law) conditions.push(like(lessons.laws, `% ${f.law} %`));
  if (f.q)
    conditions.push(
      or(like(lessons.title, `%${f.q}%`), like(lessons.summary, `%${f.q}%`), like(lessons.slug, `%${f.q}%`)),
    );
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(lessons)
      .where(where)
      .orderBy(asc(lessons.topic), asc(lessons.slug), asc(lessons.locale))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(lessons).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function listQuestions(db: Db, f: ContentFilter) {
  const conditions: (SQL | undefined)[] = [
    scopeFilter(questions, f.communeIds),
    f.bank ? eq(questions.bank, f.bank) : undefined,
    or(
      eq(questions.bank, 'practice'),
      f.contestCommunes === null ? sql`1` : inArray(questions.scope, [...(f.contestCommunes ?? [])]),
    ),
    isNull(questions.contestId),
  ];
  if (f.topic) conditions.push(eq(questions.topic, f.topic as never));
  if (f.status) conditions.push(eq(questions.status, f.status as never));
  if (f.type) conditions.push(eq(questions.type, f.type as never));
  if (f.law) conditions.push(like(questions.laws, `% ${f.law} %`));
  if (f.locale === 'en')
    conditions.push(
      inArray(questions.id, db.select({ id: questions.id }).from(questions).where(like(questions.en, '{%'))),
    );
  if (f.q) conditions.push(or(like(questions.vi, `%${f.q}%`), like(questions.ref, `%${f.q}%`)));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(questions)
      .where(where)
      .orderBy(asc(questions.topic), asc(questions.ref), asc(questions.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(questions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getLesson(db: Db, id: string) {
  return (await db.select().from(lessons).where(eq(lessons.id, id)))[0] ?? null;
}
export type QuestionRow = typeof questions.$inferSelect;
export async function getQuestion(db: Db, id: string) {
  return (await db.select().from(questions).where(eq(questions.id, id)))[0] ?? null;
}
export async function insertLesson(db: Db, row: typeof lessons.$inferInsert) {
  return (await db.insert(lessons).values(row).returning())[0]!;
}
export async function updateLesson(db: Db, id: string, patch: Partial<typeof lessons.$inferInsert>) {
  return (await db.update(lessons).set(patch).where(eq(lessons.id, id)).returning())[0] ?? null;
}
export async function insertQuestion(db: Db, row: typeof questions.$inferInsert) {
  return (await db.insert(questions).values(row).returning())[0]!;
}
export async function updateQuestion(db: Db, id: string, patch: Partial<typeof questions.$inferInsert>) {
  return (await db.update(questions).set(patch).where(eq(questions.id, id)).returning())[0] ?? null;
}

/** Marks every lesson and question citing `law` as outdated, within the given scopes; returns the counts. */
export async function outdateByLaw(db: Db, law: string, scopes: readonly string[] | null) {
  const matching = (t: typeof lessons | typeof questions) =>
    and(
      like(t.laws, `% ${law} %`),
      scopes ? inArray(t.scope, [...scopes]) : undefined,
      inArray(t.status, ['published', 'draft']),
    );
  const [l, q] = await db.batch([
    db.update(lessons).set({ status: 'outdated' }).where(matching(lessons)).returning({ id: lessons.id }),
    db.update(questions).set({ status: 'outdated' }).where(matching(questions)).returning({ id: questions.id }),
  ]);
  return { lessons: l.length, questions: q.length };
}

/** What a commune's kiosks show: published national and commune content, active hotlines and slogans. */
const packScopes = (communeId: string | null) => ['national', ...(communeId ? [communeId] : [])];

/**
 * The questions public routes may send (the kiosk's self-check bank, keys included): the one place that
 * decides which questions leave the server without a session. Practice bank only: contest questions never
 * leave it before their round closes. `topic` narrows it to one topic.
 */
export async function publicQuestions(db: Db, communeId: string | null, topic?: Topic) {
  return db
    .select()
    .from(questions)
    .where(
      and(
        inArray(questions.scope, packScopes(communeId)),
        eq(questions.bank, 'practice'),
        eq(questions.status, 'published'),
        topic ? eq(questions.topic, topic) : undefined,
      ),
    )
    .orderBy(asc(questions.topic), asc(questions.ref));
}

/** Published lessons a commune's kiosks show: national ones and the commune's own; `slug` picks one lesson. */
export async function packLessons(db: Db, communeId: string | null, slug?: string) {
  return db
    .select()
    .from(lessons)
    .where(
      and(
        inArray(lessons.scope, packScopes(communeId)),
        eq(lessons.status, 'published'),
        slug ? eq(lessons.slug, slug) : undefined,
      ),
    )
    .orderBy(asc(lessons.topic), asc(lessons.slug));
}

export async function contentPack(db: Db, communeId: string | null) {
  const scopes = packScopes(communeId);
  const [packLessonRows, packQuestions, packHotlines, packPosters] = await Promise.all([
    packLessons(db, communeId),
    publicQuestions(db, communeId),
    db
      .select()
      .from(hotlines)
      .where(and(inArray(hotlines.scope, scopes), eq(hotlines.active, true)))
      .orderBy(asc(hotlines.scope), asc(hotlines.sortOrder)),
    db
      .select()
      .from(posters)
      .where(and(inArray(posters.scope, scopes), eq(posters.active, true)))
      .orderBy(asc(posters.sortOrder)),
  ]);
  return { lessons: packLessonRows, questions: packQuestions, hotlines: packHotlines, posters: packPosters };
}

export async function listHotlines(db: Db, communeIds: readonly string[] | null) {
  return db
    .select()
    .from(hotlines)
    .where(scopeFilter(hotlines, communeIds))
    .orderBy(asc(hotlines.scope), asc(hotlines.sortOrder));
}
export async function getHotline(db: Db, id: string) {
  return (await db.select().from(hotlines).where(eq(hotlines.id, id)))[0] ?? null;
}
export async function insertHotline(db: Db, row: typeof hotlines.$inferInsert) {
  return (await db.insert(hotlines).values(row).returning())[0]!;
}
export async function updateHotline(db: Db, id: string, patch: Partial<typeof hotlines.$inferInsert>) {
  return (await db.update(hotlines).set(patch).where(eq(hotlines.id, id)).returning())[0] ?? null;
}
export async function listPosters(db: Db, communeIds: readonly string[] | null) {
  return db
    .select()
    .from(posters)
    .where(scopeFilter(posters, communeIds))
    .orderBy(asc(posters.scope), asc(posters.sortOrder));
}
export async function getPoster(db: Db, id: string) {
  return (await db.select().from(posters).where(eq(posters.id, id)))[0] ?? null;
}
export async function insertPoster(db: Db, row: typeof posters.$inferInsert) {
  return (await db.insert(posters).values(row).returning())[0]!;
}
export async function updatePoster(db: Db, id: string, patch: Partial<typeof posters.$inferInsert>) {
  return (await db.update(posters).set(patch).where(eq(posters.id, id)).returning())[0] ?? null;
}

/**
 * Writes imported questions in one batch with its audit row: a row whose ref already exists in the
 * same scope updates that question; the others are added as drafts. All of it lands or none.
 */
/**
 * Which of an import's questions a scope (a commune's bank, the national bank, a contest's own) already holds: the
 * question texts (by `questionKey`) and the refs found there, so that a file uploaded again creates nothing twice.
 */
export async function storedQuestionKeys(
  db: Db,
  scope: string,
  textKeys: readonly string[],
  refs: readonly string[],
): Promise<{ textKeys: Set<string>; refs: Set<string> }> {
  const found = { textKeys: new Set<string>(), refs: new Set<string>() };
  const chunk = 500;
  for (let i = 0; i < Math.max(textKeys.length, refs.length); i += chunk) {
    const keys = textKeys.slice(i, i + chunk);
    const someRefs = refs.slice(i, i + chunk);
    const match = [
      ...(keys.length ? [inArray(questions.textKey, keys)] : []),
      ...(someRefs.length ? [inArray(questions.ref, someRefs)] : []),
    ];
    const rows = await db
      .select({ textKey: questions.textKey, ref: questions.ref })
      .from(questions)
      .where(and(eq(questions.scope, scope), or(...match)));
    for (const r of rows) {
      found.textKeys.add(r.textKey);
      if (r.ref) found.refs.add(r.ref);
    }
  }
  return found;
}

export async function importQuestionRows(
  db: Db,
  rows: readonly (Omit<typeof questions.$inferInsert, 'scope' | 'communeId' | 'status'> & { ref: string | null })[],
  communeId: string | null,
  audit: AuditEntry,
) {
  const scope = scopeOf(communeId);
  const refs = rows.map((r) => r.ref).filter((r): r is string => !!r);
  const existing = refs.length
    ? await db
        .select({ id: questions.id, ref: questions.ref, scope: questions.scope })
        .from(questions)
        .where(inArray(questions.ref, refs))
    : [];
  const byRef = new Map(existing.map((e) => [e.ref, e]));
  let created = 0;
  let updated = 0;
  const statements = rows.map((row) => {
    const found = row.ref ? byRef.get(row.ref) : undefined;
    if (found && found.scope === scope) {
      updated++;
      return db.update(questions).set(row).where(eq(questions.id, found.id));
    }
    created++;
    return db.insert(questions).values({ ...row, ref: found ? null : row.ref, status: 'draft', communeId, scope });
  });
  await db.batch([
    auditInsert(db, { ...audit, communeId, summary: JSON.stringify({ created, updated }) }),
    ...statements,
  ]);
  return { created, updated };
}

import { and, desc, eq, isNotNull } from 'drizzle-orm';
import {
  lessonReleaseHash,
  questionKey,
  questionReleaseHash,
  type Lesson,
  type Question,
  type QuestionBankKind,
  type ReleasePlan,
  type StoredItem,
} from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { contentReleases, lessons, questions } from '../schema/index.ts';
import { citedLaws } from './content.ts';

/** The shipped lessons and questions a release compares against the database. */
export interface ShippedSet {
  lessons: readonly Lesson[];
  questions: readonly Question[];
  /** The national contest bank: stored apart from practice (bank 'contest'), never in the public pack. */
  contestQuestions?: readonly Question[];
}

const lessonKey = (l: { slug: string; locale: string }) => `${l.slug}:${l.locale}`;

/** A shipped lesson's row fields (content and hash; status is set on insert only). */
export function shippedLessonRow(l: Lesson) {
  return { ...l, laws: citedLaws(l.lawVersion, l.legalBasis), shippedHash: lessonReleaseHash(l) };
}

/** A shipped question's row fields (content, bank and hash; status is set on insert only). */
export function shippedQuestionRow({ id, group, ...q }: Question, bank: QuestionBankKind) {
  return {
    ...q,
    ref: id,
    bank,
    exclusionGroup: group ?? null,
    source: q.source ?? null,
    en: q.en ?? null,
    textKey: questionKey(q.vi.text),
    laws: citedLaws(q.lawVersion, q.legalBasis),
    shippedHash: questionReleaseHash({ ...q, group }),
  };
}

/** The national rows a release may touch: lessons by slug and locale, questions by their shipped ref. */
export async function storedReleaseItems(db: Db): Promise<StoredItem[]> {
  const lessonRows = await db.select().from(lessons).where(eq(lessons.scope, 'national'));
  const questionRows = await db
    .select()
    .from(questions)
    .where(and(eq(questions.scope, 'national'), isNotNull(questions.ref)));
  return [
    ...lessonRows.map((l) => ({
      kind: 'lesson' as const,
      key: lessonKey(l),
      bank: null,
      shippedHash: l.shippedHash,
      currentHash: lessonReleaseHash(l),
      status: l.status,
      title: l.title,
    })),
    ...questionRows.map((q) => ({
      kind: 'question' as const,
      key: q.ref!,
      bank: q.bank,
      shippedHash: q.shippedHash,
      currentHash: questionReleaseHash({ ...q, group: q.exclusionGroup }),
      status: q.status,
      title: q.vi.text,
      releasedLocally: q.bank === 'practice' && q.releasedAt !== null,
    })),
  ];
}

/**
 * Rows seeded before releases were tracked have no shipped hash; one identical to its shipped item
 * takes that item's hash (no content changes), so later releases can update it.
 */
export async function adoptShippedHashes(db: Db, shipped: ShippedSet, stored: readonly StoredItem[]): Promise<number> {
  const hashes = shippedHashes(shipped);
  const adopt = stored.filter((s) => s.shippedHash === null && hashes.get(`${s.kind}:${s.key}`) === s.currentHash);
  for (const s of adopt) {
    if (s.kind === 'lesson') {
      const [slug, locale] = s.key.split(':') as [string, 'vi' | 'en'];
      await db
        .update(lessons)
        .set({ shippedHash: s.currentHash })
        .where(and(eq(lessons.scope, 'national'), eq(lessons.slug, slug), eq(lessons.locale, locale)));
    } else
      await db
        .update(questions)
        .set({ shippedHash: s.currentHash })
        .where(and(eq(questions.scope, 'national'), eq(questions.ref, s.key)));
  }
  return adopt.length;
}

function shippedHashes(shipped: ShippedSet): Map<string, string> {
  return new Map([
    ...shipped.lessons.map((l) => [`lesson:${lessonKey(l)}`, lessonReleaseHash(l)] as const),
    ...[...shipped.questions, ...(shipped.contestQuestions ?? [])].map(
      (q) => [`question:${q.id}`, questionReleaseHash(q)] as const,
    ),
  ]);
}

/**
 * Applies a plan's lines in one batch (all or nothing) and records the release with the count of
 * each action among the lines given. Lines kept (unchanged, edited locally) write nothing.
 * Returns whether anything was written.
 */
export async function applyContentRelease(
  db: Db,
  shipped: ShippedSet,
  plan: ReleasePlan,
  accountId: string | null,
): Promise<boolean> {
  const lessonByKey = new Map(shipped.lessons.map((l) => [lessonKey(l), l]));
  const questionByKey = new Map<string, { q: Question; bank: QuestionBankKind }>();
  for (const q of shipped.questions) questionByKey.set(q.id, { q, bank: 'practice' });
  for (const q of shipped.contestQuestions ?? []) questionByKey.set(q.id, { q, bank: 'contest' });
  const statements = [];
  for (const line of plan.lines) {
    if (line.action === 'unchanged' || line.action === 'keep_edited') continue;
    if (line.kind === 'lesson') {
      const [slug, locale] = line.key.split(':') as [string, 'vi' | 'en'];
      const where = and(eq(lessons.scope, 'national'), eq(lessons.slug, slug), eq(lessons.locale, locale));
      const lesson = lessonByKey.get(line.key);
      if (line.action === 'retire') statements.push(db.update(lessons).set({ status: 'outdated' }).where(where));
      else if (line.action === 'add' && lesson)
        statements.push(
          db
            .insert(lessons)
            .values({ ...shippedLessonRow(lesson), scope: 'national', communeId: null, status: 'published' })
            .onConflictDoNothing(),
        );
      else if (lesson) statements.push(db.update(lessons).set(shippedLessonRow(lesson)).where(where));
      continue;
    }
    const where = and(eq(questions.scope, 'national'), eq(questions.ref, line.key));
    const item = questionByKey.get(line.key);
    if (line.action === 'retire') statements.push(db.update(questions).set({ status: 'outdated' }).where(where));
    else if (!item) continue;
    else if (line.action === 'add')
      statements.push(
        db
          .insert(questions)
          .values({ ...shippedQuestionRow(item.q, item.bank), scope: 'national', communeId: null, status: 'published' })
          .onConflictDoNothing(),
      );
    else if (line.writeContent)
      statements.push(db.update(questions).set(shippedQuestionRow(item.q, item.bank)).where(where));
    // An edited question moved to the contest bank keeps its text but leaves the public pack.
    else statements.push(db.update(questions).set({ bank: item.bank }).where(where));
  }
  if (statements.length === 0) return false;
  const counts: Record<string, number> = {};
  for (const l of plan.lines) counts[l.action] = (counts[l.action] ?? 0) + 1;
  await db.batch([db.insert(contentReleases).values({ version: plan.version, accountId, counts }), ...statements]);
  return true;
}

export async function listContentReleases(db: Db, limit = 20) {
  return db.select().from(contentReleases).orderBy(desc(contentReleases.appliedAt)).limit(limit);
}

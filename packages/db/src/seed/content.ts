import { questionKey, type Lesson, type Question } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { hotlines, lessons, posters, questions } from '../schema/index.ts';
import { citedLaws } from '../queries/content.ts';

export interface ShippedContent {
  lessons: readonly Lesson[];
  questions: readonly Question[];
  /** The national contest bank: stored apart from practice (bank 'contest'), never in the public pack. */
  contestQuestions?: readonly Question[];
  hotlines: readonly {
    labelVi: string;
    labelEn: string;
    number: string;
    noteVi: string | null;
    noteEn: string | null;
  }[];
  slogans: readonly { textVi: string; textEn: string }[];
}

/**
 * Loads the shipped national content: items not in the database yet are added as published;
 * items already there are left as they are, so edits and "outdated" marks survive a restart.
 */
export async function seedContent(db: Db, shipped: ShippedContent): Promise<{ lessons: number; questions: number }> {
  const lessonRows = shipped.lessons.map((l) => ({
    ...l,
    scope: 'national',
    communeId: null,
    status: 'published' as const,
    laws: citedLaws(l.lawVersion, l.legalBasis),
  }));
  const banks = [
    ...shipped.questions.map((q) => ({ q, bank: 'practice' as const })),
    ...(shipped.contestQuestions ?? []).map((q) => ({ q, bank: 'contest' as const })),
  ];
  const questionRows = banks.map(({ q: { id, group, ...q }, bank }) => ({
    ...q,
    ref: id,
    bank,
    exclusionGroup: group ?? null,
    scope: 'national',
    communeId: null,
    source: q.source ?? null,
    en: q.en ?? null,
    textKey: questionKey(q.vi.text),
    status: 'published' as const,
    laws: citedLaws(q.lawVersion, q.legalBasis),
  }));
  const addedLessons = lessonRows.length
    ? await db.insert(lessons).values(lessonRows).onConflictDoNothing().returning({ id: lessons.id })
    : [];
  let addedQuestions = 0;
  for (let i = 0; i < questionRows.length; i += 100) {
    const chunk = questionRows.slice(i, i + 100);
    addedQuestions += (await db.insert(questions).values(chunk).onConflictDoNothing().returning({ id: questions.id }))
      .length;
  }
  if ((await db.select({ id: hotlines.id }).from(hotlines).limit(1)).length === 0) {
    await db.insert(hotlines).values(shipped.hotlines.map((h, i) => ({ ...h, scope: 'national', sortOrder: i })));
  }
  if ((await db.select({ id: posters.id }).from(posters).limit(1)).length === 0) {
    await db.insert(posters).values(shipped.slogans.map((s, i) => ({ ...s, scope: 'national', sortOrder: i })));
  }
  return { lessons: addedLessons.length, questions: addedQuestions };
}

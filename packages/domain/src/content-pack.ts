/**
 * The kiosk's content pack in parts. A first visit reads the index (every lesson without its pages,
 * how many practice questions each topic has, hotlines, slogans) and then only the lesson or question
 * set it opens; the whole pack follows in the background for offline use. Server and kiosk derive the
 * index with this one function, so an index read from a stored pack equals the one the server sends.
 */
export interface PackParts<L extends { pages: readonly string[]; topic: string }, Q extends { topic: string }, H, P> {
  lessons: readonly L[];
  questions: readonly Q[];
  hotlines: readonly H[];
  posters: readonly P[];
}

/** A lesson without its text (the pack carries it as rendered pages). */
export type LessonMeta<L> = Omit<L, 'pages'>;

export interface PackIndex<L, Q extends { topic: string }, H, P> {
  lessons: LessonMeta<L>[];
  /** Practice questions per topic, for the quiz's topic list. */
  questionTopics: { topic: Q['topic']; count: number }[];
  hotlines: H[];
  posters: P[];
}

export function packIndexOf<L extends { pages: readonly string[]; topic: string }, Q extends { topic: string }, H, P>(
  pack: PackParts<L, Q, H, P>,
): PackIndex<L, Q, H, P> {
  const counts = new Map<Q['topic'], number>();
  for (const q of pack.questions) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  return {
    lessons: pack.lessons.map(({ pages: _pages, ...meta }) => meta),
    questionTopics: [...counts].map(([topic, count]) => ({ topic, count })),
    hotlines: [...pack.hotlines],
    posters: [...pack.posters],
  };
}

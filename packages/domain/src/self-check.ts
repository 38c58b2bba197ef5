/**
 * The self-check quiz a kiosk or phone runs offline from its content pack: practice only, so the
 * answers travel with the questions (contest questions never do; the server scores those).
 */

/** What the draw needs to know of a question; the kiosk passes its pack questions as they are. */
export interface SelfCheckItem {
  id: string;
  type: 'single' | 'multiple' | 'true_false';
  topic: string;
  correct: readonly string[];
  vi: { options: Record<string, string> };
}

export interface DrawnQuestion<Q extends SelfCheckItem> {
  question: Q;
  /** The option ids in the order they are shown. */
  order: string[];
}

export const selfCheckDefaults = { count: 10 } as const;

export type Random = () => number;

/** Fisher-Yates on a copy; `random` is injectable so tests can pin the order. */
export function shuffle<T>(items: readonly T[], random: Random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// An option that speaks about the other options only makes sense last.
const aboutOthers =
  /tất cả (các )?(đáp án|phương án|ý)|cả \p{L}+ (đáp án|phương án|ý)|all of the above|none of the above/iu;

/**
 * The order to show a question's options in: shuffled, except that true/false keeps "true" first
 * (a swapped pair only confuses) and an "all of the above" option stays at the end.
 */
export function optionOrder(question: SelfCheckItem, random: Random = Math.random): string[] {
  const ids = Object.keys(question.vi.options);
  if (question.type === 'true_false') return ids;
  const pinned = ids.filter((id) => aboutOthers.test(question.vi.options[id] ?? ''));
  return [
    ...shuffle(
      ids.filter((id) => !pinned.includes(id)),
      random,
    ),
    ...pinned,
  ];
}

/**
 * Draws `count` questions from one topic (or all when `topic` is empty) in random order, each with
 * its options shuffled. Questions in `avoid` (the previous round's) are used only when the topic
 * has too few others, so "try again" brings new questions where there are any.
 */
export function drawSelfCheck<Q extends SelfCheckItem>(
  pool: readonly Q[],
  options: { topic?: string | null; count?: number; avoid?: Iterable<string>; random?: Random } = {},
): DrawnQuestion<Q>[] {
  const { topic, count = selfCheckDefaults.count, random = Math.random } = options;
  const avoid = new Set(options.avoid ?? []);
  const inTopic = topic ? pool.filter((q) => q.topic === topic) : [...pool];
  const fresh = shuffle(
    inTopic.filter((q) => !avoid.has(q.id)),
    random,
  );
  const seen = shuffle(
    inTopic.filter((q) => avoid.has(q.id)),
    random,
  );
  return [...fresh, ...seen].slice(0, Math.max(0, count)).map((question) => ({
    question,
    order: optionOrder(question, random),
  }));
}

/** Right only when exactly the correct options were chosen, in any order. */
export function isCorrectAnswer(correct: readonly string[], chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  return picked.size === correct.length && correct.every((id) => picked.has(id));
}

export interface AnsweredQuestion {
  topic: string;
  correct: boolean;
}

export interface SelfCheckScore {
  score: number;
  total: number;
  /** Topics with at least one wrong answer, the most missed first (ties keep the order met). */
  wrongTopics: string[];
}

export function scoreSelfCheck(answers: readonly AnsweredQuestion[]): SelfCheckScore {
  const misses = new Map<string, number>();
  for (const a of answers) if (!a.correct) misses.set(a.topic, (misses.get(a.topic) ?? 0) + 1);
  const wrongTopics = [...misses.entries()].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  return { score: answers.filter((a) => a.correct).length, total: answers.length, wrongTopics };
}

/** Lessons to read again: those on the missed topics, the most missed topic first, at most `limit`. */
export function lessonsToReread<L extends { topic: string }>(
  lessons: readonly L[],
  wrongTopics: readonly string[],
  limit = 4,
): L[] {
  const rank = (l: L) => wrongTopics.indexOf(l.topic);
  return lessons
    .filter((l) => rank(l) >= 0)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, limit);
}

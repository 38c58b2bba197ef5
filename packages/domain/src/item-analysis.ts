import { isCorrectAnswer } from './self-check.ts';

/**
 * Item analysis after a round (classical test theory, as Moodle's quiz statistics): for each
 * question, how many answered it right (facility), whether strong participants got it right more
 * often than weak ones (discrimination, top against bottom 27 %), and how often each option was chosen.
 */
export const itemAnalysisLimits = {
  /** The share of participants in the top and the bottom group. */
  groupShare: 0.27,
  /** Answered right by more than this share: too easy to tell anyone apart. */
  tooEasy: 0.9,
  /** Answered right by fewer than this share: too hard, or its key is wrong. */
  tooHard: 0.2,
  /** Discrimination below this (but not negative) tells little. */
  weakDiscrimination: 0.2,
  /** Fewer scored attempts than this and the figures are shown without flags. */
  minAttempts: 10,
} as const;

export type ItemFlag =
  'too_easy' | 'too_hard' | 'negative_discrimination' | 'weak_discrimination' | 'unused_distractor';

/** One counted attempt: its score and, per drawn question, the option ids chosen (absent = not answered). */
export interface AnalysedAttempt {
  score: number;
  questions: readonly { id: string; correct: readonly string[] }[];
  answers: Readonly<Record<string, readonly string[]>>;
}

export interface ItemStats {
  questionId: string;
  /** Attempts that drew the question. */
  attempts: number;
  answered: number;
  right: number;
  /** right / attempts (an unanswered question counts as wrong). */
  facility: number;
  /** Facility in the top group minus facility in the bottom group, from -1 to 1; null when a group is empty. */
  discrimination: number | null;
  /** How many times each option id was chosen. */
  optionCounts: Record<string, number>;
  flags: ItemFlag[];
}

/** Splits attempts into the top and bottom 27 % by score (at least one each when there are two or more). */
export function scoreGroups<A extends { score: number }>(attempts: readonly A[]): { top: A[]; bottom: A[] } {
  if (attempts.length < 2) return { top: [], bottom: [] };
  const sorted = [...attempts].sort((a, b) => b.score - a.score);
  const n = Math.max(1, Math.round(attempts.length * itemAnalysisLimits.groupShare));
  return { top: sorted.slice(0, n), bottom: sorted.slice(-n) };
}

const rightIn = (attempts: readonly AnalysedAttempt[], id: string) => {
  const drew = attempts.filter((a) => a.questions.some((q) => q.id === id));
  if (drew.length === 0) return null;
  const right = drew.filter((a) => {
    const q = a.questions.find((x) => x.id === id)!;
    const chosen = a.answers[id];
    return !!chosen && isCorrectAnswer(q.correct, chosen);
  }).length;
  return right / drew.length;
};

/** The flags of one item's figures; none below `minAttempts`, where chance alone moves them. */
export function itemFlags(
  s: Pick<ItemStats, 'attempts' | 'facility' | 'discrimination' | 'optionCounts'>,
  correct: readonly string[],
): ItemFlag[] {
  if (s.attempts < itemAnalysisLimits.minAttempts) return [];
  const flags: ItemFlag[] = [];
  if (s.facility > itemAnalysisLimits.tooEasy) flags.push('too_easy');
  if (s.facility < itemAnalysisLimits.tooHard) flags.push('too_hard');
  if (s.discrimination !== null && s.discrimination < 0) flags.push('negative_discrimination');
  else if (s.discrimination !== null && s.discrimination < itemAnalysisLimits.weakDiscrimination)
    flags.push('weak_discrimination');
  if (Object.entries(s.optionCounts).some(([id, n]) => !correct.includes(id) && n === 0))
    flags.push('unused_distractor');
  return flags;
}

/**
 * The figures of every question drawn in the given attempts (pass the attempts that count, one per
 * participant, so a person with three tries weighs as one). `options` gives each question's option ids
 * so that a distractor nobody chose still shows, with 0.
 */
export function analyseItems(
  attempts: readonly AnalysedAttempt[],
  options: Readonly<Record<string, readonly string[]>>,
): ItemStats[] {
  const { top, bottom } = scoreGroups(attempts);
  const byQuestion = new Map<string, { correct: readonly string[]; drew: AnalysedAttempt[] }>();
  for (const a of attempts)
    for (const q of a.questions) {
      const entry = byQuestion.get(q.id) ?? { correct: q.correct, drew: [] };
      entry.drew.push(a);
      byQuestion.set(q.id, entry);
    }
  return [...byQuestion].map(([questionId, { correct, drew }]) => {
    const optionCounts: Record<string, number> = Object.fromEntries((options[questionId] ?? []).map((id) => [id, 0]));
    let answered = 0;
    let right = 0;
    for (const a of drew) {
      const chosen = a.answers[questionId];
      if (!chosen || chosen.length === 0) continue;
      answered++;
      if (isCorrectAnswer(correct, chosen)) right++;
      for (const id of chosen) optionCounts[id] = (optionCounts[id] ?? 0) + 1;
    }
    const facility = drew.length === 0 ? 0 : right / drew.length;
    const t = rightIn(top, questionId);
    const b = rightIn(bottom, questionId);
    const discrimination = t === null || b === null ? null : t - b;
    const stats = { questionId, attempts: drew.length, answered, right, facility, discrimination, optionCounts };
    return { ...stats, flags: itemFlags(stats, correct) };
  });
}

import { roundPool, type DrawnContestQuestion, type PoolQuestion, type RoundMix } from './contests.ts';
import { gateLimits, keyIsStrictlyLongest } from './question-gates.ts';
import { optionOrder, shuffle, type Random } from './self-check.ts';

/**
 * The two question banks. Practice questions are public (kiosk pack, self-check, keys included);
 * contest questions never leave the server, except to a signed-in content editor, until a closed
 * round's organizer releases them to practice.
 */
export const questionBankKinds = ['practice', 'contest'] as const;
export type QuestionBankKind = (typeof questionBankKinds)[number];

/** Where a contest's own questions live: a scope of their own, so no national or commune list ever matches them. */
export const contestScope = (contestId: string) => `contest:${contestId}`;

/**
 * Who may read a contest-bank question and its key: the system's content editors, and a commune admin
 * for the commune's own contest bank. The national contest bank is not shown to commune admins: they
 * cannot edit it, and one may compete in a province contest.
 */
export function canReadContestBank(actor: { role: string; communeId: string | null }, communeId: string | null) {
  if (actor.role === 'system') return true;
  return actor.role === 'commune_admin' && communeId !== null && communeId === actor.communeId;
}

export interface DrawQuestion extends PoolQuestion {
  /** Exclusion group: one draw holds at most one item of a group. */
  group?: string | null | undefined;
}

/** Of a draw's single-choice items, the share whose correct option is strictly the longest (0 when there are none). */
export function drawLongestShare(draw: readonly DrawQuestion[]): number {
  const singles = draw.filter((q) => q.type === 'single');
  return singles.length === 0 ? 0 : singles.filter(keyIsStrictlyLongest).length / singles.length;
}

/** Picks up to `count` questions in the given order, skipping any whose exclusion group is already in. */
function pickKeepingGroups<Q extends DrawQuestion>(ordered: readonly Q[], count: number): Q[] {
  const groups = new Set<string>();
  const picked: Q[] = [];
  for (const q of ordered) {
    if (picked.length === count) break;
    if (q.group) {
      if (groups.has(q.group)) continue;
      groups.add(q.group);
    }
    picked.push(q);
  }
  return picked;
}

/** How many questions a round can draw at most: one per exclusion group plus every ungrouped item of its mix. */
export function drawCapacity(pool: readonly DrawQuestion[], mix: RoundMix): number {
  const eligible = roundPool(pool, mix);
  return eligible.filter((q) => !q.group).length + new Set(eligible.flatMap((q) => (q.group ? [q.group] : []))).size;
}

/** Tries a few shuffles for a draw whose longest-correct share stays within the limit, keeping the best one. */
const drawTries = 12;

/**
 * Draws `count` questions for one attempt, in random order, options shuffled: never two items of one
 * exclusion group, and (where the pool allows) no more than 35 % of single-choice items whose key is
 * the longest option. `flagged` says the best draw found is still above that share. Null if the pool is short.
 */
export function drawGated<Q extends DrawQuestion>(
  pool: readonly Q[],
  mix: RoundMix,
  count: number,
  random: Random = Math.random,
): { questions: DrawnContestQuestion[]; longestShare: number; flagged: boolean } | null {
  const eligible = roundPool(pool, mix);
  if (drawCapacity(eligible, mix) < count) return null;
  let best: { draw: Q[]; share: number } | null = null;
  for (let i = 0; i < drawTries; i++) {
    const draw = pickKeepingGroups(shuffle(eligible, random), count);
    const share = drawLongestShare(draw);
    if (!best || share < best.share) best = { draw, share };
    if (share <= gateLimits.longestShareMax) break;
  }
  return {
    questions: best!.draw.map((q) => ({ id: q.id, order: optionOrder(q, random), correct: [...q.correct] })),
    longestShare: best!.share,
    flagged: best!.share > gateLimits.longestShareMax,
  };
}

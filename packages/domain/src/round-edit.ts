import type { CountingRule, RoundMix } from './contests.ts';

/** What decides which questions an attempt draws and how it counts: fixed once anyone has started the round. */
export interface RoundDrawSettings {
  startsAt: Date;
  questionCount: number;
  mix: RoundMix;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  countingRule: CountingRule;
}

const sorted = <T>(xs: readonly T[]) => [...xs].sort();
const sameMix = (a: RoundMix, b: RoundMix) =>
  JSON.stringify([sorted(a.topics), sorted(a.difficulties)]) ===
  JSON.stringify([sorted(b.topics), sorted(b.difficulties)]);

/**
 * The draw settings an edit would change. A running round refuses only these: its end time, name,
 * rules and prizes may move, and a form that sends the draw settings back unchanged is no change.
 */
export function changedDrawSettings(
  current: RoundDrawSettings,
  next: Partial<RoundDrawSettings>,
): (keyof RoundDrawSettings)[] {
  const changed: (keyof RoundDrawSettings)[] = [];
  if (next.startsAt && next.startsAt.getTime() !== current.startsAt.getTime()) changed.push('startsAt');
  if (next.mix && !sameMix(next.mix, current.mix)) changed.push('mix');
  for (const key of ['questionCount', 'timeLimitSeconds', 'attemptsAllowed', 'countingRule'] as const)
    if (next[key] !== undefined && next[key] !== current[key]) changed.push(key);
  return changed;
}

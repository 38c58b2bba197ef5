import { lawById } from './laws.ts';
import { nameKey } from './text.ts';

/**
 * Quality gates for questions that can score (issue 12): a bank, or a contest draw, must not let a
 * participant find the key without knowing the law. Pure functions over questions in the shipped
 * shape; the content tests run them over the shipped banks, the console shows them to editors and a
 * round's draw applies the group rule.
 */
export interface GateQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true_false';
  correct: readonly string[];
  lawVersion: string;
  legalBasis: readonly { law: string; article?: string | null }[];
  source?: string | null | undefined;
  /** Items that reveal each other's answers or test the same fact share a group; a draw holds one of them. */
  group?: string | null | undefined;
  vi: { text: string; options: Record<string, string> };
}

export const gateLimits = {
  /** Above this share of single-choice items whose key is strictly the longest option, a bank or draw is flagged. */
  longestShareMax: 0.35,
  trueShareMin: 0.4,
  trueShareMax: 0.6,
  /** No one key size (2, 3…) may hold more than this share of the multiple-choice items. */
  keySizeShareMax: 0.7,
  /** No one key pattern ("a,b,c") may hold more than this share of the multiple-choice items. */
  keyPatternShareMax: 0.35,
  /** Fewer items than this and a balance figure says nothing; it is reported but not flagged. */
  minItemsToJudge: 6,
} as const;

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** A single-choice item whose correct option (Vietnamese) is longer than every other option. */
export function keyIsStrictlyLongest(
  q: Pick<GateQuestion, 'type' | 'correct'> & { vi: { options: Record<string, string> } },
): boolean {
  if (q.type !== 'single') return false;
  const key = q.correct[0]!;
  // Characters as a reader sees them: composed, so a decomposed "ế" is not three.
  const length = (text: string) => text.normalize('NFC').trim().length;
  const keyLength = length(q.vi.options[key] ?? '');
  return Object.entries(q.vi.options).every(([id, text]) => id === key || length(text) < keyLength);
}

export interface LongestShare {
  single: number;
  longest: number;
  share: number;
  flagged: boolean;
  ids: string[];
}

/** How often the key of a single-choice item is strictly its longest option (chance is about 1 in 4). */
export function longestCorrectShare(questions: readonly GateQuestion[]): LongestShare {
  const single = questions.filter((q) => q.type === 'single');
  const ids = single.filter(keyIsStrictlyLongest).map((q) => q.id);
  const value = share(ids.length, single.length);
  return { single: single.length, longest: ids.length, share: value, flagged: value > gateLimits.longestShareMax, ids };
}

export interface KeyBalance {
  trueFalse: { total: number; true: number; share: number; flagged: boolean };
  multiple: {
    total: number;
    /** Items per key size, e.g. { 2: 10, 3: 6 }. */
    sizes: Record<number, number>;
    /** Items per key pattern, e.g. { "a,b,c": 3 }. */
    patterns: Record<string, number>;
    flagged: boolean;
  };
}

/** True/false keys between 40 and 60 % true; multiple-choice keys of varied size and pattern. */
export function keyBalance(questions: readonly GateQuestion[]): KeyBalance {
  const tf = questions.filter((q) => q.type === 'true_false');
  const trues = tf.filter((q) => q.correct[0] === 't').length;
  const tfShare = share(trues, tf.length);
  const multiple = questions.filter((q) => q.type === 'multiple');
  const sizes: Record<number, number> = {};
  const patterns: Record<string, number> = {};
  for (const q of multiple) {
    sizes[q.correct.length] = (sizes[q.correct.length] ?? 0) + 1;
    const pattern = [...q.correct].sort().join(',');
    patterns[pattern] = (patterns[pattern] ?? 0) + 1;
  }
  const most = (counts: Record<string, number>) => Math.max(0, ...Object.values(counts));
  const judgeMultiple = multiple.length >= gateLimits.minItemsToJudge;
  return {
    trueFalse: {
      total: tf.length,
      true: trues,
      share: tfShare,
      flagged:
        tf.length >= gateLimits.minItemsToJudge &&
        (tfShare < gateLimits.trueShareMin || tfShare > gateLimits.trueShareMax),
    },
    multiple: {
      total: multiple.length,
      sizes,
      patterns,
      flagged:
        judgeMultiple &&
        (share(most(sizes), multiple.length) > gateLimits.keySizeShareMax ||
          share(most(patterns), multiple.length) > gateLimits.keyPatternShareMax),
    },
  };
}

/** The groups that appear more than once in a draw (empty when the draw keeps the rule). */
export function groupClashes(draw: readonly Pick<GateQuestion, 'id' | 'group'>[]): { group: string; ids: string[] }[] {
  const byGroup = new Map<string, string[]>();
  for (const q of draw) if (q.group) byGroup.set(q.group, [...(byGroup.get(q.group) ?? []), q.id]);
  return [...byGroup].filter(([, ids]) => ids.length > 1).map(([group, ids]) => ({ group, ids }));
}

/** True when a draw holds at most one item of each exclusion group. */
export function drawKeepsGroups(draw: readonly Pick<GateQuestion, 'id' | 'group'>[]): boolean {
  return groupClashes(draw).length === 0;
}

/**
 * The distinctive pieces of a text: article references ("điều 256a"), and numbers with at least
 * three digits or with separators (hotlines 0769.04.04.04, resolutions 42/112, decrees 144/2021,
 * dates 26/6). Years on their own and percentages are left out: "2021" names a law, not an answer.
 */
export function distinctiveTokens(text: string): string[] {
  const key = nameKey(text);
  const found = new Set<string>();
  for (const m of key.matchAll(/\bdieu (\d+[a-z]?)\b/g)) found.add(`dieu ${m[1]}`);
  for (const m of key.matchAll(/\d+(?:[./]\d+)+|\d{3,}[a-z]?/g)) {
    const token = m[0];
    const percent = key
      .slice(m.index + token.length)
      .trimStart()
      .startsWith('%');
    if (/^(19|20)\d\d$/.test(token) || percent) continue;
    found.add(token);
  }
  return [...found];
}

/**
 * The text an item's key stands on: its correct options, or, for a true statement, the statement
 * without the names of the texts it cites ("Theo Nghị định 144/2021/NĐ-CP, …" is its source, not its answer).
 */
function answerText(q: GateQuestion): string {
  if (q.type !== 'true_false') return q.correct.map((c) => q.vi.options[c] ?? '').join(' ');
  if (q.correct[0] !== 't') return '';
  const cited = q.legalBasis.flatMap((c) => distinctiveTokens(lawById(c.law)?.title ?? ''));
  return distinctiveTokens(q.vi.text)
    .filter((t) => !cited.includes(t))
    .join(' ');
}

/** Pairs of neighbouring words: Vietnamese words are often two syllables, so single syllables match too easily. */
function wordPairs(text: string): Set<string> {
  const words = nameKey(text)
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 1);
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
}

/** Stems this similar are treated as testing the same fact. */
export const nearDuplicateSimilarity = 0.65;

function jaccard(x: Set<string>, y: Set<string>): number {
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return share(common, x.size + y.size - common);
}

/** Share of word pairs two stems have in common (Jaccard); near-duplicates score high. */
export function stemSimilarity(a: string, b: string): number {
  return jaccard(wordPairs(a), wordPairs(b));
}

/**
 * Pairs of items, one from each bank, whose stems are near-identical: a contest item that nearly
 * repeats a public practice item has its key in public.
 */
export function nearDuplicatesAcross(
  a: readonly Pick<GateQuestion, 'id' | 'vi'>[],
  b: readonly Pick<GateQuestion, 'id' | 'vi'>[],
): [string, string][] {
  const bPairs = b.map((q) => wordPairs(q.vi.text));
  return a.flatMap((qa) => {
    const pairs = wordPairs(qa.vi.text);
    return b
      .filter((_, j) => jaccard(pairs, bPairs[j]!) >= nearDuplicateSimilarity)
      .map((qb): [string, string] => [qa.id, qb.id]);
  });
}

export interface GroupProposal {
  /** Ids of the items that should share one group (two or more). */
  ids: string[];
  /** Why, e.g. `law-003 stem shows "0769.04.04.04", the answer of reporting-002`. */
  reasons: string[];
}

/**
 * Proposes exclusion groups: an item whose stem or correct options show another item's distinctive
 * answer text (a hotline number, a resolution, an article), and pairs of near-identical stems.
 * Items already in one group are not proposed again. Distinctive tokens found in more than a
 * tenth of the bank are common knowledge of the bank, not a leak, and are skipped.
 */
export function proposeGroups(questions: readonly GateQuestion[]): GroupProposal[] {
  // What an item shows a participant as true: its stem and its correct options. A distractor that
  // happens to be another item's answer gives nothing away.
  const shown = questions.map(
    (q) => new Set(distinctiveTokens([q.vi.text, ...q.correct.map((c) => q.vi.options[c] ?? '')].join(' '))),
  );
  const stems = questions.map((q) => wordPairs(q.vi.text));
  const frequency = new Map<string, number>();
  for (const tokens of shown) for (const t of tokens) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const common = (t: string) => (frequency.get(t) ?? 0) > Math.max(2, questions.length / 10);

  const parent = questions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, string[]>();
  const link = (i: number, j: number, reason: string) => {
    const a = questions[i]!;
    const b = questions[j]!;
    if (a.group && a.group === b.group) return;
    const [ri, rj] = [find(i), find(j)];
    const merged = [...(reasons.get(ri) ?? []), ...(ri === rj ? [] : (reasons.get(rj) ?? [])), reason];
    parent[rj] = ri;
    reasons.delete(rj);
    reasons.set(ri, merged);
  };

  questions.forEach((a, i) => {
    // A token the stem itself gives is context, not the answer.
    const stem = new Set(distinctiveTokens(a.vi.text));
    const answerTokens = distinctiveTokens(answerText(a)).filter(
      (t) => !common(t) && (a.type === 'true_false' || !stem.has(t)),
    );
    questions.forEach((b, j) => {
      if (i === j) return;
      const leaked = answerTokens.find((t) => shown[j]!.has(t));
      if (leaked) link(i, j, `${b.id} shows "${leaked}", the answer of ${a.id}`);
      else if (i < j && jaccard(stems[i]!, stems[j]!) >= nearDuplicateSimilarity)
        link(i, j, `${a.id} and ${b.id} ask nearly the same`);
    });
  });

  const clusters = new Map<number, string[]>();
  questions.forEach((q, i) => clusters.set(find(i), [...(clusters.get(find(i)) ?? []), q.id]));
  return [...clusters]
    .filter(([, ids]) => ids.length > 1)
    .map(([root, ids]) => ({ ids, reasons: [...new Set(reasons.get(root) ?? [])] }));
}

/** Sources that are local practice, not law: a contest answer cannot stand on them. */
const localPractice = /thực tiễn địa phương|kế hoạch .*(của )?(ubnd|xã|phường)|local (plan|practice)/i;

export interface Eligibility {
  eligible: boolean;
  reason: string | null;
}

/**
 * A contest item cites a provision (an article) of a named legal text; an item resting only on
 * local plans or practice, or on general knowledge, stays in practice.
 */
export function contestEligibility(q: GateQuestion): Eligibility {
  if (q.source && localPractice.test(q.source) && q.legalBasis.length === 0)
    return { eligible: false, reason: 'rests on local plans or practice' };
  const provisions = q.legalBasis.filter((c) => lawById(c.law) && c.article);
  if (provisions.length === 0)
    return {
      eligible: false,
      reason: q.legalBasis.length === 0 ? 'cites no legal text' : 'cites a legal text but no article of it',
    };
  return { eligible: true, reason: null };
}

export interface GateReport {
  count: number;
  longest: LongestShare;
  keys: KeyBalance;
  groups: {
    /** Distinct exclusion groups with two or more items. */
    count: number;
    grouped: number;
    largest: number;
    /** The most items one draw can hold while keeping the groups: one per group plus every ungrouped item. */
    drawCapacity: number;
  };
  /** Leaks and near-duplicates not yet covered by a group. */
  proposals: GroupProposal[];
  eligible: number;
  ineligible: { id: string; reason: string }[];
}

/** Every gate over one bank (or one draw), as figures. */
export function gateReport(questions: readonly GateQuestion[]): GateReport {
  const sizes = new Map<string, number>();
  for (const q of questions) if (q.group) sizes.set(q.group, (sizes.get(q.group) ?? 0) + 1);
  const multi = [...sizes.values()].filter((n) => n > 1);
  const ineligible = questions
    .map((q) => ({ id: q.id, reason: contestEligibility(q).reason }))
    .filter((x): x is { id: string; reason: string } => x.reason !== null);
  return {
    count: questions.length,
    longest: longestCorrectShare(questions),
    keys: keyBalance(questions),
    groups: {
      count: multi.length,
      grouped: multi.reduce((a, b) => a + b, 0),
      largest: Math.max(0, ...multi),
      drawCapacity: sizes.size + questions.filter((q) => !q.group).length,
    },
    proposals: proposeGroups(questions),
    eligible: questions.length - ineligible.length,
    ineligible,
  };
}

/**
 * What a report flags, as messages (empty when the bank passes). A contest bank also needs every
 * item eligible; a practice bank only reports eligibility.
 */
export function gateProblems(report: GateReport, bank: 'contest' | 'practice'): string[] {
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  const problems: string[] = [];
  if (report.longest.flagged)
    problems.push(`the key is strictly the longest option in ${pct(report.longest.share)} of single-choice items`);
  if (report.keys.trueFalse.flagged) problems.push(`true/false keys are ${pct(report.keys.trueFalse.share)} true`);
  if (report.keys.multiple.flagged) problems.push('multiple-choice keys lack variety of size or pattern');
  for (const p of report.proposals) problems.push(`ungrouped: ${p.ids.join(', ')} (${p.reasons.join('; ')})`);
  if (bank === 'contest')
    for (const x of report.ineligible) problems.push(`${x.id} cannot be a contest item: ${x.reason}`);
  return problems;
}

/** One line of figures for a report, for logs and the content check. */
export function gateSummary(name: string, report: GateReport): string {
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  const tf = report.keys.trueFalse;
  const sizes = Object.entries(report.keys.multiple.sizes)
    .map(([size, n]) => `${size}:${n}`)
    .join(' ');
  return (
    `${name}: ${report.count} items; longest-option key ${report.longest.longest}/${report.longest.single} ` +
    `(${pct(report.longest.share)}); true/false ${tf.true}/${tf.total} true (${pct(tf.share)}); ` +
    `multiple-choice key sizes ${sizes || '-'}, ${Object.keys(report.keys.multiple.patterns).length} patterns; ` +
    `${report.groups.count} groups (${report.groups.grouped} items, largest ${report.groups.largest}), ` +
    `a draw holds at most ${report.groups.drawCapacity}; ` +
    `${report.proposals.length} ungrouped leaks; contest-eligible ${report.eligible}/${report.count}`
  );
}

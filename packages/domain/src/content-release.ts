import type { Lesson, Question } from './content.ts';
import type { QuestionBankKind } from './contest-bank.ts';

/**
 * Shipped content releases. Each shipped item's content is hashed; the hash written with a row
 * is the version it was shipped as, so a row whose content no longer matches its stored hash was
 * edited locally and is never overwritten by a release.
 */

/** JSON with sorted keys, so the same content hashes the same whatever order its fields were stored in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** A 64-bit FNV-1a hash (over UTF-16 code units) as 16 hex digits: pure and the same in Node and browsers (not for secrets). */
export function contentHash(value: unknown): string {
  let hash = 0xcbf29ce484222325n;
  const text = canonical(value);
  // UTF-16 code units: the domain has no TextEncoder, and the hash only needs to be stable.
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The fields a release compares for a question, from a shipped item or a stored row alike. */
export function questionReleaseHash(q: {
  type: string;
  topic: string;
  difficulty: number;
  audience: string;
  lawVersion: string;
  reviewedOn: string;
  legalBasis: readonly unknown[];
  source?: string | null;
  correct: readonly string[];
  group?: string | null;
  vi: unknown;
  en?: unknown;
}): string {
  return contentHash({
    type: q.type,
    topic: q.topic,
    difficulty: q.difficulty,
    audience: q.audience,
    lawVersion: q.lawVersion,
    reviewedOn: q.reviewedOn,
    legalBasis: q.legalBasis,
    source: q.source ?? null,
    correct: q.correct,
    group: q.group ?? null,
    vi: q.vi,
    en: q.en ?? null,
  });
}

/** The fields a release compares for a lesson. */
export function lessonReleaseHash(
  l: Pick<Lesson, 'title' | 'summary' | 'body' | 'topic' | 'audience' | 'reviewedOn'> & {
    lawVersion: string;
    legalBasis: readonly unknown[];
    sources: readonly string[];
  },
): string {
  return contentHash({
    title: l.title,
    summary: l.summary,
    body: l.body,
    topic: l.topic,
    audience: l.audience,
    lawVersion: l.lawVersion,
    reviewedOn: l.reviewedOn,
    legalBasis: l.legalBasis,
    sources: l.sources,
  });
}

export type ReleaseItemKind = 'lesson' | 'question';

/** One item of the shipped set; `key` is the question's ref or the lesson's `slug:locale`. */
export interface ShippedItem {
  kind: ReleaseItemKind;
  key: string;
  /** Questions only. */
  bank: QuestionBankKind | null;
  hash: string;
  title: string;
}

/** One national row already in the database that came from (or matches) the shipped set. */
export interface StoredItem {
  kind: ReleaseItemKind;
  key: string;
  bank: QuestionBankKind | null;
  /**
   * The shipped hash written with the row; null for rows seeded before releases were tracked
   * (start-up adopts the hash of rows identical to the shipped item).
   */
  shippedHash: string | null;
  /** The hash of the row's content now. */
  currentHash: string;
  status: 'draft' | 'published' | 'outdated';
  title: string;
  /** A contest question an organizer released to practice after its round closed: its key is public already. */
  releasedLocally?: boolean;
}

export const releaseActions = [
  'add',
  'update',
  'unchanged',
  'keep_edited',
  'move_to_contest',
  'move_to_practice',
  'retire',
] as const;
export type ReleaseAction = (typeof releaseActions)[number];

export interface ReleaseLine {
  kind: ReleaseItemKind;
  key: string;
  action: ReleaseAction;
  title: string;
  /** The bank after the release (questions only). */
  bank: QuestionBankKind | null;
  /** Whether the shipped content (and its hash) is written to the row. */
  writeContent: boolean;
}

export interface ReleasePlan {
  version: string;
  lines: ReleaseLine[];
  counts: Record<ReleaseAction, number>;
}

/** The release version: a hash of every shipped item's key, bank and hash. */
export function releaseVersion(shipped: readonly ShippedItem[]): string {
  return contentHash(
    shipped.map((s) => `${s.kind}:${s.key}:${s.bank ?? ''}:${s.hash}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

const itemKey = (i: { kind: ReleaseItemKind; key: string }) => `${i.kind}:${i.key}`;

/**
 * Plans a release: what happens to each shipped item and to each stored shipped row no longer shipped.
 * An update writes content only; a row's status (published, draft, outdated) is the admins' and stays.
 * A move to the contest bank is planned even for an edited row: a public practice copy of a contest
 * question leaks its answer key, so the move (not the content) always applies.
 */
export function planContentRelease(shipped: readonly ShippedItem[], stored: readonly StoredItem[]): ReleasePlan {
  const byKey = new Map(stored.map((s) => [itemKey(s), s]));
  const shippedKeys = new Set(shipped.map(itemKey));
  const lines: ReleaseLine[] = [];
  for (const item of shipped) {
    const row = byKey.get(itemKey(item));
    const line = (action: ReleaseAction, writeContent: boolean): ReleaseLine => ({
      kind: item.kind,
      key: item.key,
      action,
      title: item.title,
      bank: item.bank,
      writeContent,
    });
    if (!row) {
      lines.push(line('add', true));
      continue;
    }
    // Without a stored hash the row's origin is unknown: only identical content is taken as shipped.
    const edited = row.currentHash !== (row.shippedHash ?? item.hash);
    if (item.bank === 'contest' && row.bank === 'practice' && row.releasedLocally)
      lines.push({ ...line('keep_edited', false), bank: row.bank });
    else if (item.bank === 'contest' && row.bank === 'practice') lines.push(line('move_to_contest', !edited));
    else if (edited) lines.push({ ...line('keep_edited', false), bank: row.bank });
    else if (item.bank === 'practice' && row.bank === 'contest') lines.push(line('move_to_practice', true));
    else if (row.currentHash === item.hash) lines.push(line('unchanged', false));
    else lines.push(line('update', true));
  }
  for (const row of stored)
    // Only rows known to be shipped (with a hash) retire: a national item written in the console has none.
    if (!shippedKeys.has(itemKey(row)) && row.shippedHash !== null && row.status !== 'outdated')
      lines.push({
        kind: row.kind,
        key: row.key,
        action: 'retire',
        title: row.title,
        bank: row.bank,
        writeContent: false,
      });
  const counts = Object.fromEntries(releaseActions.map((a) => [a, 0])) as Record<ReleaseAction, number>;
  for (const l of lines) counts[l.action]++;
  return { version: releaseVersion(shipped), lines, counts };
}

/** Whether applying the plan would change anything. */
export function releasePending(plan: ReleasePlan): boolean {
  return plan.lines.some((l) => l.action !== 'unchanged' && l.action !== 'keep_edited');
}

/** The shipped set as release items. */
export function shippedReleaseItems(content: {
  lessons: readonly Lesson[];
  questions: readonly Question[];
  contestQuestions?: readonly Question[];
}): ShippedItem[] {
  return [
    ...content.lessons.map((l) => ({
      kind: 'lesson' as const,
      key: `${l.slug}:${l.locale}`,
      bank: null,
      hash: lessonReleaseHash(l),
      title: l.title,
    })),
    ...content.questions.map((q) => questionItem(q, 'practice')),
    ...(content.contestQuestions ?? []).map((q) => questionItem(q, 'contest')),
  ];
}

const questionItem = (q: Question, bank: QuestionBankKind): ShippedItem => ({
  kind: 'question',
  key: q.id,
  bank,
  hash: questionReleaseHash(q),
  title: q.vi.text,
});

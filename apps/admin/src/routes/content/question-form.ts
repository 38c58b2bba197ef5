import { questionFields, withQuestionRules, type questionTypes } from '@vungxanh/domain';
import { citationDraft, citationFields, toCitation, todayInVietnam, type CitationDraft } from './citations';
import type { ContentStatus, Question } from '$lib/content-api';

type QuestionType = (typeof questionTypes)[number];

export const letters = ['a', 'b', 'c', 'd', 'e'] as const;
/** True/false questions have fixed options t and f, worded the same in every question. */
const trueFalseText = { vi: { t: 'Đúng', f: 'Sai' }, en: { t: 'True', f: 'False' } } as const;
/** How many options each type has (the domain's rule), for the add and remove buttons. */
export const optionRange: Record<QuestionType, [number, number]> = {
  single: [3, 4],
  multiple: [4, 5],
  true_false: [2, 2],
};

export interface Texts {
  text: string;
  /** The option texts in order; their ids are the letters a, b, c… (t and f for true/false). */
  options: string[];
  explanation: string;
}

/** The editor's working copy of a question. */
export interface QuestionDraft {
  type: QuestionType;
  topic: Question['topic'];
  difficulty: 1 | 2 | 3;
  audience: Question['audience'];
  lawVersion: string;
  legalBasis: CitationDraft[];
  source: string;
  correct: string[];
  reviewedOn: string;
  status: ContentStatus;
  vi: Texts;
  hasEn: boolean;
  en: Texts;
}

export const optionIds = (type: QuestionType, count: number): string[] =>
  type === 'true_false' ? ['t', 'f'] : letters.slice(0, count);

const texts = (t: Question['vi'] | null | undefined, ids: string[]): Texts => ({
  text: t?.text ?? '',
  options: ids.map((id) => t?.options[id] ?? ''),
  explanation: t?.explanation ?? '',
});

export function draftOf(q: Question | null): QuestionDraft {
  const type = q?.type ?? 'single';
  const ids = q ? optionIds(type, Object.keys(q.vi.options).length) : optionIds(type, 4);
  return {
    type,
    topic: q?.topic ?? 'law',
    difficulty: (q?.difficulty ?? 1) as 1 | 2 | 3,
    audience: q?.audience ?? 'all',
    lawVersion: q?.lawVersion ?? 'luat-120-2025',
    legalBasis: q
      ? q.legalBasis.map(citationDraft)
      : [citationDraft({ law: 'luat-120-2025', article: null, clause: null })],
    source: q?.source ?? '',
    correct: q ? [...q.correct] : [],
    reviewedOn: q?.reviewedOn ?? todayInVietnam(),
    status: q?.status ?? 'draft',
    vi: texts(q?.vi, ids),
    hasEn: !!q?.en,
    en: texts(q?.en, ids),
  };
}

/** A new type keeps what still fits: the option texts (within the type's count) and the first correct one for single. */
export function changeType(d: QuestionDraft, type: QuestionType): void {
  const was = d.type;
  d.type = type;
  if (type === 'true_false') {
    d.vi.options = [trueFalseText.vi.t, trueFalseText.vi.f];
    d.en.options = [trueFalseText.en.t, trueFalseText.en.f];
    d.correct = [];
    return;
  }
  const [min, max] = optionRange[type];
  const resize = (options: string[]) => {
    const kept = was === 'true_false' ? [] : options.slice(0, max);
    return [...kept, ...Array<string>(Math.max(0, min - kept.length)).fill('')];
  };
  d.vi.options = resize(d.vi.options);
  d.en.options = resize(d.en.options);
  const ids = optionIds(type, d.vi.options.length);
  d.correct = d.correct.filter((c) => ids.includes(c)).slice(0, type === 'single' ? 1 : undefined);
}

export function addOption(d: QuestionDraft): void {
  d.vi.options = [...d.vi.options, ''];
  d.en.options = [...d.en.options, ''];
}

/** Removes one option; the ones after it move up a letter, and so do their correct marks. */
export function removeOption(d: QuestionDraft, index: number): void {
  d.vi.options = d.vi.options.filter((_, i) => i !== index);
  d.en.options = d.en.options.filter((_, i) => i !== index);
  d.correct = d.correct
    .map((id) => letters.indexOf(id as (typeof letters)[number]))
    .filter((i) => i !== index && i >= 0)
    .map((i) => letters[i > index ? i - 1 : i]!);
}

const record = (ids: string[], options: string[]) => Object.fromEntries(ids.map((id, i) => [id, options[i] ?? '']));

/** The question as the API takes it (without status and scope), in the order the editor shows. */
export function toQuestion(d: QuestionDraft) {
  const ids = optionIds(d.type, d.vi.options.length);
  const localized = (t: Texts) => ({ text: t.text, options: record(ids, t.options), explanation: t.explanation });
  return {
    type: d.type,
    topic: d.topic,
    difficulty: d.difficulty,
    audience: d.audience,
    lawVersion: d.lawVersion,
    reviewedOn: d.reviewedOn,
    legalBasis: d.legalBasis.map(toCitation),
    source: d.source.trim() || null,
    correct: ids.filter((id) => d.correct.includes(id)),
    vi: localized(d.vi),
    ...(d.hasEn ? { en: localized(d.en) } : {}),
  };
}

/** The domain's question schema with its rules, as the API checks it. */
export const questionRules = withQuestionRules(questionFields.omit({ id: true }));
export type QuestionBody = ReturnType<typeof questionRules.parse>;

/** Every field path the editor shows an issue next to. */
export function questionFieldPaths(): string[] {
  const locales = ['vi', 'en'];
  return [
    'type',
    'topic',
    'difficulty',
    'audience',
    'lawVersion',
    'reviewedOn',
    'source',
    'correct',
    'legalBasis',
    ...citationFields(10),
    ...locales.flatMap((l) => [
      `${l}.text`,
      `${l}.explanation`,
      ...['t', 'f', ...letters].map((o) => `${l}.options.${o}`),
    ]),
  ];
}

/** A question's short name for buttons and notices: its reference, or the start of its text. */
export function questionName(q: Pick<Question, 'ref' | 'vi'>): string {
  if (q.ref) return q.ref;
  return q.vi.text.length > 60 ? `${q.vi.text.slice(0, 59)}…` : q.vi.text;
}

import { lawById, questionTypes } from '@vungxanh/domain';

/** A message lookup: the console passes its own (`i18n.t`), the API one for the request's language. */
export type Translate = (key: string, params?: Record<string, string>) => string;

/**
 * The domain words its question rules in English (packages/domain/src/content.ts); these say them in the reader's
 * language, for the console's question form and (through `questionImportIssueMessage` in server.ts) both question imports.
 */
const rules: [RegExp, (m: RegExpExecArray, t: Translate) => string][] = [
  [
    /^a (\w+) question has (\d+-\d+) options$/,
    (m, t) => t('content.rules.optionsCount', { type: typeName(m[1], t), range: range(m[2]) }),
  ],
  [
    /^a (\w+) question has (\d+-\d+) correct options$/,
    (m, t) => t('content.rules.correctCount', { type: typeName(m[1], t), range: range(m[2]) }),
  ],
  [/^a correct option is listed twice$/, (_, t) => t('content.rules.correctTwice')],
  [/^a correct option is not among the options$/, (_, t) => t('content.rules.correctMissing')],
  [/^true\/false options are t and f$/, (_, t) => t('content.rules.trueFalse')],
  [/^(vi|en): options repeat$/, (m, t) => t('content.rules.optionsRepeat', { lang: lang(m[1], t) })],
  [/^(vi|en): option ids differ from vi$/, (m, t) => t('content.rules.idsDiffer', { lang: lang(m[1], t) })],
  [/^a legal item needs its legal basis$/, (_, t) => t('content.rules.needsBasis')],
  [/^a general-knowledge item needs a named source$/, (_, t) => t('content.rules.needsSource')],
  [
    /^the law it follows \(([^)]+)\) is not among its citations$/,
    (m, t) => t('content.rules.lawNotCited', { law: lawName(m[1]!) }),
  ],
  [
    /^(vi|en): cites an earlier law \(([^)]+)\) without saying it was replaced$/,
    (m, t) => t('content.rules.earlierLaw', { lang: lang(m[1], t), laws: m[2]!.split(',').map(lawName).join(', ') }),
  ],
  [/^same question as row (\d+)$/, (m, t) => t('content.rules.sameAsRow', { row: m[1]! })],
];

const lang = (locale: string | undefined, t: Translate) =>
  locale === 'en' ? t('content.locales.en') : t('content.locales.vi');
const typeName = (type: string | undefined, t: Translate) =>
  (questionTypes as readonly string[]).includes(type ?? '') ? t(`content.types.${type}`) : (type ?? '');
const lawName = (id: string) => lawById(id.trim())?.title ?? id.trim();
/** "3-4" as "3–4", and "1-1" as just "1". */
const range = (text: string | undefined) => {
  const [min, max] = (text ?? '').split('-');
  return min === max ? (min ?? '') : `${min}–${max}`;
};

/** A question rule's message in the reader's language; null for a message it does not know. */
export function questionRuleMessage(message: string, t: Translate): string | null {
  for (const [pattern, text] of rules) {
    const match = pattern.exec(message);
    if (match) return text(match, t);
  }
  return null;
}

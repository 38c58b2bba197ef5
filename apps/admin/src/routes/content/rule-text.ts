import { lawById, questionTypes } from '@vungxanh/domain';
import { i18n } from '$lib/i18n.svelte';

const lang = (locale: string | undefined) =>
  locale === 'en' ? i18n.t('content.locales.en') : i18n.t('content.locales.vi');
const typeName = (type: string | undefined) =>
  (questionTypes as readonly string[]).includes(type ?? '')
    ? i18n.t(`content.types.${type as (typeof questionTypes)[number]}`)
    : (type ?? '');
const lawName = (id: string) => lawById(id.trim())?.title ?? id.trim();
/** "3-4" as "3–4", and "1-1" as just "1". */
const range = (text: string | undefined) => {
  const [min, max] = (text ?? '').split('-');
  return min === max ? (min ?? '') : `${min}–${max}`;
};

/** The domain's rule messages (packages/domain/src/content.ts) and how to say each in the UI language. */
const rules: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^a (\w+) question has (\d+-\d+) options$/,
    (m) => i18n.t('content.rules.optionsCount', { type: typeName(m[1]), range: range(m[2]) }),
  ],
  [
    /^a (\w+) question has (\d+-\d+) correct options$/,
    (m) => i18n.t('content.rules.correctCount', { type: typeName(m[1]), range: range(m[2]) }),
  ],
  [/^a correct option is listed twice$/, () => i18n.t('content.rules.correctTwice')],
  [/^a correct option is not among the options$/, () => i18n.t('content.rules.correctMissing')],
  [/^true\/false options are t and f$/, () => i18n.t('content.rules.trueFalse')],
  [/^(vi|en): options repeat$/, (m) => i18n.t('content.rules.optionsRepeat', { lang: lang(m[1]) })],
  [/^(vi|en): option ids differ from vi$/, (m) => i18n.t('content.rules.idsDiffer', { lang: lang(m[1]) })],
  [/^a legal item needs its legal basis$/, () => i18n.t('content.rules.needsBasis')],
  [/^a general-knowledge item needs a named source$/, () => i18n.t('content.rules.needsSource')],
  [
    /^the law it follows \(([^)]+)\) is not among its citations$/,
    (m) => i18n.t('content.rules.lawNotCited', { law: lawName(m[1]!) }),
  ],
  [
    /^(vi|en): cites an earlier law \(([^)]+)\) without saying it was replaced$/,
    (m) => i18n.t('content.rules.earlierLaw', { lang: lang(m[1]), laws: m[2]!.split(',').map(lawName).join(', ') }),
  ],
  [/^same question as row (\d+)$/, (m) => i18n.t('content.rules.sameAsRow', { row: m[1]! })],
];

/** A question rule's message in the UI language; null for a message it does not know. */
export function ruleText(message: string): string | null {
  for (const [pattern, text] of rules) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return null;
}

/** A zod message from a spreadsheet row (always English) in the UI language, as far as it can be read. */
export function fieldMessage(message: string): string {
  const known = ruleText(message);
  if (known) return known;
  if (i18n.locale === 'en') return message;
  const min = /expected string to have >=(\d+)/.exec(message);
  if (min)
    return Number(min[1]) <= 1
      ? i18n.t('admin.validation.required')
      : i18n.t('admin.validation.minChars', { min: min[1]! });
  const max = /expected string to have <=(\d+)/.exec(message);
  if (max) return i18n.t('admin.validation.maxChars', { max: max[1]! });
  if (/^required$|received undefined/.test(message)) return i18n.t('admin.validation.required');
  return i18n.t('admin.validation.invalid');
}

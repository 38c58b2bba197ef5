import { tipLimits, tipTextProblem } from '@vungxanh/domain';
import { i18n } from '$lib/i18n.svelte';

/** The sentence for a tip's or an addition's text that cannot be sent (the domain's rule), or ''. */
export function tipTextError(text: string): string {
  const problem = tipTextProblem(text);
  if (problem === 'missing') return i18n.t('tipBox.textMissing');
  if (problem === 'tooLong') return i18n.t('tipBox.textTooLong', { max: tipLimits.textChars });
  return '';
}

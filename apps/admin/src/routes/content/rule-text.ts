import { questionRuleMessage, type Translate } from '@vungxanh/i18n/question-rules';
import { i18n, type MessageKey } from '$lib/i18n.svelte';

// The wording lives in @vungxanh/i18n/question-rules, shared with the API's question imports.
const t: Translate = (key, params) => i18n.t(key as MessageKey, params);

/** A question rule's message in the UI language; null for a message it does not know. */
export function ruleText(message: string): string | null {
  return questionRuleMessage(message, t);
}

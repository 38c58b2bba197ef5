import { i18n } from '$lib/i18n.svelte';
import { commitmentWords } from '$lib/words/commitments';
import type { LayoutLoad } from './$types';

// These screens' own words are a part of their own (kioskParts in lib/messages.ts), ready before they draw.
export const load = (() => i18n.include(commitmentWords)) satisfies LayoutLoad;

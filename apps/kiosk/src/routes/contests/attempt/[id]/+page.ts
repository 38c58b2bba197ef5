import { i18n } from '$lib/i18n.svelte';
import { contestWords } from '$lib/words/contests';
import type { PageLoad } from './$types';

// Drawn in the browser only (the app's fallback page serves this path): what it shows depends on the address,
// the device or the server's answer.
export const ssr = false;

// The contest screens' own words are a part of their own (kioskParts in lib/messages.ts), ready before they draw.
export const load = (() => i18n.include(contestWords)) satisfies PageLoad;

import { i18n } from '$lib/i18n.svelte';
import type { LayoutLoad } from './$types';

// A single-page app: adapter-static writes one fallback index.html and the API serves it for every kiosk path.
export const ssr = false;
export const prerender = false;

// Messages must be ready before the first paint, or the screen would flash raw keys.
export const load = (async () => {
  await i18n.init();
}) satisfies LayoutLoad;

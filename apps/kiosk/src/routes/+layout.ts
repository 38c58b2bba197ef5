import { device } from '$lib/device.svelte';
import { i18n } from '$lib/i18n.svelte';
import { place } from '$lib/place.svelte';
import type { LayoutLoad } from './$types';

// A single-page app: adapter-static writes one fallback index.html and the API serves it for every kiosk path.
export const ssr = false;
export const prerender = false;

// Messages must be ready before the first paint, or the screen would flash raw keys; the pairing and the
// phone's place decide which content pack to use and whether kiosk mode runs.
export const load = (async () => {
  device.load();
  place.load();
  await i18n.init();
}) satisfies LayoutLoad;

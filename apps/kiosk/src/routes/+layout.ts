import { device } from '$lib/device.svelte';
import { i18n } from '$lib/i18n.svelte';
import { place } from '$lib/place.svelte';
import type { LayoutLoad } from './$types';

// The screens that are the same for everyone are prerendered (their +page.ts says so); every other path is drawn in
// the browser from the fallback page that adapter-static writes (200.html), which the API serves for it.
export const prerender = false;

// Messages must be ready before the first paint, or the screen would flash raw keys; the pairing and the
// phone's place decide which content pack to use and whether kiosk mode runs.
// At prerender time storage is absent: the HTML is drawn in Vietnamese for a device with no pairing or place.
export const load = (async () => {
  device.load();
  place.load();
  await i18n.init();
}) satisfies LayoutLoad;

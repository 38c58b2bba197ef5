import type { PackLesson } from './pack';

// The lesson text that app.html began to fetch before the app's scripts ran: a cold visit to /lessons/<slug> on a
// device without a commune. The storage keys it checks are those of device.svelte.ts and place.svelte.ts; the
// answer's shape is the API's GET /api/content/pack/lessons/:slug (no version of the lesson: `lessons` is empty;
// any answer but 200 and 404: null, and the app asks again itself).

type Body = { lessons: PackLesson[] } | null;

declare global {
  interface Window {
    __vxLesson?: { slug: string; body: Promise<Body>; value: Body | undefined };
  }
}

const held = (slug: string) => {
  const h = typeof window === 'undefined' ? undefined : window.__vxLesson;
  return h?.slug === slug ? h : undefined;
};

/** The lesson's versions if that fetch has already answered (so the page can draw them at once). */
export function headStartNow(slug: string): PackLesson[] | undefined {
  return held(slug)?.value?.lessons;
}

/** That fetch, once, when it is for this lesson; null when there is none or it was taken. */
export function takeHeadStart(slug: string): Promise<Body> | null {
  const h = held(slug);
  if (!h) return null;
  delete window.__vxLesson;
  return h.body;
}

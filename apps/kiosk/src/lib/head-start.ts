// What app.html began to fetch before the app's scripts ran, on a cold visit to a lesson or a quiz topic by a device
// without a commune (the storage keys it checks are those of device.svelte.ts and place.svelte.ts). Each answer is
// keyed by the address it was asked at, which the app's own request for the same thing would use: the parsed body
// of a 200, or null for any other answer (the app then asks again itself and reads the status).

type Early = { body: Promise<unknown>; value: unknown };

declare global {
  interface Window {
    __vxEarly?: Record<string, Early>;
  }
}

const held = (url: string): Early | undefined => (typeof window === 'undefined' ? undefined : window.__vxEarly?.[url]);

/** The answer for this address if it has already come (so a screen can draw it at once). */
export function headStartNow<T>(url: string): T | undefined {
  return (held(url)?.value ?? undefined) as T | undefined;
}

/** That fetch for this address, once; null when there was none or it was taken. */
export function takeHeadStart<T>(url: string): Promise<T | null> | null {
  const h = held(url);
  if (!h) return null;
  delete window.__vxEarly![url];
  return h.body as Promise<T | null>;
}

export const earlyUrls = {
  contents: '/api/content/pack/contents',
  lesson: (slug: string) => `/api/content/pack/lessons/${encodeURIComponent(slug)}`,
  questions: (topic: string) => `/api/content/pack/questions?topic=${encodeURIComponent(topic)}`,
};

import { gzipSync } from 'node:zlib';
import { kioskFirstLoad } from './kiosk-size.ts';

/** The aim: at most this many KB fetched in total before a lesson's first page shows on a cold visit. */
export const coldLessonBudgetKb = 150;

/**
 * Bytes a cold visit to a lesson fetches before its first page shows, from the running server: the HTML shell,
 * the lesson route's first-load JavaScript and the two content requests the app makes first (the pack's contents
 * and that lesson), gzip-compressed as the server sends them. The whole pack follows only after the first paint
 * and is not counted; neither are the few KB of CSS and the icon.
 */
export async function coldLessonBytes(url: string): Promise<{ kb: number; parts: string } | null> {
  const js = kioskFirstLoad('/lessons/[slug]');
  if (!js) return null;
  const sized = async (path: string) => {
    const res = await fetch(url + path, { headers: { 'accept-encoding': 'gzip' } });
    const body = Buffer.from(await res.arrayBuffer());
    // fetch decompresses: measure what travels by compressing again, as the server does for these paths.
    return gzipSync(body).length / 1024;
  };
  const contents = await sized('/api/content/pack/contents');
  const index = (await (await fetch(`${url}/api/content/pack/contents`)).json()) as { lessons: { slug: string }[] };
  const lesson = await sized(`/api/content/pack/lessons/${index.lessons[0]!.slug}`);
  const html = await sized(`/lessons/${index.lessons[0]!.slug}`);
  const kb = html + js.kb + contents + lesson;
  return {
    kb,
    parts: `page ${html.toFixed(1)} + JS ${js.kb.toFixed(1)} + contents ${contents.toFixed(1)} + lesson ${lesson.toFixed(1)} KB`,
  };
}

export async function kioskColdLines(url: string): Promise<string[]> {
  const cold = await coldLessonBytes(url);
  if (!cold) return [];
  return [
    `${'kiosk cold visit: bytes before a lesson shows'.padEnd(50)} ${cold.kb.toFixed(1).padStart(7)} KB       budget ${coldLessonBudgetKb} KB  ${cold.kb <= coldLessonBudgetKb ? 'within' : 'OVER'} (${cold.parts})`,
  ];
}

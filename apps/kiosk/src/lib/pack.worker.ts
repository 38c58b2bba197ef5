/// <reference lib="webworker" />
import { packIndexOf } from '@vungxanh/domain';
import { kioskDb, type StoredPack } from './db';
import { isPack, lessonImages, type Pack } from './pack';
import type { FromPackWorker, ToPackWorker } from './pack-messages';

/**
 * The whole content pack lives here, off the page's main thread: fetching it, parsing its JSON, checking it is whole,
 * storing it in IndexedDB and reading it back are each long tasks on a slow phone, and they would delay every tap.
 * The page receives only the small index and the lesson or question set it opens.
 */
declare const self: DedicatedWorkerGlobalScope;

let pack: Pack | null = null;
/** The commune whose pack was asked for last: a pack that arrives for another one is dropped. */
let wanted: string | null | undefined;

const post = (message: FromPackWorker) => self.postMessage(message);

function announce(stored: StoredPack): void {
  pack = stored.pack;
  post({
    kind: 'pack',
    communeId: stored.communeId,
    etag: stored.etag,
    index: { version: stored.pack.version, ...packIndexOf(stored.pack) },
  });
}

async function open(communeId: string | null): Promise<void> {
  wanted = communeId;
  let stored: StoredPack | undefined;
  try {
    stored = await (await kioskDb()).get('pack', 'current');
  } catch {
    // Storage refused (a private window): the page fetches what it shows.
  }
  // A stored pack of another commune still beats an empty screen until the right one arrives.
  if (stored && isPack(stored.pack)) announce(stored);
  else post({ kind: 'no-pack' });
}

async function refresh(communeId: string | null, etag: string | null): Promise<void> {
  wanted = communeId;
  let reached = false;
  try {
    const res = await fetch(`/api/content/pack${communeId ? `?communeId=${encodeURIComponent(communeId)}` : ''}`, {
      headers: etag ? { 'if-none-match': etag } : {},
    });
    reached = true;
    if (res.status === 304 || !res.ok) return;
    // json() rejects a body cut off by a dropped connection, so a half pack never replaces a whole one.
    const body: unknown = await res.json();
    if (!isPack(body) || communeId !== wanted) return;
    const stored: StoredPack = {
      communeId,
      etag: res.headers.get('etag') ?? `"${body.version}"`,
      pack: body,
      savedAt: new Date().toISOString(),
    };
    try {
      // One put of the whole record: a reader sees the old pack or the new one, never a mix.
      await (await kioskDb()).put('pack', stored, 'current');
    } catch {
      // Storage refused: the pack still serves this page's life.
    }
    announce(stored);
    void warmImages(body);
  } catch {
    // Offline or a broken body: keep what we have.
  } finally {
    post({ kind: 'refreshed', reached });
  }
}

// Put a new pack's images in the cache the service worker reads them from, so a lesson never opened online
// still shows its pictures offline.
async function warmImages(body: Pack): Promise<void> {
  const urls = lessonImages(body.lessons, self.location.origin);
  if (urls.length === 0 || typeof caches === 'undefined') return;
  try {
    const cache = await caches.open('kiosk-images');
    const missing = (await Promise.all(urls.map(async (u) => ((await cache.match(u)) ? null : u)))).filter(
      (u): u is string => u !== null,
    );
    await cache.addAll(missing);
  } catch {
    // A missing picture must not hold up the text.
  }
}

self.onmessage = ({ data }: MessageEvent<ToPackWorker>) => {
  switch (data.kind) {
    case 'open':
      void open(data.communeId);
      break;
    case 'refresh':
      void refresh(data.communeId, data.etag);
      break;
    case 'lesson':
      post({ kind: 'reply', id: data.id, value: pack ? pack.lessons.filter((l) => l.slug === data.slug) : null });
      break;
    case 'questions':
      post({
        kind: 'reply',
        id: data.id,
        value: pack ? pack.questions.filter((q) => !data.topic || q.topic === data.topic) : null,
      });
      break;
  }
};

import type { InferResponseType } from 'hono/client';
import type { client } from '$lib/api';

export type TipRead = InferResponseType<typeof client.api.public.tips.read.$post, 200>;

/** One entry of the thread as the tipster sees it: a reply opened with the code's key, or their own sealed addition. */
export type ThreadEntry =
  { kind: 'reply'; writtenOn: string; text: string | null } | { kind: 'tipster'; writtenOn: string };

/** Opens each reply with the key from the receipt code; one that does not open shows as unreadable (null). */
export async function openThread(
  thread: TipRead['thread'],
  open: (ciphertext: string) => Promise<string>,
): Promise<ThreadEntry[]> {
  return Promise.all(
    thread.map(async (m): Promise<ThreadEntry> => {
      if (m.kind === 'tipster') return { kind: 'tipster', writtenOn: m.writtenOn };
      const text = m.ciphertext ? await open(m.ciphertext).catch(() => null) : null;
      return { kind: 'reply', writtenOn: m.writtenOn, text };
    }),
  );
}

import type { TipContent, UnlockedKey } from '@vungxanh/tip-crypto';
import { tipCrypto } from '../tip-crypto';
import type { TipDetail } from '../tips-api';

/** A thread message as read: its text, or null when it cannot be opened. */
export interface OpenedMessage {
  seq: number;
  kind: 'tipster' | 'reply' | 'note';
  text: string | null;
  writtenOn: string;
  authorName: string | null;
}

export interface OpenedTip {
  content: TipContent;
  /** The photo when it is an image data URL; anything else (a web address would tell a third party the tip was read) is dropped. */
  photo: string | null;
  thread: OpenedMessage[];
}

const imageDataUrl = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/;

/**
 * Opens a tip in the browser: the sealed content, the tipster's additions and the notes with the commune key, the
 * replies with the reply key the tip carries. Null when the tip itself does not open (sealed to another key).
 */
export async function openTip(tip: TipDetail, key: UnlockedKey): Promise<OpenedTip | null> {
  const c = await tipCrypto();
  let content: TipContent;
  try {
    content = await c.openTip(tip.ciphertext, key);
  } catch {
    return null;
  }
  const thread = await Promise.all(
    tip.thread.map(async (m) => {
      const text = await (
        m.kind === 'reply' ? c.decryptReply(content.replyKey, m.ciphertext) : c.openText(m.ciphertext, key)
      ).catch(() => null);
      return { seq: m.seq, kind: m.kind, text, writtenOn: m.writtenOn, authorName: m.authorName };
    }),
  );
  const photo = content.photo && imageDataUrl.test(content.photo) ? content.photo : null;
  return { content, photo, thread };
}

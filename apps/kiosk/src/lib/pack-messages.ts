import type { Topic } from '@vungxanh/domain';
import type { PackIndex, PackLesson, PackQuestion } from './pack';

/** What the page asks the pack worker (pack.worker.ts). */
export type ToPackWorker =
  /** Read the stored pack; answered by `pack` or `no-pack`. */
  | { kind: 'open'; communeId: string | null }
  /** Fetch the whole pack unless `etag` is current, check it, store it; answered by `pack` (when new), then `refreshed`. */
  | { kind: 'refresh'; communeId: string | null; etag: string | null }
  | { kind: 'lesson'; id: number; slug: string }
  | { kind: 'questions'; id: number; topic: Topic | null };

/** What the pack worker tells the page. */
export type FromPackWorker =
  /** The worker holds a whole pack (stored or just fetched): here is its index. */
  | { kind: 'pack'; communeId: string | null; etag: string; index: PackIndex }
  | { kind: 'no-pack' }
  /** A refresh ended; `reached` says whether the server answered at all. */
  | { kind: 'refreshed'; reached: boolean }
  /** The answer to a `lesson` or `questions` request; null when the worker holds no pack. */
  | { kind: 'reply'; id: number; value: PackLesson[] | PackQuestion[] | null };

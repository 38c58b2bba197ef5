import type { MessageTree } from '@vungxanh/i18n';
import type { MessageKey } from '@vungxanh/ui/locale';

/**
 * The parts of the shared message tree the kiosk shows. The console's words (accounts, reports, the registry…)
 * stay out of the kiosk's download: `vite.config.ts` builds each language's kiosk module from this list.
 */
export const kioskSections = [
  'app',
  'common',
  'kiosk',
  'errors',
  'contests',
  'contestShare',
  'commitments',
  'tipBox',
  'admin.validation',
] as const;

type Section = (typeof kioskSections)[number];
/** The keys the kiosk may use: a key outside its sections fails the type check instead of showing raw. */
export type KioskKey = Extract<MessageKey, `${Section}.${string}`>;

/** The sections of a message tree, nested as in the tree. */
export function pickSections(tree: MessageTree, sections: readonly string[]): MessageTree {
  const out: MessageTree = {};
  for (const section of sections) {
    const path = section.split('.');
    let from: string | MessageTree | undefined = tree;
    let to = out;
    path.forEach((part, i) => {
      from = typeof from === 'object' ? from[part] : undefined;
      if (from === undefined) return;
      if (i === path.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as MessageTree;
    });
  }
  return out;
}

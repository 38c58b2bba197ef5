import type { MessageTree } from '@vungxanh/i18n';
import type { MessageKey } from '@vungxanh/ui/locale';

/**
 * The parts of the shared message tree the kiosk shows. The console's words (accounts, reports, the registry…)
 * stay out of the kiosk's download: `vite.config.ts` builds each language's kiosk module from these lists. The words
 * every screen may need come with the app (`kioskCore`); the contest, commitment and tip-box screens' own words are
 * parts that their routes include (`kioskParts`), so the first load of the home, a lesson or a quiz does not carry them.
 */
export const kioskParts = {
  contests: ['contests', 'contestShare', 'admin.validation'],
  commitments: ['commitments'],
  tipBox: ['tipBox'],
} as const;
export type KioskPart = keyof typeof kioskParts;

/** Sections every screen may need. */
const appSections = ['app', 'common', 'kiosk', 'errors'] as const;

/**
 * The words that come with the app: every screen's, and the contest list's few (one tap from home, it then needs no
 * part), and the tip box's tile on the home screen and its link beside the hotlines.
 */
export const kioskCore = [
  ...appSections,
  'contests.kioskTitle',
  'contests.kioskEmpty',
  'contests.statuses',
  'contests.phases',
  'contests.readRules',
  'tipBox.tile',
  'tipBox.hotlineLinkTitle',
  'tipBox.hotlineLinkHelp',
  'tipBox.hotlineLink',
] as const;

/** Every section the kiosk shows, the app's and its parts'. */
export const kioskSections = [
  ...appSections,
  ...kioskParts.contests,
  ...kioskParts.commitments,
  ...kioskParts.tipBox,
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

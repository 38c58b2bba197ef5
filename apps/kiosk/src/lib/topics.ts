import type { Topic } from '@vungxanh/domain';
import type { MessageKey } from './i18n.svelte';

/** Topic names, in the order lists show them; typed against the domain's topics so none is missed. */
export const topicKeys: Record<Topic, MessageKey> = {
  harms: 'kiosk.topics.harms',
  substances: 'kiosk.topics.substances',
  law: 'kiosk.topics.law',
  crimes: 'kiosk.topics.crimes',
  fines: 'kiosk.topics.fines',
  rehab: 'kiosk.topics.rehab',
  family_community: 'kiosk.topics.family_community',
  skills: 'kiosk.topics.skills',
  reporting: 'kiosk.topics.reporting',
  events: 'kiosk.topics.events',
};

export const topicOrder = Object.keys(topicKeys) as Topic[];

export function isTopic(value: string | null | undefined): value is Topic {
  return !!value && value in topicKeys;
}

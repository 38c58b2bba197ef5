import vi from 'virtual:kiosk-messages/vi/contests';
import { wordsPart } from '$lib/i18n.svelte';

/** The contest screens' words: contests, sharing and recovery, the registration form's checks. */
export const contestWords = wordsPart(vi, () => import('virtual:kiosk-messages/en/contests'));

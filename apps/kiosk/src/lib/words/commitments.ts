import vi from 'virtual:kiosk-messages/vi/commitments';
import { wordsPart } from '$lib/i18n.svelte';

/** The commitment screens' words: signing, receipts, the check of a code. */
export const commitmentWords = wordsPart(vi, () => import('virtual:kiosk-messages/en/commitments'));

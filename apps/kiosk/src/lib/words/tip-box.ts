import vi from 'virtual:kiosk-messages/vi/tipBox';
import { wordsPart } from '$lib/i18n.svelte';

/** The tip box's words (its tile and the hotline page's link come with the app). */
export const tipBoxWords = wordsPart(vi, () => import('virtual:kiosk-messages/en/tipBox'));

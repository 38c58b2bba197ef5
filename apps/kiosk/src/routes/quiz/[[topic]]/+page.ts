import { topicOrder } from '$lib/topics';
import type { EntryGenerator } from './$types';

// Prerendered for the plain address and for each topic a lesson links to: the frame and heading come from the
// HTML, before the app's scripts run.
export const prerender = true;

export const entries = (() => [{}, ...topicOrder.map((topic) => ({ topic }))]) satisfies EntryGenerator;

// The checks of a commitment entry, shared with the server. They use a validation library (about 25 KB), so the
// page loads them once a campaign is chosen rather than with the page (see entryRules in signing.svelte.ts).
export { entryInput, entryProblems } from '@vungxanh/domain';

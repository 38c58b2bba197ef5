import { createRouter } from '../../lib/create-router.ts';

/** /api/contests: filled in by its issue. */
export const contestsRouter = createRouter();

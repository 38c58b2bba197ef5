import { createRouter } from '../../lib/create-router.ts';

/** /api/public/contests: the participants' side, no session. */
export const publicContestsRouter = createRouter();

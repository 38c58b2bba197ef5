import { createRouter } from '../../lib/create-router.ts';

/** /api/public/commitments: the participants' side, no session. */
export const publicCommitmentsRouter = createRouter();

import { createRouter } from '../../lib/create-router.ts';

/** /api/commitments: filled in by its issue. */
export const commitmentsRouter = createRouter();

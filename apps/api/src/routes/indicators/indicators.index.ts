import { createRouter } from '../../lib/create-router.ts';

/** /api/indicators: filled in by its issue. */
export const indicatorsRouter = createRouter();

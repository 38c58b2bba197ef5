import { createRouter } from '../../lib/create-router.ts';

/** /api/reports: filled in by its issue. */
export const reportsRouter = createRouter();

import { createRouter } from '../../lib/create-router.ts';

/** /api/activities: filled in by its issue. */
export const activitiesRouter = createRouter();

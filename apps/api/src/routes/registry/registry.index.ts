import { createRouter } from '../../lib/create-router.ts';

/** /api/registry: filled in by its issue. */
export const registryRouter = createRouter();

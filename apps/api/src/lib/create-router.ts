import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '@vungxanh/domain';
import type { AppEnv } from './context.ts';

/**
 * Every router validates with the same hook: a request that does not match its route's
 * schema is answered 422 with the fields at fault, in the error shape.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          422,
          'validation_failed',
          {},
          result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
    },
  });
}

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '@vungxanh/domain';
import type { Locale } from '@vungxanh/i18n';
import { errorMessage } from '@vungxanh/i18n/server';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isConfidentialRoute } from './confidential-routes.ts';
import type { AppEnv } from './context.ts';

/** The one error body of the API: `{ code, message, requestId }` plus `issues` for validation. */
export function errorBody(
  code: string,
  locale: Locale,
  requestId: string,
  params: Record<string, string | number> = {},
  issues?: readonly { path: string; message: string }[],
) {
  let message = errorMessage(code, locale);
  for (const [k, v] of Object.entries(params)) message = message.replaceAll(`{{${k}}}`, String(v));
  return { code, message, requestId, ...(issues ? { issues } : {}) };
}

/** Maps anything thrown in a handler to the error shape; unknown errors are logged and answered 500. */
export function handleError(err: Error, c: Context<AppEnv>) {
  const requestId = c.get('requestId') ?? 'unknown';
  const locale = c.get('locale') ?? 'vi';
  if (err instanceof AppError) {
    if (err.status === 429 && err.params.retryAfter) c.header('Retry-After', String(err.params.retryAfter));
    return c.json(errorBody(err.code, locale, requestId, err.params, err.issues), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = codeForHttpException(err);
    return c.json(errorBody(code, locale, requestId), status >= 500 ? 500 : status);
  }
  // The tip box leaves no trace, a failure included: a log line's time would date a tip (see confidential-routes.ts).
  if (!isConfidentialRoute(c.req.path))
    c.get('deps')?.logger.error('unhandled error', {
      requestId,
      route: c.req.routePath,
      error: err.name,
      detail: err.message.slice(0, 300),
    });
  return c.json(errorBody('internal', locale, requestId), 500);
}

function codeForHttpException(err: HTTPException): string {
  switch (err.status) {
    case 400:
      return /json/i.test(err.message) ? 'invalid_json' : 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return err.status < 500 ? 'bad_request' : 'internal';
  }
}

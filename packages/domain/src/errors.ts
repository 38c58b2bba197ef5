/** A failure the user can act on. `code` is stable and names a message in @vungxanh/i18n's `errors`. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly issues?: readonly FieldIssue[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const conflict = (code = 'conflict') => new AppError(409, code);
export const invalid = (issues: FieldIssue[]) => new AppError(422, 'validation_failed', {}, issues);

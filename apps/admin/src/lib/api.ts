import { hc } from 'hono/client';
import type { ApiRoutes } from '@vungxanh/api';
import { i18n } from './i18n.svelte';

export interface FieldIssue {
  path: string;
  message: string;
}

/** A failed API call: the API's stable `code`, its message (already in the user's language) and field issues. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called before the error is thrown when the session is gone (401) or must first enrol in two-factor. */
type AuthProblemHandler = (code: 'unauthenticated' | 'totp_enrollment_required') => void;
let onAuthProblem: AuthProblemHandler = () => {};
export function setAuthProblemHandler(handler: AuthProblemHandler): void {
  onAuthProblem = handler;
}

const headers = () => ({ 'x-locale': i18n.locale });

/** The typed RPC client; the session cookie goes along (same origin) and messages come back in the UI language. */
export const client = hc<ApiRoutes>('/', { headers, init: { credentials: 'same-origin' } });

interface AnyResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}
type OkBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** Resolves a call to its success body, or throws an ApiError (network failures included). */
export async function unwrap<R extends AnyResponse>(pending: Promise<R>): Promise<OkBody<R>> {
  let res: R;
  try {
    res = await pending;
  } catch {
    throw new ApiError('network', i18n.t('errors.network'));
  }
  const body = await res.json().catch(() => null);
  if (res.ok) return body as OkBody<R>;
  const error = toApiError(body, res.status);
  if (res.status === 401 && error.code === 'unauthenticated') onAuthProblem('unauthenticated');
  if (res.status === 403 && error.code === 'totp_enrollment_required') onAuthProblem('totp_enrollment_required');
  throw error;
}

function toApiError(body: unknown, status: number): ApiError {
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const { code, message, issues } = body as { code: string; message: string; issues?: FieldIssue[] };
    return new ApiError(code, message, issues ?? [], status);
  }
  return new ApiError('internal', i18n.t('errors.internal'), [], status);
}

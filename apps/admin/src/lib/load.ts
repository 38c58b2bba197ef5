import { error } from '@sveltejs/kit';
import { ApiError } from './api';

/** For load functions: an API failure becomes the page's error (shown by +error.svelte). */
export async function orPageError<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    if (e instanceof ApiError) error(e.status >= 400 ? e.status : 503, e.message);
    throw e;
  }
}

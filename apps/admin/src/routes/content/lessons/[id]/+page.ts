import { scopeChoices } from '../../editor-load';
import { unwrap } from '$lib/api';
import { contentApi } from '$lib/content-api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

/** A lesson to edit, or none for /content/lessons/new. */
export const load = (async ({ params, parent }) => {
  await parent();
  const isNew = params.id === 'new';
  const [lesson, communes] = await Promise.all([
    isNew ? null : orPageError(unwrap(contentApi.lessons[':id'].$get({ param: { id: params.id } }))),
    scopeChoices(isNew),
  ]);
  return { lesson, communes };
}) satisfies PageLoad;

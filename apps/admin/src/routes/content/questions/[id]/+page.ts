import { scopeChoices } from '../../editor-load';
import { unwrap } from '$lib/api';
import { contentApi } from '$lib/content-api';
import { orPageError } from '$lib/load';
import type { PageLoad } from './$types';

/** A question to edit, or none for /content/questions/new. */
export const load = (async ({ params, parent }) => {
  await parent();
  const isNew = params.id === 'new';
  const [question, communes] = await Promise.all([
    isNew ? null : orPageError(unwrap(contentApi.questions[':id'].$get({ param: { id: params.id } }))),
    scopeChoices(isNew),
  ]);
  return { question, communes };
}) satisfies PageLoad;

import type { InferResponseType } from 'hono/client';
import { client } from '$lib/api';

/** The registry routes of the typed RPC client, and the types of what they answer. */
export const registryApi = client.api.registry;
export type Registry = InferResponseType<typeof registryApi.$get, 200>;
export type RegistryVillage = Registry['villages'][number];
export type VillageRegistry = InferResponseType<(typeof registryApi.villages)[':id']['$get'], 200>;
export type CriteriaList = InferResponseType<typeof registryApi.criteria.$get, 200>;

/** The address of a file the API serves, for a plain download link (same origin, the session cookie goes along). */
export const certificateHref = (decisionId: string, lang: string) =>
  `/api/registry/decisions/${encodeURIComponent(decisionId)}/certificate?lang=${lang}`;

/** The decision as an official document, in the language the console shows. */
export const decisionHref = (decisionId: string, lang: string) =>
  `/api/registry/decisions/${encodeURIComponent(decisionId)}/pdf?lang=${lang}`;

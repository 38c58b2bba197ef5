import type { InferResponseType } from 'hono/client';
import { client } from '$lib/api';

/** The police's tip routes of the typed RPC client, and the types of what they answer. */
export const tipsApi = client.api.tips;
export type TipBox = InferResponseType<typeof tipsApi.box.$get, 200>;
export type TipSummary = InferResponseType<typeof tipsApi.$get, 200>['items'][number];
export type TipDetail = InferResponseType<(typeof tipsApi)[':id']['$get'], 200>;
export type TipFigures = InferResponseType<typeof tipsApi.figures.$get, 200>;

/** The poster download: a file from the API, not a console page. */
export const posterHref = (lang: string, villageId?: string) =>
  `/api/tips/poster?${new URLSearchParams({ lang, ...(villageId ? { villageId } : {}) })}`;

import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '$lib/api';

/** The commitment routes of the typed RPC client, and the types of what they answer. */
export const commitmentsApi = client.api.commitments;
export type Campaign = InferResponseType<typeof commitmentsApi.campaigns.$get, 200>['items'][number];
export type Entry = InferResponseType<typeof commitmentsApi.entries.$get, 200>['items'][number];
export type EntryDetail = InferResponseType<(typeof commitmentsApi.entries)[':id']['$get'], 200>;
export type Coverage = InferResponseType<typeof commitmentsApi.coverage.$get, 200>;
export type PaperReport = InferResponseType<typeof commitmentsApi.import.$post, 200>;

export const importPaper = (campaignId: string, file: File, mode: 'check' | 'all_or_nothing' | 'valid_only') =>
  unwrap(commitmentsApi.import.$post({ form: { file, mode, campaignId } }));

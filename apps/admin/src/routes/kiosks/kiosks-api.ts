import type { InferResponseType } from 'hono/client';
import { client } from '$lib/api';

/** The kiosk routes of the typed RPC client, and the types of what they answer. */
export const kiosksApi = client.api.kiosks;
export type Kiosk = InferResponseType<typeof kiosksApi.$get, 200>['items'][number];
export type Pairing = InferResponseType<typeof kiosksApi.$post, 201>;

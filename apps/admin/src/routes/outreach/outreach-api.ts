import type { InferResponseType } from 'hono/client';
import { client } from '$lib/api';

/** The outreach log routes of the typed RPC client, and the types of what they answer. */
export const activitiesApi = client.api.activities;
export type Activity = InferResponseType<(typeof activitiesApi)[':id']['$get'], 200>;
export type ActivityListItem = InferResponseType<typeof activitiesApi.$get, 200>['items'][number];

/** Where a photo is served from (the session cookie goes along; same origin). */
export const photoUrl = (activityId: string, photoId: string) =>
  `/api/activities/${encodeURIComponent(activityId)}/photos/${encodeURIComponent(photoId)}`;

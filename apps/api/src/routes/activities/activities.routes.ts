import { createRoute, z } from '@hono/zod-openapi';
import { activityInput, activityPatch, activityTypes, audienceGroups, periodKeySchema } from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody, OkSchema, paged, PageQuery } from '../../lib/openapi.ts';

const Unit = z.object({ id: z.string(), name: z.string() });
const Photo = z.object({ id: z.string(), width: z.number().int(), height: z.number().int(), bytes: z.number().int() });

export const ActivitySchema = z
  .object({
    id: z.string(),
    communeId: z.string(),
    date: z.string(),
    type: z.enum(activityTypes),
    audienceGroup: z.enum(audienceGroups),
    participants: z.number().int().nullable(),
    organizer: z.string().nullable(),
    notes: z.string().nullable(),
    villages: z.array(Unit),
    schools: z.array(Unit),
    photos: z.array(Photo),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Whether the caller may edit or delete it. */
    canEdit: z.boolean(),
  })
  .openapi('Activity');

export const ActivityListItem = ActivitySchema.omit({ photos: true }).extend({ photoCount: z.number().int() });

const tags = ['activities'];
const id64 = z.string().min(1).max(64);

export const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Outreach activities of a commune, newest first, filtered by period, type, village or school',
  request: {
    query: PageQuery.extend({
      communeId: id64.optional(),
      period: periodKeySchema.optional(),
      type: z.enum(activityTypes).optional(),
      villageId: id64.optional(),
      schoolId: id64.optional(),
    }),
  },
  responses: { 200: json(paged(ActivityListItem)), ...errorResponses },
});

export const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(ActivitySchema), ...errorResponses },
});

export const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Log an activity; the id is made by the client, so sending the same one again answers the first result',
  request: { body: jsonBody(activityInput) },
  responses: {
    200: json(ActivitySchema, 'Already stored under this id'),
    201: json(ActivitySchema, 'Created'),
    ...errorResponses,
  },
});

export const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  request: { params: IdParam, body: jsonBody(activityPatch) },
  responses: { 200: json(ActivitySchema), ...errorResponses },
});

export const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  request: { params: IdParam },
  responses: { 200: json(OkSchema), ...errorResponses },
});

export const addPhoto = createRoute({
  method: 'post',
  path: '/{id}/photos',
  tags,
  summary: 'Add a photo (JPEG, PNG, WebP or HEIC up to 12 MB); it is resized to 1600 px and its metadata removed',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
    },
  },
  responses: { 201: json(Photo, 'Stored'), ...errorResponses },
});

const PhotoParams = IdParam.extend({
  photoId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'photoId', in: 'path' } }),
});

export const getPhoto = createRoute({
  method: 'get',
  path: '/{id}/photos/{photoId}',
  tags,
  summary: 'A photo, to signed-in users of the commune only',
  request: { params: PhotoParams },
  responses: {
    200: { description: 'JPEG image', content: { 'image/jpeg': { schema: z.any() } } },
    ...errorResponses,
  },
});

export const removePhoto = createRoute({
  method: 'delete',
  path: '/{id}/photos/{photoId}',
  tags,
  request: { params: PhotoParams },
  responses: { 200: json(OkSchema), ...errorResponses },
});

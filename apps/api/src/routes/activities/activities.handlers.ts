import type { Context } from 'hono';
import sharp from 'sharp';
import {
  activityPhotoPolicy,
  AppError,
  canLogActivities,
  isFutureDate,
  mayLogFor,
  periodRange,
  vnDate,
  type Actor,
} from '@vungxanh/domain';
import {
  addActivityPhoto,
  deleteActivity,
  deleteActivityPhoto,
  getActivity,
  getActivityPhoto,
  getUnit,
  insertActivity,
  isUniqueViolation,
  listActivities,
  unitsInCommune,
  updateActivity,
  writeAudit,
  type ActivityDetail,
  type ActivityUnits,
} from '@vungxanh/db';
import { auditContext, summarize } from '../../lib/audit.ts';
import type { AppEnv } from '../../lib/context.ts';
import { toPage, type Handler } from '../../lib/openapi.ts';
import { communeParam, readableCommune } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import type * as routes from './activities.routes.ts';

/** Commune admins (and system) change any activity of their commune; the unit roles only those within their unit. */
function mayChange(actor: Actor, a: Pick<ActivityDetail, 'communeId'> & ActivityUnits) {
  if (actor.role !== 'system' && actor.communeId !== a.communeId) return false;
  return canLogActivities(actor) && mayLogFor(actor, a);
}

const toDto = (a: ActivityDetail, actor: Actor) => ({
  id: a.id,
  communeId: a.communeId,
  date: a.date,
  type: a.type,
  audienceGroup: a.audienceGroup,
  participants: a.participants,
  organizer: a.organizer,
  notes: a.notes,
  villages: a.villageIds.map((id, i) => ({ id, name: a.villageNames[i] ?? '' })),
  schools: a.schoolIds.map((id, i) => ({ id, name: a.schoolNames[i] ?? '' })),
  photos: a.photos,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  canEdit: mayChange(actor, a),
});

const field = (path: string, message: string) => new AppError(422, 'validation_failed', {}, [{ path, message }]);

function refuseFuture(date: string | undefined) {
  if (date && isFutureDate(date, vnDate(Date.now()))) throw field('date', 'must not be after today');
}

/** The commune the named units belong to; every unit must be in it, else 404 (ids of other communes leak nothing). */
async function communeOfUnits(c: Context<AppEnv>, units: ActivityUnits) {
  const { db } = c.get('deps');
  const first = units.villageIds[0]
    ? await getUnit(db, 'villages', units.villageIds[0])
    : await getUnit(db, 'schools', units.schoolIds[0]!);
  if (!first) throw new AppError(404, 'not_found');
  const commune = await readableCommune(c, first.communeId);
  if (!(await unitsInCommune(db, commune.id, units))) throw new AppError(404, 'not_found');
  return commune;
}

async function readableActivity(c: Context<AppEnv>, id: string) {
  const activity = await getActivity(c.get('deps').db, id);
  if (!activity) throw new AppError(404, 'not_found');
  await readableCommune(c, activity.communeId);
  return activity;
}

async function changeableActivity(c: Context<AppEnv>, id: string) {
  const activity = await readableActivity(c, id);
  if (!mayChange(requireAuth(c).actor, activity)) throw new AppError(403, 'forbidden');
  return activity;
}

export const list: Handler<typeof routes.list> = async (c) => {
  const { actor } = requireAuth(c);
  const q = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, q.communeId));
  const period = q.period ? periodRange(q.period) : null;
  const { items, total } = await listActivities(c.get('deps').db, {
    communeId: commune.id,
    ...(period ? { from: vnDate(period.start), to: vnDate(period.end) } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.villageId ? { villageId: q.villageId } : {}),
    ...(q.schoolId ? { schoolId: q.schoolId } : {}),
    ...toPage(q),
  });
  return c.json(
    {
      items: items.map((a) => ({
        ...a,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        canEdit: mayChange(actor, {
          communeId: a.communeId,
          villageIds: a.villages.map((v) => v.id),
          schoolIds: a.schools.map((s) => s.id),
        }),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    },
    200,
  );
};

export const get: Handler<typeof routes.get> = async (c) => {
  const activity = await readableActivity(c, c.req.valid('param').id);
  return c.json(toDto(activity, requireAuth(c).actor), 200);
};

export const create: Handler<typeof routes.create> = async (c) => {
  const { actor } = requireAuth(c);
  const input = c.req.valid('json');
  const { db } = c.get('deps');
  if (!canLogActivities(actor)) throw new AppError(403, 'forbidden');

  const replay = async () => {
    const existing = await getActivity(db, input.id);
    if (!existing) return null;
    // Another commune's id answers as an unknown one does anywhere (404): a 409 would tell that it exists there.
    await readableCommune(c, existing.communeId);
    // The same id from someone else of the commune is a clash, not a retry.
    if (existing.createdBy !== actor.accountId) throw new AppError(409, 'conflict');
    return c.json(toDto(existing, actor), 200);
  };
  const seen = await replay();
  if (seen) return seen;

  const commune = await communeOfUnits(c, input);
  if (!mayLogFor(actor, input)) throw new AppError(403, 'forbidden');
  refuseFuture(input.date);
  const { id, villageIds, schoolIds, ...fields } = input;
  try {
    await insertActivity(
      db,
      { id, communeId: commune.id, ...fields, createdBy: actor.accountId },
      { villageIds, schoolIds },
      {
        ...auditContext(c),
        entity: 'activity',
        entityId: id,
        communeId: commune.id,
        action: 'create',
        summary: summarize({ ...fields, villageIds, schoolIds }),
      },
    );
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await replay();
    if (again) return again;
    throw err;
  }
  return c.json(toDto((await getActivity(db, id))!, actor), 201);
};

export const update: Handler<typeof routes.update> = async (c) => {
  const { actor } = requireAuth(c);
  const current = await changeableActivity(c, c.req.valid('param').id);
  const patch = c.req.valid('json');
  const next = {
    villageIds: patch.villageIds ?? current.villageIds,
    schoolIds: patch.schoolIds ?? current.schoolIds,
  };
  if (next.villageIds.length + next.schoolIds.length === 0)
    throw field('villageIds', 'name at least one village or school');
  if (patch.villageIds || patch.schoolIds) {
    const { db } = c.get('deps');
    if (!(await unitsInCommune(db, current.communeId, next))) throw new AppError(404, 'not_found');
    if (!mayLogFor(actor, next)) throw new AppError(403, 'forbidden');
  }
  refuseFuture(patch.date);
  await updateActivity(c.get('deps').db, current, patch, {
    ...auditContext(c),
    entity: 'activity',
    entityId: current.id,
    communeId: current.communeId,
    action: 'update',
    summary: summarize({ before: pick(current, Object.keys(patch)), after: patch }),
  });
  return c.json(toDto((await getActivity(c.get('deps').db, current.id))!, actor), 200);
};

const pick = (row: object, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => keys.includes(k)));

export const remove: Handler<typeof routes.remove> = async (c) => {
  const current = await changeableActivity(c, c.req.valid('param').id);
  await deleteActivity(c.get('deps').db, current.id, {
    ...auditContext(c),
    entity: 'activity',
    entityId: current.id,
    communeId: current.communeId,
    action: 'delete',
    summary: summarize({
      date: current.date,
      type: current.type,
      villageIds: current.villageIds,
      schoolIds: current.schoolIds,
      participants: current.participants,
    }),
  });
  return c.json({ ok: true as const }, 200);
};

/** Decodes, turns upright, shrinks to the longest edge allowed and re-encodes as JPEG without metadata. */
async function resizePhoto(bytes: Buffer) {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 60_000_000, failOn: 'error' })
      .rotate()
      .resize({
        width: activityPhotoPolicy.maxEdgePx,
        height: activityPhotoPolicy.maxEdgePx,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: activityPhotoPolicy.jpegQuality, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw new AppError(422, 'activity_photo_unreadable');
  }
}

export const addPhoto: Handler<typeof routes.addPhoto> = async (c) => {
  const current = await changeableActivity(c, c.req.valid('param').id);
  const file = c.req.valid('form').file as unknown;
  if (!(file instanceof File)) throw field('file', 'required');
  if (file.size > activityPhotoPolicy.maxInputBytes) throw new AppError(413, 'payload_too_large');
  const photo = await resizePhoto(Buffer.from(await file.arrayBuffer()));
  const { db } = c.get('deps');
  const id = crypto.randomUUID();
  const added = await addActivityPhoto(
    db,
    { id, activityId: current.id, communeId: current.communeId, ...photo, bytes: photo.data.length },
    activityPhotoPolicy.maxPhotos,
  );
  if (!added) throw new AppError(409, 'activity_photo_limit', { max: activityPhotoPolicy.maxPhotos });
  await auditWrite(c, current, 'photo_add', { photoId: id, bytes: photo.data.length });
  return c.json({ id, width: photo.width, height: photo.height, bytes: photo.data.length }, 201);
};

async function auditWrite(c: Context<AppEnv>, a: ActivityDetail, action: string, values: Record<string, unknown>) {
  await writeAudit(c.get('deps').db, {
    ...auditContext(c),
    entity: 'activity',
    entityId: a.id,
    communeId: a.communeId,
    action,
    summary: summarize(values),
  });
}

export const getPhoto: Handler<typeof routes.getPhoto> = async (c) => {
  const { id, photoId } = c.req.valid('param');
  const activity = await readableActivity(c, id);
  const photo = await getActivityPhoto(c.get('deps').db, activity.id, photoId);
  if (!photo) throw new AppError(404, 'not_found');
  return c.body(new Uint8Array(photo.data), 200, {
    'Content-Type': 'image/jpeg',
    // Photos may show people: never in a shared cache.
    'Cache-Control': 'private, max-age=3600',
  });
};

export const removePhoto: Handler<typeof routes.removePhoto> = async (c) => {
  const { id, photoId } = c.req.valid('param');
  const activity = await changeableActivity(c, id);
  if (!(await getActivityPhoto(c.get('deps').db, activity.id, photoId))) throw new AppError(404, 'not_found');
  await deleteActivityPhoto(c.get('deps').db, photoId, {
    ...auditContext(c),
    entity: 'activity',
    entityId: activity.id,
    communeId: activity.communeId,
    action: 'photo_delete',
    summary: summarize({ photoId }),
  });
  return c.json({ ok: true as const }, 200);
};

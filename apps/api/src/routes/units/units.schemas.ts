import { z } from '@hono/zod-openapi';
import { communeKinds, organizationKinds, outreachFrequencies, schoolLevels, villageKinds } from '@vungxanh/domain';
import type { schema } from '@vungxanh/db';

const base = { id: z.string(), name: z.string(), createdAt: z.string(), updatedAt: z.string() };
const inCommune = { ...base, communeId: z.string(), active: z.boolean(), demo: z.boolean() };

export const ProvinceSchema = z.object({ ...base, code: z.string() }).openapi('Province');
export const CommuneSchema = z
  .object({
    ...base,
    provinceId: z.string(),
    kind: z.enum(communeKinds),
    code: z.string(),
    targetFrequency: z.enum(outreachFrequencies),
  })
  .openapi('Commune');
export const VillageSchema = z
  .object({
    ...inCommune,
    kind: z.enum(villageKinds),
    population: z.number().int().nullable(),
    households: z.number().int().nullable(),
    mailboxInstalledOn: z.string().nullable(),
    boardInstalledOn: z.string().nullable(),
    roadmapTargetYear: z.number().int().nullable(),
  })
  .openapi('Village');
export const SchoolSchema = z
  .object({ ...inCommune, level: z.enum(schoolLevels), students: z.number().int().nullable() })
  .openapi('School');
export const OrganizationSchema = z.object({ ...inCommune, kind: z.enum(organizationKinds) }).openapi('Organization');

type Timestamps = { createdAt: Date; updatedAt: Date };
const times = (row: Timestamps) => ({ createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });

/** Rows to the API's shape: instants as ISO strings, internal keys dropped. */
export const dto = {
  province: (r: typeof schema.provinces.$inferSelect) => ({ id: r.id, name: r.name, code: r.code, ...times(r) }),
  commune: (r: typeof schema.communes.$inferSelect) => ({
    id: r.id,
    provinceId: r.provinceId,
    kind: r.kind,
    name: r.name,
    code: r.code,
    targetFrequency: r.targetFrequency,
    ...times(r),
  }),
  villages: (r: typeof schema.villages.$inferSelect) => ({
    id: r.id,
    communeId: r.communeId,
    kind: r.kind,
    name: r.name,
    population: r.population,
    households: r.households,
    mailboxInstalledOn: r.mailboxInstalledOn,
    boardInstalledOn: r.boardInstalledOn,
    roadmapTargetYear: r.roadmapTargetYear,
    active: r.active,
    demo: r.demo,
    ...times(r),
  }),
  schools: (r: typeof schema.schools.$inferSelect) => ({
    id: r.id,
    communeId: r.communeId,
    level: r.level,
    name: r.name,
    students: r.students,
    active: r.active,
    demo: r.demo,
    ...times(r),
  }),
  organizations: (r: typeof schema.organizations.$inferSelect) => ({
    id: r.id,
    communeId: r.communeId,
    kind: r.kind,
    name: r.name,
    active: r.active,
    demo: r.demo,
    ...times(r),
  }),
};

import { z } from 'zod';

/** A display name: trimmed, 1-120 characters, no control characters (SQLite text stops at NUL). */
export const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
const name = nameSchema;
const count = z.number().int().min(0).max(10_000_000);
/** A calendar date as YYYY-MM-DD that really exists (no 31/02). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'invalid date');

export const communeKinds = ['xa', 'phuong', 'dac_khu'] as const;
export const outreachFrequencies = ['monthly', 'quarterly'] as const;
export const villageKinds = ['thon', 'to_dan_pho'] as const;
export const schoolLevels = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'other',
] as const;
export const organizationKinds = ['agency', 'business', 'other'] as const;

export const provinceInput = z.strictObject({
  name,
  code: z.string().trim().min(1).max(20),
});

const communeFields = {
  kind: z.enum(communeKinds),
  name,
  code: z.string().trim().min(1).max(20),
  targetFrequency: z.enum(outreachFrequencies),
};
const communeId = z.string().min(1).max(64);

/**
 * Patches list the same fields without defaults, so an absent field is left alone
 * (a default in a patch would overwrite stored values).
 */
export const communePatch = z.strictObject(communeFields).partial();
export const communeInput = z.strictObject({
  ...communeFields,
  provinceId: z.string().min(1).max(64),
  targetFrequency: communeFields.targetFrequency.default('quarterly'),
});

const villageFields = {
  kind: z.enum(villageKinds),
  name,
  population: count.nullable(),
  households: count.nullable(),
  mailboxInstalledOn: isoDate.nullable(),
  boardInstalledOn: isoDate.nullable(),
  roadmapTargetYear: z.number().int().min(2000).max(2100).nullable(),
  active: z.boolean(),
};
export const villagePatch = z.strictObject(villageFields).partial();
export const villageInput = z.strictObject({
  ...villageFields,
  communeId,
  population: villageFields.population.default(null),
  households: villageFields.households.default(null),
  mailboxInstalledOn: villageFields.mailboxInstalledOn.default(null),
  boardInstalledOn: villageFields.boardInstalledOn.default(null),
  roadmapTargetYear: villageFields.roadmapTargetYear.default(null),
  active: villageFields.active.default(true),
});

const schoolFields = { level: z.enum(schoolLevels), name, students: count.nullable(), active: z.boolean() };
export const schoolPatch = z.strictObject(schoolFields).partial();
export const schoolInput = z.strictObject({
  ...schoolFields,
  communeId,
  students: schoolFields.students.default(null),
  active: schoolFields.active.default(true),
});

const organizationFields = { kind: z.enum(organizationKinds), name, active: z.boolean() };
export const organizationPatch = z.strictObject(organizationFields).partial();
export const organizationInput = z.strictObject({
  ...organizationFields,
  communeId,
  active: organizationFields.active.default(true),
});

export type CommuneInput = z.infer<typeof communeInput>;
export type VillageInput = z.infer<typeof villageInput>;
export type SchoolInput = z.infer<typeof schoolInput>;
export type OrganizationInput = z.infer<typeof organizationInput>;

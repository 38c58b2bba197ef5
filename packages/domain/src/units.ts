import { z } from 'zod';

const name = z.string().trim().min(1).max(120);
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

export const provinceInput = z.object({
  name,
  code: z.string().trim().min(1).max(20),
});

export const communeInput = z.object({
  provinceId: z.string().min(1).max(64),
  kind: z.enum(communeKinds),
  name,
  code: z.string().trim().min(1).max(20),
  targetFrequency: z.enum(outreachFrequencies).default('quarterly'),
});
export const communePatch = communeInput.omit({ provinceId: true }).partial();

export const villageInput = z.object({
  communeId: z.string().min(1).max(64),
  kind: z.enum(villageKinds),
  name,
  population: count.nullable().default(null),
  households: count.nullable().default(null),
  mailboxInstalledOn: isoDate.nullable().default(null),
  boardInstalledOn: isoDate.nullable().default(null),
  roadmapTargetYear: z.number().int().min(2000).max(2100).nullable().default(null),
  active: z.boolean().default(true),
});
export const villagePatch = villageInput.omit({ communeId: true }).partial();

export const schoolInput = z.object({
  communeId: z.string().min(1).max(64),
  level: z.enum(schoolLevels),
  name,
  students: count.nullable().default(null),
  active: z.boolean().default(true),
});
export const schoolPatch = schoolInput.omit({ communeId: true }).partial();

export const organizationInput = z.object({
  communeId: z.string().min(1).max(64),
  kind: z.enum(organizationKinds),
  name,
  active: z.boolean().default(true),
});
export const organizationPatch = organizationInput.omit({ communeId: true }).partial();

export type CommuneInput = z.infer<typeof communeInput>;
export type VillageInput = z.infer<typeof villageInput>;
export type SchoolInput = z.infer<typeof schoolInput>;
export type OrganizationInput = z.infer<typeof organizationInput>;

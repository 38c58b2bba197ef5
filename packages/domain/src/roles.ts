import { z } from 'zod';

export const roles = [
  'system',
  'province_viewer',
  'province_organizer',
  'commune_admin',
  'organizer',
  'village_head',
  'school_staff',
  'commune_police',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is asking, with the unit their role is bound to. */
export interface Actor {
  accountId: string;
  role: Role;
  provinceId: string | null;
  communeId: string | null;
  villageId: string | null;
  schoolId: string | null;
}

/** Where a commune sits, enough to decide scope. */
export interface CommuneRef {
  id: string;
  provinceId: string;
}

/** Roles that read a commune's data: everyone whose scope covers it. */
export function canReadCommune(actor: Actor, commune: CommuneRef): boolean {
  if (actor.role === 'system') return true;
  if (actor.role === 'province_viewer') return actor.provinceId === commune.provinceId;
  return actor.communeId === commune.id;
}

/** Villages, schools, organizations and commune settings: the commune's admins. */
export function canManageUnits(actor: Actor, communeId: string): boolean {
  return actor.role === 'system' || (actor.role === 'commune_admin' && actor.communeId === communeId);
}

export function canManageProvinces(actor: Actor): boolean {
  return actor.role === 'system';
}

/** Roles a given actor may hand out; commune admins stay within their commune and below system level. */
export function assignableRoles(actor: Actor): readonly Role[] {
  if (actor.role === 'system') return roles;
  if (actor.role === 'commune_admin')
    return ['commune_admin', 'organizer', 'village_head', 'school_staff', 'commune_police'];
  return [];
}

export function canManageAccounts(actor: Actor): boolean {
  return actor.role === 'system' || actor.role === 'commune_admin';
}

export function canReadAudit(actor: Actor): boolean {
  return actor.role === 'system' || actor.role === 'commune_admin';
}

/** Admin roles that an instance setting may require two-factor authentication for. */
export function isAdminRole(role: Role): boolean {
  return role === 'system' || role === 'commune_admin' || role === 'commune_police';
}

/**
 * The scope an account of this role must carry. Village heads and school staff are bound to
 * one village or school (and so to its commune); province viewers to a province.
 */
export function requiredScope(role: Role): 'none' | 'province' | 'commune' | 'village' | 'school' {
  switch (role) {
    case 'system':
      return 'none';
    case 'province_viewer':
    case 'province_organizer':
      return 'province';
    case 'commune_admin':
    case 'organizer':
    case 'commune_police':
      return 'commune';
    case 'village_head':
      return 'village';
    case 'school_staff':
      return 'school';
  }
}

/** Whether an account must turn on TOTP before using the console, under the instance setting. */
export function needsTotpEnrollment(requireForAdmins: boolean, role: Role, totpEnabled: boolean): boolean {
  return requireForAdmins && isAdminRole(role) && !totpEnabled;
}

/** National content is the system's; a commune admin edits the commune's own items. */
export function canEditContent(actor: Actor, communeId: string | null): boolean {
  if (actor.role === 'system') return true;
  return actor.role === 'commune_admin' && communeId !== null && communeId === actor.communeId;
}

/**
 * Reading and handling tips is the commune police's alone: not the system operator, not the commune's admins
 * (who run accounts and the server's data, and so must not also hold the key that opens tips).
 */
export function canHandleTips(actor: Actor, communeId: string): boolean {
  return actor.role === 'commune_police' && actor.communeId === communeId;
}

/** Counts of tips by month and status (no content): the police, the commune's admins and those above them. */
export function canReadTipFigures(actor: Actor, commune: CommuneRef): boolean {
  return actor.role !== 'organizer' && actor.role !== 'village_head' && actor.role !== 'school_staff'
    ? canReadCommune(actor, commune)
    : false;
}

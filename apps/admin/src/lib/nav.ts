import { canReadRegistry, canReadReports, type Role } from '@vungxanh/domain';

export const areas = [
  'dashboard',
  'outreach',
  'commitments',
  'contests',
  'content',
  'kiosks',
  'tips',
  'registry',
  'reports',
  'units',
  'accounts',
  'audit',
  'settings',
] as const;
export type Area = (typeof areas)[number];

const adminAreas = new Set<Area>(['units', 'accounts', 'audit']);

/** Which parts of the console a role sees in its navigation (the API enforces the same limits). */
export function inNav(role: Role, area: Area): boolean {
  // The provincial Youth Union runs the province's contests and reads no commune's other data.
  if (role === 'province_organizer') return area === 'contests';
  if (area === 'settings') return role === 'system';
  // The tip box: the police's inbox, and the commune admins' figures and village posters.
  if (area === 'tips') return role === 'commune_police' || role === 'commune_admin';
  if (area === 'registry') return canReadRegistry({ role });
  if (area === 'reports') return canReadReports({ role });
  if (adminAreas.has(area)) return role === 'system' || role === 'commune_admin';
  return true;
}

/** Whether a role may open a part at all: every role may read the unit lists of its own scope. */
export function canOpen(role: Role, area: Area): boolean {
  if (role === 'province_organizer') return area === 'contests' || area === 'dashboard';
  // Those above a commune read its tip figures (never the tips) without an entry in their navigation.
  if (area === 'tips') return inNav(role, area) || role === 'province_viewer' || role === 'system';
  return area === 'units' || inNav(role, area);
}

/** The part of the console a path (without the base) belongs to, if any. */
export function areaOf(path: string): Area | null {
  const first = path.split('/').filter(Boolean)[0] ?? 'dashboard';
  return (areas as readonly string[]).includes(first) ? (first as Area) : null;
}

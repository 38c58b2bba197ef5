import type { CommuneInput, OrganizationInput, SchoolInput, VillageInput } from '@vungxanh/domain';
import { request } from './api';

/*
 * The API declares the village, school and organization routes with `path: string`
 * (unitRoutes in apps/api/src/routes/units/units.routes.ts), so their RPC types collapse into
 * `/api/units/${string}` and hide every /api/units route from `hc`. Until that parameter is a
 * string literal type, the unit calls go through `request` with types taken from the domain schemas.
 */

interface Stamps {
  id: string;
  createdAt: string;
  updatedAt: string;
}
export type Province = Stamps & { name: string; code: string };
export type Commune = Stamps & CommuneInput;
export type Village = Stamps & VillageInput & { demo: boolean };
export type School = Stamps & SchoolInput & { demo: boolean };
export type Organization = Stamps & OrganizationInput & { demo: boolean };

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type UnitKind = 'villages' | 'schools' | 'organizations';
export interface UnitRows {
  villages: Village;
  schools: School;
  organizations: Organization;
}
export interface UnitInputs {
  villages: VillageInput;
  schools: SchoolInput;
  organizations: OrganizationInput;
}
export type UnitPatch<K extends UnitKind> = Partial<Omit<UnitInputs[K], 'communeId'>>;

export interface CommuneSummary {
  communeId: string;
  name: string;
  villages: number;
  schools: number;
  organizations: number;
}

export interface ImportRow {
  row: number;
  name: string;
  action: 'create' | 'update' | 'error';
  errors: { path: string; message: string }[];
}
export type ImportMode = 'check' | 'all_or_nothing' | 'valid_only';
export interface ImportReport {
  mode: ImportMode;
  imported: boolean;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  rows: ImportRow[];
}

export interface ListQuery {
  communeId: string;
  q?: string;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
}

const base = '/api/units';

export const unitsApi = {
  provinces: () => request<{ items: Province[] }>('GET', `${base}/provinces`),
  createProvince: (input: { name: string; code: string }) =>
    request<Province>('POST', `${base}/provinces`, { json: input }),
  communes: () => request<{ items: Commune[] }>('GET', `${base}/communes`),
  commune: (id: string) => request<Commune>('GET', `${base}/communes/${encodeURIComponent(id)}`),
  createCommune: (input: CommuneInput) => request<Commune>('POST', `${base}/communes`, { json: input }),
  updateCommune: (id: string, patch: Partial<Omit<CommuneInput, 'provinceId'>>) =>
    request<Commune>('PATCH', `${base}/communes/${encodeURIComponent(id)}`, { json: patch }),
  summary: () => request<{ items: CommuneSummary[] }>('GET', `${base}/summary`),

  list: <K extends UnitKind>(kind: K, query: ListQuery) =>
    request<Paged<UnitRows[K]>>('GET', `${base}/${kind}`, { query: { ...query } }),
  get: <K extends UnitKind>(kind: K, id: string) =>
    request<UnitRows[K]>('GET', `${base}/${kind}/${encodeURIComponent(id)}`),
  create: <K extends UnitKind>(kind: K, input: UnitInputs[K]) =>
    request<UnitRows[K]>('POST', `${base}/${kind}`, { json: input }),
  update: <K extends UnitKind>(kind: K, id: string, patch: UnitPatch<K>) =>
    request<UnitRows[K]>('PATCH', `${base}/${kind}/${encodeURIComponent(id)}`, { json: patch }),

  importVillages: (file: File, communeId: string, mode: ImportMode) => {
    const form = new FormData();
    form.set('file', file);
    form.set('communeId', communeId);
    form.set('mode', mode);
    return request<ImportReport>('POST', `${base}/villages/import`, { form });
  },
};

/** Every active unit of one kind in a commune, for pickers (the API pages at most 200 rows). */
export async function allUnits<K extends UnitKind>(kind: K, communeId: string): Promise<UnitRows[K][]> {
  const pageSize = 200;
  const rows: UnitRows[K][] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await unitsApi.list(kind, { communeId, page, pageSize });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length < pageSize) break;
  }
  return rows;
}

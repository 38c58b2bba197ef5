import type { InferResponseType } from 'hono/client';
import type { CommuneInput, OrganizationInput, SchoolInput, VillageInput } from '@vungxanh/domain';
import { client, unwrap } from './api';

/** The unit routes through the typed RPC client; the row types are the API's own response types. */
const units = client.api.units;
const kinds = { villages: units.villages, schools: units.schools, organizations: units.organizations };

export type Province = InferResponseType<typeof units.provinces.$get, 200>['items'][number];
export type Commune = InferResponseType<(typeof units.communes)[':id']['$get'], 200>;
export type Village = InferResponseType<(typeof units.villages)[':id']['$get'], 200>;
export type School = InferResponseType<(typeof units.schools)[':id']['$get'], 200>;
export type Organization = InferResponseType<(typeof units.organizations)[':id']['$get'], 200>;
export type CommuneSummary = InferResponseType<typeof units.summary.$get, 200>['items'][number];

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type UnitKind = keyof typeof kinds;
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

export type ImportReport = InferResponseType<typeof units.villages.import.$post, 200>;
export type ImportRow = ImportReport['rows'][number];
export type ImportMode = ImportReport['mode'];

export interface ListQuery {
  communeId: string;
  q?: string;
  includeInactive?: boolean;
  page?: number;
  pageSize?: number;
}

const listQuery = ({ communeId, q, includeInactive, page, pageSize }: ListQuery) => ({
  communeId,
  ...(q ? { q } : {}),
  ...(includeInactive === undefined
    ? {}
    : { includeInactive: includeInactive ? ('true' as const) : ('false' as const) }),
  ...(page === undefined ? {} : { page: String(page) }),
  ...(pageSize === undefined ? {} : { pageSize: String(pageSize) }),
});

/*
 * The three unit kinds share one route shape, but TypeScript cannot tie a generic kind K to its own
 * route's types (a call on the union asks for all three bodies and answers any of three rows), so the
 * generic calls name their types through `kindCall`.
 */
async function kindCall<T>(pending: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>): Promise<T> {
  return (await unwrap(pending)) as T;
}

export const unitsApi = {
  provinces: () => unwrap(units.provinces.$get()),
  createProvince: (input: { name: string; code: string }) => unwrap(units.provinces.$post({ json: input })),
  communes: () => unwrap(units.communes.$get({ query: {} })),
  commune: (id: string) => unwrap(units.communes[':id'].$get({ param: { id } })),
  createCommune: (input: CommuneInput) => unwrap(units.communes.$post({ json: input })),
  updateCommune: (id: string, patch: Partial<Omit<CommuneInput, 'provinceId'>>) =>
    unwrap(units.communes[':id'].$patch({ param: { id }, json: patch })),
  summary: () => unwrap(units.summary.$get()),

  list: <K extends UnitKind>(kind: K, query: ListQuery) =>
    kindCall<Paged<UnitRows[K]>>(kinds[kind].$get({ query: listQuery(query) })),
  get: <K extends UnitKind>(kind: K, id: string) => kindCall<UnitRows[K]>(kinds[kind][':id'].$get({ param: { id } })),
  create: <K extends UnitKind>(kind: K, input: UnitInputs[K]) =>
    kindCall<UnitRows[K]>(kinds[kind].$post({ json: input as VillageInput & SchoolInput & OrganizationInput })),
  update: <K extends UnitKind>(kind: K, id: string, patch: UnitPatch<K>) =>
    kindCall<UnitRows[K]>(
      kinds[kind][':id'].$patch({
        param: { id },
        json: patch as UnitPatch<'villages'> & UnitPatch<'schools'> & UnitPatch<'organizations'>,
      }),
    ),

  importVillages: (file: File, communeId: string, mode: ImportMode) =>
    unwrap(units.villages.import.$post({ form: { file, communeId, mode } })),
};

/** Every unit of one kind in a commune, for pickers and names (the API pages at most 200 rows). */
export async function allUnits<K extends UnitKind>(
  kind: K,
  communeId: string,
  includeInactive = false,
): Promise<UnitRows[K][]> {
  const pageSize = 200;
  const rows: UnitRows[K][] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await unitsApi.list(kind, { communeId, page, pageSize, includeInactive });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length < pageSize) break;
  }
  return rows;
}

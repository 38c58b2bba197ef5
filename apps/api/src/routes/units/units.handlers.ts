import {
  AppError,
  canManageProvinces,
  importField,
  importStep,
  nameKey,
  validateVillageRows,
  villageColumns,
} from '@vungxanh/domain';
import { importIssueMessage, resources } from '@vungxanh/i18n/server';
import {
  countActiveUnits,
  createCommune as insertCommune,
  createProvince as insertProvince,
  createUnit,
  existingVillageKeys,
  getProvince,
  getUnit,
  importVillages as writeImport,
  listProvinces as selectProvinces,
  listUnits,
  updateCommune as writeCommune,
  updateUnit,
  type UnitKind,
} from '@vungxanh/db';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/context.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { audit, auditContext, summarize } from '../../lib/audit.ts';
import { toPage, type Handler } from '../../lib/openapi.ts';
import { communeParam, manageableCommune, readableCommune, visibleCommunes } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { readTable, templateXlsx, xlsxDownload } from '../../lib/tabular.ts';
import { unique } from '../../lib/unique.ts';
import { dto } from './units.schemas.ts';
import type * as routes from './units.routes.ts';

export const listProvinces: Handler<typeof routes.listProvinces> = async (c) => {
  const { actor } = requireAuth(c);
  const { db } = c.get('deps');
  // The provinces of the communes the caller reads, and the one their account is bound to (a province
  // organizer reads no commune but hosts the province's contests).
  const ids =
    actor.role === 'system'
      ? undefined
      : [
          ...new Set([
            ...(await visibleCommunes(db, actor)).map((r) => r.provinceId),
            ...(actor.provinceId ? [actor.provinceId] : []),
          ]),
        ];
  const rows = await selectProvinces(db, ids ?? (actor.role === 'system' ? undefined : []));
  return c.json({ items: rows.map(dto.province) }, 200);
};

export const createProvince: Handler<typeof routes.createProvince> = async (c) => {
  const { actor } = requireAuth(c);
  if (!canManageProvinces(actor)) throw new AppError(403, 'forbidden');
  const input = c.req.valid('json');
  const row = await unique(() => insertProvince(c.get('deps').db, input), 'conflict');
  await audit(c, { entity: 'province', entityId: row.id, action: 'create', summary: summarize(input) });
  return c.json(dto.province(row), 201);
};

export const listCommunes: Handler<typeof routes.listCommunes> = async (c) => {
  const { actor } = requireAuth(c);
  const rows = await visibleCommunes(c.get('deps').db, actor, c.req.valid('query').provinceId);
  return c.json({ items: rows.map(dto.commune) }, 200);
};

export const getCommune: Handler<typeof routes.getCommune> = async (c) => {
  const commune = await readableCommune(c, c.req.valid('param').id);
  return c.json(dto.commune(commune), 200);
};

export const createCommune: Handler<typeof routes.createCommune> = async (c) => {
  const { actor } = requireAuth(c);
  if (!canManageProvinces(actor)) throw new AppError(403, 'forbidden');
  const input = c.req.valid('json');
  const { db } = c.get('deps');
  if (!(await getProvince(db, input.provinceId))) throw new AppError(404, 'not_found');
  const row = await unique(() => insertCommune(db, input), 'conflict');
  await audit(c, {
    entity: 'commune',
    entityId: row.id,
    communeId: row.id,
    action: 'create',
    summary: summarize(input),
  });
  return c.json(dto.commune(row), 201);
};

export const updateCommune: Handler<typeof routes.updateCommune> = async (c) => {
  const commune = await manageableCommune(c, c.req.valid('param').id);
  const patch = c.req.valid('json');
  const row = (await unique(() => writeCommune(c.get('deps').db, commune.id, patch), 'conflict'))!;
  await audit(c, {
    entity: 'commune',
    entityId: row.id,
    communeId: row.id,
    action: 'update',
    summary: summarize(patch),
  });
  return c.json(dto.commune(row), 200);
};

export const summary: Handler<typeof routes.summary> = async (c) => {
  const { actor } = requireAuth(c);
  const { db } = c.get('deps');
  const communes = await visibleCommunes(db, actor);
  const items = await Promise.all(
    communes.map(async (commune) => ({
      communeId: commune.id,
      name: commune.name,
      ...(await countActiveUnits(db, [commune.id])),
    })),
  );
  return c.json({ items }, 200);
};

/** List, get, create and update for one kind of unit; scope rules are the same for all three. */
function unitHandlers<K extends UnitKind>(kind: K) {
  const toDto = dto[kind] as (row: unknown) => ReturnType<(typeof dto)[K]>;
  const entity = kind.slice(0, -1);
  const load = async (c: Context<AppEnv>, id: string) => {
    const row = await getUnit(c.get('deps').db, kind, id);
    if (!row) throw new AppError(404, 'not_found');
    return row;
  };
  return {
    list: async (
      c: Context<AppEnv>,
      query: {
        communeId?: string | undefined;
        q?: string | undefined;
        includeInactive?: boolean | undefined;
        page: number;
        pageSize: number;
      },
    ) => {
      const commune = await readableCommune(c, communeParam(c, query.communeId));
      const result = await listUnits(c.get('deps').db, kind, {
        communeId: commune.id,
        q: query.q,
        includeInactive: query.includeInactive ?? false,
        ...toPage(query),
      });
      return { items: result.items.map(toDto), total: result.total, page: query.page, pageSize: query.pageSize };
    },
    get: async (c: Context<AppEnv>, id: string) => {
      const row = await load(c, id);
      await readableCommune(c, row.communeId);
      return toDto(row);
    },
    create: async (c: Context<AppEnv>, input: { communeId: string; name: string } & Record<string, unknown>) => {
      const commune = await manageableCommune(c, input.communeId);
      const row = await unique(() => createUnit(c.get('deps').db, kind, input as never));
      await audit(c, { entity, entityId: row.id, communeId: commune.id, action: 'create', summary: summarize(input) });
      return toDto(row);
    },
    update: async (c: Context<AppEnv>, id: string, patch: Record<string, unknown>) => {
      const existing = await load(c, id);
      await manageableCommune(c, existing.communeId);
      const row = (await unique(() => updateUnit(c.get('deps').db, kind, id, patch as never)))!;
      const action =
        patch.active === false ? 'deactivate' : patch.active === true && !existing.active ? 'reactivate' : 'update';
      await audit(c, { entity, entityId: id, communeId: existing.communeId, action, summary: summarize(patch) });
      return toDto(row);
    },
  };
}

const villageOps = unitHandlers('villages');
const schoolOps = unitHandlers('schools');
const organizationOps = unitHandlers('organizations');

export const villages = {
  list: (async (c) => c.json(await villageOps.list(c, c.req.valid('query')), 200)) satisfies Handler<
    typeof routes.villages.list
  >,
  get: (async (c) => c.json(await villageOps.get(c, c.req.valid('param').id), 200)) satisfies Handler<
    typeof routes.villages.get
  >,
  create: (async (c) => c.json(await villageOps.create(c, c.req.valid('json')), 201)) satisfies Handler<
    typeof routes.villages.create
  >,
  update: (async (c) =>
    c.json(await villageOps.update(c, c.req.valid('param').id, c.req.valid('json')), 200)) satisfies Handler<
    typeof routes.villages.update
  >,
};
export const schools = {
  list: (async (c) => c.json(await schoolOps.list(c, c.req.valid('query')), 200)) satisfies Handler<
    typeof routes.schools.list
  >,
  get: (async (c) => c.json(await schoolOps.get(c, c.req.valid('param').id), 200)) satisfies Handler<
    typeof routes.schools.get
  >,
  create: (async (c) => c.json(await schoolOps.create(c, c.req.valid('json')), 201)) satisfies Handler<
    typeof routes.schools.create
  >,
  update: (async (c) =>
    c.json(await schoolOps.update(c, c.req.valid('param').id, c.req.valid('json')), 200)) satisfies Handler<
    typeof routes.schools.update
  >,
};
export const organizations = {
  list: (async (c) => c.json(await organizationOps.list(c, c.req.valid('query')), 200)) satisfies Handler<
    typeof routes.organizations.list
  >,
  get: (async (c) => c.json(await organizationOps.get(c, c.req.valid('param').id), 200)) satisfies Handler<
    typeof routes.organizations.get
  >,
  create: (async (c) => c.json(await organizationOps.create(c, c.req.valid('json')), 201)) satisfies Handler<
    typeof routes.organizations.create
  >,
  update: (async (c) =>
    c.json(await organizationOps.update(c, c.req.valid('param').id, c.req.valid('json')), 200)) satisfies Handler<
    typeof routes.organizations.update
  >,
};

export const importVillages: Handler<typeof routes.importVillages> = async (c) => {
  const form = c.req.valid('form');
  const commune = await manageableCommune(c, communeParam(c, form.communeId));
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError(422, 'validation_failed', {}, [{ path: 'file', message: 'required' }]);
  const { db } = c.get('deps');
  const { records, rowNumbers } = await readTable(file, c.get('locale'), importField);
  const results = validateVillageRows(records, rowNumbers);
  const locale = c.get('locale');
  const labels = resources[locale].imports.villageColumns;
  const errorsOf = (r: (typeof results)[number]) =>
    r.issues.map((i) => ({
      path: i.field,
      message: importIssueMessage(i, locale, labels[i.field as keyof typeof labels]),
    }));
  const existing = await existingVillageKeys(
    db,
    commune.id,
    results.map((r) => nameKey(r.name)),
  );
  const validRows = results.flatMap((r) => (r.value ? [r.value] : []));
  const invalid = results.length - validRows.length;
  const mode = form.mode;
  const report = {
    mode,
    valid: validRows.length,
    invalid,
    rows: results.map((r) => ({
      row: r.row,
      name: r.name,
      action: r.value
        ? existing.has(nameKey(r.name))
          ? ('update' as const)
          : ('create' as const)
        : ('error' as const),
      errors: errorsOf(r),
    })),
  };
  const step = importStep(mode, validRows.length, invalid);
  if (step === 'report') return c.json({ ...report, imported: false, created: 0, updated: 0 }, 200);
  if (step === 'refuse') {
    throw new AppError(
      422,
      'import_has_errors',
      {},
      results.flatMap((r) => errorsOf(r).map((e) => ({ path: `row ${r.row}.${e.path}`, message: e.message }))),
    );
  }
  const { created, updated } = await unique(() =>
    writeImport(db, commune.id, validRows, {
      ...auditContext(c),
      entity: 'village',
      action: 'import',
      communeId: commune.id,
    }),
  );
  return c.json({ ...report, imported: true, created, updated }, 200);
};

/** GET /api/units/villages/import/template: the village import's columns in the console's language (`?lang=`). */
export const villageTemplate: Handler<typeof routes.villageTemplate> = async (c) => {
  requireAuth(c);
  const m = resources[docLocale(c)].imports;
  const example: Record<string, string | number> = {
    ...m.villageExample,
    population: 1250,
    households: 320,
    mailboxInstalledOn: '01/04/2026',
    boardInstalledOn: '',
  };
  const bytes = await templateXlsx(
    'Thon',
    m.villageTemplateTitle,
    villageColumns.map((f) => m.villageColumns[f]),
    [villageColumns.map((f) => example[f] ?? '')],
    [villageColumns.indexOf('mailboxInstalledOn'), villageColumns.indexOf('boardInstalledOn')],
  );
  return xlsxDownload(c, bytes, 'mau-nhap-thon-to-dan-pho.xlsx') as never;
};

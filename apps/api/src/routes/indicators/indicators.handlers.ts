import {
  AppError,
  canManageUnits,
  computeIndicators,
  daysBetween,
  emptyCoverageTally,
  emptyTallies,
  hasMailboxAndBoard,
  headlineKind,
  indicatorKeys,
  periodOf,
  periodRange,
  vnDate,
  type Actor,
  type IndicatorFigure,
} from '@vungxanh/domain';
import {
  getCoverageSettings,
  getProvince,
  getUnit,
  listActivities,
  setCoverageSettings,
  registryStatusByVillage,
} from '@vungxanh/db';
import { auditContext, summarize } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { communeParam, readableCommune, visibleCommunes } from '../../lib/scope.ts';
import { requireAuth } from '../../lib/session.ts';
import { coverageFor, lastActivityFor, periodInfo, seriesMonths } from '../../use-cases/coverage.ts';
import type * as routes from './indicators.routes.ts';

const figureList = (figures: Record<string, IndicatorFigure>) => indicatorKeys.map((k) => figures[k]!);
const withoutIds = ({ unitIds: _u, missingIds: _m, ...rest }: IndicatorFigure) => rest;

/** Village heads and school staff see the rows of their own unit; the commune's roles see all. */
function unitScope(actor: Actor) {
  if (actor.role === 'village_head') return { villageId: actor.villageId, schoolId: null };
  if (actor.role === 'school_staff') return { villageId: null, schoolId: actor.schoolId };
  return { villageId: null, schoolId: null };
}

export const dashboard: Handler<typeof routes.dashboard> = async (c) => {
  const { actor } = requireAuth(c);
  const q = c.req.valid('query');
  const commune = await readableCommune(c, communeParam(c, q.communeId));
  const now = Date.now();
  const kind = headlineKind(commune.targetFrequency);
  const key = q.period ?? periodOf(kind, now);
  const { db } = c.get('deps');
  const period = periodRange(key);
  const [[coverage], lastEver, registry] = await Promise.all([
    coverageFor(db, [commune.id], key, { series: true }),
    lastActivityFor(db, commune.id, key),
    registryStatusByVillage(db, [commune.id]),
  ]);
  const { result, units } = coverage!;
  // "Days since" is counted to today, or to the last day of a period already over.
  const reference = vnDate(Math.min(now, period.end - 1));
  const scope = unitScope(actor);
  const names = new Map([...units.villages, ...units.schools].map((u) => [u.id, u.name]));
  const villageInfo = new Map(units.villages.map((v) => [v.id, v]));
  const endDate = vnDate(period.end);
  const villages = result.villages
    .filter((v) => scope.schoolId === null && (!scope.villageId || v.villageId === scope.villageId))
    .map((v) => {
      const last = lastEver('v', v.villageId);
      const info = villageInfo.get(v.villageId)!;
      return {
        id: v.villageId,
        name: names.get(v.villageId) ?? '',
        reached: v.reached,
        reachedBy: v.reachedBy,
        activities: v.activities,
        digitalEvents: v.digitalEvents,
        quizzes: v.quizzes,
        lastActivityDate: last,
        daysSince: last ? daysBetween(last, reference) : null,
        commitmentRatio: v.commitmentRatio,
        mailboxAndBoard: hasMailboxAndBoard(info, endDate),
        registryStatus: registry.get(v.villageId) ?? 'not_started',
      };
    });
  const schools = result.schools
    .filter((s) => scope.villageId === null && (!scope.schoolId || s.schoolId === scope.schoolId))
    .map((s) => ({
      id: s.schoolId,
      name: names.get(s.schoolId) ?? '',
      reached: s.reached,
      activities: s.activities,
      lastActivityDate: s.lastActivityDate,
    }));
  const notReached = [
    ...villages
      .filter((v) => !v.reached)
      .map((v) => ({ kind: 'village' as const, id: v.id, name: v.name, lastActivityDate: v.lastActivityDate })),
    ...schools
      .filter((s) => !s.reached)
      .map((s) => ({ kind: 'school' as const, id: s.id, name: s.name, lastActivityDate: null })),
  ];
  return c.json(
    {
      commune: { id: commune.id, name: commune.name, targetFrequency: commune.targetFrequency },
      period: periodInfo(key, now, c.get('locale')),
      headlineKind: kind,
      settings: coverage!.settings,
      figures: figureList(result.figures),
      activityCount: result.activityCount,
      digitalEvents: coverage!.digitalEvents,
      phoneEvents: coverage!.phoneEvents,
      series: coverage!.series!,
      villages,
      schools,
      notReached,
      scope,
    },
    200,
  );
};

export const village: Handler<typeof routes.village> = async (c) => {
  const { id } = c.req.valid('param');
  const q = c.req.valid('query');
  const { db } = c.get('deps');
  const row = await getUnit(db, 'villages', id);
  if (!row) throw new AppError(404, 'not_found');
  const commune = await readableCommune(c, row.communeId);
  const now = Date.now();
  const key = q.period ?? periodOf(headlineKind(commune.targetFrequency), now);
  const period = periodRange(key);
  const [[coverage], lastEver, history, registry] = await Promise.all([
    coverageFor(db, [commune.id], key, { series: true }),
    lastActivityFor(db, commune.id, key),
    listActivities(db, { communeId: commune.id, villageId: row.id, limit: 50, offset: 0 }),
    registryStatusByVillage(db, [commune.id]),
  ]);
  const { result, settings, byMonth } = coverage!;
  const v = result.villages.find((x) => x.villageId === row.id);
  const last = lastEver('v', row.id);
  const reference = vnDate(Math.min(now, period.end - 1));
  const endDate = vnDate(period.end);
  const series = seriesMonths(period).map((month) => {
    const tally = byMonth[month] ?? emptyCoverageTally();
    const r = computeIndicators({
      period: periodRange(month),
      villages: [{ ...row, active: true }],
      schools: [],
      organizations: [],
      activity: tally.activity,
      digital: tally.digital,
      commitments: emptyTallies(),
      settings,
      recognizedVillageIds: [],
    });
    const one = r.villages[0]!;
    return { month, reached: one.reached, activities: one.activities, digitalEvents: one.digitalEvents };
  });
  return c.json(
    {
      village: {
        id: row.id,
        communeId: row.communeId,
        name: row.name,
        active: row.active,
        households: row.households,
        population: row.population,
        mailboxInstalledOn: row.mailboxInstalledOn,
        boardInstalledOn: row.boardInstalledOn,
        roadmapTargetYear: row.roadmapTargetYear,
      },
      period: periodInfo(key, now, c.get('locale')),
      row: v
        ? {
            id: row.id,
            name: row.name,
            reached: v.reached,
            reachedBy: v.reachedBy,
            activities: v.activities,
            digitalEvents: v.digitalEvents,
            quizzes: v.quizzes,
            lastActivityDate: last,
            daysSince: last ? daysBetween(last, reference) : null,
            commitmentRatio: v.commitmentRatio,
            mailboxAndBoard: hasMailboxAndBoard(row, endDate),
            registryStatus: registry.get(row.id) ?? 'not_started',
          }
        : null,
      series,
      history: history.items.map((a) => ({
        id: a.id,
        date: a.date,
        type: a.type,
        audienceGroup: a.audienceGroup,
        participants: a.participants,
        organizer: a.organizer,
        notes: a.notes,
        photoCount: a.photoCount,
        villages: a.villages,
      })),
      historyTotal: history.total,
    },
    200,
  );
};

export const province: Handler<typeof routes.province> = async (c) => {
  const { actor } = requireAuth(c);
  if (actor.role !== 'system' && actor.role !== 'province_viewer') throw new AppError(403, 'forbidden');
  const q = c.req.valid('query');
  const provinceId = q.provinceId ?? actor.provinceId;
  if (!provinceId) throw new AppError(422, 'validation_failed', {}, [{ path: 'provinceId', message: 'required' }]);
  const { db } = c.get('deps');
  const row = await getProvince(db, provinceId);
  if (!row || (actor.role === 'province_viewer' && actor.provinceId !== row.id)) throw new AppError(404, 'not_found');
  const now = Date.now();
  const key = q.period ?? periodOf('quarter', now);
  const communes = await visibleCommunes(db, actor, row.id);
  const coverage = await coverageFor(
    db,
    communes.map((x) => x.id),
    key,
    { series: false },
  );
  const totals = indicatorKeys.map((k) => {
    const numerator = coverage.reduce((s, x) => s + x.result.figures[k].numerator, 0);
    const denominator = coverage.reduce((s, x) => s + x.result.figures[k].denominator, 0);
    const target = coverage.reduce((s, x) => s + (x.result.figures[k].target ?? 0), 0);
    return {
      key: k,
      numerator,
      denominator,
      ratio: denominator > 0 ? numerator / denominator : null,
      ...(k === 'drugFree' ? { target } : {}),
    };
  });
  return c.json(
    {
      province: { id: row.id, name: row.name },
      period: periodInfo(key, now, c.get('locale')),
      communes: communes.map((commune, i) => ({
        id: commune.id,
        name: commune.name,
        targetFrequency: commune.targetFrequency,
        figures: figureList(coverage[i]!.result.figures).map(withoutIds),
        activityCount: coverage[i]!.result.activityCount,
        digitalEvents: coverage[i]!.digitalEvents,
      })),
      totals,
    },
    200,
  );
};

export const getSettings: Handler<typeof routes.getSettings> = async (c) => {
  const commune = await readableCommune(c, communeParam(c, c.req.valid('query').communeId));
  const stored = await getCoverageSettings(c.get('deps').db, [commune.id]);
  return c.json(stored.get(commune.id) ?? { digitalReachCounts: false, minEvents: 20 }, 200);
};

export const putSettings: Handler<typeof routes.putSettings> = async (c) => {
  const { actor } = requireAuth(c);
  const commune = await readableCommune(c, communeParam(c, c.req.valid('query').communeId));
  if (!canManageUnits(actor, commune.id)) throw new AppError(403, 'forbidden');
  const value = c.req.valid('json');
  await setCoverageSettings(c.get('deps').db, commune.id, value, {
    ...auditContext(c),
    entity: 'coverage_settings',
    entityId: commune.id,
    communeId: commune.id,
    action: 'update',
    summary: summarize(value),
  });
  return c.json(value, 200);
};

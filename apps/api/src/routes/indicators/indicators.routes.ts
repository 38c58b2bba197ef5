import { createRoute, z } from '@hono/zod-openapi';
import {
  activityTypes,
  audienceGroups,
  coverageSettingsSchema,
  indicatorKeys,
  outreachFrequencies,
  periodKeySchema,
  periodKinds,
  registryStatuses,
} from '@vungxanh/domain';
import { errorResponses, IdParam, json, jsonBody } from '../../lib/openapi.ts';

const tags = ['indicators'];
const id64 = z.string().min(1).max(64);

const PeriodInfo = z
  .object({
    key: z.string(),
    kind: z.enum(periodKinds),
    label: z.string(),
    start: z.string(),
    end: z.string(),
    days: z.number().int(),
    daysLeft: z.number().int(),
  })
  .openapi('PeriodInfo');

const Figure = z
  .object({
    key: z.enum(indicatorKeys),
    numerator: z.number(),
    denominator: z.number(),
    ratio: z.number().nullable(),
    target: z.number().int().optional(),
    unitIds: z.array(z.string()),
    missingIds: z.array(z.string()),
  })
  .openapi('IndicatorFigure');

const MonthPoint = z
  .object({
    month: z.string(),
    villagesReached: z.number().int(),
    villages: z.number().int(),
    schoolsReached: z.number().int(),
    schools: z.number().int(),
    activities: z.number().int(),
    digitalEvents: z.number().int(),
  })
  .openapi('MonthPoint');

const VillageRow = z
  .object({
    id: z.string(),
    name: z.string(),
    reached: z.boolean(),
    reachedBy: z.enum(['activity', 'digital']).nullable(),
    activities: z.number().int(),
    digitalEvents: z.number().int(),
    quizzes: z.number().int(),
    lastActivityDate: z.string().nullable(),
    daysSince: z.number().int().nullable(),
    commitmentRatio: z.number().nullable(),
    mailboxAndBoard: z.boolean(),
    /** The village's status in the drug-free village registry. */
    registryStatus: z.enum(registryStatuses),
  })
  .openapi('VillageCoverageRow');

const SchoolRow = z.object({
  id: z.string(),
  name: z.string(),
  reached: z.boolean(),
  activities: z.number().int(),
  lastActivityDate: z.string().nullable(),
});

const Settings = z.object({ digitalReachCounts: z.boolean(), minEvents: z.number().int() }).openapi('CoverageSettings');

export const Dashboard = z
  .object({
    commune: z.object({ id: z.string(), name: z.string(), targetFrequency: z.enum(outreachFrequencies) }),
    period: PeriodInfo,
    headlineKind: z.enum(periodKinds),
    settings: Settings,
    figures: z.array(Figure),
    activityCount: z.number().int(),
    /** Events from paired kiosks: the only digital reach that may mark a village reached. */
    digitalEvents: z.number().int(),
    /** Events of phone readers who chose their village (bounded per device and day): shown apart, never "reached". */
    phoneEvents: z.number().int(),
    series: z.array(MonthPoint),
    villages: z.array(VillageRow),
    schools: z.array(SchoolRow),
    notReached: z.array(
      z.object({
        kind: z.enum(['village', 'school']),
        id: z.string(),
        name: z.string(),
        lastActivityDate: z.string().nullable(),
      }),
    ),
    /** Set when the caller sees one village or one school only. */
    scope: z.object({ villageId: z.string().nullable(), schoolId: z.string().nullable() }),
  })
  .openapi('CoverageDashboard');

export const dashboard = createRoute({
  method: 'get',
  path: '/dashboard',
  tags,
  summary: 'Coverage of a commune for a period (default: the current month or quarter, by its target frequency)',
  request: { query: z.object({ communeId: id64.optional(), period: periodKeySchema.optional() }) },
  responses: { 200: json(Dashboard), ...errorResponses },
});

const HistoryItem = z.object({
  id: z.string(),
  date: z.string(),
  type: z.enum(activityTypes),
  audienceGroup: z.enum(audienceGroups),
  participants: z.number().int().nullable(),
  organizer: z.string().nullable(),
  notes: z.string().nullable(),
  photoCount: z.number().int(),
  villages: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const village = createRoute({
  method: 'get',
  path: '/villages/{id}',
  tags,
  summary: 'A village: its coverage month by month and its outreach history',
  request: { params: IdParam, query: z.object({ period: periodKeySchema.optional() }) },
  responses: {
    200: json(
      z
        .object({
          village: z.object({
            id: z.string(),
            communeId: z.string(),
            name: z.string(),
            active: z.boolean(),
            households: z.number().int().nullable(),
            population: z.number().int().nullable(),
            mailboxInstalledOn: z.string().nullable(),
            boardInstalledOn: z.string().nullable(),
            roadmapTargetYear: z.number().int().nullable(),
          }),
          period: PeriodInfo,
          row: VillageRow.nullable(),
          series: z.array(
            z.object({
              month: z.string(),
              reached: z.boolean(),
              activities: z.number().int(),
              digitalEvents: z.number().int(),
            }),
          ),
          history: z.array(HistoryItem),
          historyTotal: z.number().int(),
        })
        .openapi('VillageCoverage'),
    ),
    ...errorResponses,
  },
});

const CommuneSummary = z.object({
  id: z.string(),
  name: z.string(),
  targetFrequency: z.enum(outreachFrequencies),
  figures: z.array(Figure.omit({ unitIds: true, missingIds: true })),
  activityCount: z.number().int(),
  digitalEvents: z.number().int(),
});

export const province = createRoute({
  method: 'get',
  path: '/province',
  tags,
  summary: 'The communes of a province side by side for one period (province viewers and system)',
  request: {
    query: z.object({ provinceId: id64.optional(), period: periodKeySchema.optional() }),
  },
  responses: {
    200: json(
      z
        .object({
          province: z.object({ id: z.string(), name: z.string() }),
          period: PeriodInfo,
          communes: z.array(CommuneSummary),
          totals: z.array(Figure.omit({ unitIds: true, missingIds: true })),
        })
        .openapi('ProvinceCoverage'),
    ),
    ...errorResponses,
  },
});

export const getSettings = createRoute({
  method: 'get',
  path: '/settings',
  tags,
  summary: 'Whether kiosk and online reach counts toward "reached" in this commune, and from how many events',
  request: { query: z.object({ communeId: id64.optional() }) },
  responses: { 200: json(Settings), ...errorResponses },
});

export const putSettings = createRoute({
  method: 'put',
  path: '/settings',
  tags,
  summary: 'Change the commune’s coverage settings (commune admins)',
  request: {
    query: z.object({ communeId: id64.optional() }),
    body: jsonBody(coverageSettingsSchema),
  },
  responses: { 200: json(Settings), ...errorResponses },
});

import type { InferResponseType } from 'hono/client';
import { periodOf, previousPeriod, type PeriodKind } from '@vungxanh/domain';
import { formatPercent } from '@vungxanh/i18n/format';
import { client } from '$lib/api';

/** The indicator routes of the typed RPC client, and the types of what they answer. */
export const indicatorsApi = client.api.indicators;
export type Dashboard = InferResponseType<typeof indicatorsApi.dashboard.$get, 200>;
export type Figure = Dashboard['figures'][number];
export type VillageCoverage = InferResponseType<(typeof indicatorsApi.villages)[':id']['$get'], 200>;
export type ProvinceCoverage = InferResponseType<typeof indicatorsApi.province.$get, 200>;

/** How many past periods of each kind the period picker offers. */
const depth: Record<PeriodKind, number> = {
  month: 12,
  quarter: 6,
  half: 4,
  year: 3,
  school_year: 3,
  recognition_6m: 4,
  recognition_12m: 3,
};

/** The periods a picker offers, by kind: the current one first, then earlier ones. */
export function periodChoices(now = Date.now()): { kind: PeriodKind; keys: string[] }[] {
  return (Object.keys(depth) as PeriodKind[]).map((kind) => {
    const keys = [periodOf(kind, now)];
    while (keys.length < depth[kind]) keys.push(previousPeriod(keys[keys.length - 1]!));
    return { kind, keys };
  });
}

/** A ratio as a whole percentage ("—" when there is nothing to divide by). */
export function percent(ratio: number | null | undefined, locale: 'vi' | 'en'): string {
  if (ratio === null || ratio === undefined) return '—';
  return formatPercent(ratio, locale, 0);
}

import type { InferResponseType } from 'hono/client';
import { client } from '$lib/api';

/** The organizer routes of the typed RPC client, and the types of what they answer. */
export const contestsApi = client.api.contests;
export type Contest = InferResponseType<(typeof contestsApi)[':id']['$get'], 200>;
export type Round = Contest['rounds'][number];
export type Live = InferResponseType<(typeof contestsApi)['rounds'][':id']['live']['$get'], 200>;
export type Ranking = InferResponseType<(typeof contestsApi)['rounds'][':id']['ranking']['$get'], 200>;
export type Participant = InferResponseType<(typeof contestsApi)[':id']['participants']['$get'], 200>['items'][number];
export type UnitStanding = InferResponseType<(typeof contestsApi)[':id']['units']['$get'], 200>['items'][number];
export type CommuneStanding = InferResponseType<(typeof contestsApi)[':id']['units']['$get'], 200>['communes'][number];

/** "4:05" minutes and seconds, for durations in tables. */
export function minSec(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Prize lines "Giải Nhất; 1; 10" ↔ prize objects. */
export function prizesToText(prizes: readonly { name: string; count: number; points: number }[]): string {
  return prizes.map((p) => `${p.name}; ${p.count}; ${p.points}`).join('\n');
}
export function textToPrizes(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', count = '1', points = '0'] = l.split(';').map((x) => x.trim());
      return { name, count: Number(count), points: Number(points) };
    });
}

export type ContestBank = InferResponseType<(typeof contestsApi)[':id']['questions']['$get'], 200>;
export type ItemAnalysis = InferResponseType<(typeof contestsApi)['rounds'][':id']['analysis']['$get'], 200>;
export type ContestImportReport = InferResponseType<(typeof contestsApi)[':id']['questions']['import']['$post'], 200>;

/** "36,4 %": a share in Vietnamese number format. */
export const percent = (share: number, locale: string) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );

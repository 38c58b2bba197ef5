import { vnDate } from '@vungxanh/domain';
import type { Citation } from '$lib/content-api';

/** A legal basis row as the editor holds it: empty strings for what is not filled in. */
export interface CitationDraft {
  law: string;
  article: string;
  clause: string;
  note: string;
}

export const citationDraft = (c?: Citation): CitationDraft => ({
  law: c?.law ?? '',
  article: c?.article ?? '',
  clause: c?.clause ?? '',
  note: c?.note ?? '',
});

/** A row for the API: blanks become null (the schema's "not given"). */
export const toCitation = (d: CitationDraft) => ({
  law: d.law,
  article: d.article.trim() || null,
  clause: d.clause.trim() || null,
  note: d.note.trim() || null,
});

/** The field paths a list of rows can carry issues for, so they show next to their inputs. */
export const citationFields = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    ['law', 'article', 'clause', 'note'].map((key) => `legalBasis.${i}.${key}`),
  ).flat();

/** Today in Vietnam, as YYYY-MM-DD: the default review date of new content. */
export function todayInVietnam(now = new Date()): string {
  return vnDate(now.getTime());
}

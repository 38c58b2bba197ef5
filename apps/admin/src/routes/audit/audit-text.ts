import { i18n } from '$lib/i18n.svelte';

/** The entities the API writes to the audit log, for the filter. */
export const auditEntities = [
  'session',
  'account',
  'settings',
  'province',
  'commune',
  'village',
  'school',
  'organization',
  'lesson',
  'question',
  'content',
  'hotline',
  'poster',
  'kiosk',
] as const;

// Labels, not codes: the console's own words first, then those of the documents (statuses, decisions, exports).
const label = (group: string, code: string) =>
  i18n.lookup(`admin.audit.${group}.${code}`, i18n.lookup(`documents.audit.${group}.${code}`, code));
export const entityText = (entity: string) => label('entities', entity);
export const actionText = (action: string) => label('actions', action);
const fieldText = (field: string) => i18n.lookup(`documents.audit.fields.${field}`, field);
const valueText = (value: unknown) =>
  typeof value === 'string' ? i18n.lookup(`documents.audit.values.${value}`, value) : String(value);

/**
 * The audit summary (a small JSON object) as "field: value" pairs, short enough for a table cell.
 * Internal ids (…Id) mean nothing to a reader and are left out.
 */
export function summaryText(summary: string | null, max = 160): string {
  if (!summary) return '';
  let text = summary;
  try {
    const value: unknown = JSON.parse(summary);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      text = Object.entries(value)
        .filter(([k, v]) => v !== null && v !== '' && !/Id$/.test(k))
        .map(([k, v]) => `${fieldText(k)}: ${typeof v === 'object' ? JSON.stringify(v) : valueText(v)}`)
        .join('; ');
    }
  } catch {
    // Not JSON: show it as written.
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

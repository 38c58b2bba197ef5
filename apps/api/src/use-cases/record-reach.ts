import { eventPlace, eventTimeProblem, officerEventPlace, reachEventSchema, type Actor } from '@vungxanh/domain';
import { getUnit, storeEvents, type AuditEntry, type Db, type EventRow } from '@vungxanh/db';

export interface RecordReachResult {
  acknowledged: string[];
  stored: number;
  rejected: { id: string | null; reason: string }[];
}

/**
 * Stores a batch of anonymous reach events (DESIGN.md §5.2): each is checked, given the place it counts for
 * (`eventPlace`, or `officerEventPlace` for a signed-in officer's device), and stored once; the coverage rollups and
 * the kiosk's count move in the same transaction, and so does the audit row (`record_reach`) of an officer's batch.
 * `withinPhoneAllowance` is asked once per phone event that names a village (the device's daily allowance).
 */
export async function recordReach(
  db: Db,
  input: {
    kiosk: { id: string; communeId: string; villageId: string | null; schoolId: string | null } | null;
    /** A signed-in officer's device (never together with a kiosk), with the audit's who and where. */
    officer?: { actor: Actor; audit: Pick<AuditEntry, 'accountId' | 'username' | 'ip'> } | null;
    events: readonly unknown[];
    now: Date;
    withinPhoneAllowance: () => boolean;
    /** Told when each stored event happened on its device (for the ingest-lag metric). */
    onStored?: (occurredAt: Date[]) => void;
  },
): Promise<RecordReachResult> {
  const { kiosk, now } = input;
  const rows: EventRow[] = [];
  const rejected: RecordReachResult['rejected'] = [];
  const villages = new Map<string, { id: string; communeId: string; active: boolean } | null>();
  for (const raw of input.events) {
    const parsed = reachEventSchema.safeParse(raw);
    const id =
      typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 64) : null;
    if (!parsed.success) {
      rejected.push({ id, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const e = parsed.data;
    const timeProblem = eventTimeProblem(e.occurredAt, now);
    if (timeProblem) {
      rejected.push({ id: e.id, reason: timeProblem });
      continue;
    }
    if (!kiosk && e.villageId && !villages.has(e.villageId)) {
      const v = await getUnit(db, 'villages', e.villageId);
      villages.set(e.villageId, v ? { id: v.id, communeId: v.communeId, active: v.active } : null);
    }
    const named = e.villageId ? villages.get(e.villageId) : undefined;
    const place = input.officer
      ? officerEventPlace(input.officer.actor, named)
      : eventPlace(kiosk, named, input.withinPhoneAllowance);
    if (typeof place === 'string') {
      rejected.push({ id: e.id, reason: place });
      continue;
    }
    rows.push({
      id: e.id,
      type: e.type,
      occurredAt: new Date(e.occurredAt),
      kioskId: kiosk?.id ?? null,
      payload: e.payload,
      ...place,
    });
  }
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  const stored = await storeEvents(db, unique, now, kiosk?.id ?? null, officerAudit(input.officer, unique));
  input.onStored?.(unique.map((r) => r.occurredAt));
  return { acknowledged: unique.map((r) => r.id), stored, rejected };
}

/** The audit row of an officer's batch: who sent it, for which villages or schools; the store adds how many it kept. */
function officerAudit(
  officer: { audit: Pick<AuditEntry, 'accountId' | 'username' | 'ip'> } | null | undefined,
  rows: EventRow[],
) {
  if (!officer || rows.length === 0) return undefined;
  const units = [...new Set(rows.map((r) => r.villageId ?? r.schoolId))];
  return {
    ...officer.audit,
    entity: 'events',
    action: 'record_reach',
    communeId: rows[0]!.communeId,
    summary: JSON.stringify({ events: rows.length, units: units.slice(0, 20) }),
  };
}

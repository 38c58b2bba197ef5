// The kinds of commitment and the unit each names, apart from the entry rules (which use a validation library):
// a screen that only needs to know which unit a campaign asks for does not load those.

export const campaignKinds = ['household', 'organization', 'school', 'student', 'village'] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const entryStatuses = ['submitted', 'verified', 'rejected', 'duplicate'] as const;
export type EntryStatus = (typeof entryStatuses)[number];
export const entryChannels = ['kiosk', 'online', 'paper'] as const;
export type EntryChannel = (typeof entryChannels)[number];

/** Which unit an entry of each kind names: a village, a school or an organization. */
export function campaignTarget(kind: CampaignKind): 'village' | 'school' | 'organization' {
  if (kind === 'household' || kind === 'village') return 'village';
  if (kind === 'organization') return 'organization';
  return 'school';
}
export type EntryUnitKind = ReturnType<typeof campaignTarget>;

/** The unit columns an entry carries. */
export interface EntryUnitColumns {
  villageId: string | null;
  schoolId: string | null;
  organizationId: string | null;
}

/** The unit columns of an entry of this kind signed for `unitId`: its kind's column holds it, the others are null. */
export function entryUnitIds(kind: CampaignKind, unitId: string): EntryUnitColumns {
  const target = campaignTarget(kind);
  return {
    villageId: target === 'village' ? unitId : null,
    schoolId: target === 'school' ? unitId : null,
    organizationId: target === 'organization' ? unitId : null,
  };
}

/**
 * The unit an entry of this kind names: the kind of unit and the id given for it (null when missing, which
 * `entryProblems` reports). Ids given for other kinds of unit are not the entry's unit.
 */
export function entryUnit(
  kind: CampaignKind,
  ids: { villageId?: string | null; schoolId?: string | null; organizationId?: string | null },
): { kind: EntryUnitKind; id: string | null } {
  const target = campaignTarget(kind);
  const id = target === 'village' ? ids.villageId : target === 'school' ? ids.schoolId : ids.organizationId;
  return { kind: target, id: id ?? null };
}

/** The unit a stored entry was signed for, read from its own kind. */
export function signedUnit(entry: EntryUnitColumns & { kind: CampaignKind }) {
  return entryUnit(entry.kind, entry);
}

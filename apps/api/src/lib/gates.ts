import type { GateReport } from '@vungxanh/domain';
import type { QuestionRow } from '@vungxanh/db';

/** The figures an editor reads off a gate report (the console shows them as they are). */
export function gateDto(r: GateReport) {
  return {
    count: r.count,
    longestShare: r.longest.share,
    longestFlagged: r.longest.flagged,
    trueShare: r.keys.trueFalse.share,
    trueFalseFlagged: r.keys.trueFalse.flagged,
    multipleFlagged: r.keys.multiple.flagged,
    groups: r.groups.count,
    proposals: r.proposals,
    ineligible: r.ineligible,
  };
}

/** A stored question in the shape the gates read. */
export const gateInput = (q: QuestionRow) => ({ ...q, id: q.ref ?? q.id, group: q.exclusionGroup });

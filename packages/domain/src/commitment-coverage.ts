/** Commitment coverage: what the commitments page and the coverage dashboard both show. */

/** What the database counts for one commune and campaign year. */
export interface CommitmentTallies {
  /** Verified household entries per village, one per household. */
  householdsByVillage: Record<string, number>;
  /** Household entries signed (any status but rejected or duplicate) per village. */
  signedByVillage: Record<string, number>;
  /** Organizations with a verified entry. */
  organizationIds: string[];
  /** Schools with a verified entry (school or student campaigns). */
  schoolIds: string[];
}

export const emptyTallies = (): CommitmentTallies => ({
  householdsByVillage: {},
  signedByVillage: {},
  organizationIds: [],
  schoolIds: [],
});

export interface CoverageUnits {
  villages: readonly { id: string; name: string; households: number | null; active: boolean }[];
  schools: readonly { id: string; active: boolean }[];
  organizations: readonly { id: string; active: boolean }[];
}

export interface Fraction {
  numerator: number;
  denominator: number;
  /** 0..1, or null when there is nothing to count. */
  ratio: number | null;
}

const fraction = (numerator: number, denominator: number): Fraction => ({
  numerator,
  denominator,
  ratio: denominator > 0 ? Math.min(1, numerator / denominator) : null,
});

export interface VillageCommitment {
  id: string;
  name: string;
  households: number;
  signed: number;
  verified: Fraction;
}

export interface CommitmentCoverage {
  villages: VillageCommitment[];
  /** Verified household entries over the households of active villages. */
  households: Fraction;
  /** Household entries signed (not yet all verified) over the same households. */
  signed: Fraction;
  /** Organizations and schools with a verified entry over the active ones. */
  units: Fraction;
  /** The active villages furthest from 100% verified, the furthest first. */
  furthest: VillageCommitment[];
}

/**
 * Commitment coverage of one commune for a campaign year, per village and in total. Only active
 * units count; a village without a household figure counts 0 households (it cannot be covered).
 */
export function commitmentCoverage(units: CoverageUnits, tallies: CommitmentTallies, furthestCount = 5) {
  const villages: VillageCommitment[] = units.villages
    .filter((v) => v.active)
    .map((v) => {
      const households = v.households ?? 0;
      const verified = Math.min(households, tallies.householdsByVillage[v.id] ?? 0);
      return {
        id: v.id,
        name: v.name,
        households,
        signed: tallies.signedByVillage[v.id] ?? 0,
        verified: fraction(verified, households),
      };
    });
  const total = villages.reduce((n, v) => n + v.households, 0);
  const verified = villages.reduce((n, v) => n + v.verified.numerator, 0);
  const signed = villages.reduce((n, v) => n + Math.min(v.households, v.signed), 0);
  const orgs = new Set(tallies.organizationIds);
  const schools = new Set(tallies.schoolIds);
  const activeOrgs = units.organizations.filter((o) => o.active);
  const activeSchools = units.schools.filter((s) => s.active);
  const unitsCovered =
    activeOrgs.filter((o) => orgs.has(o.id)).length + activeSchools.filter((s) => schools.has(s.id)).length;
  const furthest = [...villages]
    .filter((v) => (v.verified.ratio ?? 0) < 1)
    .sort((a, b) => (a.verified.ratio ?? 0) - (b.verified.ratio ?? 0) || a.name.localeCompare(b.name, 'vi'))
    .slice(0, furthestCount);
  return {
    villages,
    households: fraction(verified, total),
    signed: fraction(signed, total),
    units: fraction(unitsCovered, activeOrgs.length + activeSchools.length),
    furthest,
  } satisfies CommitmentCoverage;
}

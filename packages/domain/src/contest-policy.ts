// The contest rules a phone's registration form needs (the policy figures, phone numbers, who is a minor), apart
// from the contest schemas and their validation library, so a shared contest link stays light.

export const contestPolicy = {
  /** An answer or a submit this long after the deadline still counts (network lag); later ones are refused. */
  graceMs: 5_000,
  /** Under this many ms per question on average an attempt is flagged for the organizer. */
  fastMsPerQuestion: 2_000,
  /** Under-16s need a guardian's consent and appear by initials on public lists. */
  adultAge: 16,
  /** How long personal fields are kept after the contest closes, as stated at registration. */
  retentionMonths: 12,
  /** Public boards list at most this many rows. */
  boardSize: 50,
  /**
   * A contest page lists its units in full up to this many; beyond it (a province, or a commune with many
   * organizations) the registration form finds them by typing, so a shared link stays light on a phone.
   */
  unitListMax: 150,
} as const;

/**
 * A Vietnamese mobile number in one form: "0" and nine digits. Accepts +84 / 84 / 0 prefixes,
 * spaces, dots and dashes; null when it is not a mobile number (prefixes 3, 5, 7, 8, 9).
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const national = digits.replace(/^\+?84(?=\d{9}$)/, '0');
  return /^0[35789]\d{8}$/.test(national) ? national : null;
}

/** Age reached in the round's year decides: under 16 needs a guardian and is shown by initials. */
export function isMinor(birthYear: number, year: number): boolean {
  return year - birthYear < contestPolicy.adultAge;
}

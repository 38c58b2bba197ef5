import { planContentRelease, releasePending, shippedReleaseItems } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { hotlines, posters } from '../schema/index.ts';
import {
  adoptShippedHashes,
  applyContentRelease,
  storedReleaseItems,
  type ShippedSet,
} from '../queries/content-release.ts';

export interface ShippedContent extends ShippedSet {
  hotlines: readonly {
    labelVi: string;
    labelEn: string;
    number: string;
    noteVi: string | null;
    noteEn: string | null;
  }[];
  slogans: readonly { textVi: string; textEn: string }[];
}

export interface SeedResult {
  /** True on a fresh install: the whole shipped set was added (with its hashes) as the first release. */
  installed: boolean;
  /** Practice rows of items now shipped as contest questions, moved out of the public pack at start-up. */
  movedToContest: number;
  /** Whether the shipped set differs from the database in a way only an admin's release applies. */
  pending: boolean;
  version: string;
}

/**
 * Loads the shipped national content at start-up. A fresh install gets the whole set as its first
 * release (hashes written, so later releases can tell local edits apart). An existing install is not
 * updated here: the system admin previews and applies a release in the console. Two exceptions that
 * change no content: rows identical to their shipped item adopt its hash, and practice rows of items
 * now shipped as contest questions move to the contest bank at once, because a public practice copy
 * of a contest question leaks its answer key to anyone who reads the kiosk pack.
 */
export async function seedContent(db: Db, shipped: ShippedContent): Promise<SeedResult> {
  const items = shippedReleaseItems(shipped);
  const stored = await storedReleaseItems(db);
  const installed = stored.length === 0;
  let movedToContest = 0;
  if (installed) await applyContentRelease(db, shipped, planContentRelease(items, stored), null);
  else {
    await adoptShippedHashes(db, shipped, stored);
    const plan = planContentRelease(items, await storedReleaseItems(db));
    const moves = plan.lines.filter((l) => l.action === 'move_to_contest');
    movedToContest = moves.length;
    await applyContentRelease(db, shipped, { ...plan, lines: moves }, null);
  }
  const plan = planContentRelease(items, await storedReleaseItems(db));
  if ((await db.select({ id: hotlines.id }).from(hotlines).limit(1)).length === 0) {
    await db.insert(hotlines).values(shipped.hotlines.map((h, i) => ({ ...h, scope: 'national', sortOrder: i })));
  }
  if ((await db.select({ id: posters.id }).from(posters).limit(1)).length === 0) {
    await db.insert(posters).values(shipped.slogans.map((s, i) => ({ ...s, scope: 'national', sortOrder: i })));
  }
  return { installed, movedToContest, pending: releasePending(plan), version: plan.version };
}

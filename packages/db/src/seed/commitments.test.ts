import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { campaignKinds } from '@vungxanh/domain';
import { createTestDb, factories } from '../testing.ts';
import { schema } from '../index.ts';
import type { Db } from '../client.ts';
import { commitmentTallies } from '../queries/coverage-rollups.ts';
import { seedDemoUnits } from './index.ts';
import { seedDemoCampaigns } from './commitments.ts';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe('demo commitment campaigns', () => {
  it('gives each demo commune one campaign of every kind for the year, once', async () => {
    await seedDemoUnits(db);
    await factories.commune(db);
    expect(await seedDemoCampaigns(db, 2026)).toBe(2 * campaignKinds.length);
    expect(await seedDemoCampaigns(db, 2026)).toBe(0);
    const rows = await db.select().from(schema.commitmentCampaigns);
    expect(rows).toHaveLength(2 * campaignKinds.length);
    expect(rows.every((r) => r.demo && r.year === 2026 && r.text.includes('120/2025/QH15'))).toBe(true);
    expect(await seedDemoCampaigns(db, 2027)).toBe(2 * campaignKinds.length);
  });

  it('tallies nothing for a commune without entries', async () => {
    const commune = await factories.commune(db);
    const tallies = await commitmentTallies(db, [commune.id], 2026);
    expect(tallies.get(commune.id)).toEqual({
      householdsByVillage: {},
      signedByVillage: {},
      organizationIds: [],
      schoolIds: [],
    });
  });
});

import { and, eq, inArray } from 'drizzle-orm';
import { campaignKinds, campaignTemplates } from '@vungxanh/domain';
import type { Db } from '../client.ts';
import { commitmentCampaigns, communes } from '../schema/index.ts';

const demoCommuneCodes = ['HP-GIAVIEN', 'HP-KIENTHUY'];

/**
 * One demo campaign of every kind for the demo communes in the given year, so a kiosk has
 * something to sign on its first start. Communes that already have campaigns that year are left
 * alone; returns how many campaigns it added.
 */
export async function seedDemoCampaigns(db: Db, year: number): Promise<number> {
  const targets = await db.select({ id: communes.id }).from(communes).where(inArray(communes.code, demoCommuneCodes));
  let added = 0;
  for (const commune of targets) {
    const existing = await db
      .select({ id: commitmentCampaigns.id })
      .from(commitmentCampaigns)
      .where(and(eq(commitmentCampaigns.communeId, commune.id), eq(commitmentCampaigns.year, year)));
    if (existing.length > 0) continue;
    await db.insert(commitmentCampaigns).values(
      campaignKinds.map((kind) => ({
        communeId: commune.id,
        kind,
        year,
        title: `${campaignTemplates[kind].title} năm ${year}`,
        text: campaignTemplates[kind].text,
        legalBasis: campaignTemplates[kind].legalBasis,
        opensOn: `${year}-01-01`,
        closesOn: `${year}-12-31`,
        demo: true,
      })),
    );
    added += campaignKinds.length;
  }
  return added;
}

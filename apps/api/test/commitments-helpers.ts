import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { schema } from '@vungxanh/db';
import { vietnamToday } from '@vungxanh/domain';
import { ORIGIN, type createHarness, type world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;

/** A real 1×1 PNG as a data URL. */
export const tinyPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const thisYear = () => Number(vietnamToday().slice(0, 4));

/** A household campaign of commune A open all this year, made through the API. */
export async function householdCampaign(h: H, w: W, overrides: Record<string, unknown> = {}) {
  const year = thisYear();
  const res = await h.call('POST', '/api/commitments/campaigns', {
    cookie: w.cookies.commune_admin,
    body: {
      communeId: w.communeA.id,
      kind: 'household',
      year,
      title: `Cam kết hộ gia đình năm ${year}`,
      text: 'Hộ gia đình chúng tôi cam kết không vi phạm pháp luật về ma túy (Luật 120/2025/QH15).',
      legalBasis: ['luat-120-2025'],
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; version: number; title: string };
}

export const entryBody = (campaignId: string, villageId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  campaignId,
  villageId,
  signerName: 'Nguyễn Văn An',
  address: 'Số nhà 12, ngõ 3',
  members: 4,
  phone: '0912345678',
  consent: true,
  signature: { kind: 'drawn', dataUrl: tinyPng },
  ...overrides,
});

export const submit = (h: H, body: unknown, headers: Record<string, string> = {}) =>
  h.call('POST', '/api/public/commitments/entries', { body, headers });

export async function entryCount(h: H) {
  const [row] = await h.db.select({ n: count() }).from(schema.commitmentEntries);
  return row!.n;
}

export async function auditActions(h: H, entityId: string) {
  const rows = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId));
  return rows.map((r) => r.action);
}

/** A binary response (PDF, XLSX) straight from the app. */
export async function download(h: H, path: string, cookie?: string) {
  const res = await h.app.request(path, { headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    headers: res.headers,
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

import { expect, request, test, type Page } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';

/** Pending household entries of one residential group of Gia Viên, made through the public API. */
async function seed(baseURL: string) {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await api.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } })).status()).toBe(
    200,
  );
  const communes = (await (await api.get('/api/units/communes')).json()).items as { id: string; code: string }[];
  const communeId = communes.find((c) => c.code === 'HP-GIAVIEN')!.id;
  const offer = await (await api.get(`/api/public/commitments/campaigns?communeId=${communeId}`)).json();
  const campaignId = (offer.campaigns as { id: string; kind: string }[]).find((c) => c.kind === 'household')!.id;
  const village = offer.villages[4] as { id: string; name: string };
  const suffix = Math.random().toString(36).slice(2, 6);
  const sign = async (signerName: string, address: string) => {
    const res = await api.post('/api/public/commitments/entries', {
      data: {
        id: crypto.randomUUID(),
        campaignId,
        villageId: village.id,
        signerName,
        address,
        members: 3,
        consent: true,
        signature: { kind: 'typed', name: signerName },
      },
    });
    expect(res.status()).toBe(201);
    return res.json() as Promise<{ id: string; code: string }>;
  };
  return { api, communeId, village, suffix, sign };
}

/** Filters the review list to a village and waits for its rows (a new filter clears any ticks). */
async function showVillage(page: Page, villageId: string) {
  await page.getByLabel('Thôn, tổ dân phố').selectOption(villageId);
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
}

async function statusOf(api: Awaited<ReturnType<typeof seed>>['api'], id: string) {
  return ((await (await api.get(`/api/commitments/entries/${id}`)).json()) as { status: string }).status;
}

test.describe('commitment review', () => {
  test('duplicate review shows the letters that differ and asks before marking', async ({ page, baseURL }) => {
    const s = await seed(baseURL!);
    try {
      const kept = await s.sign(`Đặng Thị Hường ${s.suffix}`, 'Số 7, ngõ 2');
      const other = await s.sign(`Đặng Thị Hương ${s.suffix}`, 'Số 7, ngõ 2');
      await signIn(page, 'admin', adminPassword);
      await page.goto(`/admin/commitments?commune=${s.communeId}`);
      await showVillage(page, s.village.id);
      const proposals = page.getByRole('region', { name: /Có thể trùng/ });
      // The later entry is the one proposed as the duplicate.
      await proposals.getByRole('button', { name: `So sánh: ${other.code}` }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('columnheader', { name: `Phiếu giữ lại (${kept.code})` })).toBeVisible();
      const nameRow = dialog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Người ký' }) });
      await expect(nameRow.locator('mark')).toHaveText(['ờ', 'ơ']);
      await expect(nameRow).toContainText('Chỉ khác dấu');
      await expect(dialog).toContainText(`Đánh dấu phiếu ${other.code} là trùng?`);
      await expectAccessible(page, 'duplicate compare');
      // Declining leaves both entries as they were.
      await dialog.getByRole('button', { name: 'Không, giữ cả hai' }).click();
      await expect(dialog).toBeHidden();
      expect(await statusOf(s.api, other.id)).toBe('submitted');
      await proposals.getByRole('button', { name: `So sánh: ${other.code}` }).click();
      await dialog.getByRole('button', { name: 'Đánh dấu trùng' }).click();
      await expect(page.getByText('Đã lưu: Trùng.')).toBeVisible();
      expect(await statusOf(s.api, other.id)).toBe('duplicate');
      expect(await statusOf(s.api, kept.id)).toBe('submitted');
    } finally {
      await s.api.dispose();
    }
  });

  test('bulk review: tick rows with the mouse and the keyboard, confirm, and see the count', async ({
    page,
    baseURL,
  }) => {
    const s = await seed(baseURL!);
    try {
      const names = ['Vũ Văn Một', 'Vũ Văn Hai', 'Vũ Văn Ba'].map((n) => `${n} ${s.suffix}`);
      const entries = [];
      for (const [i, name] of names.entries()) entries.push(await s.sign(name, `Số ${20 + i}`));
      await signIn(page, 'admin', adminPassword);
      await page.goto(`/admin/commitments?commune=${s.communeId}`);
      await showVillage(page, s.village.id);
      await expect(page.getByText(/Phím tắt: J\/K chuyển dòng/)).toBeVisible();
      await page.getByRole('checkbox', { name: `Chọn phiếu: ${names[0]}` }).check();
      await page.getByRole('checkbox', { name: `Chọn phiếu: ${names[1]}` }).check();
      // X ticks the row the focus is on.
      await page.getByRole('checkbox', { name: `Chọn phiếu: ${names[2]}` }).focus();
      await page.keyboard.press('x');
      await expect(page.getByRole('checkbox', { name: `Chọn phiếu: ${names[2]}` })).toBeChecked();
      await expect(page.getByText('Đã chọn 3 phiếu')).toBeVisible();
      await expectAccessible(page, 'bulk review selection');
      // R asks to reject; cancel, then V asks to verify.
      await page.keyboard.press('r');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Đánh dấu 3 phiếu là không hợp lệ?' })).toBeVisible();
      await expect(dialog.getByLabel('Lý do không hợp lệ')).toBeVisible();
      await dialog.getByRole('button', { name: 'Hủy' }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('checkbox', { name: `Chọn phiếu: ${names[2]}` }).focus();
      await page.keyboard.press('v');
      await expect(dialog.getByRole('heading', { name: 'Xác nhận 3 phiếu?' })).toBeVisible();
      await expectAccessible(page, 'bulk review confirmation');
      await dialog.getByRole('button', { name: 'Đồng ý' }).click();
      await expect(page.getByText('Đã cập nhật 3 phiếu.').first()).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: 'Đã cập nhật 3 phiếu; 0 phiếu giữ nguyên' }),
      ).toBeVisible();
      for (const e of entries) expect(await statusOf(s.api, e.id)).toBe('verified');
    } finally {
      await s.api.dispose();
    }
  });
});

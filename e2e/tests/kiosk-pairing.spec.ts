import { expect, test } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { adminApi, outboxCount, pairOnPage } from './kiosk-helpers.ts';

test.describe('kiosk pairing', () => {
  test('pairs with a fresh code; a used or malformed code is refused', async ({ page, browser, baseURL }) => {
    const admin = await adminApi(baseURL!, adminPassword);
    try {
      const kiosk = await admin.createKiosk({ name: 'Ki-ốt hội trường', villageIndex: 2 });
      await pairOnPage(page, baseURL!, kiosk.code);
      await expect(
        page.getByText(`Đã ghép nối. Thiết bị này là ki-ốt “Ki-ốt hội trường” tại ${kiosk.village.name}.`),
      ).toBeVisible();
      await page.getByRole('link', { name: 'Mở màn hình chờ' }).click();
      await expect(page.getByRole('contentinfo')).toHaveText(`Ki-ốt tại ${kiosk.village.name}`);
      // A kiosk has no village picker: it counts for its own place.
      await expect(page.getByRole('link', { name: /Chọn thôn/ })).toHaveCount(0);

      // Another device with the same code: refused, with the server's words.
      const other = await (await browser.newContext()).newPage();
      await other.goto(`${baseURL}/pair`);
      const input = other.getByLabel('Mã ghép nối (6 số)');
      await input.fill('12');
      await other.getByRole('button', { name: 'Ghép nối', exact: true }).click();
      await expect(other.getByRole('alert')).toHaveText('Mã gồm đúng 6 chữ số.');
      await input.fill(`${kiosk.code} `);
      await expect(input).toHaveValue(kiosk.code);
      await other.getByRole('button', { name: 'Ghép nối', exact: true }).click();
      await expect(other.getByRole('alert')).toHaveText(
        'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn. Xin mã mới ở trang quản trị.',
      );
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await other.context().close();
    } finally {
      await admin.dispose();
    }
  });

  test('a revoked kiosk has its events refused and goes back to the pairing page', async ({ page, baseURL }) => {
    const admin = await adminApi(baseURL!, adminPassword);
    try {
      const kiosk = await admin.createKiosk();
      await pairOnPage(page, baseURL!, kiosk.code);
      const token = await page.evaluate(() => JSON.parse(localStorage.getItem('vungxanh.kiosk.device')!).token);
      const refused: number[] = [];
      page.on('response', (res) => {
        if (res.url().endsWith('/api/events') && res.request().headers().authorization) refused.push(res.status());
      });
      await page.goto(`${baseURL}/lessons`);
      await page.locator('main li h3 a').first().click();
      await expect.poll(() => admin.eventsCount(kiosk.id)).toBe(1);

      // Revoked while someone reads: the next event is refused and the device forgets its token.
      await admin.revoke(kiosk.id);
      while (await page.getByRole('button', { name: 'Trang sau' }).isVisible()) {
        await page.getByRole('button', { name: 'Trang sau' }).click();
      }
      await expect(page).toHaveURL(/\/pair$/);
      await expect(page.getByRole('alert')).toHaveText('Ki-ốt này đã bị thu hồi. Liên hệ quản trị xã/phường.');
      expect(await page.evaluate(() => localStorage.getItem('vungxanh.kiosk.device'))).toBeNull();
      expect(refused).toContain(401);
      // The event still leaves the outbox (sent without the token, it counts for no place), never for the kiosk.
      await expect.poll(() => outboxCount(page)).toBe(0);
      expect(await admin.eventsCount(kiosk.id)).toBe(1);

      // The old token stays refused whoever sends it.
      const direct = await page.request.post(`${baseURL}/api/events`, {
        headers: { authorization: `Bearer ${token}`, origin: baseURL! },
        data: {
          events: [
            {
              id: crypto.randomUUID(),
              type: 'kiosk_session',
              occurredAt: new Date().toISOString(),
              payload: { seconds: 5 },
            },
          ],
        },
      });
      expect(direct.status()).toBe(401);
      expect((await direct.json()).code).toBe('kiosk_revoked');
    } finally {
      await admin.dispose();
    }
  });
});

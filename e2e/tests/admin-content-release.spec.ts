import { expect, test } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';

test.describe('content: shipped content updates', () => {
  test('the system admin sees the release page; the server seeded the current release', async ({ page }) => {
    await signIn(page, 'admin', adminPassword);
    await page.goto('/admin/content/lessons');
    await page.getByRole('link', { name: 'Cập nhật nội dung đi kèm' }).click();
    await expect(page.getByRole('heading', { name: 'Cập nhật nội dung đi kèm', level: 2 })).toBeVisible();
    await expect(page.getByText('Nội dung đã là bản mới nhất, không có gì cần áp dụng.')).toBeVisible();
    await expect(page.getByText(/Phiên bản nội dung: [0-9a-f]{16}/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Áp dụng cập nhật' })).toHaveCount(0);
    await expectAccessible(page, 'content release');
  });

  test('a commune admin has no such tab', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const { kienThuy } = await demoCommunes(api);
    const user = await makeAccount(api, 'commune_admin', kienThuy.id);
    await signIn(page, user.username, user.password);
    await page.goto('/admin/content/lessons');
    await expect(page.getByRole('link', { name: 'Bài tuyên truyền', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cập nhật nội dung đi kèm' })).toHaveCount(0);
  });
});

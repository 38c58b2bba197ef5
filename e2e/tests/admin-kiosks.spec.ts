import { expect, test } from '@playwright/test';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';

test.describe('admin kiosks', () => {
  test('a commune admin adds a kiosk, sees its pairing code, edits it and revokes it', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const { kienThuy } = await demoCommunes(api);
    const user = await makeAccount(api, 'commune_admin', kienThuy.id);
    const name = `Ki-ốt thử ${Math.random().toString(36).slice(2, 8)}`;
    await signIn(page, user.username, user.password);
    await page.goto('/admin/kiosks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ki-ốt');
    await expectAccessible(page, 'kiosk list');

    await page.getByRole('button', { name: 'Thêm ki-ốt' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Thời gian chờ (giây)')).toHaveValue('90');
    await expectAccessible(page, 'add kiosk dialog');
    await dialog.getByRole('button', { name: 'Thêm ki-ốt' }).click();
    await expect(dialog.getByText('Bắt buộc nhập.').first()).toBeVisible();
    await dialog.getByLabel('Tên ki-ốt').fill(name);
    await dialog.getByLabel('Nơi đặt').selectOption({ index: 1 });
    await dialog.getByLabel('Thời gian chờ (giây)').fill('10');
    await dialog.getByRole('button', { name: 'Thêm ki-ốt' }).click();
    await expect(dialog.getByText('Không được nhỏ hơn 30.')).toBeVisible();
    await dialog.getByLabel('Thời gian chờ (giây)').fill('90');
    await dialog.getByRole('button', { name: 'Thêm ki-ốt' }).click();

    const codeDialog = page.getByRole('dialog', { name: `Mã ghép nối cho “${name}”` });
    await expect(codeDialog).toContainText(/Mã ghép nối:\s*\d{3} \d{3}\s*— hết hạn lúc \d{2}:\d{2}/);
    await expect(codeDialog).toContainText('/pair');
    await expectAccessible(page, 'pairing code dialog');
    await codeDialog.getByRole('button', { name: 'Xong' }).click();

    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Chờ ghép nối');
    await expect(row).toContainText('Chưa kết nối');
    await expect(row).toContainText('90 giây');

    await row.getByRole('button', { name: `Mã ghép nối mới: ${name}` }).click();
    await expect(codeDialog).toContainText(/\d{3} \d{3}/);
    await expect(codeDialog).toContainText('không còn dùng được');
    await codeDialog.getByRole('button', { name: 'Xong' }).click();

    await row.getByRole('button', { name: `Sửa: ${name}` }).click();
    await page.getByRole('dialog').getByLabel('Thời gian chờ (giây)').fill('120');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await expect(row).toContainText('120 giây');

    await row.getByRole('button', { name: `Thu hồi: ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Thu hồi' });
    await expect(confirm).toContainText(name);
    await expectAccessible(page, 'revoke confirmation');
    await confirm.getByRole('button', { name: 'Thu hồi' }).click();
    await expect(row).toContainText('Đã thu hồi');
    await expect(row.getByRole('button')).toHaveCount(0);

    const { items } = await api.json<{ items: { name: string; status: string; idleSeconds: number }[] }>(
      'GET',
      `/api/kiosks?communeId=${kienThuy.id}`,
    );
    expect(items.find((k) => k.name === name)).toMatchObject({ status: 'revoked', idleSeconds: 120 });
  });
});

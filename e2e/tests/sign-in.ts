import { expect, type Page } from '@playwright/test';

/** Signs in through the console's own form and waits until it has left the sign-in page. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/admin/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
}

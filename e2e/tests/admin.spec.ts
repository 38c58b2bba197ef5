import { expect, test, type Page } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';

async function signIn(page: Page, username: string, password: string, expectSuccess = true) {
  await page.goto('/admin/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (expectSuccess) await expect(page).not.toHaveURL(/\/login/);
}

test.describe('admin sign-in', () => {
  test('signs in and out', async ({ page }) => {
    await signIn(page, 'admin', adminPassword);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Xin chào');
    await page.getByRole('button', { name: 'Quản trị hệ thống' }).click();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/login/);
    await page.goto('/admin/units');
    await expect(page).toHaveURL(/\/admin\/login/);
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await signIn(page, 'admin', 'not-the-password', false);
    await expect(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/login/);
  });
});

test.describe('commune scope', () => {
  test('a commune admin sees only their commune', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const { giaVien, kienThuy } = await demoCommunes(api);
    const user = await makeAccount(api, 'commune_admin', giaVien.id);
    const kienThuyVillage = (
      await api.json<{ items: { id: string; name: string }[] }>('GET', `/api/units/villages?communeId=${kienThuy.id}`)
    ).items[0]!;
    await signIn(page, user.username, user.password);
    await page.goto('/admin/units/villages');
    await expect(page.getByRole('rowheader', { name: 'Tổ dân phố số 1', exact: true })).toBeVisible();
    await expect(page.getByText('Thôn Thọ Xuân')).toHaveCount(0);
    // The demo seed's made-up counts say so beside every number.
    const first = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Tổ dân phố số 1', exact: true }) });
    await expect(first.getByRole('cell').filter({ hasText: 'số liệu minh họa' })).toHaveCount(2);
    const probe = await page.evaluate(
      async (id) => (await fetch(`/api/units/villages/${id}`)).status,
      kienThuyVillage.id,
    );
    expect(probe).toBe(404);
    const list = await page.evaluate(
      async (id) => (await fetch(`/api/units/villages?communeId=${id}`)).status,
      kienThuy.id,
    );
    expect(list).toBe(404);
  });
});

test.describe('village import', () => {
  test('a file with one bad row is reported row by row; all-or-nothing imports nothing', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const { kienThuy } = await demoCommunes(api);
    const user = await makeAccount(api, 'commune_admin', kienThuy.id);
    const tag = Math.random().toString(36).slice(2, 7);
    const csv = [
      'name,kind,population,households,mailbox_installed_on,board_installed_on',
      `Thôn Mới ${tag},thon,1200,340,2025-09-20,2025-09-20`,
      `Thôn Lỗi ${tag},thon,nhiều,340,,`,
      `Thôn Khác ${tag},thon,800,210,,`,
    ].join('\n');
    await signIn(page, user.username, user.password);
    await page.goto('/admin/units/import');
    await page
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'thon.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect(page.getByRole('heading', { name: /Kết quả kiểm tra/ })).toContainText('2');
    const badRow = page.getByRole('row').filter({ hasText: `Thôn Lỗi ${tag}` });
    await expect(badRow).toContainText('3');
    await expectAccessible(page, 'import report');
    await page.getByLabel('Không nhập gì cả (tất cả hoặc không)').check();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: /không nhập|chưa nhập/i })).toBeVisible();
    const afterStrict = await api.json<{ total: number }>(
      'GET',
      `/api/units/villages?communeId=${kienThuy.id}&q=${tag}`,
    );
    expect(afterStrict.total).toBe(0);
    await page.getByLabel('Chỉ nhập các dòng hợp lệ').check();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /Đã nhập/ })).toContainText('2');
    const afterLoose = await api.json<{ items: { name: string }[] }>(
      'GET',
      `/api/units/villages?communeId=${kienThuy.id}&q=${tag}`,
    );
    expect(afterLoose.items.map((v) => v.name).sort()).toEqual([`Thôn Khác ${tag}`, `Thôn Mới ${tag}`]);
  });
});

test.describe('accessibility of every admin page', () => {
  const pages = [
    '/admin',
    '/admin/units/villages',
    '/admin/units/schools',
    '/admin/units/organizations',
    '/admin/units/communes',
    '/admin/units/import',
    '/admin/accounts',
    '/admin/audit',
    '/admin/profile',
    '/admin/settings',
    '/admin/outreach',
    '/admin/commitments',
    '/admin/contests',
    '/admin/registry',
    '/admin/reports',
  ];
  test('login page', async ({ page }) => {
    await page.goto('/admin/login');
    await expectAccessible(page, 'login');
  });
  // One test per page and width, so on a slow machine each axe run has a whole timeout to itself.
  for (const path of pages) {
    test(`${path} (signed in)`, async ({ page }) => {
      await signIn(page, 'admin', adminPassword);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, path);
    });
  }
  for (const path of ['/admin', '/admin/units/villages', '/admin/accounts']) {
    test(`${path} at 360 px (signed in)`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await signIn(page, 'admin', adminPassword);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} at 360 px`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  }
});

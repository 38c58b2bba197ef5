import { expect, test, type Browser } from '@playwright/test';
import { adminApi, demoCommunes } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';

type Api = Awaited<ReturnType<typeof adminApi>>;
const suffix = () => Math.random().toString(36).slice(2, 8);
const password = 'e2e-password-12345';

/** A commune of its own (so other tests' activities cannot move its figures), three villages and two accounts. */
async function freshCommune(api: Api) {
  const { kienThuy } = await demoCommunes(api);
  const { provinceId } = await api.json<{ provinceId: string }>('GET', `/api/units/communes/${kienThuy.id}`);
  const tag = suffix();
  const commune = await api.json<{ id: string; name: string }>('POST', '/api/units/communes', {
    provinceId,
    kind: 'xa',
    name: `Xã Thử ${tag}`,
    code: `E2E-${tag}`,
  });
  const villages = [];
  for (const name of ['Thôn Đông', 'Thôn Tây', 'Thôn Nam']) {
    villages.push(
      await api.json<{ id: string; name: string }>('POST', '/api/units/villages', {
        communeId: commune.id,
        kind: 'thon',
        name,
        households: 120,
      }),
    );
  }
  const account = async (role: string, extra: Record<string, string>) => {
    const username = `e2e-${role.replace('_', '-')}-${suffix()}`;
    await api.json('POST', '/api/accounts', { username, displayName: `Thử ${role}`, role, password, ...extra });
    return username;
  };
  const admin = await account('commune_admin', { communeId: commune.id });
  const head = await account('village_head', { villageId: villages[0]!.id });
  return { commune, villages, admin, head };
}

async function asUser(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return { page, close: () => context.close() };
}

test.describe('coverage', () => {
  test('a village head logs an activity; the dashboard moves the village to reached and n/N to n+1/N', async ({
    browser,
    baseURL,
  }) => {
    const api = await adminApi(baseURL!);
    const { commune, villages, admin, head } = await freshCommune(api);
    const [east, west] = villages;

    const adminSession = await asUser(browser, admin);
    const dash = adminSession.page;
    await dash.goto('/admin/');
    await expect(dash.getByTestId('nd-villageOutreach')).toHaveText('0/3');
    await expect(dash.getByTestId('not-reached')).toContainText(east!.name);
    const eastRow = dash.getByTestId('village-table').locator(`tr[data-village="${east!.id}"]`);
    await expect(eastRow).toContainText('Chưa tuyên truyền');
    await expect(dash.getByText(/Còn \d+ ngày trong kỳ/).first()).toBeVisible();
    await expectAccessible(dash, 'coverage dashboard');

    // The village head, on a phone.
    const headContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phone = await headContext.newPage();
    await signIn(phone, head, password);
    await phone.goto('/admin/outreach');
    await expectAccessible(phone, 'outreach log');
    await phone.getByRole('link', { name: 'Ghi hoạt động' }).click();
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Ghi hoạt động tuyên truyền');
    // A village head sees only their village, already ticked.
    await expect(phone.getByRole('checkbox', { name: east!.name })).toBeChecked();
    await expect(phone.getByRole('checkbox', { name: west!.name })).toHaveCount(0);
    await phone.getByLabel('Loại hoạt động').selectOption('loudspeaker');
    await phone.getByLabel('Số người tham dự').fill('-2');
    await phone.getByRole('button', { name: 'Ghi hoạt động' }).click();
    await expect(phone.getByRole('alert').first()).toBeVisible();
    await phone.getByLabel('Số người tham dự').fill('40');
    await phone.getByLabel('Đơn vị tổ chức').fill('Chi đoàn thôn');
    await expectAccessible(phone, 'activity form');
    await phone.getByRole('button', { name: 'Ghi hoạt động' }).click();
    await expect(phone).toHaveURL(/\/admin\/outreach\?commune=/);
    await expect(phone.getByTestId('activity-list')).toContainText('Phát thanh loa');
    await expect(phone.getByTestId('activity-list')).toContainText(east!.name);
    await headContext.close();

    await dash.reload();
    await expect(dash.getByTestId('nd-villageOutreach')).toHaveText('1/3');
    await expect(eastRow).toContainText('Đã tuyên truyền');
    await expect(eastRow).toContainText(/\d{2}\/\d{2}\/\d{4}/);
    await expect(dash.getByTestId('not-reached')).not.toContainText(east!.name);
    await expect(dash.getByTestId('not-reached')).toContainText(west!.name);

    // The chart has a table alternative with the same figure for this month.
    await dash.getByText('Xem số liệu dạng bảng').click();
    await expect(dash.locator('details table')).toContainText('1/3');

    await eastRow.getByRole('link', { name: east!.name }).click();
    await expect(dash.getByRole('heading', { level: 1 })).toHaveText(east!.name);
    await expect(dash.getByText('Phát thanh loa')).toBeVisible();
    await expectAccessible(dash, 'village page');

    const stored = await api.json<{ items: { participants: number; organizer: string }[] }>(
      'GET',
      `/api/activities?communeId=${commune.id}`,
    );
    expect(stored.items).toEqual([expect.objectContaining({ participants: 40, organizer: 'Chi đoàn thôn' })]);
    await adminSession.close();
  });

  test('a province viewer sees communes side by side', async ({ browser, baseURL }) => {
    const api = await adminApi(baseURL!);
    const { kienThuy, giaVien } = await demoCommunes(api);
    const { provinceId } = await api.json<{ provinceId: string }>('GET', `/api/units/communes/${kienThuy.id}`);
    const username = `e2e-viewer-${suffix()}`;
    await api.json('POST', '/api/accounts', {
      username,
      displayName: 'Thử tỉnh',
      role: 'province_viewer',
      password,
      provinceId,
    });
    const { page, close } = await asUser(browser, username);
    await page.goto('/admin/');
    const table = page.getByTestId('province-table');
    await expect(table).toContainText(kienThuy.name);
    await expect(table).toContainText(giaVien.name);
    await expectAccessible(page, 'province coverage');
    await table.getByRole('link', { name: giaVien.name }).click();
    await expect(page.getByTestId('nd-villageOutreach')).toHaveText(/\d+\/73/);
    await close();
  });
});

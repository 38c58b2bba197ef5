import { expect, test, type Browser } from '@playwright/test';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';
import { adminPassword } from '../playwright.config.ts';
import { scaled } from '../timeouts.ts';
import { utcToVnLocal } from '@vungxanh/domain';

type Api = Awaited<ReturnType<typeof adminApi>>;
const vnLocal = (ms: number) => utcToVnLocal(new Date(ms));
const phone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/**
 * A participant on their own phone: registers for the unit found by typing `typed` (no diacritics) and
 * choosing `label`, then answers every question with its first option and submits.
 */
async function takePart(
  browser: Browser,
  contestId: string,
  who: { name: string; typed: string; label: string; checkA11y?: boolean },
) {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  await page.goto(`/contests/${contestId}`);
  await page.getByLabel('Họ và tên').fill(who.name);
  await page.getByLabel('Năm sinh').fill('1994');
  await page.getByLabel('Số điện thoại di động').fill(phone());
  const box = page.getByRole('combobox', { name: 'Bạn thi cho thôn, trường hoặc cơ quan nào?' });
  await box.fill(who.typed);
  const option = page.getByRole('option', { name: new RegExp(`^${who.label}`) });
  await expect(option).toHaveCount(1);
  if (who.checkA11y) await expectAccessible(page, 'unit search in a province contest');
  await option.click();
  await expect(box).toHaveValue(who.label);
  await page.getByLabel('Tôi đồng ý cho Ban Tổ chức dùng thông tin trên như đã nêu').check();
  await page.getByRole('button', { name: 'Đăng ký dự thi' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  for (let i = 0; i < 3; i++) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Câu ${i + 1} / 3`);
    await page.locator('input[name^="q-"]').first().check();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
  }
  await page.getByLabel('Con số bạn dự đoán').fill('2');
  await page.getByLabel('Con số bạn dự đoán').blur();
  await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả của bạn' })).toBeVisible();
  return page;
}

async function roundOf(api: Api, contestId: string) {
  const contest = await api.json<{ rounds: { id: string }[] }>('GET', `/api/contests/${contestId}`);
  return contest.rounds[0]!.id;
}

test('the province hosts a contest; people of two communes join by typing their unit; communes and units are ranked; a commune follows its part read-only', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(scaled(150_000));
  const api = await adminApi(baseURL!);
  const { kienThuy } = await demoCommunes(api);
  const title = `Cuộc thi toàn thành phố ${Math.random().toString(36).slice(2, 7)}`;

  // The demo city's Youth Union signs in with the first password and lands on the city's contests.
  await signIn(page, 'thanhdoan', adminPassword);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/contests$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Cuộc thi do Thành phố Hải Phòng tổ chức' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link')).toHaveText(['Cuộc thi']);
  await expectAccessible(page, "the province's contests");

  await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên cuộc thi').fill(title);
  // The scope is not a choice: the province's contest is open to every commune of it.
  await expect(dialog.getByLabel('Phạm vi')).toHaveCount(0);
  await dialog.getByLabel('Thể lệ (Markdown)').fill('## Thể lệ\n\nMỗi người **một lượt** thi.');
  await dialog.getByRole('button', { name: 'Tạo cuộc thi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Đơn vị tổ chức: Thành phố Hải Phòng')).toBeVisible();
  const contestId = page.url().split('/').pop()!;

  await page.getByRole('button', { name: 'Thêm đợt thi' }).click();
  const roundDialog = page.getByRole('dialog');
  await roundDialog.getByLabel('Tên đợt').fill('Đợt 1');
  await roundDialog.getByLabel('Bắt đầu (giờ Việt Nam)').fill(vnLocal(Date.now() - 120_000));
  await roundDialog.getByLabel('Kết thúc (giờ Việt Nam)').fill(vnLocal(Date.now() + 3_600_000));
  await roundDialog.getByLabel('Số câu hỏi').fill('3');
  await roundDialog.getByLabel('Thời gian làm bài (phút)').fill('5');
  await roundDialog.getByLabel('Số lượt thi mỗi người').fill('1');
  await roundDialog.getByRole('button', { name: 'Thêm đợt thi' }).click();
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await expect(page.getByText('Đang mở', { exact: true })).toBeVisible();

  // Two people of two communes find their unit typed without diacritics.
  const cuong = await takePart(browser, contestId, {
    name: 'Phạm Văn Cường',
    typed: 'tho xuan',
    label: 'Thôn Thọ Xuân · Xã Kiến Thụy',
    checkA11y: true,
  });
  await takePart(browser, contestId, {
    name: 'Trần Thị Bình',
    typed: 'to dan pho so 12',
    label: 'Tổ dân phố số 12 · Phường Gia Viên',
  });

  // The board ranks the communes per 1,000 residents beside the units.
  const roundId = await roundOf(api, contestId);
  await cuong.goto(`/contests/board/${roundId}`);
  const communes = cuong.getByRole('region', { name: 'Xếp hạng xã, phường' });
  await expect(communes.getByRole('columnheader', { name: 'Người dự thi trên 1.000 dân' })).toBeVisible();
  await expect(communes.locator('tbody th')).toHaveCount(2);
  await expect(communes.locator('tbody')).toContainText('Xã Kiến Thụy');
  await expect(communes.locator('tbody')).toContainText('Phường Gia Viên');
  const units = cuong.getByRole('region', { name: 'Xếp hạng tập thể' });
  await expect(units.locator('tbody')).toContainText('Thôn Thọ Xuân');
  await expect(units.locator('tbody')).toContainText('Tổ dân phố số 12');
  await expectAccessible(cuong, 'board with the communes ranked');

  // The province organizer sees the communes ranked on the contest's page.
  await page.reload();
  const ranked = page.getByRole('region', { name: 'Xếp hạng xã, phường' });
  await expect(ranked.getByRole('link')).toHaveCount(2);
  await expectAccessible(page, 'province contest with its communes ranked');

  // Kiến Thụy's organizer follows the contest, read-only, with Kiến Thụy's participants only.
  const organizer = await makeAccount(api, 'organizer', kienThuy.id);
  const commune = await (await browser.newContext()).newPage();
  await signIn(commune, organizer.username, organizer.password);
  await commune.goto('/admin/contests');
  const followed = commune.getByRole('region', { name: 'Cuộc thi cấp tỉnh có Xã Kiến Thụy tham gia' });
  await followed.getByRole('link', { name: title }).click();
  await expect(commune.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(commune.getByText(/xã, phường chỉ theo dõi, không sửa được/)).toBeVisible();
  const people = commune.getByRole('region', { name: /Người dự thi/ });
  await expect(people.locator('tbody th')).toHaveText(['Phạm Văn Cường']);
  await expect(commune.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await expect(commune.getByRole('button', { name: 'Thêm đợt thi' })).toHaveCount(0);
  await expectAccessible(commune, "a commune's part of a province contest");
});

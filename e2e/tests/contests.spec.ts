import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';
import { pickUnit } from './contest-helpers.ts';
import { signIn } from './sign-in.ts';
import { scaled } from '../timeouts.ts';
import { utcToVnLocal } from '@vungxanh/domain';

type Api = Awaited<ReturnType<typeof adminApi>>;
const vnLocal = (ms: number) => utcToVnLocal(new Date(ms));
const phone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** The texts of a question's right options and of one wrong one, read from the bank with the admin's session (the page never has them). */
async function optionTexts(api: Api, questionId: string) {
  const q = await api.json<{ correct: string[]; vi: { options: Record<string, string> } }>(
    'GET',
    `/api/content/questions/${questionId}`,
  );
  const entries = Object.entries(q.vi.options);
  return {
    right: entries.filter(([id]) => q.correct.includes(id)).map(([, text]) => text),
    wrong: entries.find(([id]) => !q.correct.includes(id))![1],
  };
}

/** One participant on their own device: registers, answers (the first `correct` right), predicts and submits. */
async function takePart(
  browser: Browser,
  api: Api,
  contestId: string,
  who: { name: string; correct: number; prediction: number; checkA11y?: boolean; reload?: boolean },
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/contests/${contestId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cuộc thi Tìm hiểu pháp luật');
  // Round times in the one format of both apps: dd/mm/yyyy HH:mm, Vietnam time.
  await expect(page.locator('ul.rounds > li').first()).toContainText(
    /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} → \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
  );
  await page.getByLabel('Họ và tên').fill(who.name);
  await page.getByLabel('Năm sinh').fill('1990');
  await page.getByLabel('Số điện thoại di động').fill(phone());
  await pickUnit(page);
  if (who.checkA11y) {
    await page.getByRole('button', { name: 'Đăng ký dự thi' }).click();
    await expect(page.getByRole('alert')).toContainText('Dữ liệu chưa hợp lệ');
    await expectAccessible(page, 'registration form with an error');
  }
  await page.getByLabel('Tôi đồng ý cho Ban Tổ chức dùng thông tin trên như đã nêu').check();
  await page.getByRole('button', { name: 'Đăng ký dự thi' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
  await expect(page.getByText(`Bạn đã đăng ký: ${who.name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  for (let i = 0; i < 3; i++) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Câu ${i + 1} / 3`);
    const input = page.locator('input[name^="q-"]').first();
    const name = await input.getAttribute('name');
    const role = (await input.getAttribute('type')) === 'checkbox' ? 'checkbox' : 'radio';
    const { right, wrong } = await optionTexts(api, name!.slice(2));
    for (const text of i < who.correct ? right : [wrong])
      await page.getByRole(role, { name: text, exact: true }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
    if (who.checkA11y && i === 0) await expectAccessible(page, 'a question');
    if (who.reload && i === 0) {
      const deadline = await page.locator('.digits').textContent();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Câu 2 / 3');
      await expect(page.getByText('Đã trả lời 1 / 3 câu')).toBeVisible();
      expect(deadline).toMatch(/^\d+:\d{2}$/);
      continue;
    }
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Câu hỏi dự đoán');
  await page.getByLabel('Con số bạn dự đoán').fill(String(who.prediction));
  await page.getByLabel('Con số bạn dự đoán').blur();
  await expect(page.getByText('Đã lưu')).toBeVisible();
  await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByRole('alert')).toContainText('không sửa được nữa');
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả của bạn' })).toBeVisible();
  await expect(page.getByText(`Đúng ${who.correct} / 3 câu`)).toBeVisible();
  if (who.checkA11y) await expectAccessible(page, 'result');
  return page;
}

test('a whole round: an organizer publishes it, three people take it, the ranking and its export agree', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(scaled(150_000));
  const api = await adminApi(baseURL!);
  const { kienThuy } = await demoCommunes(api);
  const organizer = await makeAccount(api, 'organizer', kienThuy.id);
  const title = `Cuộc thi Tìm hiểu pháp luật ${Math.random().toString(36).slice(2, 7)}`;

  await signIn(page, organizer.username, organizer.password);
  await page.goto('/admin/contests');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cuộc thi');
  await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên cuộc thi').fill(title);
  await dialog.getByLabel('Thể lệ (Markdown)').fill('## Thể lệ\n\nMỗi người **một lượt** thi.');
  await expectAccessible(page, 'contest form');
  await dialog.getByRole('button', { name: 'Tạo cuộc thi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const contestId = page.url().split('/').pop()!;

  await page.getByRole('button', { name: 'Thêm đợt thi' }).click();
  const roundDialog = page.getByRole('dialog');
  await roundDialog.getByLabel('Tên đợt').fill('Đợt 1');
  await roundDialog.getByLabel('Bắt đầu (giờ Việt Nam)').fill(vnLocal(Date.now() - 120_000));
  await roundDialog.getByLabel('Kết thúc (giờ Việt Nam)').fill(vnLocal(Date.now() + 3_600_000));
  await roundDialog.getByLabel('Số câu hỏi').fill('3');
  await roundDialog.getByLabel('Thời gian làm bài (phút)').fill('5');
  await roundDialog.getByLabel('Số lượt thi mỗi người').fill('1');
  await expectAccessible(page, 'round form');
  await roundDialog.getByRole('button', { name: 'Thêm đợt thi' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Đợt 1' })).toContainText('Nháp');
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await expect(page.getByText('Đang mở', { exact: true })).toBeVisible();
  await expectAccessible(page, 'contest detail');

  // Registered in this order on purpose: the ranking must come from the tie-breaks, not from arrival.
  const cuong = await takePart(browser, api, contestId, {
    name: 'Phạm Văn Cường',
    correct: 2,
    prediction: 3,
    checkA11y: true,
  });
  const binh = await takePart(browser, api, contestId, {
    name: 'Trần Thị Bình',
    correct: 3,
    prediction: 100,
    reload: true,
  });
  await takePart(browser, api, contestId, { name: 'Lê Văn An', correct: 3, prediction: 3 });

  // Mid-round the public board is provisional and, with attempts this fast, waits for the organizer.
  await binh.goto(page.url().replace(/\/admin\/.*/, `/contests/${contestId}`));
  await binh.getByRole('link', { name: 'Bảng xếp hạng' }).click();
  await expect(binh.getByText('Tạm thời (chưa tính câu dự đoán)')).toBeVisible();
  await expect(binh.getByText('Bài của bạn đang chờ Ban Tổ chức xác minh.')).toBeVisible();
  await expectAccessible(binh, 'provisional board');

  await page.reload();
  await page.getByRole('button', { name: 'Đóng cuộc thi' }).click();
  await expect(page.getByText('Đã đóng', { exact: true })).toBeVisible();
  const ranking = page.getByTestId(/^ranking-/);
  await expect(ranking.getByRole('row')).toHaveCount(4);
  for (const name of ['Phạm Văn Cường', 'Trần Thị Bình', 'Lê Văn An']) {
    await ranking.getByRole('button', { name: `Xác minh: ${name}` }).click();
    await expect(ranking.getByRole('button', { name: `Xác minh: ${name}` })).toHaveCount(0);
  }
  const body = ranking.locator('tbody tr');
  await expect(body.locator('th')).toHaveText([/Lê Văn An/, /Trần Thị Bình/, /Phạm Văn Cường/]);
  const screen = await body.evaluateAll((rows) =>
    rows.map((r) => [
      r.children[0]!.textContent!.trim(),
      r.querySelector('th')!.firstChild!.textContent!.trim(),
      r.children[3]!.textContent!.trim(),
    ]),
  );
  expect(screen).toEqual([
    ['1', 'Lê Văn An', '3'],
    ['2', 'Trần Thị Bình', '3'],
    ['3', 'Phạm Văn Cường', '2'],
  ]);
  await expectAccessible(page, 'closed round with ranking');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải bảng xếp hạng (XLSX)' }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await (await download).path())!);
  const sheet = book.worksheets[0]!;
  const sheetRows = [2, 3, 4].map((n) => {
    const row = sheet.getRow(n);
    return [String(row.getCell(1).value), String(row.getCell(2).value), String(row.getCell(6).value)];
  });
  expect(sheetRows).toEqual(screen);
  expect(sheet.getRow(2).getCell(9).value).toBe(0);
  expect(sheet.getRow(3).getCell(9).value).toBe(97);

  await page.getByRole('button', { name: 'Công bố kết quả' }).click();
  await expect(page.getByText(/Đã công bố kết quả/).first()).toBeVisible();

  await binh.reload();
  await expect(binh.getByText('Chính thức')).toBeVisible();
  await expect(binh.getByText('Hạng của bạn: 2')).toBeVisible();
  await expect(binh.getByRole('row').nth(1)).toContainText('Lê Văn An');
  await expect(binh.getByRole('row').nth(1)).toContainText('Giải Nhất');
  await expectAccessible(binh, 'final board');
  await cuong.close();
});

import { expect, test } from '@playwright/test';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';
import { pickUnit } from './contest-helpers.ts';
import { signIn } from './sign-in.ts';
import { utcToVnLocal } from '@vungxanh/domain';

const vnLocal = (ms: number) => utcToVnLocal(new Date(ms));
const phone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

test('an organizer shares a contest; a participant joins from the link, then moves to a new phone with the recovery code', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(baseURL!);
  const { kienThuy } = await demoCommunes(api);
  const organizer = await makeAccount(api, 'organizer', kienThuy.id);
  const title = `Cuộc thi chia sẻ ${Math.random().toString(36).slice(2, 7)}`;
  const contest = await api.json<{ id: string }>('POST', '/api/contests', { communeId: kienThuy.id, title });
  await api.json('POST', `/api/contests/${contest.id}/rounds`, {
    name: 'Đợt 1',
    startsAt: vnLocal(Date.now() - 60_000),
    endsAt: vnLocal(Date.now() + 3_600_000),
    questionCount: 3,
    timeLimitSeconds: 300,
    attemptsAllowed: 1,
  });
  await api.json('POST', `/api/contests/${contest.id}/status`, { status: 'published' });

  // The organizer finds the link, the QR and the poster on the contest's page.
  await signIn(page, organizer.username, organizer.password);
  await page.goto(`/admin/contests/${contest.id}`);
  const share = page.getByRole('region', { name: 'Chia sẻ cuộc thi' });
  await expect(share.getByRole('img', { name: `Mã QR mở cuộc thi ${title}` })).toBeVisible();
  const link = await share.getByLabel('Đường link ngắn').inputValue();
  expect(link).toMatch(/\/c\/[2-9a-z]{7}$/);
  await expectAccessible(page, 'contest share panel');
  const download = page.waitForEvent('download');
  await share.getByRole('link', { name: 'Tải áp phích A4 (PDF)' }).click();
  const poster = await download;
  expect(poster.suggestedFilename()).toBe('ap-phich-cuoc-thi.pdf');

  // A participant opens the shared link on a phone and lands on registration.
  const phoneA = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  await phoneA.goto(new URL(link).pathname);
  await expect(phoneA).toHaveURL(new RegExp(`/contests/${contest.id}\\?join`));
  await expect(phoneA.getByRole('heading', { level: 1 })).toHaveText(title);
  const number = phone();
  await phoneA.getByLabel('Họ và tên').fill('Đỗ Thị Hoa');
  await phoneA.getByLabel('Năm sinh').fill('1995');
  await phoneA.getByLabel('Số điện thoại di động').fill(number);
  await pickUnit(phoneA);
  await phoneA.getByLabel('Tôi đồng ý cho Ban Tổ chức dùng thông tin trên như đã nêu').check();
  await phoneA.getByRole('button', { name: 'Đăng ký dự thi' }).click();
  const code = (await phoneA.getByTestId('recovery-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectAccessible(phoneA, 'recovery code');
  await phoneA.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
  await expect(phoneA.getByText('Bạn đã đăng ký: Đỗ Thị Hoa')).toBeVisible();
  const oldToken = await phoneA.evaluate((id) => localStorage.getItem(`vungxanh.contest.${id}`), contest.id);

  // On a new phone the number is already registered: the screen offers recovery with the code.
  const phoneB = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  await phoneB.goto(new URL(link).pathname);
  await phoneB.getByLabel('Họ và tên').fill('Đỗ Thị Hoa');
  await phoneB.getByLabel('Năm sinh').fill('1995');
  await phoneB.getByLabel('Số điện thoại di động').fill(number);
  await pickUnit(phoneB);
  await phoneB.getByLabel('Tôi đồng ý cho Ban Tổ chức dùng thông tin trên như đã nêu').check();
  await phoneB.getByRole('button', { name: 'Đăng ký dự thi' }).click();
  await expect(phoneB.getByRole('heading', { name: 'Tiếp tục trên thiết bị này' })).toBeVisible();
  await expect(phoneB.getByLabel('Số điện thoại đã đăng ký')).toHaveValue(number);
  await phoneB.getByLabel('Mã khôi phục (12 ký tự)').fill('AAAA-BBBB-CCCC');
  await phoneB.getByRole('button', { name: 'Chuyển sang thiết bị này' }).click();
  await expect(phoneB.getByRole('alert')).toHaveText('Số điện thoại hoặc mã khôi phục không đúng.');
  await expectAccessible(phoneB, 'recovery form with an error');
  await phoneB.getByLabel('Mã khôi phục (12 ký tự)').fill(code.toLowerCase());
  await phoneB.getByRole('button', { name: 'Chuyển sang thiết bị này' }).click();
  const newCode = (await phoneB.getByTestId('recovery-code').textContent())!.trim();
  expect(newCode).not.toBe(code);
  await phoneB.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
  await expect(phoneB.getByText('Bạn đã đăng ký: Đỗ Thị Hoa')).toBeVisible();
  await expect(phoneB.getByRole('button', { name: 'Bắt đầu làm bài' })).toBeVisible();

  // The old phone's token is refused, and that phone is back at the registration form.
  const refused = await phoneA.request.get(`/api/public/contests/${contest.id}/me`, {
    headers: { 'x-participant-token': oldToken! },
  });
  expect(refused.status()).toBe(401);
  await phoneA.reload();
  await expect(phoneA.getByRole('button', { name: 'Đăng ký dự thi' })).toBeVisible();
  await expect(phoneA.getByText('Bạn đã đăng ký: Đỗ Thị Hoa')).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { adminApi } from './api.ts';
import { expectAccessible } from './axe.ts';
import { password, registryCommune, vnToday } from './registry-fixtures.ts';
import { pdfText } from './pdf-text.ts';
import { signIn } from './sign-in.ts';
import { scaled } from '../timeouts.ts';

test('a commune admin proposes then recognises a village with a decision and downloads its certificate', async ({
  page,
  baseURL,
}) => {
  // Two PDFs rendered and read on top of the whole workflow.
  test.setTimeout(scaled(60_000));
  const api = await adminApi(baseURL!);
  const { commune, villages, admin } = await registryCommune(api);
  const village = villages[0]!;
  await signIn(page, admin, password);

  await page.goto('/admin/registry');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thôn, tổ dân phố không ma túy');
  await expect(page.getByRole('status').filter({ hasText: 'Hạn hoàn thành công nhận' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Số thôn được công nhận/ })).toBeVisible();
  await expectAccessible(page, 'registry list');

  await page.getByRole('link', { name: `Xem ${village.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(village.name);
  await page.getByRole('button', { name: 'Bắt đầu xây dựng' }).click();
  await expect(page.getByText('Đang xây dựng').first()).toBeVisible();

  // Proposing needs every entered figure of the period: counts and their source, nothing about any person.
  const counts = page.getByRole('group');
  const groups = await counts.count();
  expect(groups).toBe(5);
  for (let i = 0; i < groups; i++) {
    const group = counts.nth(i);
    await group.getByLabel('Số lượng').fill('0');
    await group.getByLabel('Nguồn số liệu').fill('Công an phường, rà soát tháng này');
  }
  await page.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(page.getByText('Đã lưu số liệu.')).toBeVisible();
  await expectAccessible(page, 'registry village');

  await page.getByRole('button', { name: 'Đề nghị công nhận' }).click();
  await expect(page.getByText('Đã đề nghị').first()).toBeVisible();

  await page.getByLabel('Số quyết định').fill('15/QĐ-UBND');
  await page.getByLabel('Ngày quyết định').fill(vnToday());
  // Nothing was logged in this new commune, so its computed criteria are unmet: recognising needs a written reason.
  await expect(page.getByRole('note').getByText('Thôn chưa đạt các tiêu chí tính từ số liệu')).toBeVisible();
  await page.getByRole('button', { name: 'Công nhận', exact: true }).click();
  await expect(page.getByText('Đã công nhận')).toHaveCount(0);
  const reason = 'Ban chỉ đạo đã kiểm tra thực tế tại tổ dân phố.';
  await page.getByLabel('Lý do công nhận khi chưa đạt tiêu chí').fill(reason);
  await page.getByRole('button', { name: 'Công nhận', exact: true }).click();
  await expect(page.getByText('Đã công nhận').first()).toBeVisible();
  await expect(page.getByText('15/QĐ-UBND')).toBeVisible();
  await expect(page.getByText(`Lý do: ${reason}`)).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).click(),
  ]);
  const text = await pdfText(download);
  expect(text).toContain('GIẤYCHỨNGNHẬN');
  expect(text).toContain(village.name.replace(/\s+/g, ''));
  expect(text).toContain('15/QĐ-UBND');
  expect(text).toContain('CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM');

  // The decision itself, as an official document in the console's language.
  const [decision] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải quyết định (PDF)' }).click(),
  ]);
  const decisionText = await pdfText(decision);
  expect(decisionText).toContain('Số:15/QĐ-UBND');
  expect(decisionText).toContain('QUYẾTĐỊNH:');
  expect(decisionText).toContain(`Điều1.Côngnhận${village.name.replace(/\s+/g, '')}`);
  expect(decisionText).toContain('Nơinhận:');

  await page.getByRole('link', { name: /Về danh sách/ }).click();
  const row = page.getByRole('row').filter({ hasText: village.name });
  await expect(row.getByText('Đã công nhận')).toBeVisible();
  await expect(row.getByText('15/QĐ-UBND')).toBeVisible();
  await expect(row.getByText('Công nhận khi chưa đạt tiêu chí')).toBeVisible();
  await page.getByRole('link', { name: 'Danh sách tiêu chí' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiêu chí thôn không ma túy');
  await expect(page.getByText('Cần đối chiếu với Quyết định 28/2025/QĐ-TTg').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu danh sách tiêu chí' })).toHaveCount(0);
  await expectAccessible(page, 'registry criteria');

  // A commune police officer often works from a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/admin/registry', `/admin/registry/villages/${village.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, `${path} at 360 px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }

  const roadmap = await api.json<{ roadmap: { year: number; actual: number | null }[] }>(
    'GET',
    `/api/registry?communeId=${commune.id}`,
  );
  const thisYear = Number(vnToday().slice(0, 4));
  expect(roadmap.roadmap.find((y) => y.year === thisYear)?.actual).toBe(1);
});

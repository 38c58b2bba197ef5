import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { adminApi } from './api.ts';
import { expectAccessible } from './axe.ts';
import { password, registryCommune, vnToday } from './registry-fixtures.ts';
import { pdfText } from './pdf-text.ts';
import { signIn } from './sign-in.ts';

test('the quarter report lists a logged activity, and its XLSX opens with the figures on screen', async ({
  page,
  baseURL,
}) => {
  const api = await adminApi(baseURL!);
  const { villages, admin } = await registryCommune(api);
  const [reached, quiet] = villages as [{ id: string; name: string }, { id: string; name: string }];
  await api.json('POST', '/api/activities', {
    id: crypto.randomUUID(),
    date: vnToday(),
    type: 'meeting',
    participants: 35,
    villageIds: [reached.id],
  });

  await signIn(page, admin, password);
  await page.goto('/admin/reports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo định kỳ');
  const coverage = page.locator('section[data-section="coverage"]');
  const reachedRow = coverage.getByRole('row').filter({ hasText: reached.name });
  await expect(reachedRow).toContainText('Có');
  await expect(coverage.getByRole('row').filter({ hasText: quiet.name })).toContainText('Chưa');
  const screenRow = await reachedRow.locator('th, td').allInnerTexts();
  const activities = page.locator('section[data-section="activities"]');
  await expect(activities.getByRole('row').filter({ hasText: 'Họp dân' })).toContainText('35');
  const screenTotal = await activities.locator('tfoot').locator('th, td').allInnerTexts();
  await expectAccessible(page, 'reports');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải Excel (XLSX)' }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)).buffer as ArrayBuffer);
  expect(book.worksheets).toHaveLength(6);
  // A date cell holds the day as Excel shows it (dd/mm/yyyy, no time zone); the screen shows the same day.
  const text = (v: ExcelJS.CellValue) =>
    v === null || v === undefined
      ? ''
      : v instanceof Date
        ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`
        : String(v);
  const rowOf = (sheet: ExcelJS.Worksheet, first: string) => {
    let found: string[] | null = null;
    sheet.eachRow((row) => {
      if (text(row.getCell(1).value) === first) {
        found = [1, 2, 3, 4].map((i) => text(row.getCell(i).value)).slice(0, sheet.columnCount);
      }
    });
    return found as string[] | null;
  };
  const coverageSheet = book.worksheets[0]!;
  expect(text(coverageSheet.getRow(1).getCell(3).value)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  const fileRow = rowOf(coverageSheet, reached.name)!;
  // Dates read dd/MM/yyyy in both places; counts are plain numbers.
  expect(fileRow.slice(0, screenRow.length)).toEqual(screenRow.map((s) => s.trim()));
  const totals = rowOf(book.worksheets[1]!, 'Tổng cộng')!;
  expect(totals.slice(0, 3)).toEqual(screenTotal.map((s) => s.trim()));

  // The PDF is the official document: the number and signer typed on the page are printed in it.
  await page.getByLabel('Số, ký hiệu').fill('12/BC-UBND');
  await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Bình');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải PDF' }).click()]);
  // The number under the issuer on the first page, the signer's name in the signature block at the end.
  const flat = await pdfText(pdf);
  expect(flat).toContain('Số:12/BC-UBND');
  expect(flat).toContain('NguyễnVănBình');

  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'reports at 360 px');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

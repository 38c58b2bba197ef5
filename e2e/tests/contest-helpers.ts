import { expect, type Page } from '@playwright/test';

/** Picks the first unit of the registration combobox by typing its name without diacritics, as people do. */
export async function pickUnit(page: Page) {
  const box = page.getByRole('combobox', { name: 'Bạn thi cho thôn, trường hoặc cơ quan nào?' });
  await box.click();
  const name = (await page.getByRole('option').first().locator('span').textContent())!.trim();
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  await box.fill(plain);
  await page.getByRole('option').filter({ hasText: name }).first().click();
  await expect(box).toHaveValue(name);
}

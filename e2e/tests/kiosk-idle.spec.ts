import { expect, test } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { adminApi, pairOnPage } from './kiosk-helpers.ts';
import { expectAccessible } from './axe.ts';

test('kiosk mode: after the idle timeout a countdown, then everything a person chose is wiped', async ({
  page,
  baseURL,
}) => {
  const admin = await adminApi(baseURL!, adminPassword);
  try {
    const kiosk = await admin.createKiosk();
    await page.clock.install();
    await pairOnPage(page, baseURL!, kiosk.code);
    // The admin shortens the timeout; the kiosk reads its settings again when it starts.
    await admin.patchKiosk(kiosk.id, { idleSeconds: 30 });
    const settings = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/kiosks/me' && r.ok());
    await page.goto(`${baseURL}/home`);
    expect((await (await settings).json()).idleSeconds).toBe(30);

    // A person chooses English, starts a quiz and answers one question; a form left something in session storage.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Self-check quiz' }).click();
    await page.getByRole('button', { name: 'All topics' }).click();
    // Which controls a question has is read only once the question is on screen (as the other quiz tests do).
    await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();
    const confirm = page.getByRole('button', { name: 'Answer', exact: true });
    if (await confirm.isVisible()) {
      await page.locator('main input[type=checkbox]').first().check();
      await confirm.click();
    } else {
      await page.locator('main ul.options button').first().click();
    }
    await expect(page.getByRole('heading', { name: /^(Right!|Not quite)$/ })).toBeVisible();
    await page.evaluate(() => sessionStorage.setItem('vungxanh.draft', 'Nguyễn Văn A'));

    // 31 s without a touch: the countdown; "Continue" keeps everything.
    await page.clock.runFor(31_000);
    const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
    await expect(dialog).toBeVisible();
    // The page clock also runs on its own, so a slow machine may already be a few seconds into the countdown.
    await expect(dialog).toContainText(/In \d+ seconds the screen starts over/);
    await expectAccessible(page, 'idle countdown');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: /^(Right!|Not quite)$/ })).toBeVisible();

    // Nobody comes back: countdown, then the attract screen in Vietnamese with nothing left.
    await page.clock.runFor(31_000);
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.clock.runFor(16_000);
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole('link', { name: 'Chạm để bắt đầu' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.getByRole('link', { name: 'Chạm để bắt đầu' }).click();
    await page.getByRole('link', { name: 'Tự kiểm tra kiến thức' }).click();
    await expect(page.getByRole('button', { name: 'Tất cả chủ đề' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Câu \d+/ })).toHaveCount(0);
    // The session is counted, anonymously: one kiosk_session event for the kiosk.
    await expect.poll(() => admin.eventsCount(kiosk.id)).toBe(1);
  } finally {
    await admin.dispose();
  }
});

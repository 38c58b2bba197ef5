import { expect, test } from '@playwright/test';

const firstLesson = async (request: import('@playwright/test').APIRequestContext) => {
  const index = await (await request.get('/api/content/pack/contents')).json();
  return index.lessons.find((l: { locale: string }) => l.locale === 'vi') as { slug: string; title: string };
};

test.describe('kiosk on a 1920×1080 landscape screen', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('a lesson puts its drawing beside the text, and the page buttons are on screen', async ({ page }) => {
    const lesson = await firstLesson(page.request);
    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    const article = (await page.locator('main article').boundingBox())!;
    const art = page.locator('main svg.art');
    await expect(art).toBeVisible();
    const drawing = (await art.boundingBox())!;
    expect(drawing.x).toBeGreaterThanOrEqual(article.x + article.width);
    // The text uses the width: far wider than the old 560 px column.
    expect(article.width).toBeGreaterThan(900);
    await expect(page.getByRole('button', { name: 'Trang sau' })).toBeInViewport({ ratio: 1 });
  });

  test('"Câu tiếp theo" is on screen after an answer, whatever the explanation’s length', async ({ page }) => {
    await page.goto('/quiz');
    await page.getByRole('button', { name: 'Tất cả chủ đề' }).click();
    for (let i = 0; i < 3; i++) {
      await expect(page.getByRole('heading', { name: new RegExp(`^Câu ${i + 1} / \\d+$`) })).toBeVisible();
      const confirm = page.getByRole('button', { name: 'Trả lời', exact: true });
      if (await confirm.isVisible()) {
        await page.locator('main input[type=checkbox]').first().check();
        await confirm.click();
      } else await page.locator('main ul.options button').first().click();
      const next = page.getByRole('button', { name: 'Câu tiếp theo' });
      await expect(next).toBeInViewport({ ratio: 1 });
      await next.click();
    }
  });
});

test.describe('kiosk on a small phone', () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test('"Câu tiếp theo" stays on screen below a long explanation', async ({ page }) => {
    await page.goto('/quiz');
    await page.getByRole('button', { name: 'Tất cả chủ đề' }).click();
    // Which controls a question has is read only once the question is on screen.
    await expect(page.getByRole('heading', { name: /^Câu 1 \/ \d+$/ })).toBeVisible();
    const confirm = page.getByRole('button', { name: 'Trả lời', exact: true });
    if (await confirm.isVisible()) {
      await page.locator('main input[type=checkbox]').first().check();
      await confirm.click();
    } else await page.locator('main ul.options button').first().click();
    await expect(page.getByRole('heading', { name: /^(Đúng rồi!|Chưa đúng)$/ })).toBeVisible();
    // The explanation runs below the fold on a small phone; the button is kept in view over it.
    await page.evaluate(() => window.scrollTo(0, 0));
    const feedbackBottom = await page.locator('main .feedback').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(feedbackBottom).toBeGreaterThan(640);
    await expect(page.getByRole('button', { name: 'Câu tiếp theo' })).toBeInViewport({ ratio: 1 });
  });
});

test.describe('read-aloud on a device without a Vietnamese voice', () => {
  test('the button stays and says in plain words that this device cannot read aloud', async ({ page }) => {
    // A device with no voices at all, whatever the test machine has installed.
    await page.addInitScript(() => {
      Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });
    });
    const lesson = await firstLesson(page.request);
    await page.goto(`/lessons/${lesson.slug}`);
    const button = page.getByRole('button', { name: 'Đọc to' });
    await expect(button).toBeVisible();
    await button.click();
    await expect(page.getByRole('status').filter({ hasText: 'Máy này chưa đọc to được' })).toBeVisible();
    await expect(button).toHaveAccessibleDescription(/chưa có giọng đọc tiếng Việt/);
  });
});

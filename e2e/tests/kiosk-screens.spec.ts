import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

/** No sideways scrolling, and every control at least 44 × 44 px (the rest is axe's job). */
async function expectComfortable(page: Page, label: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide, `horizontal scroll on ${label}`).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main a, main button, main select, main input, header a, header button')]
      .filter((el) => el.offsetParent !== null && !el.closest('p, li:not(.option) > span'))
      // A card's link stretches over the card with ::after, a checkbox sits in its label: those are what a finger hits.
      .map((el) => {
        const stretched = getComputedStyle(el, '::after').position === 'absolute';
        const target = stretched ? el.offsetParent! : (el.closest('label') ?? el);
        return { el, box: target.getBoundingClientRect() };
      })
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.tagName} "${el.textContent?.trim().slice(0, 30)}" ${box.width}×${box.height}`),
  );
  expect(small, `small targets on ${label}`).toEqual([]);
}

async function check(page: Page, label: string) {
  await expectAccessible(page, label);
  await expectComfortable(page, label);
}

/** Opens a lesson from the list and waits for its first page. */
async function openLesson(page: Page) {
  await page.goto('/lessons');
  await page.locator('main li h3 a').first().click();
  await expect(page.getByText(/^Trang 1 \/ \d+$/)).toBeVisible();
}

/** Starts a round of the self-check quiz on every topic and waits for its first question. */
async function openQuestion(page: Page) {
  await page.goto('/quiz');
  await page.getByRole('button', { name: 'Tất cả chủ đề' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1 / 10' })).toBeVisible();
}

/**
 * Each screen is its own test, reached the way a person reaches it, so on a slow machine one screen's axe run has
 * the whole timeout to itself and a failure names the screen.
 */
const screens: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'attract',
    open: async (page) => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Tạm dừng khẩu hiệu' }).click();
      await expect(page.getByRole('button', { name: 'Chạy tiếp khẩu hiệu' })).toBeVisible();
    },
  },
  {
    name: 'home',
    open: async (page) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Chạm để bắt đầu' }).click();
      await expect(page.getByRole('link', { name: 'Bài tuyên truyền' })).toBeVisible();
    },
  },
  {
    name: 'lesson list',
    open: async (page) => {
      await page.goto('/home');
      await page.getByRole('link', { name: 'Bài tuyên truyền' }).click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    },
  },
  { name: 'lesson page', open: openLesson },
  {
    name: 'lesson end',
    open: async (page) => {
      await openLesson(page);
      while (await page.getByRole('button', { name: 'Trang sau' }).isVisible()) {
        await page.getByRole('button', { name: 'Trang sau' }).click();
      }
      await expect(page.getByText(/^Căn cứ:|^Nguồn:/).first()).toBeVisible();
      await expect(page.getByText(/^Nội dung được rà soát ngày/)).toBeVisible();
    },
  },
  { name: 'question', open: openQuestion },
  {
    name: 'answer feedback',
    open: async (page) => {
      await openQuestion(page);
      const confirm = page.getByRole('button', { name: 'Trả lời', exact: true });
      if (await confirm.isVisible()) {
        await confirm.click();
        await expect(page.getByRole('alert')).toHaveText('Hãy chọn ít nhất một đáp án.');
        await page.locator('main input[type=checkbox]').first().check();
        await confirm.click();
      } else {
        await page.locator('main ul.options button').first().click();
      }
      await expect(page.getByRole('heading', { name: /^(Đúng rồi!|Chưa đúng)$/ })).toBeFocused();
    },
  },
  {
    name: 'hotlines',
    open: async (page) => {
      await page.goto('/home');
      await page.getByRole('link', { name: 'Đường dây nóng' }).click();
      await expect(page.getByRole('heading', { name: 'Số toàn quốc' })).toBeVisible();
      await expect(page.getByRole('link', { name: '0769.04.04.04' })).toHaveAttribute('href', 'tel:0769040404');
      await expect(page.getByRole('heading', { name: 'Người tố giác được giữ bí mật' })).toBeVisible();
    },
  },
  {
    name: 'pairing',
    open: async (page) => {
      await page.goto('/pair');
      await expect(page.getByRole('group', { name: 'Bàn phím số' })).toBeVisible();
    },
  },
  {
    name: 'village picker',
    open: async (page) => {
      await page.goto('/place');
      await expect(page.getByLabel('Xã, phường')).toBeVisible();
    },
  },
];

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  for (const screen of screens) {
    test(`kiosk screen "${screen.name}" passes axe (WCAG 2.2 AA) at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await screen.open(page);
      await check(page, screen.name);
    });
  }
}

test('a whole quiz by keyboard, with the score, lessons to read again and a round of other questions', async ({
  page,
}) => {
  await page.goto('/quiz');
  await page.getByRole('button', { name: 'Tất cả chủ đề' }).focus();
  await page.keyboard.press('Enter');
  const asked = new Set<string>();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByRole('heading', { name: `Câu ${n} / 10` })).toBeFocused();
    asked.add((await page.locator('#question-text').textContent())!);
    await page.keyboard.press('Tab');
    const confirm = page.getByRole('button', { name: 'Trả lời', exact: true });
    if (await confirm.isVisible()) {
      // Several answers: tick the first box, then Tab on to "Trả lời".
      await page.keyboard.press('Space');
      for (let i = 0; i < 6 && !(await confirm.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(confirm).toBeFocused();
    }
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /^(Đúng rồi!|Chưa đúng)$/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /^(Câu tiếp theo|Xem kết quả)$/ })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Kết quả của bạn' })).toBeFocused();
  const score = await page.getByText(/^Bạn trả lời đúng \d+ \/ 10 câu\.$/).textContent();
  const right = Number(score!.match(/đúng (\d+)/)![1]);
  await expect(page.getByRole('heading', { name: 'Nên đọc lại' })).toHaveCount(right < 10 ? 1 : 0);
  await expectAccessible(page, 'quiz result');

  // Another round brings other questions while the bank has them.
  await page.getByRole('button', { name: 'Làm lượt khác' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1 / 10' })).toBeFocused();
  expect(asked.has((await page.locator('#question-text').textContent())!)).toBe(false);
});

test('read aloud is offered on every device, and reads where the browser has a Vietnamese voice', async ({ page }) => {
  await page.goto('/lessons');
  await page.locator('main li h3 a').first().click();
  await expect(page.getByText(/^Trang 1 \/ \d+$/)).toBeVisible();
  // Without a voice the button stays and explains itself (kiosk-big-screen.spec.ts presses it).
  await expect(page.getByRole('button', { name: 'Đọc to' })).toHaveCount(1);

  // A device with a Vietnamese voice: the button appears, and reading can be stopped.
  await page.addInitScript(() => {
    const voice = { lang: 'vi-VN', name: 'Tiếng Việt', default: true, localService: true, voiceURI: 'vi' };
    Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [voice] });
    Object.defineProperty(speechSynthesis, 'speak', { value: () => undefined });
    // A real utterance only takes a real voice; the stand-in takes the stand-in.
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: class {
        constructor(readonly text: string) {}
      },
    });
  });
  await page.reload();
  await page.getByRole('button', { name: 'Đọc to' }).click();
  await expect(page.getByRole('button', { name: 'Dừng đọc' })).toBeVisible();
  await page.getByRole('button', { name: 'Dừng đọc' }).click();
  await expect(page.getByRole('button', { name: 'Đọc to' })).toBeVisible();
});

test('a phone user picks a village once; their events say so, and the choice stays on the phone', async ({ page }) => {
  await page.goto('/home');
  await page.getByRole('link', { name: 'Chọn thôn, tổ dân phố của bạn' }).click();
  await page.getByLabel('Xã, phường').selectOption({ index: 1 });
  const village = page.getByLabel('Thôn, tổ dân phố');
  await expect(village.locator('option')).not.toHaveCount(1);
  await village.selectOption({ index: 3 });
  const villageName = (await village.locator('option:checked').textContent())!.trim();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const sent = page.waitForRequest((r) => r.url().endsWith('/api/events') && r.method() === 'POST');
  await page.goto('/lessons');
  await page.locator('main li h3 a').first().click();
  const body = (await sent).postDataJSON() as { events: { villageId?: string; type: string }[] };
  const villageId = await page.evaluate(() => JSON.parse(localStorage.getItem('vungxanh.kiosk.place')!).villageId);
  expect(body.events[0]).toMatchObject({ type: 'lesson_opened', villageId });
  await expect(page.getByRole('contentinfo')).toHaveText(`Thôn của bạn: ${villageName}`);
});

test('the attract slogans rotate, stop for someone who asked for less motion, and can be started again', async ({
  page,
}) => {
  await page.clock.install();
  const shown = () => page.locator('.slogans p:not([aria-hidden="true"])').textContent();

  await page.goto('/');
  const first = await shown();
  await page.clock.fastForward(9_000);
  await expect.poll(shown).not.toBe(first);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Chạy tiếp khẩu hiệu' })).toBeVisible();
  const still = await shown();
  await page.clock.fastForward(30_000);
  expect(await shown()).toBe(still);

  // The pause control stays: pressing it starts the rotation after all.
  await page.getByRole('button', { name: 'Chạy tiếp khẩu hiệu' }).click();
  await expect(page.getByRole('button', { name: 'Tạm dừng khẩu hiệu' })).toBeVisible();
  await page.clock.fastForward(9_000);
  await expect.poll(shown).not.toBe(still);
});

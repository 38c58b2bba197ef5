import { expect, request, test, type Page } from '@playwright/test';
import { scaled } from '../timeouts.ts';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { pickUnit } from './contest-helpers.ts';
import { utcToVnLocal } from '@vungxanh/domain';

/**
 * Every kiosk screen at phone, laptop and kiosk widths: nothing may scroll sideways or stick out of its box (a long
 * phone number, a wide select), and on a 1920 × 1080 kiosk the attract screen fits the screen with its footer link.
 * The apps bring their own typeface, so this holds on a bare machine whatever fonts it has.
 */

const viewports = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** What is wrong on screen now: sideways scroll, painted boxes whose content sticks out, a screen taller than the window. */
async function layoutProblems(page: Page, onePage: boolean): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate((onePage) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
    if (onePage && root.scrollHeight > root.clientHeight)
      problems.push(`the screen is ${root.scrollHeight - root.clientHeight} px taller than the window`);
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      // Inline boxes have no scroll size; controls scroll their own text; scrollers and ellipses are meant to.
      if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') continue;
      if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) continue;
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.textOverflow === 'ellipsis') continue;
      // Visually hidden text for screen readers is clipped to one pixel on purpose.
      if (el.clientWidth <= 1) continue;
      // What the eye sees sticking out is content past a painted edge: a card's border, a button's background.
      // A plain wrapper may let a child bleed into its parent's padding (the lesson reader's page buttons do).
      const painted =
        parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth) > 0 ||
        style.backgroundImage !== 'none' ||
        !/^(transparent|rgba\(.*, 0\))$/.test(style.backgroundColor);
      if (!painted) continue;
      const over = el.scrollWidth - el.clientWidth;
      if (over > 1) problems.push(`${name(el)} sticks out of its box by ${over} px`);
    }
    return problems;
  }, onePage);
}

async function expectFits(page: Page, label: string, onePage = false) {
  const size = page.viewportSize()!;
  expect(await layoutProblems(page, onePage), `${label} at ${size.width} × ${size.height}`).toEqual([]);
}

const rand = () => Math.random().toString(36).slice(2, 8);
const vnLocal = (ms: number) => utcToVnLocal(new Date(ms));

/** A published contest of Kiến Thụy with one round open now, made by an organizer through the API. */
async function openContest(baseURL: string) {
  const admin = await adminApi(baseURL);
  const { kienThuy } = await demoCommunes(admin);
  const organizer = await makeAccount(admin, 'organizer', kienThuy.id);
  await admin.dispose();
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await api.post('/api/auth/login', { data: organizer })).status()).toBe(200);
  const post = async (path: string, data: unknown) => {
    const res = await api.post(path, { data });
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return (await res.json()) as { id: string };
  };
  // A long title and rules with a long unbroken word: both must wrap on the narrowest phone.
  const contest = await post('/api/contests', {
    title: `Cuộc thi Tìm hiểu pháp luật về phòng, chống ma túy năm 2026 ${rand()}`,
    rulesMd:
      '## Thể lệ\n\nMỗi người **một lượt** thi. Xem https://vungxanh.example.vn/contests/the-le-cuoc-thi-chi-tiet',
  });
  const round = await post(`/api/contests/${contest.id}/rounds`, {
    name: 'Đợt 1',
    startsAt: vnLocal(Date.now() - 120_000),
    endsAt: vnLocal(Date.now() + 3_600_000),
    questionCount: 3,
    timeLimitSeconds: 600,
    attemptsAllowed: 1,
  });
  await post(`/api/contests/${contest.id}/status`, { status: 'published' });
  await api.dispose();
  return { contestId: contest.id, roundId: round.id, communeId: kienThuy.id };
}

for (const viewport of viewports) {
  test(`every kiosk screen fits at ${viewport.width} × ${viewport.height}`, async ({ page, baseURL }) => {
    test.setTimeout(scaled(90_000));
    const { contestId, roundId, communeId } = await openContest(baseURL!);
    await page.setViewportSize(viewport);

    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Chạm để bắt đầu' })).toBeVisible();
    // A kiosk's first screen is one screen: the start button and the footer's link both in view.
    await expectFits(page, 'attract', viewport.width === 1920);
    if (viewport.width === 1920) await expect(page.getByRole('contentinfo').getByRole('link')).toBeInViewport();

    await page.goto('/home');
    await expect(page.getByRole('link', { name: 'Bài tuyên truyền' })).toBeVisible();
    await expectFits(page, 'home');

    await page.getByRole('link', { name: 'Bài tuyên truyền' }).click();
    await expect(page.locator('main li h3 a').first()).toBeVisible();
    await expectFits(page, 'lesson list');
    await page.locator('main li h3 a').first().click();
    await expect(page.getByText(/^Trang 1 \/ \d+$/)).toBeVisible();
    await expectFits(page, 'lesson');

    await page.goto('/quiz');
    await page.getByRole('button', { name: 'Tất cả chủ đề' }).click();
    await expect(page.getByRole('heading', { name: 'Câu 1 / 10' })).toBeVisible();
    await expectFits(page, 'quiz question');

    await page.goto('/hotlines');
    await expect(page.getByRole('link', { name: '0769.04.04.04' })).toBeVisible();
    await expectFits(page, 'hotlines');

    await page.goto('/place');
    await expect(page.getByLabel('Xã, phường')).toBeVisible();
    await expectFits(page, 'village picker');

    await page.goto('/pair');
    await expect(page.getByRole('group', { name: 'Bàn phím số' })).toBeVisible();
    await expectFits(page, 'pairing');

    await page.goto(`/commitment?commune=${communeId}`);
    await page.getByRole('button', { name: /Cam kết hộ gia đình không ma túy/ }).click();
    await expect(page.getByLabel('Thôn, tổ dân phố')).toBeVisible();
    await expectFits(page, 'commitment form');

    await page.goto('/commitment/check');
    await expect(page.getByLabel('Mã biên nhận')).toBeVisible();
    await expectFits(page, 'commitment check');

    await page.goto('/contests');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFits(page, 'contest list');

    await page.goto(`/contests/${contestId}`);
    const unit = page.getByLabel('Bạn thi cho thôn, trường hoặc cơ quan nào?');
    await expect(unit).toBeVisible();
    await expectFits(page, 'contest detail and registration');
    // The longest unit name must not widen the select past the form.
    const [selectBox, formBox] = await Promise.all([unit.boundingBox(), page.locator('form.register').boundingBox()]);
    expect(selectBox!.x + selectBox!.width).toBeLessThanOrEqual(formBox!.x + formBox!.width);

    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Bích Ngọc');
    await page.getByLabel('Năm sinh').fill('1990');
    await page
      .getByLabel('Số điện thoại di động')
      .fill(`09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
    await pickUnit(page);
    await page.getByLabel('Tôi đồng ý cho Ban Tổ chức dùng thông tin trên như đã nêu').check();
    await page.getByRole('button', { name: 'Đăng ký dự thi' }).click();
    await expect(page.getByTestId('recovery-code')).toBeVisible();
    await expectFits(page, 'contest recovery code');
    await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    await expect(page.getByText('Bạn đã đăng ký: Nguyễn Thị Bích Ngọc')).toBeVisible();
    await expectFits(page, 'contest after registration');
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Câu 1 / 3');
    await expectFits(page, 'contest question');

    await page.goto(`/contests/board/${roundId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFits(page, 'contest board');
  });
}

test('the kiosk draws its text in its own typeface, not whatever the machine has', async ({ page }) => {
  await page.goto('/hotlines');
  await expect(page.getByRole('link', { name: '0769.04.04.04' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const used = await page.evaluate(() => ({
    family: getComputedStyle(document.body).fontFamily,
    loaded: [...document.fonts]
      .filter((f) => f.status === 'loaded')
      .map((f) => `${f.family} ${f.weight} ${f.unicodeRange.includes('1EA0') ? 'vietnamese' : 'latin'}`),
  }));
  test.info().annotations.push({ type: 'fonts', description: used.loaded.join(', ') });
  expect(used.family).toMatch(/^"Be Vietnam Pro"/);
  // The page has Vietnamese letters in regular and bold text: both subsets of both weights were fetched and used.
  expect(used.loaded).toEqual(
    expect.arrayContaining([
      'Be Vietnam Pro 400 latin',
      'Be Vietnam Pro 400 vietnamese',
      'Be Vietnam Pro 700 latin',
      'Be Vietnam Pro 700 vietnamese',
    ]),
  );
});

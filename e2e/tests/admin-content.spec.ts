import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminPassword } from '../playwright.config.ts';
import { adminApi, demoCommunes, makeAccount } from './api.ts';
import { expectAccessible } from './axe.ts';
import { signIn } from './sign-in.ts';

type Api = Awaited<ReturnType<typeof adminApi>>;

const tagOf = () => Math.random().toString(36).slice(2, 8);

/** A valid single-answer question of a test's own, citing the given law (an earlier law's text says so). */
async function makeQuestion(api: Api, tag: string, opts: { law?: string; communeId?: string } = {}) {
  const law = opts.law ?? 'luat-120-2025';
  const earlier = law !== 'luat-120-2025' ? ' (danh mục cũ, trước đây)' : '';
  return api.json<{ id: string }>('POST', '/api/content/questions', {
    type: 'single',
    topic: 'substances',
    difficulty: 1,
    audience: 'all',
    lawVersion: 'luat-120-2025',
    reviewedOn: '2026-01-15',
    legalBasis: [
      { law: 'luat-120-2025', article: 'Điều 2', clause: null },
      ...(law !== 'luat-120-2025' ? [{ law, article: null, clause: null }] : []),
    ],
    correct: ['a'],
    vi: {
      text: `Câu hỏi thử ${tag}${earlier}: chất nào sau đây là ma túy?`,
      options: { a: 'Heroin', b: 'Nước lọc', c: 'Muối ăn' },
      explanation: `Heroin là chất ma túy${earlier}.`,
    },
    status: 'published',
    ...(opts.communeId ? { communeId: opts.communeId } : {}),
  });
}

test.describe('content: questions', () => {
  test('an admin edits a question and sees it saved', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const tag = tagOf();
    const question = await makeQuestion(api, tag);
    await signIn(page, 'admin', adminPassword);
    await page.goto(`/admin/content/questions/${question.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sửa câu hỏi');
    await expectAccessible(page, 'question editor');

    const text = page.getByLabel('Nội dung câu hỏi', { exact: true });
    await text.fill(`Câu hỏi đã sửa ${tag}: chất nào là ma túy?`);
    await page.getByLabel('Phương án b', { exact: true }).fill('Nước suối');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();

    await page.reload();
    await expect(text).toHaveValue(`Câu hỏi đã sửa ${tag}: chất nào là ma túy?`);
    await expect(page.getByLabel('Phương án b', { exact: true })).toHaveValue('Nước suối');
    const saved = await api.json<{ vi: { text: string } }>('GET', `/api/content/questions/${question.id}`);
    expect(saved.vi.text).toContain('đã sửa');

    await page.goto(`/admin/content/questions?q=${tag}`);
    await expect(page.getByRole('rowheader', { name: new RegExp(`Câu hỏi đã sửa ${tag}`) })).toBeVisible();
    await expectAccessible(page, 'question list');
  });

  test('a rule the question breaks is explained in Vietnamese and nothing is saved', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const tag = tagOf();
    const question = await makeQuestion(api, tag);
    await signIn(page, 'admin', adminPassword);
    await page.goto(`/admin/content/questions/${question.id}`);
    await page.getByLabel('Loại câu hỏi').selectOption('multiple');
    await page.getByLabel('Phương án d', { exact: true }).fill('Đường');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Câu “Nhiều đáp án” cần 2–4 đáp án đúng' })).toBeVisible();
    const after = await api.json<{ type: string }>('GET', `/api/content/questions/${question.id}`);
    expect(after.type).toBe('single');
  });

  test('marking a law outdated retires every question that cites it', async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    const { kienThuy } = await demoCommunes(api);
    // Commune items: the commune admin's bulk action reaches only them, never the shared national bank.
    const tag = tagOf();
    await makeQuestion(api, `${tag}a`, { law: 'nd-90-2024', communeId: kienThuy.id });
    await makeQuestion(api, `${tag}b`, { law: 'nd-90-2024', communeId: kienThuy.id });
    const user = await makeAccount(api, 'commune_admin', kienThuy.id);
    await signIn(page, user.username, user.password);

    await page.goto('/admin/content/questions');
    await page.getByLabel('Đánh dấu lỗi thời mọi nội dung dẫn chiếu văn bản…').selectOption('nd-90-2024');
    await page.getByRole('button', { name: 'Đánh dấu lỗi thời…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Nghị định 90/2024/NĐ-CP (đã thay thế)');
    await expectAccessible(page, 'outdate confirmation');
    await dialog.getByRole('button', { name: 'Đánh dấu lỗi thời' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Đã đánh dấu lỗi thời 0 bài và 2 câu hỏi/ })).toBeVisible();

    await page.goto(`/admin/content/questions?q=${tag}`);
    const rows = page.getByRole('row').filter({ hasText: `Câu hỏi thử ${tag}` });
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) await expect(row.getByText('Lỗi thời', { exact: true })).toBeVisible();
  });
});

/** A question bank sheet with the export's columns: two good rows and, in spreadsheet row 3, a single-answer question with two answers. */
async function questionSheet(tag: string): Promise<Buffer> {
  const columns = ['ref', 'type', 'topic', 'difficulty', 'audience', 'law_version', 'legal_basis', 'source', 'correct'];
  const more = ['reviewed_on', 'vi_text', 'vi_a', 'vi_b', 'vi_c', 'vi_d', 'vi_e', 'vi_explanation'];
  const row = (n: number, correct: string) => [
    `e2e-${tag}-${n}`,
    'single',
    'law',
    1,
    'all',
    'luat-120-2025',
    'luat-120-2025|Điều 5|',
    '',
    correct,
    '2026-01-15',
    `Câu nhập thử ${tag} số ${n}: luật nào đang có hiệu lực?`,
    'Luật 120/2025/QH15',
    'Luật 91/2025/QH15',
    'Luật 86/2025/QH15',
    '',
    '',
    'Luật Phòng, chống ma túy đang có hiệu lực là Luật 120/2025/QH15.',
  ];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('questions');
  sheet.addRow([...columns, ...more]);
  sheet.addRow(row(1, 'a'));
  sheet.addRow(row(2, 'a,b'));
  sheet.addRow(row(3, 'a'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

test.describe('content: question bank file', () => {
  test('a file with one bad row is reported by row number; all-or-nothing imports nothing', async ({
    page,
    baseURL,
  }) => {
    const api = await adminApi(baseURL!);
    const { kienThuy } = await demoCommunes(api);
    const user = await makeAccount(api, 'commune_admin', kienThuy.id);
    const tag = tagOf();
    await signIn(page, user.username, user.password);
    await page.goto('/admin/content/questions/import');
    await expect(page.getByRole('link', { name: 'Tải tệp XLSX' })).toHaveAttribute('href', /questions\/export/);
    await expect(page.getByText(/được ghi vào nhật ký thao tác/)).toBeVisible();
    await expectAccessible(page, 'question import');

    await page.getByLabel('Chọn tệp XLSX').setInputFiles({
      name: 'cau-hoi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await questionSheet(tag),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect(page.getByRole('heading', { name: /Kết quả kiểm tra: 2 dòng hợp lệ, 1 dòng lỗi/ })).toBeVisible();
    const bad = page.getByRole('row').filter({ hasText: `e2e-${tag}-2` });
    await expect(bad.getByRole('rowheader')).toContainText('3');
    await expect(bad).toContainText(/Dòng 3, cột “correct”: “[^”]+” chưa đúng. Câu “Một đáp án” cần 1 đáp án đúng/);
    await expectAccessible(page, 'question import report');

    await page.getByLabel('Không nhập gì cả (tất cả hoặc không)').check();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Không nhập dòng nào' })).toBeVisible();
    expect((await api.json<{ total: number }>('GET', `/api/content/questions?q=${tag}`)).total).toBe(0);

    await page.getByLabel('Chỉ nhập các dòng hợp lệ').check();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã nhập: 2 câu thêm mới' })).toBeVisible();
    expect((await api.json<{ total: number }>('GET', `/api/content/questions?q=${tag}`)).total).toBe(2);
  });
});

test.describe('content: lessons', () => {
  test('script and event handlers in a lesson body stay inert in the preview', async ({ page, baseURL }) => {
    await adminApi(baseURL!);
    const tag = tagOf();
    await signIn(page, 'admin', adminPassword);
    await page.goto('/admin/content/lessons/new');
    // Before the body: the injected <img> below has no alt text, which axe rightly reports as the author's fault.
    await expectAccessible(page, 'lesson editor');
    await page.getByLabel('Đường dẫn (slug)').fill(`bai-thu-${tag}`);
    await page.getByLabel('Tiêu đề', { exact: true }).fill(`Bài thử ${tag}`);
    await page.getByLabel('Tóm tắt một dòng').fill('Bài thử nghiệm để kiểm tra nội dung an toàn.');
    await page
      .getByLabel('Nội dung (Markdown)')
      .fill(
        `## Tiêu đề an toàn ${tag}\n\nĐoạn văn.\n\n<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=2">\n`,
      );
    const preview = page.locator('#lesson-body-preview');
    await expect(preview.getByRole('heading', { name: `Tiêu đề an toàn ${tag}` })).toBeVisible();
    await expectInert(page, preview);

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/content\/lessons\/[0-9a-f-]{36}$/);
    await page.reload();
    await expect(preview.getByRole('heading', { name: `Tiêu đề an toàn ${tag}` })).toBeVisible();
    await expectInert(page, preview);
  });

  test('the lesson list, hotlines and slogans are accessible; a commune admin adds a hotline', async ({
    page,
    baseURL,
  }) => {
    const api = await adminApi(baseURL!);
    const { giaVien } = await demoCommunes(api);
    const user = await makeAccount(api, 'commune_admin', giaVien.id);
    await signIn(page, user.username, user.password);
    await page.goto('/admin/content');
    await expect(page).toHaveURL(/\/admin\/content\/lessons/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nội dung');
    await expectAccessible(page, 'lesson list');

    await page.goto('/admin/content/hotlines');
    const national = page.getByRole('row').filter({ hasText: 'Toàn quốc' }).first();
    await expect(national).toBeVisible();
    await expect(national.getByRole('button')).toHaveCount(0);
    await page.getByRole('button', { name: 'Thêm số điện thoại' }).click();
    await expectAccessible(page, 'hotline dialog');
    const tag = tagOf();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên (tiếng Việt)').fill(`Công an xã ${tag}`);
    await dialog.getByLabel('Tên (tiếng Anh)').fill(`Commune police ${tag}`);
    await dialog.getByLabel('Số điện thoại').fill('0225.3.123.456');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByRole('row').filter({ hasText: `Công an xã ${tag}` });
    await expect(row).toContainText(giaVien.name);
    await expect(row.getByRole('button', { name: `Sửa: Công an xã ${tag}` })).toBeVisible();
    await expectAccessible(page, 'hotline list');

    await page.goto('/admin/content/slogans');
    await page.getByRole('button', { name: 'Thêm khẩu hiệu' }).click();
    await expectAccessible(page, 'slogan dialog');
  });
});

/** Nothing the author typed ran, and no script or event handler reached the preview's DOM. */
async function expectInert(page: Page, preview: Locator) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const html = await preview.innerHTML();
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/onerror/i);
  expect(await preview.locator('script, [onerror]').count()).toBe(0);
}

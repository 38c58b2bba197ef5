import { expect, test } from '@playwright/test';

// The whole pack, not one of its parts (/api/content/pack/…).
const isWholePack = (url: string) => new URL(url).pathname === '/api/content/pack';

test.describe('kiosk content pack', () => {
  test('is asked for with its ETag, and only a complete new pack replaces the stored one', async ({ page }) => {
    const first = page.waitForResponse((r) => isWholePack(r.url()));
    await page.goto('/lessons');
    const firstResponse = await first;
    expect(firstResponse.status()).toBe(200);
    const etag = firstResponse.headers().etag!;
    const pack = await firstResponse.json();
    const title = pack.lessons.find((l: { locale: string }) => l.locale === 'vi').title as string;
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    // Unchanged: the next start sends If-None-Match and gets 304, and keeps the stored pack.
    const again = page.waitForRequest((r) => isWholePack(r.url()));
    const notModified = page.waitForResponse((r) => isWholePack(r.url()));
    await page.reload();
    expect((await again).headers()['if-none-match']).toBe(etag);
    expect((await notModified).status()).toBe(304);
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    // A body cut off by a dropped connection: the stored pack stays.
    await page.route('**/api/content/pack*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"version":"cut","lessons":[{"id":' }),
    );
    await page.reload();
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    // A complete new pack replaces it, and is what the next start reads.
    const changed = {
      ...pack,
      version: 'new',
      lessons: pack.lessons.map((l: { title: string }) =>
        l.title === title ? { ...l, title: 'Bài mới cập nhật' } : l,
      ),
    };
    await page.unroute('**/api/content/pack*');
    await page.route('**/api/content/pack*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', headers: { etag: '"new"' }, json: changed }),
    );
    await page.reload();
    await expect(page.getByRole('link', { name: 'Bài mới cập nhật' })).toBeVisible();
    await page.unroute('**/api/content/pack*');
    await page.route('**/api/content/pack*', (route) => route.abort('connectionrefused'));
    await page.reload();
    await expect(page.getByRole('link', { name: 'Bài mới cập nhật' })).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  });
});

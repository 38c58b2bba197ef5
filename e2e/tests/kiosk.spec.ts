import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { startOwnServer } from './server.ts';

test.describe('kiosk app shell', () => {
  test('attract screen leads to large home tiles, in Vietnamese or English', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expectAccessible(page, 'attract screen');
    await page.getByRole('link', { name: 'Chạm để bắt đầu' }).click();
    await expect(page).toHaveURL(/\/home$/);
    for (const name of ['Bài tuyên truyền', 'Tự kiểm tra kiến thức', 'Cuộc thi', 'Ký cam kết', 'Đường dây nóng']) {
      const tile = page.getByRole('link', { name });
      await expect(tile).toBeVisible();
      const box = (await tile.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await expectAccessible(page, 'home');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Self-check quiz' })).toBeVisible();
    // The tip box's words come with its screen, in the language chosen; back home, switching again reaches them too.
    await page.getByRole('link', { name: 'Tip box' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Online tip box' })).toBeVisible();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hòm thư tố giác trực tuyến' })).toBeVisible();
  });

  test('is an installable PWA that opens offline after the first visit', async ({ page }) => {
    const server = await startOwnServer(4400 + test.info().workerIndex);
    try {
      const manifest = await (await page.request.get(`${server.baseURL}/manifest.webmanifest`)).json();
      expect(manifest).toMatchObject({ name: 'Vùng Xanh', start_url: '/', display: 'standalone' });
      expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
        expect.arrayContaining(['192x192', '512x512']),
      );
      await page.goto(`${server.baseURL}/home`);
      await page.evaluate(async () => {
        const worker = (await navigator.serviceWorker.ready).active!;
        if (worker.state !== 'activated') {
          await new Promise((r) =>
            worker.addEventListener('statechange', () => worker.state === 'activated' && r(null)),
          );
        }
      });
      await page.reload();
      await server.stop();
      await page.goto(`${server.baseURL}/hotlines`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goto(`${server.baseURL}/home`);
      await expect(page.getByRole('link', { name: 'Bài tuyên truyền' })).toBeVisible();
      // navigator.onLine still says online, but the app found the server gone and says so.
      await expect(page.getByText('Đang ngoại tuyến')).toBeVisible();
      // A screen never opened before, drawn in the browser, with words of its own: they come from the cache too.
      await page.goto(`${server.baseURL}/tips`);
      await expect(page.getByRole('heading', { level: 1, name: 'Hòm thư tố giác trực tuyến' })).toBeVisible();
    } finally {
      await server.stop().catch(() => undefined);
    }
  });

  test('sends a strict content security policy with the page', async ({ request }) => {
    const res = await request.get('/home');
    const csp = res.headers()['content-security-policy']!;
    // WebAssembly compilation (the tip box's libsodium) and the page's own inline scripts by hash: no eval, nothing else.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('asks for its styles before the scripts, on prerendered pages and the fallback page alike', async ({
    request,
  }) => {
    for (const path of ['/home', '/commitment', '/quiz/law', '/lessons/any-lesson', '/contests/any-contest']) {
      const html = await (await request.get(path)).text();
      const firstStyle = html.indexOf('rel="stylesheet"');
      expect(firstStyle, path).toBeGreaterThan(-1);
      expect(firstStyle, path).toBeLessThan(html.indexOf('rel="modulepreload"'));
    }
  });
});

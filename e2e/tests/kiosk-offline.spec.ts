import { expect, test } from '@playwright/test';
import {
  adminApi,
  collectSentIds,
  finishQuiz,
  outboxCount,
  pairOnPage,
  readLesson,
  waitForServiceWorker,
} from './kiosk-helpers.ts';
import { ownServerPassword, startOwnServer } from './server.ts';
import { scaled } from '../timeouts.ts';

// Each test runs its own server so it can stop it: that is what a kiosk sees when the network goes.
const port = (n: number) => 4500 + test.info().workerIndex * 10 + n;

test.describe('kiosk offline: nothing lost, nothing counted twice', () => {
  test('reads and quizzes offline, survives a reload, and sends every event once when the server is back', async ({
    page,
  }) => {
    test.setTimeout(scaled(120_000));
    let server = await startOwnServer(port(1));
    const admin = await adminApi(server.baseURL, ownServerPassword);
    try {
      const kiosk = await admin.createKiosk();
      const sent = collectSentIds(page);
      await pairOnPage(page, server.baseURL, kiosk.code);
      await waitForServiceWorker(page);

      // Online first: the pack arrives and one lesson is read; its events are acknowledged at once.
      await page.goto(`${server.baseURL}/lessons`);
      await readLesson(page, 0);
      await expect.poll(() => admin.eventsCount(kiosk.id)).toBe(2);
      // The kiosk clears its outbox only once it has read the server's answer, a moment after the server stored it.
      await expect.poll(() => outboxCount(page)).toBe(0);

      await server.stop();

      // Offline: the app, its pack and the quiz come from the device.
      await page.goto(`${server.baseURL}/lessons`);
      await readLesson(page, 1);
      await page.getByRole('link', { name: 'Vùng Xanh' }).click();
      await page.getByRole('link', { name: 'Tự kiểm tra kiến thức' }).click();
      await page.getByRole('button', { name: 'Tất cả chủ đề' }).click();
      await finishQuiz(page);
      await expect(page.getByRole('status').filter({ hasText: 'Đang ngoại tuyến · 3 mục chờ gửi' })).toBeVisible();
      expect(await outboxCount(page)).toBe(3);

      await page.reload();
      await expect(page.getByRole('heading', { name: 'Tự kiểm tra kiến thức' })).toBeVisible();
      await expect(page.getByText('Đang ngoại tuyến · 3 mục chờ gửi')).toBeVisible();
      await page.goto(`${server.baseURL}/hotlines`);
      await expect(page.getByRole('link', { name: '113' }).or(page.getByText('113', { exact: true }))).toBeVisible();
      expect(await outboxCount(page)).toBe(3);

      // Back online on the same database: the app notices by itself and drains the outbox.
      server = await startOwnServer(port(1), { dataDir: server.dataDir });
      await expect.poll(() => outboxCount(page), { timeout: scaled(45_000) }).toBe(0);
      await expect(page.getByText('Đang ngoại tuyến')).toBeHidden();
      expect(sent.size).toBe(5);
      expect(await admin.eventsCount(kiosk.id)).toBe(5);
    } finally {
      await admin.dispose();
      await server.stop();
    }
  });

  test('a response lost after the server stored a batch: the batch goes again, one row per event', async ({ page }) => {
    test.setTimeout(scaled(60_000));
    const server = await startOwnServer(port(2));
    const admin = await adminApi(server.baseURL, ownServerPassword);
    try {
      const kiosk = await admin.createKiosk();
      await pairOnPage(page, server.baseURL, kiosk.code);
      const batches: string[][] = [];
      let lost = 0;
      await page.route('**/api/events', async (route) => {
        batches.push((route.request().postDataJSON() as { events: { id: string }[] }).events.map((e) => e.id));
        // The server gets the batch and stores it; the answer never reaches the device, once.
        const response = await route.fetch();
        if (lost++ === 0) {
          expect(response.status()).toBe(200);
          return route.abort('connectionreset');
        }
        return route.fulfill({ response });
      });

      await page.goto(`${server.baseURL}/lessons`);
      await readLesson(page, 0);
      await expect.poll(() => outboxCount(page), { timeout: scaled(20_000) }).toBe(0);

      const firstBatch = batches[0]!;
      expect(firstBatch.length).toBeGreaterThan(0);
      // The lost batch's events were sent again in a later batch…
      expect(batches.slice(1).some((b) => firstBatch.every((id) => b.includes(id)))).toBe(true);
      // …and stored once: two events, two rows.
      expect(new Set(batches.flat()).size).toBe(2);
      expect(await admin.eventsCount(kiosk.id)).toBe(2);
    } finally {
      await admin.dispose();
      await server.stop();
    }
  });
});

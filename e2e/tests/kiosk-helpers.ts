import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

/** An admin's API session on one server: creates, changes and revokes kiosks, and reads their event counts. */
export async function adminApi(baseURL: string, password: string) {
  // Writes must carry our own Origin, as a browser would send it.
  const api: APIRequestContext = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password } });
  expect(login.status(), await login.text()).toBe(200);

  const communes = (await (await api.get('/api/public/communes')).json()).items as { id: string; name: string }[];
  const communeId = communes[0]!.id;
  const villages = (await (await api.get(`/api/public/villages?communeId=${communeId}`)).json()).items as {
    id: string;
    name: string;
  }[];

  return {
    communeId,
    villages,
    async createKiosk(body: { name?: string; villageIndex?: number; idleSeconds?: number } = {}) {
      const village = villages[body.villageIndex ?? 0]!;
      const res = await api.post('/api/kiosks', {
        data: {
          name: body.name ?? 'Ki-ốt nhà văn hóa',
          villageId: village.id,
          ...(body.idleSeconds ? { idleSeconds: body.idleSeconds } : {}),
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      const created = await res.json();
      return { id: created.kiosk.id as string, code: created.pairingCode as string, village };
    },
    async patchKiosk(id: string, patch: { idleSeconds?: number; name?: string }) {
      const res = await api.patch(`/api/kiosks/${id}`, { data: patch });
      expect(res.status(), await res.text()).toBe(200);
    },
    async revoke(id: string) {
      expect((await api.post(`/api/kiosks/${id}/revoke`)).status()).toBe(200);
    },
    /** Rows the server stored for the kiosk (a replayed id is acknowledged but not counted again). */
    async eventsCount(id: string): Promise<number> {
      const { items } = await (await api.get(`/api/kiosks?communeId=${communeId}`)).json();
      return (items as { id: string; eventsCount: number }[]).find((k) => k.id === id)!.eventsCount;
    },
    dispose: () => api.dispose(),
  };
}

/** Pairs the page's device on the pairing page, typing the code on the on-screen keypad. */
export async function pairOnPage(page: Page, baseURL: string, code: string) {
  await page.goto(`${baseURL}/pair`);
  const keypad = page.getByRole('group', { name: 'Bàn phím số' });
  for (const digit of code) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByLabel('Mã ghép nối (6 số)')).toHaveValue(code);
  await page.getByRole('button', { name: 'Ghép nối', exact: true }).click();
  await expect(page.getByText(/^Đã ghép nối\./)).toBeVisible();
}

/** Waits until the service worker controls the app, so a reload works with the server gone. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated') {
      await new Promise((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r(null)));
    }
  });
}

/** How many events wait in the device's outbox (IndexedDB), read the way the app stores them. */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('vungxanh-kiosk');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) return ok(0);
          const count = db.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => ok(count.result);
          count.onerror = () => fail(count.error);
        };
      }),
  );
}

/** Every distinct event id the page posted to /api/events, whatever the answer was. */
export function collectSentIds(page: Page): Set<string> {
  const ids = new Set<string>();
  page.on('request', (req) => {
    if (!req.url().endsWith('/api/events') || req.method() !== 'POST') return;
    for (const e of (req.postDataJSON() as { events: { id: string }[] }).events) ids.add(e.id);
  });
  return ids;
}

/** From the lesson list, opens a lesson and pages to its end: one lesson_opened and one lesson_completed. */
export async function readLesson(page: Page, nth = 0) {
  await page.locator('main li h3 a').nth(nth).click();
  await expect(page.getByText(/^Trang 1 \/ \d+$/)).toBeVisible();
  while (await page.getByRole('button', { name: 'Trang sau' }).isVisible()) {
    await page.getByRole('button', { name: 'Trang sau' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Bạn đã đọc hết bài.' })).toBeVisible();
}

/** Answers every question of a round (the first option, or the first box and "Trả lời"): one quiz_completed. */
export async function finishQuiz(page: Page) {
  for (let i = 0; i < 20; i++) {
    const heading = page.getByRole('heading', { name: /^Câu \d+ \/ \d+$/ });
    await expect(heading).toBeVisible();
    const confirm = page.getByRole('button', { name: 'Trả lời', exact: true });
    if (await confirm.isVisible()) {
      await page.locator('main input[type=checkbox]').first().check();
      await confirm.click();
    } else {
      await page.locator('main ul.options button').first().click();
    }
    await expect(page.getByRole('heading', { name: /^(Đúng rồi!|Chưa đúng)$/ })).toBeVisible();
    const next = page.getByRole('button', { name: /^(Câu tiếp theo|Xem kết quả)$/ });
    const last = (await next.textContent())!.includes('Xem kết quả');
    await next.click();
    if (last) break;
  }
  await expect(page.getByRole('heading', { name: 'Kết quả của bạn' })).toBeVisible();
}

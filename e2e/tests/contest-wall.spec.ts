import { expect, test, type Page } from '@playwright/test';
import { adminApi, demoCommunes } from './api.ts';
import { pairOnPage, waitForServiceWorker } from './kiosk-helpers.ts';
import { pickUnit } from './contest-helpers.ts';
import { utcToVnLocal } from '@vungxanh/domain';

const vnLocal = (ms: number) => utcToVnLocal(new Date(ms));
const phone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

interface Drawn {
  id: string;
  text: string;
  explanation: string;
}

/** Everything the kiosk keeps on the device: every Cache Storage entry, local and session storage, every IndexedDB record. */
async function deviceStorage(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(async () => {
    const out: { where: string; text: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        out.push({ where: `cache ${name} ${req.url}`, text: res ? await res.text() : '' });
      }
    }
    for (const [label, store] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        out.push({ where: `${label} ${key}`, text: store.getItem(key) ?? '' });
      }
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const storeName of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((ok, fail) => {
          const req = db.transaction(storeName).objectStore(storeName).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        all.forEach((record, i) =>
          out.push({ where: `indexedDB ${info.name}/${storeName}#${i}`, text: JSON.stringify(record) }),
        );
      }
      db.close();
    }
    return out;
  });
}

test('a kiosk that ran a contest round keeps no key of a drawn question: not in its caches, not in its storage', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(baseURL!);
  const { giaVien } = await demoCommunes(api);
  const villages = await api.json<{ items: { id: string }[] }>('GET', `/api/public/villages?communeId=${giaVien.id}`);
  const kiosk = await api.json<{ pairingCode: string }>('POST', '/api/kiosks', {
    name: 'Ki-ốt thử bức tường',
    villageId: villages.items[0]!.id,
  });
  const contest = await api.json<{ id: string }>('POST', '/api/contests', {
    communeId: giaVien.id,
    title: `Cuộc thi thử bức tường ${Math.random().toString(36).slice(2, 7)}`,
  });
  await api.json('POST', `/api/contests/${contest.id}/rounds`, {
    name: 'Đợt 1',
    startsAt: vnLocal(Date.now() - 120_000),
    endsAt: vnLocal(Date.now() + 3_600_000),
    questionCount: 5,
    timeLimitSeconds: 600,
    attemptsAllowed: 1,
  });
  await api.json('POST', `/api/contests/${contest.id}/status`, { status: 'published' });

  // A paired kiosk with its service worker and its content pack, used for self-check first.
  await pairOnPage(page, baseURL!, kiosk.pairingCode);
  await waitForServiceWorker(page);
  await page.goto('/lessons');
  await expect(page.locator('main li h3 a').first()).toBeVisible();

  // Someone takes the round on the kiosk and answers a question, as a cheater would before looking around.
  await page.goto(`/contests/${contest.id}`);
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Thử');
  await page.getByLabel('Năm sinh').fill('1990');
  await page.getByLabel('Số điện thoại di động').fill(phone());
  await pickUnit(page);
  await page.getByLabel('Tôi đồng ý cho Ban Tổ chức dùng thông tin trên như đã nêu').check();
  await page.getByRole('button', { name: 'Đăng ký dự thi' }).click();
  await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
  const started = page.waitForResponse((r) => /\/api\/public\/contests\/rounds\/[^/]+\/attempts$/.test(r.url()));
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  const attempt = (await (await started).json()) as { questions: { id: string }[] };
  expect(attempt.questions).toHaveLength(5);
  await page.locator('input[name^="q-"]').first().check();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  // The drawn questions as the bank holds them (only the system's editor may read them).
  const drawn: Drawn[] = await Promise.all(
    attempt.questions.map(async ({ id }) => {
      const q = await api.json<{ vi: { text: string; explanation: string }; bank: string }>(
        'GET',
        `/api/content/questions/${id}`,
      );
      expect(q.bank).toBe('contest');
      return { id, text: q.vi.text, explanation: q.vi.explanation };
    }),
  );

  // Back on the kiosk's self-check, so the pack is fetched again after the round began.
  await page.goto('/quiz');
  await expect(page.getByRole('heading', { name: 'Tự kiểm tra kiến thức' })).toBeVisible();

  const stored = await deviceStorage(page);
  // The kiosk keeps its pack in IndexedDB; a cached response of the pack route counts as the pack too.
  const isPack = (where: string) => where.includes('/api/content/pack') || where.includes('vungxanh-kiosk/pack');
  const pack = stored.filter((s) => isPack(s.where));
  expect(pack.length, 'the pack is cached on the device').toBeGreaterThan(0);
  expect(
    pack.some((s) => s.text.includes('"correct"')),
    'the check reads what the cache holds',
  ).toBe(true);
  for (const entry of stored) {
    for (const q of drawn) {
      const named = entry.text.includes(q.id) || entry.text.includes(q.text);
      const keyed = /"correct"\s*:/.test(entry.text) || entry.text.includes(q.explanation);
      expect(named && (isPack(entry.where) || keyed), `${entry.where} holds question ${q.id} with its key`).toBe(false);
    }
  }
  await api.dispose();
});

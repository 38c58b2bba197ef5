import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './kiosk-helpers.ts';

const pathOf = (url: string) => new URL(url).pathname;

/**
 * Who asked for each address (path and query): `page` for a script in the page's HTML, `app` for the app's scripts
 * (Chromium names the script that made each request).
 */
async function askedBy(page: Page): Promise<(pathAndQuery: string) => string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen: { at: string; by: string }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    const url = new URL(e.request.url);
    const frame = e.initiator.stack?.callFrames[0]?.url ?? '';
    const by = frame.includes('/_app/')
      ? 'app'
      : frame && new URL(frame).pathname === pathOf(e.documentURL)
        ? 'page'
        : 'other';
    seen.push({ at: url.pathname + url.search, by });
  });
  return (at) => seen.filter((s) => s.at === at).map((s) => s.by);
}

test.describe('kiosk content pack in parts', () => {
  test('a cold visit to a lesson fetches the contents and that lesson, not the whole pack', async ({ page }) => {
    const index = await (await page.request.get('/api/content/pack/contents')).json();
    const lesson = index.lessons.find((l: { locale: string }) => l.locale === 'vi') as { slug: string; title: string };
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (pathOf(r.url()).startsWith('/api/content/')) fetched.push(pathOf(r.url()));
    });

    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(page.getByText(/^Trang 1 \/ \d+$/)).toBeVisible();
    const beforeLesson = [...fetched];
    expect(beforeLesson).toContain('/api/content/pack/contents');
    expect(beforeLesson).toContain(`/api/content/pack/lessons/${lesson.slug}`);
    // The whole pack may follow once the lesson shows (for offline use), never before its part.
    const whole = beforeLesson.indexOf('/api/content/pack');
    if (whole >= 0) expect(whole).toBeGreaterThan(beforeLesson.indexOf(`/api/content/pack/lessons/${lesson.slug}`));
  });

  test('a lesson opened cold by its link asks for its text from the page itself, once, with its faces preloaded', async ({
    page,
  }) => {
    const index = await (await page.request.get('/api/content/pack/contents')).json();
    const lesson = index.lessons.find((l: { locale: string }) => l.locale === 'vi') as { slug: string; title: string };
    const asked = await askedBy(page);
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.woff2')) fonts.push(pathOf(r.url()));
    });

    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(page.locator('.lesson-body p').first()).toBeVisible();
    // Asked for once, by the page's own HTML while it was read, not by the app's scripts after they loaded.
    expect(asked(`/api/content/pack/lessons/${lesson.slug}`)).toEqual(['page']);
    // The faces the fallback page preloads are the ones its text uses: each fetched once (a preload that does not
    // match the stylesheet's request would be fetched twice).
    const preloaded = await page
      .locator('link[rel="preload"][as="font"]')
      .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(preloaded).toHaveLength(4);
    for (const font of preloaded) expect(fonts.filter((f) => f === font)).toHaveLength(1);
  });

  test('a quiz topic opened cold by its link asks for the contents and its questions from the page itself', async ({
    page,
  }) => {
    const asked = await askedBy(page);
    await page.goto('/quiz/law');
    await expect(page.getByRole('heading', { name: /^Câu 1 \/ \d+$/ })).toBeVisible();
    expect(asked('/api/content/pack/contents')).toEqual(['page']);
    expect(asked('/api/content/pack/questions?topic=law')).toEqual(['page']);
  });

  test('a phone with a chosen village reads the version of its commune, with no early request for another', async ({
    page,
  }) => {
    const communes = (await (await page.request.get('/api/public/communes')).json()).items as {
      id: string;
      name: string;
    }[];
    const commune = communes[0]!;
    const villages = (await (await page.request.get(`/api/public/villages?communeId=${commune.id}`)).json()).items as {
      id: string;
      name: string;
    }[];
    const place = {
      communeId: commune.id,
      communeName: commune.name,
      villageId: villages[0]!.id,
      villageName: villages[0]!.name,
    };
    await page.addInitScript((value) => localStorage.setItem('vungxanh.kiosk.place', value), JSON.stringify(place));
    const index = await (await page.request.get('/api/content/pack/contents')).json();
    const lesson = index.lessons.find((l: { locale: string }) => l.locale === 'vi') as { slug: string; title: string };
    const asked: string[] = [];
    page.on('request', (r) => {
      if (pathOf(r.url()) === `/api/content/pack/lessons/${lesson.slug}`) asked.push(new URL(r.url()).search);
    });

    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    expect(asked).toEqual([`?communeId=${commune.id}`]);
  });

  test('after the first visit the whole pack is on the device: lessons and the quiz work offline', async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    const whole = page.waitForResponse((r) => pathOf(r.url()) === '/api/content/pack' && r.status() === 200);
    await page.goto('/lessons');
    await waitForServiceWorker(page);
    await whole;
    const titles = (await page.locator('main li h3 a').allTextContents()).slice(0, 3);
    expect(titles.length).toBeGreaterThan(1);
    // Stored in IndexedDB once it arrived whole: the whole pack's answer is followed by its write.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<boolean>((ok) => {
              const open = indexedDB.open('vungxanh-kiosk');
              open.onsuccess = () => {
                const get = open.result.transaction('pack').objectStore('pack').get('current');
                get.onsuccess = () => ok(!!get.result?.pack?.lessons?.length);
                get.onerror = () => ok(false);
              };
              open.onerror = () => ok(false);
            }),
        ),
      )
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    // A lesson never opened online, then the quiz: both from the stored pack.
    await page.getByRole('link', { name: titles[1]! }).click();
    await expect(page.getByText(/^Trang 1 \/ \d+$/)).toBeVisible();
    await page.goto('/quiz');
    await page.getByRole('button', { name: 'Tất cả chủ đề' }).click();
    await expect(page.getByRole('heading', { name: /^Câu 1 \/ \d+$/ })).toBeVisible();
    await context.setOffline(false);
  });
});

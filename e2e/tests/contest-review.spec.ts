import { expect, request, test } from '@playwright/test';
import { adminApi, demoCommunes } from './api.ts';
import { expectAccessible } from './axe.ts';
import { utcToVnLocal } from '@vungxanh/domain';

const vnLocal = (ms: number) => utcToVnLocal(new Date(ms));
const phone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

type Attempt = { id: string; questions: { id: string; options: { id: string; text: string }[] }[] };
type BankQuestion = { correct: string[]; vi: { text: string; explanation: string; options: Record<string, string> } };

test('after the round ends a participant reviews each attempt with the right answers and the one that counts; the board ranks units', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(baseURL!);
  const { kienThuy } = await demoCommunes(api);
  const title = `Cuộc thi xem lại ${Math.random().toString(36).slice(2, 7)}`;
  const contest = await api.json<{ id: string }>('POST', '/api/contests', { communeId: kienThuy.id, title });
  const round = await api.json<{ id: string }>('POST', `/api/contests/${contest.id}/rounds`, {
    name: 'Đợt 1',
    startsAt: vnLocal(Date.now() - 60_000),
    endsAt: vnLocal(Date.now() + 3_600_000),
    questionCount: 3,
    timeLimitSeconds: 300,
    attemptsAllowed: 2,
    countingRule: 'best',
  });
  await api.json('POST', `/api/contests/${contest.id}/status`, { status: 'published' });

  // The participant registers and takes two attempts through the public API: all wrong, then all right.
  const pub = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const detail = await (await pub.get(`/api/public/contests/${contest.id}`)).json();
  const unit = detail.units[0] as { kind: string; id: string; name: string };
  const reg = await pub.post(`/api/public/contests/${contest.id}/register`, {
    data: {
      clientId: crypto.randomUUID(),
      fullName: 'Ngô Thị Lan',
      birthYear: 1988,
      phone: phone(),
      unitKind: unit.kind,
      unitId: unit.id,
      consent: true,
    },
  });
  expect(reg.status()).toBe(201);
  const token = (await reg.json()).token as string;
  const headers = { 'x-participant-token': token };
  const bank = new Map<string, BankQuestion>();
  const attempts: Attempt[] = [];
  for (const right of [false, true]) {
    const started = await pub.post(`/api/public/contests/rounds/${round.id}/attempts`, { headers, data: {} });
    expect(started.status()).toBe(201);
    const a = (await started.json()) as Attempt;
    for (const q of a.questions) {
      if (!bank.has(q.id)) bank.set(q.id, await api.json<BankQuestion>('GET', `/api/content/questions/${q.id}`));
      const key = bank.get(q.id)!.correct;
      const chosen = right ? key : [q.options.find((o) => !key.includes(o.id))!.id];
      const saved = await pub.put(`/api/public/contests/attempts/${a.id}/answers/${q.id}`, {
        headers,
        data: { chosen },
      });
      expect(saved.status()).toBe(200);
    }
    expect((await pub.post(`/api/public/contests/attempts/${a.id}/submit`, { headers })).status()).toBe(200);
    attempts.push(a);
  }

  // While the round runs there is no review: no button, and the API refuses it.
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(`/contests/${contest.id}`);
  await page.evaluate(([id, t]) => localStorage.setItem(`vungxanh.contest.${id}`, t!), [contest.id, token]);
  await page.reload();
  await expect(page.getByText('Bạn đã đăng ký: Ngô Thị Lan')).toBeVisible();
  await expect(page.getByText('Đúng 3 / 3 câu')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem lại bài làm' })).toHaveCount(0);
  const early = await pub.get(`/api/public/contests/attempts/${attempts[1]!.id}/review`, { headers });
  expect(early.status()).toBe(409);
  const explained = [...bank.values()].find((b) => b.vi.explanation.length > 20);
  if (explained) expect(JSON.stringify(await early.json())).not.toContain(explained.vi.explanation);

  await api.json('POST', `/api/contests/${contest.id}/status`, { status: 'closed' });

  // After the end: the counted attempt (the best, the second) is labelled, the first is labelled as not counting.
  // Public contest pages may be cached for a few seconds (PUBLIC_CACHE_SECONDS), so the end shows after a reload or two.
  const reviewLink = page.getByRole('link', { name: 'Xem lại bài làm' });
  await expect(async () => {
    await page.reload();
    await expect(reviewLink).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await reviewLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xem lại bài làm: Đợt 1');
  await expect(page.getByText('Lượt được tính vào xếp hạng: Lượt cao điểm nhất.')).toBeVisible();
  const second = page.getByRole('region', { name: 'Lượt 2: Đúng 3 / 3 câu' });
  const first = page.getByRole('region', { name: 'Lượt 1: Đúng 0 / 3 câu' });
  await expect(second.getByText('Lượt này được tính', { exact: false })).toBeVisible();
  await expect(first.getByText('Lượt này không được tính')).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    'Lượt 2: Đúng 3 / 3 câu',
    'Lượt 1: Đúng 0 / 3 câu',
  ]);

  // Each question of the counted attempt: the right option named in words, the explanation, the law.
  for (const q of attempts[1]!.questions) {
    const b = bank.get(q.id)!;
    const item = second.getByRole('listitem').filter({ has: page.getByRole('heading', { name: b.vi.text }) });
    await expect(item.getByText('✓ Đúng', { exact: true })).toBeVisible();
    for (const id of b.correct) {
      // The option's own line ("B. …"), so that a "Đúng" option is not confused with the "Đáp án đúng" mark.
      const i = q.options.findIndex((o) => o.id === id);
      const line = `${String.fromCharCode(65 + i)}. ${q.options[i]!.text}`;
      const option = item.getByRole('listitem').filter({ has: page.getByText(line, { exact: true }) });
      await expect(option).toContainText('✓ Đáp án đúng');
      await expect(option).toContainText('● Bạn chọn');
    }
    if (b.vi.explanation) await expect(item).toContainText(b.vi.explanation);
  }
  await expect(second.getByText('Căn cứ:').first()).toBeVisible();
  await expectAccessible(page, 'attempt review on a phone');

  // The attempt that does not count opens on demand and shows the wrong choices beside the right ones.
  await first.getByText('Xem các câu của lượt 1').click();
  await expect(first.getByText('✗ Sai', { exact: true })).toHaveCount(3);
  await expect(first.getByText('✓ Đáp án đúng')).not.toHaveCount(0);
  await expectAccessible(page, 'attempt review, the attempt that does not count opened');

  // The kiosk board of the round: the individual ranking and, beside it, the unit ranking without any person.
  const kiosk = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await kiosk.goto(`/contests/board/${round.id}`);
  await expect(kiosk.getByRole('heading', { name: 'Xếp hạng cá nhân' })).toBeVisible();
  const units = kiosk.getByRole('region', { name: 'Xếp hạng tập thể' });
  const row = units.getByRole('row').filter({ hasText: unit.name });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(0)).toHaveText('1');
  await expect(units).not.toContainText('Ngô Thị Lan');
  await expectAccessible(kiosk, 'board with the unit ranking');
  await pub.dispose();
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadBoard, loadContent } from '@vungxanh/content';
import { seedContent } from '@vungxanh/db/seed';
import { createHarness, world } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;
const shipped = loadContent();
beforeAll(async () => {
  h = await createHarness();
  w = await world(h);
  await seedContent(h.db, { ...shipped, ...loadBoard() });
});
afterAll(() => h.cleanup());

const pack = (communeId?: string, headers: Record<string, string> = {}) =>
  h.call('GET', `/api/content/pack${communeId ? `?communeId=${communeId}` : ''}`, { headers });

async function sheet(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('questions');
  for (const r of rows) ws.addRow(r);
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
function upload(buffer: ArrayBuffer, mode: string, cookie = w.cookies.commune_admin, locale?: 'vi' | 'en') {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(buffer)], 'questions.xlsx'));
  form.set('mode', mode);
  return h.call('POST', '/api/content/questions/import', {
    cookie,
    raw: form,
    ...(locale ? { headers: { 'x-locale': locale } } : {}),
  });
}

describe('content pack', () => {
  it('carries the shipped lessons, questions, hotlines and slogans, without a session', async () => {
    const res = await pack();
    expect(res.status).toBe(200);
    expect(res.body.lessons).toHaveLength(shipped.lessons.length);
    expect(res.body.questions).toHaveLength(shipped.questions.length);
    expect(res.body.hotlines.map((x: { number: string }) => x.number)).toEqual(
      expect.arrayContaining(['113', '0769.04.04.04']),
    );
    expect(res.body.posters.length).toBeGreaterThan(0);
  });
  it('is not sent again while unchanged (ETag)', async () => {
    const first = await pack(w.communeA.id);
    const etag = first.headers.get('etag')!;
    const again = await pack(w.communeA.id, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    await h.call('POST', '/api/content/hotlines', {
      cookie: w.cookies.commune_admin,
      body: { labelVi: 'Công an xã A', labelEn: 'Police of A', number: '0225 999 888' },
    });
    const changed = await pack(w.communeA.id, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.hotlines.map((x: { number: string }) => x.number)).toContain('0225 999 888');
    expect((await pack(w.communeB.id)).body.hotlines.map((x: { number: string }) => x.number)).not.toContain(
      '0225 999 888',
    );
  });
  it('answers 404 for an unknown commune', async () => {
    expect((await pack('nope')).status).toBe(404);
  });
});

describe('content pack in parts', () => {
  it('gives an index without lesson texts, carrying the whole pack’s version', async () => {
    const whole = await pack(w.communeA.id);
    const index = await h.call('GET', `/api/content/pack/contents?communeId=${w.communeA.id}`);
    expect(index.status).toBe(200);
    expect(index.body.version).toBe(whole.body.version);
    expect(index.body.lessons).toHaveLength(whole.body.lessons.length);
    expect(index.body.lessons.every((l: object) => !('body' in l) && !('pages' in l))).toBe(true);
    const counted = index.body.questionTopics.reduce((n: number, t: { count: number }) => n + t.count, 0);
    expect(counted).toBe(whole.body.questions.length);
    expect(index.body.hotlines).toEqual(whole.body.hotlines);
    const again = await h.call('GET', `/api/content/pack/contents?communeId=${w.communeA.id}`, {
      headers: { 'if-none-match': index.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
  it('gives one lesson in each of its languages, rendered to one HTML page per section, and 404 for an unknown one', async () => {
    const shippedLesson = shipped.lessons[0]!;
    const slug = shippedLesson.slug;
    const res = await h.call('GET', `/api/content/pack/lessons/${slug}`);
    expect(res.status).toBe(200);
    const lessons = res.body.lessons as { slug: string; locale: string; pages: string[]; body?: string }[];
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.every((l) => l.slug === slug && l.body === undefined && l.pages.length > 0)).toBe(true);
    const same = lessons.find((l) => l.locale === shippedLesson.locale)!;
    expect(same.pages).toHaveLength(shippedLesson.body.split(/\n(?=## )/).filter((p) => p.trim()).length);
    expect(same.pages.every((p) => p.startsWith('<h2>') || p.startsWith('<p>'))).toBe(true);
    expect((await h.call('GET', '/api/content/pack/lessons/no-such-lesson')).status).toBe(404);
  });
  it('never passes an editor’s HTML or script links to kiosks: their words arrive, the markup does not', async () => {
    const saved = await h.call('POST', '/api/content/lessons', {
      cookie: w.cookies.commune_admin,
      body: {
        slug: 'bai-co-the-html',
        locale: 'vi',
        title: 'Bài có thẻ HTML',
        summary: 'Bài thử thẻ HTML trong nội dung.',
        topic: 'harms',
        audience: 'all',
        lawVersion: 'general',
        reviewedOn: '2026-11-23',
        sources: ['WHO'],
        body: '## Một\n\n<script>alert(1)</script>\n\n[gọi](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n## Hai\n\n**hết**',
        status: 'published',
      },
    });
    expect(saved.status).toBe(201);
    const res = await h.call('GET', `/api/content/pack/lessons/bai-co-the-html?communeId=${w.communeA.id}`);
    const [lesson] = res.body.lessons as { pages: string[] }[];
    expect(lesson!.pages).toHaveLength(2);
    expect(lesson!.pages[0]).toBe('<h2>Một</h2>\n<p>gọi </p>\n');
    expect(lesson!.pages[1]).toBe('<h2>Hai</h2>\n<p><strong>hết</strong></p>\n');
    const whole = (await pack(w.communeA.id)).body.lessons as { slug: string; pages: string[] }[];
    expect(whole.find((l) => l.slug === 'bai-co-the-html')!.pages).toEqual(lesson!.pages);
  });
  it('gives the practice questions of one topic, the same as the whole pack holds', async () => {
    const whole = await pack();
    const res = await h.call('GET', '/api/content/pack/questions?topic=harms');
    expect(res.status).toBe(200);
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(
      whole.body.questions.filter((q: { topic: string }) => q.topic === 'harms').map((q: { id: string }) => q.id),
    );
    expect((await h.call('GET', '/api/content/pack/questions?topic=nope')).status).toBe(422);
  });
});

describe('editing', () => {
  it('re-checks a question’s rules on every change', async () => {
    const list = await h.call('GET', '/api/content/questions?topic=harms&pageSize=1', { cookie: w.cookies.system });
    const q = list.body.items[0];
    const bad = await h.call('PUT', `/api/content/questions/${q.id}`, {
      cookie: w.cookies.system,
      body: { ...strip(q), type: 'single', correct: ['a', 'b'] },
    });
    expect(bad.status).toBe(422);
    const good = await h.call('PUT', `/api/content/questions/${q.id}`, {
      cookie: w.cookies.system,
      body: { ...strip(q), vi: { ...q.vi, explanation: `${q.vi.explanation} (đã sửa)` } },
    });
    expect(good.status).toBe(200);
    expect(good.body.vi.explanation).toContain('(đã sửa)');
  });
  it('keeps national content for the system role and commune content for its commune', async () => {
    const national = (await h.call('GET', '/api/content/lessons?pageSize=1', { cookie: w.cookies.commune_admin })).body
      .items[0];
    expect(
      (
        await h.call('PATCH', `/api/content/lessons/${national.id}`, {
          cookie: w.cookies.commune_admin,
          body: { status: 'draft' },
        })
      ).status,
    ).toBe(403);
    const own = await h.call('POST', '/api/content/lessons', {
      cookie: w.cookies.communeB_admin,
      body: {
        slug: 'bai-cua-xa-b',
        locale: 'vi',
        title: 'Bài của xã B',
        summary: 'Bài riêng của xã B để thử.',
        topic: 'harms',
        audience: 'all',
        lawVersion: 'general',
        reviewedOn: '2026-11-23',
        sources: ['WHO'],
        body: 'Nội dung',
        status: 'published',
      },
    });
    expect(own.status).toBe(201);
    expect(
      (await h.call('GET', `/api/content/lessons/${own.body.id}`, { cookie: w.cookies.commune_admin })).status,
    ).toBe(404);
    expect((await pack(w.communeB.id)).body.lessons.map((l: { id: string }) => l.id)).toContain(own.body.id);
    expect((await pack(w.communeA.id)).body.lessons.map((l: { id: string }) => l.id)).not.toContain(own.body.id);
  });
  it('marks every item citing a law outdated, and the pack drops them', async () => {
    // Both banks: a contest question on an outdated law must not score either.
    const citing = [...shipped.questions, ...shipped.contestQuestions].filter((q) =>
      q.legalBasis.some((c) => c.law === 'luat-73-2021'),
    ).length;
    expect(citing).toBeGreaterThan(0);
    const commune = await h.call('POST', '/api/content/outdate', {
      cookie: w.cookies.commune_admin,
      body: { law: 'luat-73-2021' },
    });
    expect(commune.body).toEqual({ lessons: 0, questions: 0 });
    const res = await h.call('POST', '/api/content/outdate', {
      cookie: w.cookies.system,
      body: { law: 'luat-73-2021' },
    });
    expect(res.body.questions).toBe(citing);
    const after = await pack();
    expect(
      after.body.questions.some((q: { legalBasis: { law: string }[] }) =>
        q.legalBasis.some((c) => c.law === 'luat-73-2021'),
      ),
    ).toBe(false);
    const outdated = await h.call('GET', '/api/content/questions?status=outdated&law=luat-73-2021&pageSize=200', {
      cookie: w.cookies.system,
    });
    expect(outdated.body.total).toBe(citing);
  });
});

describe('question bank import and export', () => {
  const header = [
    'ref',
    'type',
    'topic',
    'difficulty',
    'audience',
    'law_version',
    'legal_basis',
    'source',
    'correct',
    'reviewed_on',
    'vi_text',
    'vi_a',
    'vi_b',
    'vi_c',
    'vi_d',
    'vi_e',
    'vi_explanation',
  ];
  const good = [
    '',
    'single',
    'skills',
    2,
    'students',
    'general',
    '',
    'WHO',
    'b',
    '2026-11-23',
    'Khi bạn bè mời thử một viên kẹo lạ, em nên làm gì?',
    'Ăn thử cho vui',
    'Từ chối và báo người lớn',
    'Cất đi ăn sau',
    '',
    '',
    'Kẹo không rõ nguồn gốc có thể chứa ma túy; hãy từ chối và báo người lớn tin cậy.',
  ];
  const bad = [
    '',
    'single',
    'skills',
    5,
    'students',
    'luat-999-2030',
    '',
    '',
    'a,b',
    '2026-11-23',
    'Câu hỏi lỗi?',
    'Có',
    'Có',
    '',
    '',
    '',
    '',
  ];

  it('reports each bad row and imports nothing in all-or-nothing mode', async () => {
    const file = await sheet([header, good, bad]);
    const check = await upload(file, 'check');
    expect(check.body).toMatchObject({ valid: 1, invalid: 1, imported: false });
    expect(check.body.rows[1].row).toBe(3);
    expect(check.body.rows[1].errors.length).toBeGreaterThan(1);
    const before = (
      await h.call('GET', '/api/content/questions?q=k%E1%BA%B9o%20l%E1%BA%A1', { cookie: w.cookies.commune_admin })
    ).body.total;
    const strict = await upload(file, 'all_or_nothing');
    expect(strict.status).toBe(422);
    expect(
      (await h.call('GET', '/api/content/questions?q=k%E1%BA%B9o%20l%E1%BA%A1', { cookie: w.cookies.commune_admin }))
        .body.total,
    ).toBe(before);
    const loose = await upload(file, 'valid_only');
    expect(loose.body).toMatchObject({ imported: true, created: 1 });
  });

  it("words each row's problems in the reader's language: row, column as labelled, what it holds, what to type", async () => {
    const file = await sheet([header, good, bad, good]);
    const messages = async (locale: 'vi' | 'en') =>
      (
        (await upload(file, 'check', w.cookies.commune_admin, locale)).body.rows as { errors: { message: string }[] }[]
      ).flatMap((r) => r.errors.map((e) => e.message));
    const vi = await messages('vi');
    expect(vi.length).toBeGreaterThan(2);
    // Vietnamese sentences, none of the domain's English (the repeated row is named by its number).
    for (const m of vi) expect(m).toMatch(/^Dòng \d+/);
    for (const m of vi) expect(m).not.toMatch(/expected|question|option|invalid/i);
    expect(vi).toContain('Dòng 3, cột “difficulty”: “5” chưa đúng. Hãy nhập một trong các giá trị: 1, 2, 3.');
    expect(vi.find((m) => m.includes('cột “law_version”'))).toMatch(
      /“luat-999-2030” chưa đúng. Hãy nhập mã một văn bản, ví dụ luat-120-2025/,
    );
    expect(vi).toContain('Dòng 4: Trùng câu hỏi với dòng 2.');
    const en = await messages('en');
    expect(en).toContain('Row 3, column “difficulty”: “5” is not right. Type one of: 1, 2, 3.');
    expect(en).toContain('Row 4: Same question as row 2.');
    for (const m of en) expect(m).not.toMatch(/[ạ-ỹăđơư]/i);
  });

  it('reads columns however they are capitalised, below a title row, and names them as the file does', async () => {
    const shouting = header.map((h) => h.toUpperCase());
    const wrongAnswer = [...good];
    wrongAnswer[header.indexOf('correct')] = 'e';
    wrongAnswer[header.indexOf('vi_text')] = 'Một câu hỏi khác về kẹo lạ, em nên làm gì?';
    const file = await sheet([['NGÂN HÀNG CÂU HỎI XÃ 2026'], shouting, good, wrongAnswer]);
    const check = await upload(file, 'check', w.cookies.commune_admin, 'vi');
    expect(check.body).toMatchObject({ valid: 1, invalid: 1 });
    expect(check.body.rows[1].row).toBe(4);
    expect(check.body.rows[1].errors.map((e: { message: string }) => e.message)).toContain(
      'Dòng 4, cột “CORRECT”: “e” chưa đúng. Đáp án đúng phải là một trong các phương án.',
    );
  });

  it('recognises a file uploaded again: the questions the bank holds are not created twice', async () => {
    const fresh = [...good];
    fresh[header.indexOf('vi_text')] = 'Khi người lạ nhờ mang hộ một gói hàng không rõ, em nên làm gì?';
    const file = await sheet([header, fresh]);
    const count = async () =>
      (await h.call('GET', '/api/content/questions?q=g%C3%B3i%20h%C3%A0ng', { cookie: w.cookies.commune_admin })).body
        .total as number;
    const before = await count();
    const first = await upload(file, 'valid_only');
    expect(first.body).toMatchObject({ imported: true, created: 1, existing: 0 });
    const again = await upload(file, 'check');
    expect(again.body).toMatchObject({ valid: 1, invalid: 0, existing: 1 });
    expect(again.body.rows[0]).toMatchObject({
      action: 'exists',
      note: expect.stringContaining('Dòng 2: câu hỏi này đã có'),
    });
    const write = await upload(file, 'valid_only');
    expect(write.status).toBe(200);
    expect(write.body).toMatchObject({ imported: false, created: 0, existing: 1 });
    expect(await count()).toBe(before + 1);
  });

  it('exports the bank as XLSX that imports back unchanged', async () => {
    const res = await h.app.request('/api/content/questions/export?topic=events', {
      headers: { cookie: w.cookies.system },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const buffer = await res.arrayBuffer();
    const again = await upload(buffer, 'check', w.cookies.system);
    const events = shipped.questions.filter((q) => q.topic === 'events').length;
    expect(again.body).toMatchObject({ valid: events, invalid: 0 });
  });
});

function strip(q: Record<string, unknown>) {
  const { id: _id, communeId: _c, ref: _r, updatedAt: _u, bank: _b, group: _g, releasedAt: _d, ...rest } = q;
  return { ...rest, en: rest.en ?? undefined };
}

describe('content pack behind compression', () => {
  it('still answers 304 to the weak ETag that gzip gives back', async () => {
    const first = await h.app.request('/api/content/pack', { headers: { 'accept-encoding': 'gzip' } });
    const etag = first.headers.get('etag')!;
    expect(etag.startsWith('W/') || etag.startsWith('"')).toBe(true);
    const again = await h.app.request('/api/content/pack', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });
});

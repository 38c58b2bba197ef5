import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@vungxanh/db';
import { createHarness, world, type Transport } from './harness.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
let h: H;
let w: Awaited<ReturnType<typeof world>>;

/** Row counts of every data table: bad input must leave them as they were. */
async function snapshot() {
  const tables = {
    provinces: schema.provinces,
    communes: schema.communes,
    villages: schema.villages,
    schools: schema.schools,
    organizations: schema.organizations,
    accounts: schema.accounts,
    settings: schema.settings,
    registryCriteria: schema.registryCriteria,
    registryVillages: schema.registryVillages,
    registryChanges: schema.registryChanges,
    recognitionDecisions: schema.recognitionDecisions,
    criteriaValues: schema.criteriaValues,
    activities: schema.activities,
    activityUnits: schema.activityUnits,
    coverageSettings: schema.coverageSettings,
    contests: schema.contests,
    contestRounds: schema.contestRounds,
    contestParticipants: schema.contestParticipants,
    contestAttempts: schema.contestAttempts,
    commitmentEntries: schema.commitmentEntries,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([k, t]) => [k, JSON.stringify(await h.db.select().from(t))] as const),
  );
  return Object.fromEntries(entries);
}

const nasty = [
  "'; DROP TABLE villages; --",
  '<script>alert(1)</script>',
  'Robert"); DELETE FROM accounts WHERE ("1"="1',
  '\u0000\u0001',
  '🙂'.repeat(200),
];

// Twice: in process, and over HTTP to the Node server, where bodies are read from Node's stream by our own middleware.
describe.each(['app.request', 'node'] satisfies Transport[])('bad input on every write route (%s)', (transport) => {
  beforeAll(async () => {
    h = await createHarness({}, { transport });
    w = await world(h);
  });
  afterAll(() => h.cleanup());

  const writes = () =>
    h.routes
      .filter((r) => r.method !== 'get')
      .map((r) => ({
        method: r.method.toUpperCase(),
        path: r.path.replace(/\{[^}]+\}/g, w.villageA.id),
        template: r.path,
      }));

  it('malformed JSON gets 400 invalid_json and changes nothing', async () => {
    const before = await snapshot();
    for (const r of writes()) {
      if (isUpload(r.template) || !needsBody(r.template) || r.method === 'DELETE') continue;
      const res = await h.call(r.method, r.path, {
        cookie: w.cookies.system,
        raw: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, `${r.method} ${r.template}`).toBe(400);
      expect(res.body.code).toBe('invalid_json');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('wrong types and missing fields get 422 with the fields at fault', async () => {
    const before = await snapshot();
    for (const r of writes()) {
      if (isUpload(r.template) || !needsBody(r.template) || r.method === 'DELETE') continue;
      for (const body of [
        {},
        { name: 42, communeId: ['x'], active: 'yes', population: -1, username: { $ne: null } },
        [],
        'text',
        null,
      ]) {
        const res = await h.call(r.method, r.path, { cookie: w.cookies.system, body });
        if (r.template.startsWith('/api/units/') && r.method === 'PATCH' && JSON.stringify(body) === '{}') {
          expect([200, 404], `${r.method} ${r.template} with {}`).toContain(res.status);
          continue;
        }
        if (r.template === '/api/settings' && JSON.stringify(body) === '{}') continue;
        expect([400, 404, 422], `${r.method} ${r.template} with ${JSON.stringify(body)} → ${res.status}`).toContain(
          res.status,
        );
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('huge bodies get 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(200_000) });
    // A sealed tip may carry a photo: its route takes up to 1.5 MB.
    const hugeTip = JSON.stringify({ name: 'x'.repeat(2_000_000) });
    const before = await snapshot();
    for (const r of writes()) {
      const body = r.template === '/api/public/tips' ? hugeTip : huge;
      const res = await h.call(r.method, r.path, {
        cookie: w.cookies.system,
        raw: body,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      });
      expect(res.status, `${r.method} ${r.template}`).toBe(isUpload(r.template) ? 415 : 413);
    }
    const bigUpload = new FormData();
    // Over the 16 MB a file import takes.
    bigUpload.set('file', new File(['x'.repeat(17 * 1024 * 1024)], 'big.csv'));
    const res = await h.call('POST', '/api/units/villages/import', { cookie: w.cookies.system, raw: bigUpload });
    expect(res.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('a bulk review that names too much, both selections or no reason gets 422 and changes no entry', async () => {
    const before = await snapshot();
    const path = '/api/commitments/entries/bulk-review';
    for (const body of [
      { communeId: w.communeA.id, decision: 'verify' },
      { communeId: w.communeA.id, decision: 'verify', ids: ['a'], filter: {} },
      { communeId: w.communeA.id, decision: 'reject', filter: {} },
      { communeId: w.communeA.id, decision: 'verify', reason: 'không cần', ids: ['a'] },
      { communeId: w.communeA.id, decision: 'duplicate', ids: ['a'] },
      { communeId: w.communeA.id, decision: 'verify', ids: Array.from({ length: 501 }, (_, i) => `id-${i}`) },
      { communeId: w.communeA.id, decision: 'verify', filter: { status: 'verified' } },
      { communeId: w.communeA.id, decision: 'verify', filter: {}, expected: -1 },
      { communeId: w.communeA.id, decision: 'verify', ids: [] },
    ]) {
      const res = await h.call('POST', path, { cookie: w.cookies.system, body });
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(422);
      expect(res.body).toMatchObject({ code: 'validation_failed', requestId: expect.any(String) });
      expect(res.body.message).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('unknown ids get 404', async () => {
    // Tip routes refuse every role but the commune police first (403); tips.test.ts checks their unknown ids.
    for (const route of h.routes.filter((r) => r.path.includes('{id}') && !r.path.startsWith('/api/tips/'))) {
      const path = route.path.replace('{id}', '00000000-0000-0000-0000-000000000000');
      const body = validBodyFor(route.method, route.path);
      const res = await h.call(route.method.toUpperCase(), path, {
        cookie: w.cookies.system,
        ...(body instanceof FormData ? { raw: body } : body ? { body } : {}),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(404);
    }
  });

  it('strings full of SQL and HTML are stored as text, never run', async () => {
    for (const name of nasty) {
      const res = await h.call('POST', '/api/units/villages', {
        cookie: w.cookies.system,
        body: { communeId: w.communeA.id, kind: 'thon', name },
      });
      if (res.status === 201) {
        const back = await h.call('GET', `/api/units/villages/${res.body.id}`, { cookie: w.cookies.system });
        expect(back.body.name).toBe(name.trim());
      } else {
        expect(res.status).toBe(422);
      }
    }
    const list = await h.call(
      'GET',
      `/api/units/villages?communeId=${w.communeA.id}&q=${encodeURIComponent("' OR 1=1 --")}`,
      { cookie: w.cookies.system },
    );
    expect(list.body.items).toEqual([]);
    expect((await h.db.select().from(schema.villages)).length).toBeGreaterThan(2);
  });

  it('a document in an unknown language or with an overlong signer gets 422', async () => {
    for (const q of ['lang=fr', `signer=${'a'.repeat(81)}`]) {
      const res = await h.call('GET', `/api/registry/decisions/00000000-0000-0000-0000-000000000000/pdf?${q}`, {
        cookie: w.cookies.system,
      });
      expect(res.status, q).toBe(422);
      expect(res.body).toMatchObject({ code: 'validation_failed', requestId: expect.any(String) });
    }
  });

  it('query strings out of range get 422', async () => {
    for (const q of ['page=0', 'pageSize=100000', 'page=abc', 'includeInactive=maybe']) {
      const res = await h.call('GET', `/api/units/villages?communeId=${w.communeA.id}&${q}`, {
        cookie: w.cookies.system,
      });
      expect(res.status, q).toBe(422);
    }
  });

  it('province contest reads refuse bad queries with 422, unknown contests and communes with 404', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    for (const path of [
      `/api/public/contests/${id}/units/search?q=${'a'.repeat(101)}`,
      `/api/contests/${id}/communes/${w.communeA.id}?pageSize=100000`,
      `/api/contests/${id}/communes/${w.communeA.id}?page=0`,
      `/api/contests/of-province?communeId=${'x'.repeat(65)}`,
    ]) {
      const res = await h.call('GET', path, { cookie: w.cookies.system });
      expect(res.status, path).toBe(422);
    }
    for (const path of [
      `/api/public/contests/${id}/units/search?q=${encodeURIComponent("' OR 1=1 --")}`,
      `/api/contests/${id}/communes/${w.communeA.id}`,
      `/api/contests/${id}/communes/${id}`,
    ]) {
      const res = await h.call('GET', path, { cookie: w.cookies.system });
      expect(res.status, path).toBe(404);
    }
  });
});

/** Multipart file uploads: a JSON body is the wrong media type there (415). */
function isUpload(template: string) {
  return template.endsWith('/import') || template.endsWith('/photos');
}

function needsBody(template: string) {
  return ![
    '/api/auth/logout',
    '/api/auth/logout-all',
    '/api/auth/totp/setup',
    '/api/accounts/{id}/reset-password',
    '/api/kiosks/{id}/pairing-code',
    '/api/kiosks/{id}/revoke',
    '/api/public/contests/attempts/{id}/submit',
    '/api/contests/rounds/{id}/results',
    '/api/contests/{id}/purge',
    '/api/contests/rounds/{id}/release',
  ].includes(template);
}

/** A body that passes validation for a route with an id, so only the unknown id can fail it. */
function validBodyFor(method: string, path: string): unknown {
  if (method === 'get' || path.endsWith('/reset-password')) return undefined;
  if (path.startsWith('/api/accounts')) return { displayName: 'X' };
  const ownQuestion = method === 'post' && path === '/api/contests/{id}/questions';
  if ((path.startsWith('/api/content/questions') && method === 'put') || ownQuestion) {
    return {
      type: 'true_false',
      topic: 'harms',
      difficulty: 1,
      audience: 'all',
      lawVersion: 'general',
      reviewedOn: '2026-11-23',
      source: 'WHO',
      correct: ['t'],
      status: 'draft',
      vi: {
        text: 'Ma túy gây hại cho sức khỏe?',
        options: { t: 'Đúng', f: 'Sai' },
        explanation: 'Ma túy gây hại cho sức khỏe.',
      },
    };
  }
  const contestBody = contestBodyFor(method, path);
  if (contestBody !== null) return contestBody;
  if (path.startsWith('/api/content/lessons') || path.startsWith('/api/content/questions')) return { status: 'draft' };
  if (path.startsWith('/api/content/')) return { active: true };
  if (path.endsWith('/criteria')) {
    return { periodKey: 'RP6-2026-03', values: [{ key: 'crimePoints', value: 0, note: 'Công an xã' }] };
  }
  if (path.endsWith('/transitions')) return { requestId: '00000000-0000-4000-8000-000000000000', to: 'building' };
  if (path.endsWith('/import')) {
    const form = new FormData();
    form.set('file', new File(['a,b\n1,2\n'], 'q.csv', { type: 'text/csv' }));
    return form;
  }
  if (path.endsWith('/photos')) {
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0xff, 0xd8, 0xff])], 'p.jpg', { type: 'image/jpeg' }));
    return form;
  }
  if (path.startsWith('/api/activities')) return { notes: 'X' };
  if (path === '/api/commitments/campaigns/{id}') return { title: 'Đợt mới' };
  if (path === '/api/commitments/entries/{id}/review') return { decision: 'verify' };
  return { name: 'X' };
}

/** Valid bodies for the contest routes with an id; null for other routes. */
function contestBodyFor(method: string, path: string): unknown {
  const bodies: Record<string, unknown> = {
    'post /api/public/contests/{id}/register': {
      clientId: '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f',
      fullName: 'Người Thử',
      birthYear: 1990,
      phone: '0912345678',
      unitKind: 'village',
      unitId: 'x',
      consent: true,
    },
    'post /api/public/contests/{id}/recover': { phone: '0912345678', code: 'ABCD-EFGH-JKMN' },
    'post /api/contests/questions/{id}/status': { status: 'published' },
    'post /api/public/contests/rounds/{id}/attempts': {},
    'put /api/public/contests/attempts/{id}/answers/{questionId}': { chosen: ['a'] },
    'put /api/public/contests/attempts/{id}/prediction': { value: 1 },
    'patch /api/contests/{id}': { title: 'Cuộc thi đổi tên' },
    'post /api/contests/{id}/status': { status: 'paused' },
    'post /api/contests/{id}/rounds': {
      name: 'Đợt',
      startsAt: '2026-12-01T08:00',
      endsAt: '2026-12-08T08:00',
      questionCount: 1,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
    },
    'post /api/contests/participants/{id}/status': { status: 'verified' },
  };
  return bodies[`${method} ${path}`] ?? null;
}

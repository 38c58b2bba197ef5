import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@vungxanh/db';
import { randomUUID } from 'node:crypto';
import { seedRegistryCriteria } from '@vungxanh/db/seed';
import { releaseVersion } from '@vungxanh/domain';
import { createHarness, provinceOrganizer, world } from './harness.ts';
import { entryBody, householdCampaign, submit } from './commitments-helpers.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>> & {
  lessonA: { id: string };
  questionA: { id: string };
  hotlineA: { id: string };
  posterA: { id: string };
  kioskA: { id: string };
  decisionA: { id: string };
  activityA: { id: string };
  /** Fresh activities and photos for the delete cases, one taken per call of the case's path. */
  activityPool: string[];
  photoPool: { activityId: string; photoId: string }[];
  photoA: { activityId: string; photoId: string };
  campaignA: { id: string };
  entryA: { id: string };
  contestA: { id: string };
  provinceContest: { id: string };
  roundA: { id: string };
  roundEnded: { id: string };
  contestEnded: { id: string };
  participantA: { id: string };
  ownQuestionA: { id: string };
};
const roles = ['system', 'province_viewer', 'commune_admin', 'organizer', 'village_head', 'school_staff'] as const;
type Role = (typeof roles)[number];

let h: H;
let w: W;
beforeAll(async () => {
  h = await createHarness();
  h.deps.shippedContent = () => ({ lessons: [], questions: [], contestQuestions: [] });
  const base = await world(h);
  const post = (path: string, body: unknown) => h.call('POST', path, { cookie: base.cookies.commune_admin, body });
  w = {
    ...base,
    lessonA: (await post('/api/content/lessons', lessonBody(base.communeA.id))).body,
    questionA: (await post('/api/content/questions', questionBody(base.communeA.id))).body,
    hotlineA: (
      await post('/api/content/hotlines', { labelVi: 'Công an xã', labelEn: 'Commune police', number: '0225 111 222' })
    ).body,
    posterA: (await post('/api/content/posters', { textVi: 'Khẩu hiệu thử', textEn: 'A test slogan' })).body,
    kioskA: (await post('/api/kiosks', { name: 'Ki-ốt A', villageId: base.villageA.id })).body.kiosk,
    decisionA: await recognise(base.villageA.id, base.cookies.commune_admin),
    ...(await activityFixtures(base, post)),
    campaignA: { id: '' },
    entryA: { id: '' },
    ...(await contestWorld(base, post)),
  };
  w.campaignA = await householdCampaign(h, base);
  w.entryA = (await submit(h, entryBody(w.campaignA.id, base.villageA.id))).body;
});

/** Takes village A through the workflow to a recognition, for the certificate route. */
async function recognise(villageId: string, cookie: string) {
  await seedRegistryCriteria(h.db);
  const move = (body: object) =>
    h.call('POST', `/api/registry/villages/${villageId}/transitions`, {
      cookie,
      body: { requestId: randomUUID(), ...body },
    });
  await move({ to: 'building' });
  const values = ['newUsers', 'underManagement', 'crimePoints', 'dealers', 'drugPlants'].map((key) => ({
    key,
    value: 0,
    note: 'Công an xã',
  }));
  await h.call('PUT', `/api/registry/villages/${villageId}/criteria`, {
    cookie,
    body: { periodKey: 'RP6-2026-03', values },
  });
  await move({ to: 'proposed', periodKey: 'RP6-2026-03' });
  const res = await move({
    to: 'recognized',
    periodKey: 'RP6-2026-03',
    decision: { number: '1/QĐ', date: '2026-03-01' },
    // Nothing was logged for this village, so its computed criteria are unmet.
    override: { reason: 'Ban chỉ đạo quyết định sau khi kiểm tra thực tế.' },
  });
  return res.body.decisions[0] as { id: string };
}

async function activityFixtures(
  base: Awaited<ReturnType<typeof world>>,
  post: (path: string, body: unknown) => ReturnType<H['call']>,
) {
  const activity = async () =>
    (
      await post('/api/activities', {
        id: crypto.randomUUID(),
        date: '2026-01-05',
        type: 'meeting',
        villageIds: [base.villageA.id],
      })
    ).body as { id: string };
  const photo = async (activityId: string) => {
    const res = await h.call('POST', `/api/activities/${activityId}/photos`, {
      cookie: base.cookies.commune_admin,
      raw: photoForm(),
    });
    return { activityId, photoId: res.body.id as string };
  };
  const activityA = await activity();
  const activityPool = (await Promise.all(Array.from({ length: 8 }, activity))).map((a) => a.id);
  const holders = [await activity(), await activity()];
  const photoPool = [];
  for (let i = 0; i < 8; i++) photoPool.push(await photo(holders[i % 2]!.id));
  return { activityA, activityPool, photoPool, photoA: await photo(activityA.id) };
}

let poolIndex = 0;
const take = <T>(pool: T[]) => pool[poolIndex++ % pool.length]!;
function photoForm() {
  const form = new FormData();
  // A 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
    'base64',
  );
  form.set('file', new File([png], 'p.png', { type: 'image/png' }));
  return form;
}

/** A draft contest with a round and a participant, and a closed contest whose round has ended. */
async function contestWorld(base: Awaited<ReturnType<typeof world>>, post: (p: string, b: unknown) => Promise<any>) {
  const round = (name: string, from: string, to: string) => ({
    name,
    startsAt: from,
    endsAt: to,
    questionCount: 1,
    timeLimitSeconds: 600,
    attemptsAllowed: 1,
  });
  // Rounds draw from the contest bank only, so the commune keeps one published contest question.
  await post('/api/content/questions', { ...questionBody(base.communeA.id), bank: 'contest', status: 'published' });
  const contestA = (await post('/api/contests', { communeId: base.communeA.id, title: 'Cuộc thi thử A' })).body;
  const roundA = (
    await post(`/api/contests/${contestA.id}/rounds`, round('Đợt 1', '2026-12-01T08:00', '2026-12-08T08:00'))
  ).body;
  // A province-scope contest out of draft: commune A's organizers follow commune A's part of it.
  const provinceContest = (
    await post('/api/contests', { communeId: base.communeA.id, title: 'Cuộc thi toàn tỉnh', scope: 'province' })
  ).body;
  await post(`/api/contests/${provinceContest.id}/status`, { status: 'paused' });
  const ended = (await post('/api/contests', { communeId: base.communeA.id, title: 'Cuộc thi đã xong' })).body;
  const roundEnded = (
    await post(`/api/contests/${ended.id}/rounds`, round('Đợt cũ', '2025-01-01T08:00', '2025-01-08T08:00'))
  ).body;
  await post(`/api/contests/${ended.id}/status`, { status: 'closed' });
  const [participantA] = await h.db
    .insert(schema.contestParticipants)
    .values({
      contestId: contestA.id,
      communeId: base.communeA.id,
      clientId: crypto.randomUUID(),
      phone: '0912000111',
      tokenHash: 'x'.repeat(64),
      fullName: 'Người Thử',
      birthYear: 1990,
      unitKind: 'village',
      unitId: base.villageA.id,
      unitCommuneId: base.communeA.id,
      consentAt: new Date(),
    })
    .returning();
  const ownQuestionA = (
    await post(`/api/contests/${contestA.id}/questions`, { ...questionBody(null), communeId: undefined })
  ).body;
  return {
    contestA,
    provinceContest,
    roundA,
    roundEnded,
    contestEnded: ended,
    participantA: participantA!,
    ownQuestionA,
  };
}
afterAll(() => h.cleanup());

const n = () => `Tên ${Math.random().toString(36).slice(2, 9)}`;
const csv = () => {
  const form = new FormData();
  form.set('file', new File([`name,kind,population,households\n${n()},thon,100,30\n`], 'v.csv', { type: 'text/csv' }));
  form.set('mode', 'check');
  return form;
};

interface Case {
  name: string;
  method: string;
  path: (w: W) => string;
  body?: (w: W) => unknown;
  form?: (w: W) => FormData;
  /** The roles allowed on their own scope; everyone else signed in gets 403. */
  allowed: readonly Role[] | 'all';
}

const admins = ['system', 'commune_admin'] as const;
const registryReaders = ['system', 'province_viewer', 'commune_admin', 'village_head'] as const;
const registryMoves = ['lost', 'lost', 'lost', 'building'] as const;
let registryMoveCalls = 0;
const loggers = ['system', 'commune_admin', 'village_head'] as const;
const cases: Case[] = [
  { name: 'list provinces', method: 'GET', path: () => '/api/units/provinces', allowed: 'all' },
  {
    name: 'create province',
    method: 'POST',
    path: () => '/api/units/provinces',
    body: () => ({ name: n(), code: n() }),
    allowed: ['system'],
  },
  { name: 'list communes', method: 'GET', path: () => '/api/units/communes', allowed: 'all' },
  { name: 'get commune', method: 'GET', path: (w) => `/api/units/communes/${w.communeA.id}`, allowed: 'all' },
  {
    name: 'create commune',
    method: 'POST',
    path: () => '/api/units/communes',
    body: (w) => ({ provinceId: w.p1.id, kind: 'xa', name: n(), code: n() }),
    allowed: ['system'],
  },
  {
    name: 'edit commune',
    method: 'PATCH',
    path: (w) => `/api/units/communes/${w.communeA.id}`,
    body: () => ({ targetFrequency: 'monthly' }),
    allowed: admins,
  },
  { name: 'units summary', method: 'GET', path: () => '/api/units/summary', allowed: 'all' },
  ...(['villages', 'schools', 'organizations'] as const).flatMap((kind): Case[] => {
    const own = (w: W) => (kind === 'villages' ? w.villageA : kind === 'schools' ? w.schoolA : w.orgA).id;
    const body = (w: W) =>
      kind === 'villages'
        ? { communeId: w.communeA.id, kind: 'thon', name: n() }
        : kind === 'schools'
          ? { communeId: w.communeA.id, level: 'primary', name: n() }
          : { communeId: w.communeA.id, kind: 'business', name: n() };
    return [
      {
        name: `list ${kind}`,
        method: 'GET',
        path: (w) => `/api/units/${kind}?communeId=${w.communeA.id}`,
        allowed: 'all',
      },
      { name: `get ${kind}`, method: 'GET', path: (w) => `/api/units/${kind}/${own(w)}`, allowed: 'all' },
      { name: `create ${kind}`, method: 'POST', path: () => `/api/units/${kind}`, body, allowed: admins },
      {
        name: `edit ${kind}`,
        method: 'PATCH',
        path: (w) => `/api/units/${kind}/${own(w)}`,
        body: () => ({ active: true }),
        allowed: admins,
      },
    ];
  }),
  {
    name: 'import villages',
    method: 'POST',
    path: () => '/api/units/villages/import',
    form: (w) => (csv().set('communeId', w.communeA.id), csvWith(w)),
    allowed: admins,
  },
  { name: 'list accounts', method: 'GET', path: () => '/api/accounts', allowed: admins },
  { name: 'get account', method: 'GET', path: (w) => `/api/accounts/${w.accounts.organizer.id}`, allowed: admins },
  {
    name: 'create account',
    method: 'POST',
    path: () => '/api/accounts',
    body: (w) => ({
      username: `u${Math.random().toString(36).slice(2, 10)}`,
      displayName: 'Người mới',
      role: 'organizer',
      password: 'a-long-password-1',
      communeId: w.communeA.id,
    }),
    allowed: admins,
  },
  {
    name: 'edit account',
    method: 'PATCH',
    path: (w) => `/api/accounts/${w.accounts.organizer.id}`,
    body: () => ({ displayName: 'Tên mới' }),
    allowed: admins,
  },
  { name: 'read audit log', method: 'GET', path: () => '/api/audit', allowed: admins },
  { name: 'read settings', method: 'GET', path: () => '/api/settings', allowed: ['system'] },
  {
    name: 'change settings',
    method: 'PATCH',
    path: () => '/api/settings',
    body: () => ({ requireTotpForAdmins: false }),
    allowed: ['system'],
  },
  { name: 'who am I', method: 'GET', path: () => '/api/auth/me', allowed: 'all' },
  { name: 'list lessons', method: 'GET', path: () => '/api/content/lessons', allowed: 'all' },
  { name: 'get lesson', method: 'GET', path: (w) => `/api/content/lessons/${w.lessonA.id}`, allowed: 'all' },
  {
    name: 'create lesson',
    method: 'POST',
    path: () => '/api/content/lessons',
    body: (w) => lessonBody(w.communeA.id),
    allowed: admins,
  },
  {
    name: 'edit lesson',
    method: 'PATCH',
    path: (w) => `/api/content/lessons/${w.lessonA.id}`,
    body: () => ({ status: 'published' }),
    allowed: admins,
  },
  { name: 'list questions', method: 'GET', path: () => '/api/content/questions', allowed: 'all' },
  { name: 'get question', method: 'GET', path: (w) => `/api/content/questions/${w.questionA.id}`, allowed: 'all' },
  {
    name: 'create question',
    method: 'POST',
    path: () => '/api/content/questions',
    body: (w) => questionBody(w.communeA.id),
    allowed: admins,
  },
  {
    name: 'replace question',
    method: 'PUT',
    path: (w) => `/api/content/questions/${w.questionA.id}`,
    body: () => ({ ...questionBody(null), status: 'draft', communeId: undefined }),
    allowed: admins,
  },
  {
    name: 'set question status',
    method: 'PATCH',
    path: (w) => `/api/content/questions/${w.questionA.id}`,
    body: () => ({ status: 'published' }),
    allowed: admins,
  },
  { name: 'preview content release', method: 'GET', path: () => '/api/content/release', allowed: ['system'] },
  {
    name: 'apply content release',
    method: 'POST',
    path: () => '/api/content/release',
    // The harness ships an empty set here (see beforeAll), so applying changes nothing.
    body: () => ({ version: releaseVersion([]) }),
    allowed: ['system'],
  },
  {
    name: 'outdate by law',
    method: 'POST',
    path: () => '/api/content/outdate',
    body: () => ({ law: 'nd-57-2022' }),
    allowed: admins,
  },
  { name: 'export questions', method: 'GET', path: () => '/api/content/questions/export', allowed: 'all' },
  {
    name: 'import questions',
    method: 'POST',
    path: () => '/api/content/questions/import',
    form: (w) => questionSheet(w.communeA.id),
    allowed: admins,
  },
  { name: 'list hotlines', method: 'GET', path: () => '/api/content/hotlines', allowed: 'all' },
  {
    name: 'create hotline',
    method: 'POST',
    path: () => '/api/content/hotlines',
    body: (w) => ({
      communeId: w.communeA.id,
      labelVi: 'Công an xã',
      labelEn: 'Commune police',
      number: '0225 123 456',
    }),
    allowed: admins,
  },
  {
    name: 'edit hotline',
    method: 'PATCH',
    path: (w) => `/api/content/hotlines/${w.hotlineA.id}`,
    body: () => ({ sortOrder: 2 }),
    allowed: admins,
  },
  { name: 'list posters', method: 'GET', path: () => '/api/content/posters', allowed: 'all' },
  {
    name: 'create poster',
    method: 'POST',
    path: () => '/api/content/posters',
    body: (w) => ({ communeId: w.communeA.id, textVi: 'Nói không với ma túy', textEn: 'Say no to drugs' }),
    allowed: admins,
  },
  { name: 'list kiosks', method: 'GET', path: (w) => `/api/kiosks?communeId=${w.communeA.id}`, allowed: 'all' },
  {
    name: 'create kiosk',
    method: 'POST',
    path: () => '/api/kiosks',
    body: (w) => ({ name: 'Ki-ốt', villageId: w.villageA.id }),
    allowed: admins,
  },
  {
    name: 'edit kiosk',
    method: 'PATCH',
    path: (w) => `/api/kiosks/${w.kioskA.id}`,
    body: () => ({ idleSeconds: 120 }),
    allowed: admins,
  },
  { name: 'new pairing code', method: 'POST', path: (w) => `/api/kiosks/${w.kioskA.id}/pairing-code`, allowed: admins },
  ...contestCases(),
  {
    name: 'registry of a commune',
    method: 'GET',
    path: (w) => `/api/registry?communeId=${w.communeA.id}`,
    allowed: registryReaders,
  },
  {
    name: 'registry of a village',
    method: 'GET',
    path: (w) => `/api/registry/villages/${w.villageA.id}`,
    allowed: registryReaders,
  },
  {
    name: 'enter criteria counts',
    method: 'PUT',
    path: (w) => `/api/registry/villages/${w.villageA.id}/criteria`,
    body: () => ({ periodKey: 'RP6-2026-03', values: [{ key: 'crimePoints', value: 0, note: 'Công an xã' }] }),
    allowed: admins,
  },
  {
    name: 'move a village in the registry',
    method: 'POST',
    path: (w) => `/api/registry/villages/${w.villageA.id}/transitions`,
    // Village A starts recognised; the calls run in role order after the 401 check, so the system (2nd call) records
    // it lost and the commune admin (4th call) starts building again.
    body: () => ({ requestId: randomUUID(), to: registryMoves[Math.min(registryMoveCalls++, 3)] }),
    allowed: admins,
  },
  {
    name: 'certificate PDF',
    method: 'GET',
    path: (w) => `/api/registry/decisions/${w.decisionA.id}/certificate`,
    allowed: registryReaders,
  },
  {
    name: 'decision PDF',
    method: 'GET',
    path: (w) => `/api/registry/decisions/${w.decisionA.id}/pdf?lang=en`,
    allowed: registryReaders,
  },
  { name: 'registry criteria', method: 'GET', path: () => '/api/registry/criteria', allowed: 'all' },
  ...(['', '/xlsx', '/pdf'] as const).map((format): Case => ({
    name: `report${format}`,
    method: 'GET',
    path: (w) => `/api/reports${format}?communeId=${w.communeA.id}&periodKey=2026-Q1`,
    allowed: ['system', 'province_viewer', 'commune_admin'],
  })),
  {
    name: 'replace registry criteria',
    method: 'PUT',
    path: () => '/api/registry/criteria',
    body: (w) => ({
      provinceId: w.p2.id,
      items: [
        { key: 'crimePoints', labelVi: 'Số điểm phức tạp', labelEn: 'Crime points', source: 'entered', maxCount: 0 },
      ],
    }),
    allowed: ['system'],
  },
  {
    name: 'edit poster',
    method: 'PATCH',
    path: (w) => `/api/content/posters/${w.posterA.id}`,
    body: () => ({ active: true }),
    allowed: admins,
  },
  { name: 'list activities', method: 'GET', path: (w) => `/api/activities?communeId=${w.communeA.id}`, allowed: 'all' },
  {
    name: 'log an activity for village A',
    method: 'POST',
    path: () => '/api/activities',
    body: (w) => ({ id: crypto.randomUUID(), date: '2026-02-01', type: 'loudspeaker', villageIds: [w.villageA.id] }),
    allowed: loggers,
  },
  { name: 'get activity', method: 'GET', path: (w) => `/api/activities/${w.activityA.id}`, allowed: 'all' },
  {
    name: 'edit activity',
    method: 'PATCH',
    path: (w) => `/api/activities/${w.activityA.id}`,
    body: () => ({ participants: 12 }),
    allowed: loggers,
  },
  {
    name: 'delete activity',
    method: 'DELETE',
    path: (w) => `/api/activities/${take(w.activityPool)}`,
    allowed: loggers,
  },
  {
    name: 'add activity photo',
    method: 'POST',
    path: (w) => `/api/activities/${w.activityA.id}/photos`,
    form: () => photoForm(),
    allowed: loggers,
  },
  {
    name: 'get activity photo',
    method: 'GET',
    path: (w) => `/api/activities/${w.photoA.activityId}/photos/${w.photoA.photoId}`,
    allowed: 'all',
  },
  {
    name: 'delete activity photo',
    method: 'DELETE',
    path: (w) => {
      const p = take(w.photoPool);
      return `/api/activities/${p.activityId}/photos/${p.photoId}`;
    },
    allowed: loggers,
  },
  {
    name: 'coverage dashboard',
    method: 'GET',
    path: (w) => `/api/indicators/dashboard?communeId=${w.communeA.id}`,
    allowed: 'all',
  },
  { name: 'village coverage', method: 'GET', path: (w) => `/api/indicators/villages/${w.villageA.id}`, allowed: 'all' },
  {
    name: 'province coverage',
    method: 'GET',
    path: (w) => `/api/indicators/province?provinceId=${w.p1.id}`,
    allowed: ['system', 'province_viewer'],
  },
  {
    name: 'read coverage settings',
    method: 'GET',
    path: (w) => `/api/indicators/settings?communeId=${w.communeA.id}`,
    allowed: 'all',
  },
  {
    name: 'change coverage settings',
    method: 'PUT',
    path: (w) => `/api/indicators/settings?communeId=${w.communeA.id}`,
    body: () => ({ digitalReachCounts: false, minEvents: 20 }),
    allowed: admins,
  },
  ...commitmentCases(),
];

function commitmentCases(): Case[] {
  const reviewers = ['system', 'commune_admin', 'village_head'] as const;
  const q = (w: W) => `communeId=${w.communeA.id}`;
  const paper = (w: W) => {
    const form = new FormData();
    form.set(
      'file',
      new File([`Họ tên,Thôn,Số nhà,Số nhân khẩu,Ngày ký\nAn,${w.villageA.name},1,2,2026-03-02\n`], 'p.csv'),
    );
    form.set('mode', 'check');
    form.set('campaignId', w.campaignA.id);
    return form;
  };
  return [
    { name: 'list campaigns', method: 'GET', path: (w) => `/api/commitments/campaigns?${q(w)}`, allowed: 'all' },
    {
      name: 'create campaign',
      method: 'POST',
      path: () => '/api/commitments/campaigns',
      body: (w) => ({
        communeId: w.communeA.id,
        kind: 'school',
        year: 2026,
        title: n(),
        text: 'Nội dung cam kết của nhà trường đủ dài.',
        legalBasis: ['luat-120-2025'],
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
      }),
      allowed: admins,
    },
    {
      name: 'edit campaign',
      method: 'PATCH',
      path: (w) => `/api/commitments/campaigns/${w.campaignA.id}`,
      body: () => ({ title: n() }),
      allowed: admins,
    },
    {
      name: 'blank paper form',
      method: 'GET',
      path: (w) => `/api/commitments/campaigns/${w.campaignA.id}/form`,
      allowed: 'all',
    },
    {
      name: 'import paper forms',
      method: 'POST',
      path: () => '/api/commitments/import',
      form: paper,
      allowed: admins,
    },
    {
      name: 'paper import template',
      method: 'GET',
      path: (w) => `/api/commitments/import/template?${q(w)}&campaignId=${w.campaignA.id}`,
      allowed: 'all',
    },
    {
      name: 'village import template',
      method: 'GET',
      path: () => '/api/units/villages/import/template',
      allowed: 'all',
    },
    {
      name: 'question import template',
      method: 'GET',
      path: () => '/api/content/questions/import/template',
      allowed: 'all',
    },
    { name: 'list entries', method: 'GET', path: (w) => `/api/commitments/entries?${q(w)}`, allowed: reviewers },
    { name: 'get entry', method: 'GET', path: (w) => `/api/commitments/entries/${w.entryA.id}`, allowed: reviewers },
    {
      name: 'review entry',
      method: 'POST',
      path: (w) => `/api/commitments/entries/${w.entryA.id}/review`,
      body: () => ({ decision: 'verify' }),
      allowed: reviewers,
    },
    {
      name: 'bulk review entries',
      method: 'POST',
      path: () => '/api/commitments/entries/bulk-review',
      body: (w) => ({ communeId: w.communeA.id, decision: 'verify', ids: [w.entryA.id] }),
      allowed: reviewers,
    },
    { name: 'duplicates', method: 'GET', path: (w) => `/api/commitments/duplicates?${q(w)}`, allowed: reviewers },
    { name: 'export entries', method: 'GET', path: (w) => `/api/commitments/export?${q(w)}`, allowed: admins },
    {
      name: 'commitment coverage',
      method: 'GET',
      path: (w) => `/api/commitments/coverage?${q(w)}&year=2026`,
      allowed: 'all',
    },
    {
      name: 'commitment summary',
      method: 'GET',
      path: (w) => `/api/commitments/summary?${q(w)}&year=2026`,
      allowed: 'all',
    },
    { name: 'read retention', method: 'GET', path: (w) => `/api/commitments/privacy?${q(w)}`, allowed: 'all' },
    {
      name: 'set retention',
      method: 'PATCH',
      path: () => '/api/commitments/privacy',
      body: (w) => ({ communeId: w.communeA.id, retentionMonths: 36 }),
      allowed: admins,
    },
    {
      name: 'purge personal fields',
      method: 'POST',
      path: () => '/api/commitments/purge',
      body: (w) => ({ communeId: w.communeA.id }),
      allowed: admins,
    },
  ];
}

function contestCases(): Case[] {
  const allowed = ['system', 'commune_admin', 'organizer'] as const;
  const roundBody = () => ({
    name: 'Đợt thêm',
    startsAt: '2026-12-10T08:00',
    endsAt: '2026-12-17T08:00',
    questionCount: 1,
    timeLimitSeconds: 600,
    attemptsAllowed: 1,
  });
  return [
    { name: 'list contests', method: 'GET', path: (w) => `/api/contests?communeId=${w.communeA.id}`, allowed },
    {
      name: 'create contest',
      method: 'POST',
      path: () => '/api/contests',
      body: (w) => ({ communeId: w.communeA.id, title: 'Cuộc thi mới' }),
      allowed,
    },
    { name: 'get contest', method: 'GET', path: (w) => `/api/contests/${w.contestA.id}`, allowed },
    {
      name: 'edit contest',
      method: 'PATCH',
      path: (w) => `/api/contests/${w.contestA.id}`,
      body: () => ({ rulesMd: 'Thể lệ mới' }),
      allowed,
    },
    {
      name: 'set contest status',
      method: 'POST',
      path: (w) => `/api/contests/${w.contestA.id}/status`,
      body: () => ({ status: 'paused' }),
      allowed,
    },
    {
      name: 'add round',
      method: 'POST',
      path: (w) => `/api/contests/${w.contestA.id}/rounds`,
      body: roundBody,
      allowed,
    },
    {
      name: 'edit round',
      method: 'PATCH',
      path: (w) => `/api/contests/rounds/${w.roundA.id}`,
      body: () => ({ name: 'Đợt một' }),
      allowed,
    },
    { name: 'round live', method: 'GET', path: (w) => `/api/contests/rounds/${w.roundA.id}/live`, allowed },
    { name: 'list participants', method: 'GET', path: (w) => `/api/contests/${w.contestA.id}/participants`, allowed },
    {
      name: 'verify participant',
      method: 'POST',
      path: (w) => `/api/contests/participants/${w.participantA.id}/status`,
      body: () => ({ status: 'verified' }),
      allowed,
    },
    { name: 'round ranking', method: 'GET', path: (w) => `/api/contests/rounds/${w.roundA.id}/ranking`, allowed },
    {
      name: 'publish results',
      method: 'POST',
      path: (w) => `/api/contests/rounds/${w.roundEnded.id}/results`,
      allowed,
    },
    { name: 'unit ranking', method: 'GET', path: (w) => `/api/contests/${w.contestA.id}/units`, allowed },
    {
      name: 'province contests of a commune',
      method: 'GET',
      path: (w) => `/api/contests/of-province?communeId=${w.communeA.id}`,
      allowed,
    },
    {
      name: "a commune's part of a province contest",
      method: 'GET',
      path: (w) => `/api/contests/${w.provinceContest.id}/communes/${w.communeA.id}`,
      allowed,
    },
    {
      name: 'export contest sheet',
      method: 'GET',
      path: (w) => `/api/contests/${w.contestA.id}/export?kind=participants`,
      allowed,
    },
    { name: 'purge personal data', method: 'POST', path: (w) => `/api/contests/${w.contestEnded.id}/purge`, allowed },
    {
      name: 'winners certificates',
      method: 'GET',
      path: (w) => `/api/contests/rounds/${w.roundEnded.id}/certificates`,
      allowed,
    },
    { name: 'contest questions', method: 'GET', path: (w) => `/api/contests/${w.contestA.id}/questions`, allowed },
    {
      name: 'add contest question',
      method: 'POST',
      path: (w) => `/api/contests/${w.contestA.id}/questions`,
      body: () => ({ ...questionBody(null), communeId: undefined }),
      allowed,
    },
    {
      name: 'retire contest question',
      method: 'POST',
      path: (w) => `/api/contests/questions/${w.ownQuestionA.id}/status`,
      body: () => ({ status: 'published' }),
      allowed,
    },
    {
      name: 'import contest questions',
      method: 'POST',
      path: (w) => `/api/contests/${w.contestA.id}/questions/import`,
      form: (w) => questionSheet(w.communeA.id),
      allowed,
    },
    { name: 'item analysis', method: 'GET', path: (w) => `/api/contests/rounds/${w.roundEnded.id}/analysis`, allowed },
    {
      name: 'item analysis sheet',
      method: 'GET',
      path: (w) => `/api/contests/rounds/${w.roundEnded.id}/analysis.xlsx`,
      allowed,
    },
    {
      name: 'release to practice',
      method: 'POST',
      path: (w) => `/api/contests/rounds/${w.roundEnded.id}/release`,
      allowed,
    },
    { name: 'bank gates', method: 'GET', path: () => '/api/content/gates', allowed: admins },
    { name: 'contest share link', method: 'GET', path: (w) => `/api/contests/${w.contestA.id}/share`, allowed },
    { name: 'contest poster', method: 'GET', path: (w) => `/api/contests/${w.contestA.id}/poster`, allowed },
  ];
}

function lessonBody(communeId: string | null) {
  return {
    communeId,
    slug: `bai-${Math.random().toString(36).slice(2, 8)}`,
    locale: 'vi',
    title: 'Bài của xã',
    summary: 'Một bài tuyên truyền của xã để thử.',
    topic: 'harms',
    audience: 'all',
    lawVersion: 'general',
    reviewedOn: '2026-11-23',
    sources: ['WHO'],
    body: '## Tiêu đề\n\nNội dung.',
  };
}
function questionBody(communeId: string | null) {
  return {
    communeId,
    type: 'single',
    topic: 'harms',
    difficulty: 1,
    audience: 'all',
    lawVersion: 'general',
    reviewedOn: '2026-11-23',
    source: 'WHO',
    correct: ['a'],
    vi: {
      text: `Câu hỏi thử số ${Math.random().toString(36).slice(2, 9)}?`,
      options: { a: 'Đúng vậy', b: 'Không phải', c: 'Chưa rõ' },
      explanation: 'Giải thích ngắn cho câu hỏi thử.',
    },
  };
}
function questionSheet(communeId: string) {
  const form = new FormData();
  const header =
    'ref,type,topic,difficulty,audience,law_version,legal_basis,source,correct,reviewed_on,vi_text,vi_a,vi_b,vi_c,vi_d,vi_e,vi_explanation';
  form.set(
    'file',
    new File(
      [
        `${header}\n,single,harms,1,all,general,,WHO,a,2026-11-23,Câu hỏi từ tệp ${Math.random()}?,Có,Không,,,,Giải thích cho câu hỏi.\n`,
      ],
      'q.csv',
    ),
  );
  form.set('communeId', communeId);
  form.set('mode', 'check');
  return form;
}

function csvWith(w: W) {
  const form = csv();
  form.set('communeId', w.communeA.id);
  return form;
}

const send = (c: Case, cookie?: string) =>
  h.call(c.method, c.path(w), {
    ...(cookie ? { cookie } : {}),
    ...(c.body ? { body: c.body(w) } : {}),
    ...(c.form ? { raw: c.form(w) } : {}),
  });

describe.each(cases)('$name', (c) => {
  it('answers 401 without a session', async () => {
    expect((await send(c)).status).toBe(401);
  });
  it.each(roles)('as %s', async (role) => {
    const res = await send(c, w.cookies[role]);
    const allowed = c.allowed === 'all' || c.allowed.includes(role);
    if (allowed) expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
    else expect(res.status, JSON.stringify(res.body)).toBe(403);
  });
});

/**
 * A contest the province hosts (no host commune): the province's organizers run it; another province's
 * organizers and every commune role get 404 for it as a contest to run; a commune's organizers and admins
 * read their commune's part once it is out of draft; other commune roles are refused that part.
 */
describe('a contest the province hosts', () => {
  type Who = Role | 'province_organizer' | 'other_province_organizer';
  let cookies: Record<Who, string>;
  let hosted: { id: string };
  beforeAll(async () => {
    const [own, other] = [await provinceOrganizer(h, w.p1.id), await provinceOrganizer(h, w.p2.id)];
    cookies = { ...w.cookies, province_organizer: own.cookie, other_province_organizer: other.cookie };
    hosted = (await h.call('POST', '/api/contests', { cookie: own.cookie, body: { title: 'Cuộc thi của tỉnh' } })).body;
    // Its own published question, so rounds can be added once it is out of draft.
    await h.call('POST', `/api/contests/${hosted.id}/questions`, {
      cookie: own.cookie,
      body: { ...questionBody(null), communeId: undefined, status: 'published' },
    });
    await h.call('POST', `/api/contests/${hosted.id}/status`, { cookie: own.cookie, body: { status: 'paused' } });
  });
  const table: [string, string, (id: string) => string, Record<Who, number>, unknown?][] = [
    ['get it', 'GET', (id) => `/api/contests/${id}`, { ...none(404), system: 200, province_organizer: 200 }],
    [
      'edit it',
      'PATCH',
      (id) => `/api/contests/${id}`,
      { ...none(404), system: 200, province_organizer: 200 },
      { rulesMd: 'Thể lệ của tỉnh' },
    ],
    [
      'add a round',
      'POST',
      (id) => `/api/contests/${id}/rounds`,
      { ...none(404), system: 201, province_organizer: 201 },
      {
        name: 'Đợt của tỉnh',
        startsAt: '2026-12-10T08:00',
        endsAt: '2026-12-17T08:00',
        questionCount: 1,
        timeLimitSeconds: 600,
        attemptsAllowed: 1,
      },
    ],
    [
      'its participants',
      'GET',
      (id) => `/api/contests/${id}/participants`,
      { ...none(404), system: 200, province_organizer: 200 },
    ],
    [
      "commune A's part",
      'GET',
      (id) => `/api/contests/${id}/communes/${w.communeA.id}`,
      {
        ...none(403),
        system: 200,
        commune_admin: 200,
        organizer: 200,
        province_organizer: 200,
        other_province_organizer: 404,
      },
    ],
  ];
  function none(status: number): Record<Who, number> {
    const who = [...roles, 'province_organizer', 'other_province_organizer'] as const;
    return Object.fromEntries(who.map((r) => [r, status])) as Record<Who, number>;
  }
  describe.each(table)('%s', (_name, method, path, expected, body) => {
    it.each(Object.keys(expected) as Who[])('as %s', async (who) => {
      const res = await h.call(method, path(hosted.id), { cookie: cookies[who], ...(body ? { body } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(expected[who]);
    });
  });
  it('is listed for its own province organizer only', async () => {
    const ids = async (cookie: string) =>
      (await h.call('GET', '/api/contests', { cookie })).body.items.map((c: { id: string }) => c.id);
    expect(await ids(cookies.province_organizer)).toContain(hosted.id);
    expect(await ids(cookies.other_province_organizer)).not.toContain(hosted.id);
    const followed = await h.call('GET', `/api/contests/of-province?communeId=${w.communeA.id}`, {
      cookie: cookies.organizer,
    });
    expect(followed.body.items.map((c: { id: string }) => c.id)).toContain(hosted.id);
  });
  it('keeps a province organizer out of commune data', async () => {
    const provinces = await h.call('GET', '/api/units/provinces', { cookie: cookies.province_organizer });
    expect(provinces.body.items.map((p: { id: string }) => p.id)).toEqual([w.p1.id]);
    const communes = await h.call('GET', '/api/units/communes', { cookie: cookies.province_organizer });
    expect(communes.body.items).toEqual([]);
    // Its list is the province's own contests whatever commune is asked.
    const asked = await h.call('GET', `/api/contests?communeId=${w.communeA.id}`, {
      cookie: cookies.province_organizer,
    });
    expect(asked.body.items.map((c: { id: string }) => c.id)).toEqual([hosted.id]);
    for (const path of [
      `/api/contests/${w.contestA.id}`,
      `/api/units/villages/${w.villageA.id}`,
      `/api/registry?communeId=${w.communeA.id}`,
    ])
      expect((await h.call('GET', path, { cookie: cookies.province_organizer })).status, path).toBe(404);
  });
});

describe('another commune’s records are 404, never 403 or data', () => {
  const crossCases: [string, string, (w: W) => string, ((w: W) => unknown)?][] = [
    ['get commune B', 'GET', (w) => `/api/units/communes/${w.communeB.id}`],
    ['edit commune B', 'PATCH', (w) => `/api/units/communes/${w.communeB.id}`, () => ({ targetFrequency: 'monthly' })],
    ['list villages of B', 'GET', (w) => `/api/units/villages?communeId=${w.communeB.id}`],
    ['get a village of B', 'GET', (w) => `/api/units/villages/${w.villageB.id}`],
    ['edit a village of B', 'PATCH', (w) => `/api/units/villages/${w.villageB.id}`, () => ({ active: false })],
    [
      'create a village in B',
      'POST',
      () => '/api/units/villages',
      (w) => ({ communeId: w.communeB.id, kind: 'thon', name: n() }),
    ],
    ['registry of B', 'GET', (w) => `/api/registry?communeId=${w.communeB.id}`],
    ['report of B', 'GET', (w) => `/api/reports?communeId=${w.communeB.id}&periodKey=2026-Q1`],
    ['a village of B in the registry', 'GET', (w) => `/api/registry/villages/${w.villageB.id}`],
    [
      'move a village of B',
      'POST',
      (w) => `/api/registry/villages/${w.villageB.id}/transitions`,
      () => ({ requestId: randomUUID(), to: 'building' }),
    ],
    ['get a school of B', 'GET', (w) => `/api/units/schools/${w.schoolB.id}`],
    ['edit a school of B', 'PATCH', (w) => `/api/units/schools/${w.schoolB.id}`, () => ({ name: n() })],
    ['get an organization of B', 'GET', (w) => `/api/units/organizations/${w.orgB.id}`],
    ['edit an organization of B', 'PATCH', (w) => `/api/units/organizations/${w.orgB.id}`, () => ({ active: false })],
    ['get an account of B', 'GET', (w) => `/api/accounts/${w.accounts.communeB_admin.id}`],
    [
      'disable an account of B',
      'PATCH',
      (w) => `/api/accounts/${w.accounts.communeB_admin.id}`,
      () => ({ disabled: true }),
    ],
    ['reset a password in B', 'POST', (w) => `/api/accounts/${w.accounts.communeB_admin.id}/reset-password`],
    [
      'create an account in B',
      'POST',
      () => '/api/accounts',
      (w) => ({
        username: `x${Math.random().toString(36).slice(2, 9)}`,
        displayName: 'X',
        role: 'organizer',
        password: 'a-long-password-1',
        communeId: w.communeB.id,
      }),
    ],
    [
      'bind a village head to a village of B',
      'POST',
      () => '/api/accounts',
      (w) => ({
        username: `y${Math.random().toString(36).slice(2, 9)}`,
        displayName: 'Y',
        role: 'village_head',
        password: 'a-long-password-1',
        villageId: w.villageB.id,
      }),
    ],
  ];
  it.each(crossCases)('commune admin of A: %s', async (_name, method, path, body) => {
    const res = await h.call(method, path(w), { cookie: w.cookies.commune_admin, ...(body ? { body: body(w) } : {}) });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
  it('import into commune B is 404 for the admin of A', async () => {
    const form = csv();
    form.set('communeId', w.communeB.id);
    expect(
      (await h.call('POST', '/api/units/villages/import', { cookie: w.cookies.commune_admin, raw: form })).status,
    ).toBe(404);
  });
  it.each(['organizer', 'village_head', 'school_staff'] as const)('%s of A cannot read commune B', async (role) => {
    expect((await h.call('GET', `/api/units/villages/${w.villageB.id}`, { cookie: w.cookies[role] })).status).toBe(404);
    expect((await h.call('GET', `/api/units/communes/${w.communeB.id}`, { cookie: w.cookies[role] })).status).toBe(404);
  });
  it('a province viewer reads its province but not another', async () => {
    expect(
      (await h.call('GET', `/api/units/villages/${w.villageB.id}`, { cookie: w.cookies.province_viewer })).status,
    ).toBe(200);
    expect(
      (await h.call('GET', `/api/units/communes/${w.communeC.id}`, { cookie: w.cookies.province_viewer })).status,
    ).toBe(404);
    const communes = await h.call('GET', '/api/units/communes', { cookie: w.cookies.province_viewer });
    const ids = communes.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([w.communeA.id, w.communeB.id]));
    expect(ids).not.toContain(w.communeC.id);
  });
  it('lists only the caller’s commune and accounts', async () => {
    const communes = await h.call('GET', '/api/units/communes', { cookie: w.cookies.commune_admin });
    expect(communes.body.items.map((c: { id: string }) => c.id)).toEqual([w.communeA.id]);
    const accounts = await h.call('GET', '/api/accounts?pageSize=200', { cookie: w.cookies.commune_admin });
    expect(accounts.body.items.length).toBeGreaterThan(0);
    expect(accounts.body.items.every((a: { communeId: string }) => a.communeId === w.communeA.id)).toBe(true);
    const audit = await h.call('GET', '/api/audit?pageSize=200', { cookie: w.cookies.commune_admin });
    expect(audit.body.items.every((e: { communeId: string | null }) => e.communeId === w.communeA.id)).toBe(true);
  });
});

describe('every documented route', () => {
  it('is covered by the table above or is public', () => {
    const covered = new Set(cases.map((c) => `${c.method} ${templateOf(c.path(w))}`));
    const publicOrSelf = new Set([
      'GET /api/content/pack',
      'GET /api/content/pack/contents',
      'GET /api/content/pack/lessons/{slug}',
      'GET /api/content/pack/questions',
      'GET /api/public/communes',
      'GET /api/public/villages',
      'POST /api/kiosks/pair',
      'GET /api/kiosks/me',
      'POST /api/events',
      'POST /api/kiosks/{id}/revoke',
      'GET /api/health',
      'GET /api/health/ready',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/logout-all',
      'POST /api/auth/password',
      'POST /api/auth/totp/setup',
      'POST /api/auth/totp/enable',
      'POST /api/auth/totp/disable',
      'POST /api/accounts/{id}/reset-password',
      'GET /api/public/commitments/campaigns',
      'POST /api/public/commitments/entries',
      'GET /api/public/commitments/receipts/{code}',
      'GET /api/public/commitments/entries/{id}/receipt',
      'GET /api/public/contests',
      'GET /api/public/contests/{id}',
      'POST /api/public/contests/{id}/register',
      'GET /api/public/contests/{id}/me',
      'POST /api/public/contests/rounds/{id}/attempts',
      'GET /api/public/contests/attempts/{id}',
      'PUT /api/public/contests/attempts/{id}/answers/{questionId}',
      'PUT /api/public/contests/attempts/{id}/prediction',
      'POST /api/public/contests/attempts/{id}/submit',
      'GET /api/public/contests/rounds/{id}/board',
      'GET /api/public/contests/{id}/units',
      'GET /api/public/contests/{id}/units/search',
      'GET /api/public/contests/attempts/{id}/review',
      'GET /api/public/contests/links/{code}',
      'POST /api/public/contests/{id}/recover',
      'GET /api/public/tips/box',
      'POST /api/public/tips',
      'POST /api/public/tips/read',
      'POST /api/public/tips/add',
    ]);
    // The tip box's police routes are checked for every role, the commune police included, in tips.test.ts.
    const tipRoutes = (r: string) => r.includes(' /api/tips');
    const missing = h.routes
      .map((r) => `${r.method.toUpperCase()} ${r.path}`)
      .filter((r) => !covered.has(r) && !publicOrSelf.has(r) && !tipRoutes(r));
    expect(missing).toEqual([]);
  });
  it('answers 401 without a session, except the public ones', async () => {
    for (const route of h.routes) {
      if (
        [
          '/api/health',
          '/api/health/ready',
          '/api/auth/login',
          '/api/auth/logout',
          '/api/content/pack',
          '/api/kiosks/pair',
          '/api/kiosks/me',
          '/api/events',
        ].includes(route.path) ||
        route.path.startsWith('/api/public/') ||
        route.path.startsWith('/api/content/pack/')
      )
        continue;
      const path = route.path.replace(/\{[^}]+\}/g, w.villageA.id);
      const res = await h.call(route.method.toUpperCase(), path, route.method === 'get' ? {} : { body: {} });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});

function templateOf(path: string) {
  const ids = [
    w.communeA.id,
    w.villageA.id,
    w.schoolA.id,
    w.orgA.id,
    w.accounts.organizer.id,
    w.lessonA.id,
    w.questionA.id,
    w.hotlineA.id,
    w.posterA.id,
    w.kioskA.id,
    w.decisionA.id,
    w.activityA.id,
    ...w.activityPool,
    ...w.photoPool.map((p) => p.activityId),
    w.campaignA.id,
    w.entryA.id,
    w.contestA.id,
    w.provinceContest.id,
    w.roundA.id,
    w.roundEnded.id,
    w.contestEnded.id,
    w.participantA.id,
    w.ownQuestionA.id,
  ];
  let p = path.split('?')[0]!;
  for (const photoId of [w.photoA.photoId, ...w.photoPool.map((x) => x.photoId)]) p = p.replace(photoId, '{photoId}');
  p = p.replace(w.photoA.activityId, '{id}');
  if (p.startsWith('/api/contests/')) p = p.replace(`/communes/${w.communeA.id}`, '/communes/{communeId}');
  for (const id of ids) p = p.replace(id, '{id}');
  return p;
}

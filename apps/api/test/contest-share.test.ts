import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@vungxanh/db';
import { createHarness, world } from './harness.ts';
import { nextPhone, openContest, publishQuestions, register, tokenHeader } from './contests-fixtures.ts';
import { pdfText } from './pdf-text.ts';

type H = Awaited<ReturnType<typeof createHarness>>;
type W = Awaited<ReturnType<typeof world>>;
let h: H;
let w: W;
beforeAll(async () => {
  h = await createHarness({ CONTEST_PHONE_RATE_LIMIT: '1000', CONTEST_ADDRESS_RATE_LIMIT: '100000' });
  w = await world(h);
  await publishQuestions(h, w, 6);
});
afterAll(() => h.cleanup());

const auditActions = async (entityId: string) =>
  (await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId))).map((r) => r.action);

describe('sharing a contest', () => {
  it('gives the organizer one short link with its QR, resolving to the contest id only', async () => {
    const { contestId } = await openContest(h, w);
    const first = await h.call('GET', `/api/contests/${contestId}/share`, { cookie: w.cookies.organizer });
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/\/c\/[2-9a-z]{7}$/);
    expect(first.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const again = await h.call('GET', `/api/contests/${contestId}/share`, { cookie: w.cookies.organizer });
    expect(again.body.code).toBe(first.body.code);
    expect((await auditActions(contestId)).filter((a) => a === 'create_share_link')).toHaveLength(1);

    const resolved = await h.call('GET', `/api/public/contests/links/${first.body.code}`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({ contestId });
  });

  it('keeps drafts, unknown codes and other communes’ contests out of reach', async () => {
    const draft = await h.call('POST', '/api/contests', {
      cookie: w.cookies.organizer,
      body: { title: 'Cuộc thi chưa công bố' },
    });
    const share = await h.call('GET', `/api/contests/${draft.body.id}/share`, { cookie: w.cookies.organizer });
    expect(share.status).toBe(200);
    const hidden = await h.call('GET', `/api/public/contests/links/${share.body.code}`);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain(draft.body.id);
    expect((await h.call('GET', '/api/public/contests/links/zzzzzzz')).status).toBe(404);
    expect((await h.call('GET', '/api/public/contests/links/..%2F..')).status).toBe(404);
    const other = await h.call('GET', `/api/contests/${draft.body.id}/share`, { cookie: w.cookies.communeB_admin });
    expect(other.status).toBe(404);
    const poster = await h.call('GET', `/api/contests/${draft.body.id}/poster`, { cookie: w.cookies.communeB_admin });
    expect(poster.status).toBe(404);
  });

  it('prints an A4 poster with the title, rounds in Vietnam time, the link and how to take part', async () => {
    const { contestId } = await openContest(
      h,
      w,
      { name: 'Đợt một', startsAt: '2026-12-01T08:00', endsAt: '2026-12-31T17:00' },
      { title: 'Tìm hiểu pháp luật về phòng, chống ma túy năm 2026' },
    );
    const res = await h.app.request(`/api/contests/${contestId}/poster`, { headers: { cookie: w.cookies.organizer } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    const { body } = await h.call('GET', `/api/contests/${contestId}/share`, { cookie: w.cookies.organizer });
    expect(text).toContain('Tìm hiểu pháp luật về phòng, chống ma túy năm 2026');
    expect(text).toContain('Đợt một');
    expect(text).toContain('08:00 ngày 01/12/2026');
    expect(text).toContain('17:00 ngày 31/12/2026');
    expect(text).toContain(body.code);
    expect(text).toContain('Cách tham gia');
    expect(await auditActions(contestId)).toContain('export_poster');

    // In the console's language when it passes one; a browser set to English alone does not change it.
    const browserEn = await h.app.request(`/api/contests/${contestId}/poster`, {
      headers: { cookie: w.cookies.organizer, 'accept-language': 'en' },
    });
    expect(await pdfText(new Uint8Array(await browserEn.arrayBuffer()))).toContain('Cách tham gia');
    const en = await h.app.request(`/api/contests/${contestId}/poster?lang=en`, {
      headers: { cookie: w.cookies.organizer },
    });
    const enText = await pdfText(new Uint8Array(await en.arrayBuffer()));
    expect(enText).toContain('How to take part');
    expect(enText).toContain('08:00, 01/12/2026');
    expect(enText).not.toContain('Cách tham gia');
    expect(enText).toContain('Tìm hiểu pháp luật về phòng, chống ma túy năm 2026');
  });
});

describe('recovery on a new device', () => {
  it('moves the participant, ends the old token and keeps every attempt counted', async () => {
    const { contestId, roundId } = await openContest(h, w, { attemptsAllowed: 1 });
    const phone = nextPhone();
    const reg = await register(h, w, contestId, { phone });
    expect(reg.status).toBe(201);
    const oldToken = reg.body.token as string;
    expect(reg.body.recoveryCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const started = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
      headers: tokenHeader(oldToken),
      body: {},
    });
    expect(started.status).toBe(201);

    // On the new phone the number is already registered; the code moves the person there.
    const again = await register(h, w, contestId, { phone });
    expect(again.body.code).toBe('contest_already_registered');
    const typed = (reg.body.recoveryCode as string).toLowerCase().replace(/-/g, ' ');
    const moved = await h.call('POST', `/api/public/contests/${contestId}/recover`, { body: { phone, code: typed } });
    expect(moved.status).toBe(200);
    expect(moved.body.participantId).toBe(reg.body.participant.id);
    expect(moved.body.recoveryCode).not.toBe(reg.body.recoveryCode);
    const newToken = moved.body.token as string;

    const oldMe = await h.call('GET', `/api/public/contests/${contestId}/me`, { headers: tokenHeader(oldToken) });
    expect(oldMe.status).toBe(401);
    const oldAttempt = await h.call('GET', `/api/public/contests/attempts/${started.body.id}`, {
      headers: tokenHeader(oldToken),
    });
    expect(oldAttempt.status).toBe(404);

    const me = await h.call('GET', `/api/public/contests/${contestId}/me`, { headers: tokenHeader(newToken) });
    expect(me.body.rounds[0]).toMatchObject({ used: 1, openAttemptId: started.body.id });
    const resumed = await h.call('GET', `/api/public/contests/attempts/${started.body.id}`, {
      headers: tokenHeader(newToken),
    });
    expect(resumed.status).toBe(200);
    // The attempt is the same one: recovering opens no extra attempt.
    await h.call('POST', `/api/public/contests/attempts/${started.body.id}/submit`, { headers: tokenHeader(newToken) });
    const extra = await h.call('POST', `/api/public/contests/rounds/${roundId}/attempts`, {
      headers: tokenHeader(newToken),
      body: {},
    });
    expect(extra.body.code).toBe('contest_attempts_exhausted');
    const attempts = await h.db
      .select()
      .from(schema.contestAttempts)
      .where(eq(schema.contestAttempts.participantId, reg.body.participant.id));
    expect(attempts).toHaveLength(1);

    // The spent code no longer works; the audit log shows the move.
    const reused = await h.call('POST', `/api/public/contests/${contestId}/recover`, {
      body: { phone, code: reg.body.recoveryCode },
    });
    expect(reused.body.code).toBe('contest_recovery_failed');
    const rows = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, reg.body.participant.id), eq(schema.auditLog.action, 'recover_device')));
    expect(rows).toHaveLength(1);
  });

  it('answers a wrong phone and a wrong code alike, and stops guessing after a few tries', async () => {
    const { contestId } = await openContest(h, w);
    const phone = nextPhone();
    const reg = await register(h, w, contestId, { phone });
    const unknown = await h.call('POST', `/api/public/contests/${contestId}/recover`, {
      body: { phone: nextPhone(), code: reg.body.recoveryCode },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('contest_recovery_failed');
    expect(unknown.body.message).toBe('Số điện thoại hoặc mã khôi phục không đúng.');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await h.call('POST', `/api/public/contests/${contestId}/recover`, {
        body: { phone, code: 'AAAA-BBBB-CCCC' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(statuses[5]).toBe(429);
    // Even the right code waits out the window once the phone is limited.
    const right = await h.call('POST', `/api/public/contests/${contestId}/recover`, {
      body: { phone, code: reg.body.recoveryCode },
    });
    expect(right.status).toBe(429);
    const me = await h.call('GET', `/api/public/contests/${contestId}/me`, { headers: tokenHeader(reg.body.token) });
    expect(me.status).toBe(200);
  });
});

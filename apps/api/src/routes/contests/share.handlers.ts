import type { Context } from 'hono';
import { posterQr } from '../../lib/lazy-modules.ts';
import {
  AppError,
  newRecoveryCode,
  newShareCode,
  normalizePhone,
  normalizeRecoveryCode,
  shareCodePattern,
} from '@vungxanh/domain';
import {
  contestIdByLink,
  contestLinkOf,
  getCommune,
  getContest,
  getProvince,
  insertContestLink,
  isUniqueViolation,
  listRounds,
  participantByPhone,
  recoverParticipant,
  type ContestRow,
} from '@vungxanh/db';
import { randomBytes } from 'node:crypto';
import type { AppEnv } from '../../lib/context.ts';
import { docLocale } from '../../lib/doc-locale.ts';
import { audit, summarize } from '../../lib/audit.ts';
import { clientIp } from '../../lib/client-ip.ts';
import type { Handler } from '../../lib/openapi.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { pdfAnswer } from '../../lib/pdf.ts';
import { managedContest } from './contests.handlers.ts';
import { sha } from '../../use-cases/contests.ts';
import { posterPdf } from './share.poster.ts';
import type * as routes from './share.routes.ts';

/** The contest's short link, made on first use; a collision of random codes just draws again. */
async function linkOf(c: Context<AppEnv>, contest: ContestRow) {
  const { db } = c.get('deps');
  for (let i = 0; i < 5; i++) {
    const found = await contestLinkOf(db, contest.id);
    if (found) return found;
    try {
      const link = await insertContestLink(db, {
        code: newShareCode(),
        contestId: contest.id,
        communeId: contest.communeId,
      });
      await audit(c, {
        entity: 'contest',
        entityId: contest.id,
        communeId: contest.communeId,
        action: 'create_share_link',
        summary: summarize({ code: link.code }),
      });
      return link;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new AppError(409, 'conflict');
}

async function shareOf(c: Context<AppEnv>, contest: ContestRow) {
  const { code } = await linkOf(c, contest);
  const origin = c.get('deps').config.PUBLIC_ORIGIN ?? new URL(c.req.url).origin;
  const url = `${origin}/c/${code}`;
  const qrDataUrl = await posterQr(url);
  return { code, url, qrDataUrl };
}

export const share: Handler<typeof routes.share> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  return c.json(await shareOf(c, contest), 200);
};

export const poster: Handler<typeof routes.poster> = async (c) => {
  const contest = await managedContest(c, c.req.valid('param').id);
  const { db } = c.get('deps');
  const [link, rounds, commune, province] = await Promise.all([
    shareOf(c, contest),
    listRounds(db, contest.id),
    contest.communeId ? getCommune(db, contest.communeId) : null,
    getProvince(db, contest.provinceId),
  ]);
  const pdf = await posterPdf({
    contest,
    rounds,
    hostName: commune?.name ?? '',
    provinceName: province?.name ?? '',
    url: link.url,
    qrDataUrl: link.qrDataUrl,
    locale: docLocale(c),
  });
  await audit(c, {
    entity: 'contest',
    entityId: contest.id,
    communeId: contest.communeId,
    action: 'export_poster',
    summary: summarize({ rounds: rounds.length }),
  });
  return pdfAnswer(c, pdf, 'ap-phich-cuoc-thi.pdf');
};

/** A short link answers only the id of a contest participants may already see; drafts and unknown codes are 404. */
export const resolveLink: Handler<typeof routes.resolveLink> = async (c) => {
  const { db } = c.get('deps');
  const code = c.req.valid('param').code.toLowerCase();
  const contestId = shareCodePattern.test(code) ? await contestIdByLink(db, code) : null;
  const contest = contestId ? await getContest(db, contestId) : null;
  if (!contest || contest.status === 'draft') throw new AppError(404, 'not_found');
  return c.json({ contestId: contest.id }, 200);
};

// Recovery is tried rarely by one person: a few tries per phone number per quarter hour, and a
// school room's worth per address, make guessing a 59-bit code hopeless.
const recoveryLimits = new WeakMap<object, { phone: RateLimiter; address: RateLimiter }>();
function limitRecovery(c: Context<AppEnv>, contestId: string, phone: string) {
  const deps = c.get('deps');
  let limits = recoveryLimits.get(deps);
  if (!limits) {
    limits = { phone: new RateLimiter(5, 15 * 60_000), address: new RateLimiter(60, 15 * 60_000) };
    recoveryLimits.set(deps, limits);
  }
  const wait = Math.max(limits.phone.hit(`${contestId}:${phone}`), limits.address.hit(`${contestId}:${clientIp(c)}`));
  if (wait) throw new AppError(429, 'rate_limited', { retryAfter: wait });
}

/**
 * Moves a registration to this device. The participant stays the same person, so every attempt
 * made stays counted and no new attempts appear; the old device's token ends in the same write.
 */
export const recover: Handler<typeof routes.recover> = async (c) => {
  const { db } = c.get('deps');
  const contest = await getContest(db, c.req.valid('param').id);
  if (!contest || contest.status === 'draft') throw new AppError(404, 'not_found');
  const input = c.req.valid('json');
  const phone = normalizePhone(input.phone);
  const code = normalizeRecoveryCode(input.code);
  limitRecovery(c, contest.id, phone ?? input.phone);
  const p = phone && code ? await participantByPhone(db, contest.id, phone) : null;
  const token = randomBytes(32).toString('base64url');
  const recoveryCode = newRecoveryCode();
  const moved =
    p &&
    code &&
    (await recoverParticipant(db, {
      participantId: p.id,
      codeHash: sha(code),
      newCodeHash: sha(recoveryCode),
      tokenHash: sha(token),
    }));
  // A wrong phone and a wrong code answer alike, so the route does not tell who is registered.
  if (!p || !moved) throw new AppError(422, 'contest_recovery_failed');
  await audit(c, {
    entity: 'contest_participant',
    entityId: p.id,
    communeId: contest.communeId,
    action: 'recover_device',
    summary: '{}',
  });
  return c.json({ token, recoveryCode, participantId: p.id }, 200);
};

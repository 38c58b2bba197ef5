import type { Context } from 'hono';
import { AppError, planContentRelease, releasePending, shippedReleaseItems } from '@vungxanh/domain';
import { applyContentRelease, listContentReleases, storedReleaseItems } from '@vungxanh/db';
import { resources } from '@vungxanh/i18n/server';
import type { AppEnv } from '../../lib/context.ts';
import { audit, summarize } from '../../lib/audit.ts';
import type { Handler } from '../../lib/openapi.ts';
import { requireAuth } from '../../lib/session.ts';
import type * as routes from './release.routes.ts';

/** Shipped content is national: only the system admin releases it. */
function requireSystem(c: Context<AppEnv>) {
  const { actor } = requireAuth(c);
  if (actor.role !== 'system') throw new AppError(403, 'forbidden');
  return actor;
}

async function currentPlan(c: Context<AppEnv>) {
  const { db, shippedContent } = c.get('deps');
  const shipped = shippedContent();
  return { shipped, plan: planContentRelease(shippedReleaseItems(shipped), await storedReleaseItems(db)) };
}

async function planBody(c: Context<AppEnv>, plan: ReturnType<typeof planContentRelease>) {
  const labels = resources[c.get('locale')].contentRelease.actions;
  const [last] = await listContentReleases(c.get('deps').db, 1);
  return {
    version: plan.version,
    pending: releasePending(plan),
    counts: plan.counts,
    lines: plan.lines.map(({ kind, key, title, action, bank }) => ({
      kind,
      key,
      title,
      action,
      label: labels[action],
      bank,
    })),
    lastApplied: last ? { version: last.version, appliedAt: last.appliedAt.toISOString() } : null,
  };
}

export const previewRelease: Handler<typeof routes.previewRelease> = async (c) => {
  requireSystem(c);
  const { plan } = await currentPlan(c);
  return c.json(await planBody(c, plan), 200);
};

export const applyRelease: Handler<typeof routes.applyRelease> = async (c) => {
  const actor = requireSystem(c);
  const { version } = c.req.valid('json');
  const { shipped, plan } = await currentPlan(c);
  // The admin confirms the release they previewed; a different shipped set needs a new preview.
  if (version !== plan.version) throw new AppError(409, 'conflict');
  const applied = await applyContentRelease(c.get('deps').db, shipped, plan, actor.accountId);
  const counts = Object.fromEntries(Object.entries(plan.counts).filter(([, n]) => n > 0));
  await audit(c, {
    entity: 'content_release',
    entityId: plan.version,
    action: applied ? 'apply' : 'apply_nothing',
    communeId: null,
    summary: summarize({ version: plan.version, ...counts }),
  });
  const { plan: after } = await currentPlan(c);
  return c.json({ applied, plan: await planBody(c, after) }, 200);
};

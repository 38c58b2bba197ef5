import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '@vungxanh/domain';
import { kioskByToken, type KioskRow } from '@vungxanh/db';
import type { AppEnv } from './context.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The kiosk named by the request's device token, or null when none was sent; a bad token is 401. */
export async function deviceKiosk(c: Context<AppEnv>): Promise<KioskRow | null> {
  const header = c.req.header('authorization');
  if (!header) return null;
  const token = header.match(/^Bearer ([\w-]{20,100})$/)?.[1];
  const kiosk = token ? await kioskByToken(c.get('deps').db, sha(token)) : null;
  if (!kiosk || kiosk.revokedAt) throw new AppError(401, 'kiosk_revoked');
  return kiosk;
}

import type { Context } from 'hono';
import { writeAudit, type AuditEntry } from '@vungxanh/db';
import type { AppEnv } from './context.ts';
import { clientIp } from './client-ip.ts';

/** The who and where of an audit row, taken from the request. */
export function auditContext(c: Context<AppEnv>): Pick<AuditEntry, 'accountId' | 'username' | 'ip'> {
  const auth = c.get('auth');
  return { accountId: auth?.account.id ?? null, username: auth?.account.username ?? null, ip: clientIp(c) };
}

/** Writes an audit row for this request; sign-in passes the account itself, since no session exists yet. */
export function audit(c: Context<AppEnv>, entry: Omit<AuditEntry, 'ip'>) {
  return writeAudit(c.get('deps').db, { ...auditContext(c), ...entry });
}

/** A compact record of what a write set: field names with values, secrets removed. */
export function summarize(values: Record<string, unknown>): string {
  const hidden = new Set(['password', 'passwordHash', 'totpSecret']);
  const kept = Object.fromEntries(Object.entries(values).filter(([k, v]) => !hidden.has(k) && v !== undefined));
  return JSON.stringify(kept).slice(0, 2000);
}

/**
 * The device side of reach events: every event waits in an outbox until the server has answered
 * for it. The server stores each id once, so sending an entry twice is harmless; dropping one
 * before the server answered for it would lose it.
 */

/** Smaller than the server's limit, so one slow request never carries a whole day of events. */
export const outboxBatchSize = 50;

export interface OutboxEntry {
  id: string;
  occurredAt: string;
}

/** The next batch to send: the oldest entries first, so a long outage drains in order. */
export function takeBatch<E extends OutboxEntry>(entries: readonly E[], size = outboxBatchSize): E[] {
  return [...entries]
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id))
    .slice(0, size);
}

export interface EventsReply {
  acknowledged: readonly string[];
  rejected: readonly { id: string | null; reason: string }[];
}

/**
 * The entries of a sent batch that may leave the outbox: those the server acknowledged (stored now
 * or before) and those it rejected for good. Anything else stays and goes again.
 */
export function settledIds(sent: readonly string[], reply: EventsReply): string[] {
  const answered = new Set<string>(reply.acknowledged);
  for (const r of reply.rejected) if (r.id !== null) answered.add(r.id);
  return sent.filter((id) => answered.has(id));
}

export const outboxRetry = { baseMs: 2_000, maxMs: 60_000 } as const;

/**
 * How long to wait before the next attempt after `failures` failed ones in a row: doubling from
 * 2 s up to a minute, with jitter so a village's kiosks do not all retry in the same second when
 * the network comes back; never sooner than the server's Retry-After.
 */
export function retryDelayMs(failures: number, retryAfterSeconds: number | null = null, random = Math.random): number {
  const exp = Math.min(outboxRetry.maxMs, outboxRetry.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(exp * (0.75 + random() * 0.5));
  const floor = retryAfterSeconds !== null && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
  return Math.max(Math.min(jittered, outboxRetry.maxMs), floor);
}

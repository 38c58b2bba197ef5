import { z } from 'zod';
import { vietnamToday } from './commitments.ts';

/** What the police do with a tip; `passed_on` records a hand-over to another police level. */
export const tipStatuses = ['new', 'checking', 'passed_on', 'closed'] as const;
export type TipStatus = (typeof tipStatuses)[number];
// There is no district level since 01/7/2025 (two-tier local government): a commune hands a matter to the province
// police, or to the Ministry of Public Security's drug crime police (C04).
export const tipHandovers = ['province', 'ministry', 'other'] as const;
export type TipHandover = (typeof tipHandovers)[number];

/** Who wrote a message on a tip: the tipster (sealed to the police), an officer's reply (readable with the receipt code), an internal note (sealed). */
export const tipMessageKinds = ['tipster', 'reply', 'note'] as const;
export type TipMessageKind = (typeof tipMessageKinds)[number];

/** Base64url text only: ciphertext, never anything readable. */
const b64 = z.string().regex(/^[\w-]+$/, 'base64url');

/**
 * Size limits. A tip carries at most one photo re-encoded in the browser (about 1,600 px, JPEG), so a sealed tip is
 * kept under 1.5 MB of text; added information and replies are text only.
 */
export const tipLimits = {
  tipChars: 1_500_000,
  messageChars: 40_000,
  textChars: 5_000,
  contactChars: 200,
  /** Additions a receipt-code holder may make to one tip: the box is for information, not a chat. */
  tipsterMessages: 20,
};

/** Why a tip's (or an addition's) text cannot be sent, or null: empty, or longer than the limit. */
export function tipTextProblem(text: string): 'missing' | 'tooLong' | null {
  const body = text.trim();
  return !body ? 'missing' : body.length > tipLimits.textChars ? 'tooLong' : null;
}

export const wrappedKeySchema = z.object({
  v: z.literal(1),
  salt: b64.max(64),
  nonce: b64.max(64),
  box: b64.max(200),
  opslimit: z.number().int().min(1).max(20),
  memlimit: z
    .number()
    .int()
    .min(8 * 1024 * 1024)
    .max(1024 * 1024 * 1024),
});

export type WrappedKeyInput = z.infer<typeof wrappedKeySchema>;

/** A new commune key: the public key, the creating officer's wrap and the recovery sheet's wrap. */
export const tipKeySetupInput = z.strictObject({
  publicKey: b64.length(43),
  wrapped: wrappedKeySchema,
  recoveryWrapped: wrappedKeySchema,
});
/** A wrap stored for one holder (the caller, another officer, or the recovery sheet). */
export const tipKeyGrantWrap = z.strictObject({ wrapped: wrappedKeySchema });
/** The holder name of the printed recovery sheet's wrap. */
export const recoveryHolder = 'recovery';

/** The server keeps only a hash of the lookup value derived from the receipt code (see @vungxanh/tip-crypto). */
export const tipLookup = b64.length(43);

export const tipSubmitInput = z.strictObject({
  communeId: z.string().min(1).max(64),
  villageId: z.string().min(1).max(64).optional(),
  ciphertext: b64.max(tipLimits.tipChars),
  lookup: tipLookup,
});
export const tipAddInput = z.strictObject({ lookup: tipLookup, ciphertext: b64.max(tipLimits.messageChars) });
export const tipReadInput = z.strictObject({ lookup: tipLookup });

/** A reply is `nonce.box` (secretbox); a tipster's message or a note is a sealed box. */
export const tipMessageInput = z
  .strictObject({
    kind: z.enum(['reply', 'note']),
    ciphertext: z
      .string()
      .max(tipLimits.messageChars)
      .regex(/^[\w-]+(\.[\w-]+)?$/, 'ciphertext'),
  })
  .refine((v) => (v.kind === 'reply') === v.ciphertext.includes('.'), {
    message: 'a reply is nonce.box, a note one sealed box',
    path: ['ciphertext'],
  });

/**
 * What the holder of a receipt code sees of a tip's messages: the police's replies (encrypted to the code) and that
 * they added information (sealed to the police, so without its ciphertext); never the officers' internal notes.
 */
export function tipsterThread<M extends { kind: TipMessageKind; ciphertext: string; writtenOn: string }>(
  messages: readonly M[],
) {
  return messages
    .filter((m): m is M & { kind: 'tipster' | 'reply' } => m.kind !== 'note')
    .map((m) => ({ kind: m.kind, ciphertext: m.kind === 'reply' ? m.ciphertext : null, writtenOn: m.writtenOn }));
}

export const tipStatusInput = z
  .strictObject({ status: z.enum(tipStatuses), handedTo: z.enum(tipHandovers).optional() })
  .refine((v) => (v.status === 'passed_on') === (v.handedTo !== undefined), {
    message: 'handedTo goes with passed_on, and only with it',
    path: ['handedTo'],
  });

/** The only date kept for a tip and its messages: the Vietnam day, never the time of day. */
export const tipDay = (now: Date = new Date()) => vietnamToday(now);

/** A figure row: how many tips of a month are in a status. */
export interface TipFigure {
  month: string;
  status: TipStatus;
  count: number;
}

/** Counts by month (YYYY-MM of the received day) and status, every status present for every month seen. */
export function tipFigures(rows: readonly { receivedOn: string; status: TipStatus }[]): TipFigure[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.receivedOn.slice(0, 7)}|${r.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const months = [...new Set(rows.map((r) => r.receivedOn.slice(0, 7)))].sort();
  return months.flatMap((month) =>
    tipStatuses.map((status) => ({ month, status, count: counts.get(`${month}|${status}`) ?? 0 })),
  );
}

import { createMiddleware } from 'hono/factory';
import { mayNeedNfc, toNfc } from '@vungxanh/domain';
import type { AppEnv } from '../lib/context.ts';

export const jsonType = /^application\/([\w.-]+\+)?json\b/i;

/**
 * A JSON text in NFC. Text with ASCII only (most kiosk event batches) comes back as it is, and so does text that is
 * not JSON (the route's validator answers it: 400 invalid_json).
 */
export function nfcJsonText(text: string): string {
  if (!mayNeedNfc(text)) return text;
  try {
    return JSON.stringify(toNfc(JSON.parse(text)));
  } catch {
    return text;
  }
}

/**
 * Every JSON body enters in NFC, whichever path it takes (console forms, kiosk, phones, scripts):
 * a name typed with combining marks is stored as online signing stores it, so exports, duplicate
 * checks and searches see one spelling. Imports clean their cells in the domain (`cleanCell`).
 * This reads the body through Hono (tests, other runtimes); on Node, `requestBodies` reads it itself.
 */
export const nfcBodies = createMiddleware<AppEnv>(async (c, next) => {
  if (!jsonType.test(c.req.header('content-type') ?? '')) return next();
  const text = await c.req.text();
  const normalized = nfcJsonText(text);
  // Hono reads `json()` from the cached text, so the validator and handlers see the NFC body.
  if (normalized !== text) (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(normalized);
  return next();
});

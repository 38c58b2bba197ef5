import { createMiddleware } from 'hono/factory';
import { mayNeedNfc, toNfc } from '@vungxanh/domain';
import type { AppEnv } from '../lib/context.ts';

const jsonType = /^application\/([\w.-]+\+)?json\b/i;

/**
 * Every JSON body enters in NFC, whichever path it takes (console forms, kiosk, phones, scripts):
 * a name typed with combining marks is stored as online signing stores it, so exports, duplicate
 * checks and searches see one spelling. Imports clean their cells in the domain (`cleanCell`).
 * Bodies with ASCII only (most kiosk event batches) are passed on untouched.
 */
export const nfcBodies = createMiddleware<AppEnv>(async (c, next) => {
  if (!jsonType.test(c.req.header('content-type') ?? '')) return next();
  const text = await c.req.text();
  if (mayNeedNfc(text)) {
    let normalized: string | null = null;
    try {
      normalized = JSON.stringify(toNfc(JSON.parse(text)));
    } catch {
      // Not JSON: the route's validator answers it (400 invalid_json).
    }
    // Hono reads `json()` from the cached text, so the validator and handlers see the NFC body.
    if (normalized !== null) (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(normalized);
  }
  return next();
});

import { createHmac, randomBytes } from 'node:crypto';

/**
 * Keys for rate limits that must not keep what they limit (the tip box's addresses and device tokens): an HMAC under
 * a secret that lives only in this process's memory and is replaced every day. The limiter's table then holds values
 * that nobody, the operator included, can turn back into an address, and yesterday's cannot even be recomputed.
 */
export function blindKeys(rotateMs = 86_400_000, now: () => number = Date.now) {
  let secret = randomBytes(32);
  let rotatesAt = now() + rotateMs;
  return (kind: string, value: string): string => {
    if (now() >= rotatesAt) {
      secret = randomBytes(32);
      rotatesAt = now() + rotateMs;
    }
    return `${kind}:${createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22)}`;
  };
}

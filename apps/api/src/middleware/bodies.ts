import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError } from '@vungxanh/domain';
import type { AppEnv } from '../lib/context.ts';
import { nodeResponse } from '../lib/node-response.ts';
import { jsonType, nfcBodies, nfcJsonText } from './nfc.ts';

const tooLarge = (): never => {
  throw new AppError(413, 'payload_too_large');
};

/**
 * The whole body of a Node request, or null as soon as it passes `maxSize` (what is left is not read). Rejects when
 * the client goes away before the end.
 */
function readBody(incoming: IncomingMessage, maxSize: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxSize) return void chunks.push(chunk);
      done();
      incoming.pause();
      resolve(null);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onClose = () => {
      done();
      reject(new AppError(400, 'bad_request'));
    };
    incoming.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

/**
 * Request bodies, size-limited and (JSON) normalised to NFC. On Node a JSON body is read straight from the request
 * stream into Hono's body cache, and a request with no body is passed on at once: reaching for the body through
 * Hono makes @hono/node-server build a whole Fetch `Request` (with an AbortSignal and a web stream), which was a
 * tenth of the CPU of a contest submit under load (profiled). File uploads, and every request where there is no Node
 * stream (`app.request()` in tests, another runtime), take Hono's own `bodyLimit` and `nfcBodies`.
 */
export const requestBodies = (maxSizeOf: (c: Context<AppEnv>) => number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const maxSize = maxSizeOf(c);
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming) {
      const { headers } = incoming;
      const length = headers['content-length'];
      const chunked = headers['transfer-encoding'] !== undefined;
      // HTTP/1.1: without a length or a transfer coding there is no body (a submit, a publish).
      if (!chunked && (length === undefined || length === '0')) return next();
      // A body refused before it is all read leaves bytes on the connection: the answer closes it.
      const refuse = () => {
        nodeResponse(c)?.setHeader('Connection', 'close');
        return tooLarge();
      };
      if (!chunked && Number(length) > maxSize) refuse();
      if (jsonType.test(headers['content-type'] ?? '')) {
        const body = await readBody(incoming, maxSize);
        if (!body) return refuse();
        const cache = c.req.bodyCache as { text?: Promise<string> };
        cache.text = Promise.resolve(nfcJsonText(body.toString('utf8')));
        return next();
      }
    }
    return bodyLimit({ maxSize, onError: tooLarge })(c, async () => {
      await nfcBodies(c, next);
    });
  });

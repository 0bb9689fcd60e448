import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

const gzipAsync = promisify(gzip);
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON answer with its Content-Length, compressed here when large. Why not `c.json` + the
 * compress middleware: that middleware streams every body of unknown length through a
 * CompressionStream, small ones included, which turns @hono/node-server's direct write into a
 * web-stream read (profiled at about a third of a "nothing new" sync pull). With the length known,
 * the middleware leaves the body alone and the server writes it in one call.
 *
 * Typed as `c.json` would be (the value as JSON parses it, and the status), so the chained route
 * apps carry their answers' shapes to `hc<ApiType>` on the client (server/api.ts).
 */
export async function sendJson<T, U extends ContentfulStatusCode = 200>(c: Context, value: T, status: U = 200 as U): Promise<JsonResponse<T, U>> {
  return (await send(c, value, status)) as JsonResponse<T, U>;
}

/** What `c.json(value, status)` returns: a Response typed with the value's JSON shape and the status. */
export type JsonResponse<T, U extends ContentfulStatusCode> = Response & TypedResponse<JSONParsed<T>, U, 'json'>;

async function send(c: Context, value: unknown, status: ContentfulStatusCode): Promise<Response> {
  const text = JSON.stringify(value);
  const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  if (text.length >= COMPRESS_FROM_BYTES && acceptsGzip(c.req.header('accept-encoding'))) {
    const body = await gzipAsync(text);
    return c.body(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), status, {
      ...headers,
      'content-encoding': 'gzip',
      'content-length': String(body.byteLength),
    });
  }
  return c.body(text, status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
}

/** `gzip` or `*` listed without `q=0` (RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

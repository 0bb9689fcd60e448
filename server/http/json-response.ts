import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const gzipAsync = promisify(gzip);
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON answer with its Content-Length, compressed here when large. Why not `c.json` + the
 * compress middleware: that middleware streams every body of unknown length through a
 * CompressionStream, small ones included, which turns @hono/node-server's direct write into a
 * web-stream read (profiled at about a third of a "nothing new" sync pull). With the length known,
 * the middleware leaves the body alone and the server writes it in one call.
 */
export async function sendJson(c: Context, value: unknown, status: ContentfulStatusCode = 200) {
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

import type { document } from '../db/schema/index.ts';
import { notFound } from '../http/errors.ts';
import type { Storage } from './storage.ts';

/** RFC 5987 / 8187 value: UTF-8, percent-encoded, for `filename*=`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** An ASCII stand-in for old clients that ignore `filename*` (accents dropped, nothing quotable). */
function asciiFallback(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._ -]/g, '_') || 'document';
}

export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  return `${kind}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * The policy of a PDF the secretariat previews in its own tab: nothing loads, nothing runs
 * (`sandbox`: a unique origin, no scripts, forms or pop-ups), nothing frames it. Chrome shows a
 * PDF through an internal <embed>, which the app's `object-src 'none'` would block
 * (crbug.com/271452), hence `object-src 'self'` here alone.
 */
const PDF_PREVIEW_POLICY = "default-src 'none'; object-src 'self'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The stored bytes of a document as a response: its real type (checked at upload), a download
 * rather than a page (`attachment`, unless the secretariat previews a PDF), `nosniff` so no
 * browser ever runs it as something else, and never cached by anything on the way.
 */
export async function documentFileResponse(storage: Storage, row: typeof document.$inferSelect, disposition: 'attachment' | 'inline' = 'attachment'): Promise<Response> {
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw notFound('Fichier');
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'Content-Type': row.mediaType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(disposition, row.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ...(disposition === 'inline' ? { 'Content-Security-Policy': PDF_PREVIEW_POLICY } : {}),
    },
  });
}

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The write routes that take something other than JSON: the upload, and PayFiP's own server. */
const MULTIPART_PATHS = new Set(['/api/documents']);
const FOREIGN_SERVER_PATHS = new Set(['/api/billing/payfip/notification']);

/**
 * Writes come from Portée's own pages only. The session cookie is SameSite=Lax, which already
 * keeps it off cross-site POSTs; this is the second lock: a browser that says the request comes
 * from another site (Sec-Fetch-Site) is refused, and a body that an HTML form could send
 * (text/plain, form-encoded, multipart outside the upload) is refused before any handler reads
 * it as an empty JSON object.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const path = c.req.path;
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none' && !FOREIGN_SERVER_PATHS.has(path)) {
    throw new ApiError(403, 'cross_site', 'Requête refusée : elle ne vient pas d’une page de Portée.');
  }
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const allowed = !type || type === 'application/json' || (type === 'multipart/form-data' && MULTIPART_PATHS.has(path)) || FOREIGN_SERVER_PATHS.has(path);
  if (!allowed) throw new ApiError(415, 'unsupported_media_type', 'Format de requête non accepté : envoyez du JSON.');
  return next();
};

/** JSON bodies stay small (a push of a full outbox fits many times); the upload route has its own ceiling. */
const JSON_MAX_BYTES = 512 * 1024;
const jsonLimit = bodyLimit({
  maxSize: JSON_MAX_BYTES,
  onError: () => {
    throw new ApiError(413, 'too_large', `Requête trop volumineuse (au plus ${JSON_MAX_BYTES / 1024} Ko).`);
  },
});
export const limitJsonBodies: MiddlewareHandler = (c, next) => (SAFE_METHODS.has(c.req.method) || MULTIPART_PATHS.has(c.req.path) ? next() : jsonLimit(c, next));

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response: a CSP with no inline script or style, no <base>, no
 * framing, nosniff, a strict referrer policy, and HSTS only when the request came over HTTPS (it
 * would be ignored otherwise, and would lock a plain-HTTP development server out of the browser).
 */
export function securityHeaders(opts: { formActions?: string[] } = {}): MiddlewareHandler {
  const base = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Lit adopts constructable stylesheets (Chromium, Firefox, Safari 16.4+), which a CSP does not
      // block; no template sets a `style` attribute (styleMap would need 'unsafe-inline').
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'", ...(opts.formActions ?? [])],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [], payment: [] },
    // A response that sets its own policy keeps it (the PDF preview: download.ts).
    overwrite: false,
  });
  return async (c, next) => {
    await base(c, next);
    const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * What only a document (or a worker, whose script's response carries its CSP) reads. The browser
 * says what it fetches (`Sec-Fetch-Dest`); a script, style, image or font it loads into a page is
 * governed by that page's headers, not its own, so these are left off it. Over HTTP/1.1 they were
 * about 650 of each script's 1,000 bytes of headers, and a signed-in first screen loads some 20
 * scripts (docs/performance.md). nosniff, CORP and the referrer policy (a module's own imports
 * follow its response's) stay on every response. A request that names no destination (an old
 * browser, the service worker's precache, curl) gets them all.
 */
const DOCUMENT_ONLY = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'x-frame-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-xss-protection',
  'x-permitted-cross-domain-policies',
];
const SUBRESOURCE_DESTINATIONS = new Set(['script', 'style', 'image', 'font']);

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
    if (SUBRESOURCE_DESTINATIONS.has(c.req.header('sec-fetch-dest') ?? '')) {
      for (const name of DOCUMENT_ONLY) c.header(name, undefined);
      // A cache keeps this lighter answer for that use only: the same address loaded as a worker
      // or a document is asked again and gets its policy.
      c.header('Vary', 'Sec-Fetch-Dest', { append: true });
    }
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { authHeaders } from '../auth/session-middleware.ts';
import type { AppEnv } from './context.ts';
import { routePreloadLinks } from './route-preloads.ts';

/**
 * Serves the built client from one origin with the API. Hashed assets are cached for a year;
 * the shell and the service worker are revalidated on every load so an update is seen at once.
 * Any other GET that is not an API call gets the shell: the client router draws the page, and
 * the shell names the scripts of that page (server/http/route-preloads.ts).
 */
export function mountClient(app: Hono<AppEnv>, root: string) {
  const indexPath = join(root, 'index.html');
  const preloads = routePreloadLinks(join(root, 'route-preloads.json'));
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    await next();
    if (['/sw.js', '/index.html', '/manifest.webmanifest'].includes(c.req.path)) c.header('Cache-Control', 'no-cache');
  });
  // The build wrote each text file compressed too (.br, .gz: vite.config.ts): sent as they are.
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('*', async (c) => {
    // A script or file the build does not have (a page open since the last deployment asks for
    // its old chunks) is missing, not the app's HTML: answered 200, the HTML would be kept a year
    // under the script's address (the /assets/ cache header above) and fail as a module.
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return c.notFound();
    if (!existsSync(indexPath)) {
      return c.text('Client not built: run `npm run build` (npm start does it for you).', 503);
    }
    c.header('Cache-Control', 'no-cache');
    // The secretariat's pages answer 403 to a signed-in family or teacher (the shell then shows
    // "Accès refusé"); the data itself is protected by the API's own role checks.
    let status: 200 | 403 = 200;
    let named = true;
    if (c.req.path === '/admin' || c.req.path.startsWith('/admin/')) {
      const session = await c.var.deps.auth.api.getSession({ headers: authHeaders(c.req.raw.headers, c.var.clientIp), query: { disableRefresh: true } });
      if (session && (session.user as { role?: string }).role !== 'secretariat') status = 403;
      // Refused, or signed out (the sign-in page will show): the desk's scripts would be downloaded for nothing.
      named = status === 200 && session !== null;
    }
    // The answer names scripts by the session cookie's presence.
    c.header('Vary', 'Cookie', { append: true });
    // The path as the browser has it (Hono's is decoded): the client's router matches that one.
    const links = named ? preloads(new URL(c.req.url).pathname, c.req.header('cookie')) : '';
    return c.html(readFileSync(indexPath, 'utf8').replace('</head>', () => `${links}</head>`), status);
  });
}

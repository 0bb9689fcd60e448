import { readFileSync, statSync } from 'node:fs';

/** What the build wrote (vite.config.ts, `routePreloads`): the scripts each screen loads before its first render. */
interface RoutePreloadsFile {
  routes: Array<{ path: string; signedIn: boolean; scripts: string[] }>;
}

interface Matcher {
  pattern: RegExp;
  signedIn: boolean;
  links: string;
}

/** A client route's path (`/eleves/:id/cours/:courseId`) as a whole-path pattern: a `:name` is one segment. */
function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // No trailing slash, as the client's router (URLPattern) takes it: `/famille/facturation/` is not found there.
  return new RegExp(`^${segments.join('/')}$`);
}

/**
 * The session cookie's name: `portee.` in development, `__Host-portee.` in production, and
 * `__Secure-portee.` (better-auth's own prefix) outside production on an https address.
 */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-|__Secure-)?portee\.session_token=/;

/**
 * The `<link rel="modulepreload">` tags for a screen's first visit, added to the HTML the server
 * answers for it (server/http/static.ts): the browser then asks for the page's scripts beside the
 * first screen's, instead of finding them four requests deep. At low priority, after the
 * stylesheet, so that the first paint (the HTML's own screen) does not wait for them. A signed-in
 * screen's are named only when the request carries a session cookie (present, not checked: a
 * wrong guess costs bytes, never access), since without one the app shows the sign-in page.
 * Returns '' when the build wrote no list (a client built before it, or none). The list is read
 * again when the build rewrites it, as the HTML is: a server left running across a build must not
 * name the previous build's files.
 */
export function routePreloadLinks(file: string): (path: string, cookie: string | undefined) => string {
  let readAt: number | undefined;
  let matchers: Matcher[] = [];
  const current = () => {
    const changed = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (changed !== readAt) {
      readAt = changed;
      let routes: RoutePreloadsFile['routes'] = [];
      try {
        if (changed !== undefined) routes = (JSON.parse(readFileSync(file, 'utf8')) as RoutePreloadsFile).routes;
      } catch {
        // Read while a build was writing it: no names this time, read again at the next request.
        readAt = undefined;
      }
      matchers = routes.map((route) => ({
        pattern: pathPattern(route.path),
        signedIn: route.signedIn,
        links: route.scripts.map((src) => `<link rel="modulepreload" fetchpriority="low" crossorigin href="${src}">`).join(''),
      }));
    }
    return matchers;
  };
  return (path, cookie) => {
    // The first route that matches, as the client's router takes it.
    const route = current().find((m) => m.pattern.test(path));
    if (!route || (route.signedIn && !SESSION_COOKIE.test(cookie ?? ''))) return '';
    return route.links;
  };
}

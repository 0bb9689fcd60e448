// First-load JavaScript per screen (issue 15, goal 2): the script bytes a browser transfers to show
// a screen on a first visit, as the server sends them (precompressed brotli or gzip, whichever the
// browser asks for), counted from Chromium's own network log (CDP Network.loadingFinished,
// encodedDataLength: body and headers as they went over the wire). The built client is served by
// the real server in its own process, as `npm start` serves it; the service worker is blocked, so
// its precache of every chunk (for offline use, after the page has loaded) is not counted.
// A worker's own script (the data worker holds the local database, client/data/pull-worker.ts)
// is asked for in the page's network log but finishes in the worker's: it is counted apart, from Playwright's sizes of the request
// (headers, and the body's Content-Length as sent), since it downloads beside the page's scripts but runs off the
// page's thread.
//
//   npm run bench first-load      # the client must be built (npm run build); CLIENT_DIST to pick another (not written)
import { chromium, type Browser } from '@playwright/test';
import { startServer } from '../test/helpers/server-process.ts';
import { Report } from './report.ts';
import { browserCookies, courseSheetPath, signInCookie } from './sign-in.ts';

export const title = 'First-load JavaScript per screen: bytes transferred (brotli/gzip as served) and the deepest script chain';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** The budgets, in KB (1,024 bytes) transferred. */
const BUDGET_KB: Record<string, number> = { '/connexion': 35, '/accueil': 60 };
/** The goal: no chain of script requests deeper than this for the first paint (each level is a round trip). */
const GOAL_DEPTH = 2;

interface Screen {
  path: string;
  /** As printed, when the path is not a fixed one (a course sheet's ids change with each seed). */
  name?: string;
  as?: 'family' | 'secretariat';
}

interface Request {
  url: string;
  parent: string | null;
  /** CDP monotonic timestamps, in seconds. */
  sentAt: number;
  finishedAt?: number;
  type?: string;
  encoding?: string;
  bytes?: number;
}

interface ScriptLoad {
  url: string;
  bytes: number;
  encoding: string;
  depth: number;
}

/** What one screen's first visit downloads: the page's scripts, and its workers' own scripts. */
interface ScreenLoad {
  scripts: ScriptLoad[];
  workers: Array<{ url: string; bytes: number }>;
}

/**
 * Loads one screen in a fresh context (empty cache) and returns its scripts: transferred bytes and
 * depth in the request chain (the document is 0, a script it names 1, a script that one imports 2…).
 * `accept-encoding` is the one a browser sends; the figure is brotli where the server has it.
 */
async function load(browser: Browser, url: string, cookie: string | undefined, encoding: string): Promise<ScreenLoad> {
  const context = await browser.newContext({ serviceWorkers: 'block', extraHTTPHeaders: { 'accept-encoding': encoding } });
  try {
    if (cookie) {
      // For the origin: a cookie given the screen's own URL would get its folder as path
      // (`/famille/`), and the session's request (`/api/session`) would go without it.
      await context.addCookies(browserCookies(new URL(url).origin, cookie));
    }
    const page = await context.newPage();
    const workerUrls = new Set<string>();
    page.on('worker', (worker) => workerUrls.add(worker.url()));
    const finished: Array<{ url: string; bytes: Promise<number> }> = [];
    page.on('requestfinished', (request) => {
      // The body's size as sent (Content-Length of the precompressed file): Playwright's
      // responseBodySize says 0 for a worker's script.
      const bytes = Promise.all([request.sizes(), request.response()]).then(async ([sizes, response]) =>
        sizes.responseHeadersSize + Number((await response?.headerValue('content-length')) ?? Number.NaN));
      finished.push({ url: request.url(), bytes });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map<string, Request>();
    cdp.on('Network.requestWillBeSent', (e) => {
      // A script's parent: the script (or document) whose code or markup asked for it, when Chromium
      // knows it. The bundler's preload links are inserted by a script Chromium does not name
      // ("about:client"): their parent is decided below, from timing.
      let parent: string | null = null;
      for (let s = e.initiator.stack; !parent && s; s = s.parent) parent = s.callFrames[0]?.url || null;
      parent ??= e.initiator.url ?? null;
      requests.set(e.requestId, { url: e.request.url, parent, sentAt: e.timestamp });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.type = e.type;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.encoding = headers['content-encoding'] ?? 'identity';
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.bytes = e.encodedDataLength;
      r.finishedAt = e.timestamp;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // The app has replaced the HTML's screen with its own page (client/index.html's #boot).
    await page.locator('#boot').waitFor({ state: 'detached', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    // Signed in, the data worker starts with the session's first command and its script may still
    // be on its way when the page's own requests are done: wait for it (ten seconds at most).
    for (let waited = 0; cookie && waited < 10_000 && !finished.some((f) => /\/pull-worker-[^/]+\.js$/.test(f.url)); waited += 100) await page.waitForTimeout(100);

    const all = [...requests.values()];
    const byUrl = new Map(all.map((r) => [r.url, r]));
    // Scripts of the page, and a worker's own script (the pull worker carries its own Dexie).
    const scripts = all.filter((r) => r.bytes !== undefined && (r.type === 'Script' || /\.m?js$/.test(new URL(r.url).pathname)));
    const depths = new Map<Request, number>();
    const depth = (r: Request): number => {
      const known = depths.get(r);
      if (known !== undefined) return known;
      depths.set(r, 0); // a cycle (never expected) ends here
      const parent = r.parent ? byUrl.get(r.parent) : undefined;
      let d: number;
      if (parent?.type === 'Document') d = 1;
      else if (parent) d = 1 + depth(parent);
      // Unnamed initiator: at most one level below the deepest script finished before it was asked
      // for (an upper bound: it may have been asked for by a shallower one).
      else d = 1 + Math.max(0, ...scripts.filter((s) => s !== r && s.finishedAt! <= r.sentAt).map(depth));
      depths.set(r, d);
      return d;
    };
    const workers = await Promise.all(
      finished.filter((f) => workerUrls.has(f.url) && byUrl.get(f.url)?.bytes === undefined).map(async (f) => ({ url: new URL(f.url).pathname, bytes: await f.bytes })),
    );
    return { scripts: scripts.map((r) => ({ url: new URL(r.url).pathname, bytes: r.bytes!, encoding: r.encoding!, depth: depth(r) })), workers };
  } finally {
    await context.close();
  }
}

export async function run() {
  const report = new Report('first-load');
  const server = await startServer(process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {});
  const browser = await chromium.launch({ executablePath: CHROME });
  try {
    const family = await signInCookie(server.url, 'famille.demo', 'Portee-demo-2026');
    const secretariat = await signInCookie(server.url, 'secretariat.demo', 'Portee-admin-2026');
    // The budgets are the two; the other main screens are measured for their chain and size.
    const screens: Screen[] = [
      { path: '/connexion' },
      { path: '/accueil', as: 'family' },
      { path: '/famille/facturation', as: 'family' },
      { path: await courseSheetPath(server.url, family), name: 'a course sheet', as: 'family' },
      { path: '/admin/demandes', as: 'secretariat' },
    ];
    const details: Record<string, unknown> = {};
    for (const screen of screens) {
      const name = screen.name ?? screen.path;
      const cookie = screen.as === 'family' ? family : screen.as === 'secretariat' ? secretariat : undefined;
      for (const [label, encoding] of [['brotli', 'gzip, deflate, br, zstd'], ['gzip', 'gzip, deflate']] as const) {
        const { scripts, workers } = await load(browser, server.url + screen.path, cookie, encoding);
        const kb = scripts.reduce((n, s) => n + s.bytes, 0) / 1024;
        const deepest = Math.max(0, ...scripts.map((s) => s.depth));
        const who = screen.as === 'family' ? ', signed in as famille.demo' : screen.as ? ', signed in as secretariat.demo' : ', signed out';
        report.figure(`${name} first-load JS (${label})`, kb, 'KB', { max: BUDGET_KB[screen.path] }, `${scripts.length} scripts${who}, fresh cache, service worker blocked, headers included`);
        // An upper bound, and a noisy one: the bundler's preload links have no initiator Chromium
        // names, so they are placed below the deepest script finished before them. No verdict.
        if (label === 'brotli') report.figure(`${name} deepest script chain (upper bound)`, deepest, 'levels', undefined, `document = 0, a script its HTML names = 1; every script until network idle; goal ≤ ${GOAL_DEPTH} for the first paint`);
        if (workers.length) {
          const workerKb = workers.reduce((n, w) => n + w.bytes, 0) / 1024;
          report.figure(`${name} workers' own scripts (${label})`, workerKb, 'KB', undefined, `${workers.map((w) => w.url).join(', ')}: beside the page's scripts, run off its thread; no budget`);
        }
        details[`${name} ${label}`] = { scripts: scripts.sort((a, b) => b.bytes - a.bytes), workers };
      }
    }
    report.note('client', process.env.CLIENT_DIST ?? 'dist/client');
    report.note('scripts', details);
  } finally {
    await browser.close();
    await server.stop();
    // Another build's figures are for comparing, not the record of this one.
    if (!process.env.CLIENT_DIST) report.write();
  }
}

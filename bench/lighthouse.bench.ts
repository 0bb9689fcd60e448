// Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown), median of three runs,
// against the built app served as `npm start` serves it (HTTP/1.1), then as a deployment serves
// browsers: the same server speaking TLS itself, with HTTP/2 (the tests' certificate,
// test/fixtures/tls, trusted by Chromium for that key alone). Each run is Lighthouse's own CLI in its
// own process, attached (--port) to a Debian Chromium that holds the session as a real cookie:
// a cookie sent as an extra header reached the page but not the pull worker, whose 401 then
// showed an expired session and moved the page. Chromium is launched as that CLI launches it
// (chrome-launcher 1.2.1, Lighthouse's own, and its flags), and nothing else stays attached to it
// while Lighthouse measures.
// A first visit is a fresh profile each run.
//   npm run bench lighthouse                                     # six screens, median of 3
//   LIGHTHOUSE_RUNS=5 LIGHTHOUSE_SCREENS=sign-in CLIENT_DIST=/tmp/other/client npm run bench lighthouse
//   LIGHTHOUSE_SCREENS='home, repeat visit;billing' npm run bench lighthouse   # names as printed, ';' between
//   LIGHTHOUSE_KEEP=/tmp/lh npm run bench lighthouse    # also keeps each run's full report and trace there
//   LIGHTHOUSE_TRANSPORTS=h2 npm run bench lighthouse    # one transport only: http/1.1 or h2
// (a subset or another build prints its figures but leaves bench/results/lighthouse.json alone)
import { spawn, spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, launch, type LaunchedChrome } from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { startServer } from '../test/helpers/server-process.ts';
import { TLS_ENV, tlsCa } from '../test/helpers/tls-fixture.ts';
import { browserCookies, courseSheetPath, signInCookie } from './sign-in.ts';
import { machineBusyBefore } from './report.ts';
import { mainThreadCpu } from './trace-cpu.ts';

export const title = 'Lighthouse mobile (12.2.3): performance, accessibility, best practices';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
/** Screen names as printed (`sign-in`, `home, repeat visit`, …), `;` between them: only these. */
const ONLY = process.env.LIGHTHOUSE_SCREENS?.split(';').map((name) => name.trim());
/** A folder where each run's full Lighthouse report is kept (the long tasks and scripts behind a figure). */
const KEEP = process.env.LIGHTHOUSE_KEEP;
/** How the server is reached: `npm start`'s plain HTTP/1.1, or TLS with HTTP/2 as browsers are served in production (docs/deployment.md). */
const TRANSPORTS = ['http/1.1', 'h2'] as const;
type Transport = (typeof TRANSPORTS)[number];
const ONLY_TRANSPORTS = process.env.LIGHTHOUSE_TRANSPORTS?.split(';').map((name) => name.trim());
for (const name of ONLY_TRANSPORTS ?? []) {
  if (!(TRANSPORTS as readonly string[]).includes(name)) throw new Error(`LIGHTHOUSE_TRANSPORTS: ${name} is not one of ${TRANSPORTS.join(', ')}`);
}
const BUDGET = { performance: 95, accessibility: 100, bestPractices: 100, lcpMs: 2000, tbtMs: 100, cls: 0.02 };

interface Screen {
  name: string;
  path: string;
  as?: 'family' | 'secretariat';
  /** Repeat visit: a warm-up run fills the caches (service worker, IndexedDB), then storage is kept. */
  repeat?: boolean;
}

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scriptKb: number;
  /** From the run's trace (bench/trace-cpu.ts): the main thread's share of its long tasks' time, and their blocking time counted from CPU time. */
  ranShare: number;
  cpuBlockingMs: number;
  /** Lighthouse's own measure of the machine's speed when the run started (higher is faster). */
  benchmarkIndex: number;
}

interface LighthouseJson {
  environment?: { benchmarkIndex?: number };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { items?: Array<{ resourceType?: string; transferSize?: number }> } }>;
}

/** Chromium's way to trust one certificate's key and nothing else: its SubjectPublicKeyInfo's SHA-256. */
function spkiHash(pem: Buffer): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Chromium on a profile of its own, launched as Lighthouse's CLI launches it (chrome-launcher, the
 * version Lighthouse 12.2.3 uses, its default flags), with the session cookie set as the browser
 * would keep it. Playwright sets the cookie, then disconnects: attached during a run, it would
 * instrument the page Lighthouse measures.
 */
async function openBrowser(base: string, profile: string, cookie?: string): Promise<{ close: () => Promise<void>; port: number }> {
  const trust = base.startsWith('https:') ? [`--ignore-certificate-errors-spki-list=${spkiHash(tlsCa())}`] : [];
  mkdirSync(join(profile, 'chrome'));
  let chrome: LaunchedChrome;
  try {
    chrome = await launch({ chromePath: CHROME, userDataDir: join(profile, 'chrome'), chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', ...trust] });
  } catch (error) {
    // A launch that gave up waiting for the DevTools port leaves its Chromium running otherwise.
    killAll();
    throw error;
  }
  const close = async () => {
    if (chrome.process.exitCode !== null || chrome.process.signalCode !== null) return;
    const exited = new Promise((resolve) => chrome.process.once('exit', resolve));
    chrome.kill();
    await exited;
  };
  try {
    if (cookie) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      await browser.contexts()[0].addCookies(browserCookies(base, cookie));
      await browser.close();
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { close, port: chrome.port };
}

/** Chromium runs in a process group of its own: a bench stopped or crashed would not take it along. */
function killChromiumOnExit() {
  process.once('exit', () => killAll());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(1);
    });
  }
}

/**
 * Runs `measure` again once when Lighthouse itself asks for it ("Please run Lighthouse again": its
 * trace missed the navigation's start, NO_NAVSTART, now and then here), so one lost trace does not
 * cost a screen its figures. Any other failure stands.
 */
async function onceMoreIfAsked<T>(what: string, measure: () => Promise<T>): Promise<T> {
  try {
    return await measure();
  } catch (error) {
    const message = (error as Error).message;
    if (!/Please run Lighthouse again/.test(message)) throw error;
    console.log(`(${what}: ${/\(([A-Z_]+)\)/.exec(message)?.[1] ?? 'a lost trace'}, run again)`);
    return measure();
  }
}

function lighthouse(url: string, opts: { port: number; profile: string; keepStorage: boolean }): Promise<Figures> {
  const out = join(opts.profile, `report-${crypto.randomUUID()}.json`);
  const args = [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    `--port=${opts.port}`,
    // Lighthouse's own reset leaves IndexedDB and local storage: a first visit gets a fresh
    // profile instead (withBrowser), so no run finds the last one's data.
    ...(opts.keepStorage ? ['--disable-storage-reset'] : []),
    // The run's trace: its main thread's CPU times (bench/trace-cpu.ts), and kept with the report.
    '--save-assets',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/lighthouse', args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${err.slice(-500)}`));
      const text = readFileSync(out, 'utf8');
      const report = JSON.parse(text) as LighthouseJson;
      const tracePath = out.replace(/\.json$/, '-0.trace.json');
      const cpu = mainThreadCpu(JSON.parse(readFileSync(tracePath, 'utf8')));
      if (KEEP) {
        mkdirSync(KEEP, { recursive: true });
        const stamp = `${new URL(url).protocol.replace(':', '')}${new URL(url).pathname.replaceAll('/', '_')}-${Date.now()}`;
        writeFileSync(join(KEEP, `${stamp}.json`), text);
        copyFileSync(tracePath, join(KEEP, `${stamp}.trace.json`));
      }
      const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
      const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
      const items = report.audits['resource-summary']?.details?.items ?? [];
      resolve({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        scriptKb: (items.find((i) => i.resourceType === 'script')?.transferSize ?? 0) / 1024,
        ranShare: cpu?.ranShare ?? NaN,
        cpuBlockingMs: cpu?.cpuBlockingMs ?? NaN,
        benchmarkIndex: report.environment?.benchmarkIndex ?? NaN,
      });
    });
  });
}

async function withBrowser<T>(base: string, cookie: string | undefined, use: (port: number, profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'portee-lh-'));
  try {
    const { close, port } = await openBrowser(base, profile, cookie);
    try {
      return await use(port, profile);
    } finally {
      await close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

type Result = Screen & { runs: Figures[]; median: Figures };

export async function run() {
  killChromiumOnExit();
  const results: Partial<Record<Transport, Result[]>> = {};
  for (const transport of TRANSPORTS.filter((name) => !ONLY_TRANSPORTS || ONLY_TRANSPORTS.includes(name))) {
    console.log(transport === 'h2' ? '# over TLS and HTTP/2, as a deployment serves browsers' : "# over HTTP/1.1, as npm start serves the app");
    results[transport] = await measure(transport);
  }
  mkdirSync('bench/results', { recursive: true });
  if (ONLY || ONLY_TRANSPORTS || process.env.CLIENT_DIST) return;
  // The browser that made the figures: two runs compare only on the same one (docs/performance.md).
  const browser = spawnSync(CHROME, ['--version'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync('bench/results/lighthouse.json', JSON.stringify({ at: new Date().toISOString(), browser, busyBefore: machineBusyBefore(), runs: RUNS, budget: BUDGET, results }, null, 2) + '\n');
}

async function measure(transport: Transport): Promise<Result[]> {
  const tls = transport === 'h2';
  const server = await startServer({ ...(process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {}), ...(tls ? TLS_ENV : {}) });
  const ca = tls ? tlsCa() : undefined;
  const results: Result[] = [];
  try {
    const family = await signInCookie(server.url, 'famille.demo', 'Portee-demo-2026', ca);
    const secretariat = await signInCookie(server.url, 'secretariat.demo', 'Portee-admin-2026', ca);
    const screens: Screen[] = [
      { name: 'sign-in', path: '/connexion' },
      { name: 'home, first visit', path: '/accueil', as: 'family' },
      { name: 'home, repeat visit', path: '/accueil', as: 'family', repeat: true },
      { name: 'billing', path: '/famille/facturation', as: 'family' },
      { name: 'course sheet', path: await courseSheetPath(server.url, family, ca), as: 'family' },
      { name: 'change requests', path: '/admin/demandes', as: 'secretariat' },
    ];
    for (const screen of screens.filter((s) => !ONLY || ONLY.includes(s.name))) {
      const cookie = screen.as === 'family' ? family : screen.as === 'secretariat' ? secretariat : undefined;
      const url = server.url + screen.path;
      try {
        const runs: Figures[] = [];
        if (screen.repeat) {
          // One profile: a warm-up run fills the caches (service worker, IndexedDB), then each run keeps them.
          await withBrowser(server.url, cookie, async (port, profile) => {
            await onceMoreIfAsked(`${screen.name} (warm-up)`, () => lighthouse(url, { port, profile, keepStorage: true }));
            for (let i = 0; i < RUNS; i++) runs.push(await onceMoreIfAsked(screen.name, () => lighthouse(url, { port, profile, keepStorage: true })));
          });
        } else {
          for (let i = 0; i < RUNS; i++) {
            // A run asked again starts over on a fresh profile: it stays a first visit.
            const once = () => withBrowser(server.url, cookie, (port, profile) => lighthouse(url, { port, profile, keepStorage: false }));
            runs.push(await onceMoreIfAsked(screen.name, once));
          }
        }
        const pick = (key: keyof Figures) => median(runs.map((r) => r[key]));
        const med: Figures = {
          performance: pick('performance'), accessibility: pick('accessibility'), bestPractices: pick('bestPractices'),
          fcpMs: pick('fcpMs'), lcpMs: pick('lcpMs'), tbtMs: pick('tbtMs'), cls: pick('cls'), scriptKb: pick('scriptKb'),
          ranShare: pick('ranShare'), cpuBlockingMs: pick('cpuBlockingMs'), benchmarkIndex: pick('benchmarkIndex'),
        };
        results.push({ ...screen, runs, median: med });
        print(screen, med);
      } catch (error) {
        console.log(`${screen.name.padEnd(20)} (failed: ${(error as Error).message.split('\n')[0]})`);
      }
    }
  } finally {
    await server.stop();
  }
  return results;
}

function print(screen: Screen, m: Figures) {
  const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');
  const line = (figure: string, value: string, budget: string, ok: boolean) =>
    console.log(`${screen.name.padEnd(20)} ${figure.padEnd(15)} ${value.padStart(8)} / ${budget.padEnd(8)} ${verdict(ok)}`);
  line('performance', String(m.performance), '≥ 95', m.performance >= BUDGET.performance);
  line('accessibility', String(m.accessibility), '100', m.accessibility >= BUDGET.accessibility);
  line('best practices', String(m.bestPractices), '100', m.bestPractices >= BUDGET.bestPractices);
  line('LCP', `${(m.lcpMs / 1000).toFixed(2)} s`, '≤ 2.0 s', m.lcpMs <= BUDGET.lcpMs);
  line('TBT', `${Math.round(m.tbtMs)} ms`, '≤ 100 ms', m.tbtMs <= BUDGET.tbtMs);
  line('CLS', m.cls.toFixed(3), '≤ 0.02', m.cls <= BUDGET.cls);
  console.log(`${screen.name.padEnd(20)} ${'FCP'.padEnd(15)} ${`${(m.fcpMs / 1000).toFixed(2)} s`.padStart(8)}   (scripts ${m.scriptKb.toFixed(1)} KB transferred)`);
  // Not a budget: what the trace says of the machine under the figures (bench/trace-cpu.ts).
  console.log(
    `${screen.name.padEnd(20)} ${'main thread'.padEnd(15)} ${`${Math.round(m.ranShare * 100)} %`.padStart(8)}   of its long tasks' time running; ` +
      `blocking time from its CPU time ${Math.round(m.cpuBlockingMs)} ms; Lighthouse's machine index ${Math.round(m.benchmarkIndex)}`,
  );
}

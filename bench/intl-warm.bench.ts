// What a page's first date and money formatters cost on its main thread, in Chromium with 4× CPU
// throttling (a phone): cold, as on a page where nothing loaded ICU's locale data before, and
// after client/public/intl-warm.js has run in a worker (what boot.js starts for a signed-in
// device, and the sign-in's submit). Each run is a fresh browser: ICU's data is the renderer
// process's, so a second page of the same browser could find it loaded. Needs the built client.
import { chromium } from 'playwright-core';
import { startServer } from '../test/helpers/server-process.ts';
import { Report } from './report.ts';

export const title = "A page's first date and money formatters, cold and after ICU's load in a worker (4× CPU throttling)";

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = 5;
const THROTTLE = 4;
/** A long task starts at 50 ms: after the worker's load, the first formatters must not make one. */
const WARM_BUDGET_MS = 50;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The time, on the page's main thread, of its first long date, date and time, and money formatting. */
const FIRST_FORMATTERS = `(() => {
  const start = performance.now();
  const now = new Date();
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(now);
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(now);
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(12.5);
  return performance.now() - start;
})()`;

async function firstFormatters(base: string, warmed: boolean): Promise<number> {
  // A browser of its own: ICU's data, once loaded, stays in its renderer process.
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // Signed out: boot.js starts no worker on the sign-in page.
    await page.goto(`${base}/connexion`);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    if (warmed) {
      const closed = new Promise<void>((done) => page.on('worker', (worker) => worker.on('close', () => done())));
      await page.evaluate(`new Worker('/intl-warm.js').postMessage('fr')`);
      await closed;
    }
    return (await page.evaluate(FIRST_FORMATTERS)) as number;
  } finally {
    await browser.close();
  }
}

export async function run() {
  const server = await startServer();
  const report = new Report('intl-warm');
  try {
    report.note('cpuThrottling', THROTTLE);
    report.note('runs', RUNS);
    for (const [label, warmed] of [
      ['cold (nothing loaded ICU before)', false],
      ['after intl-warm.js in a worker', true],
    ] as const) {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await firstFormatters(server.url, warmed));
      report.figure(
        `first formatters, ${label}`,
        median(runs),
        'ms',
        warmed ? { max: WARM_BUDGET_MS } : undefined,
        `median of ${RUNS}, ${THROTTLE}× CPU throttling, on the page's main thread; runs ${runs.map((r) => Math.round(r)).join(', ')} ms`,
      );
    }
    report.write();
  } finally {
    await server.stop();
  }
}

// What a pull that brings the device nothing costs the page's main thread. With one global change
// counter, any family's write moves every device's cursor, so at a conservatory's size nearly
// every once-a-minute pull is such a pull, and each wrote the cursor that every open query reads.
// Here: /accueil open and synced, the CPU throttled 4×; the change counter moved in the database
// (as another family's edit would), then a pull (the app's 'online' event), and the page's own
// task time over the 2.5 s after it (CDP Performance.getMetrics, TaskDuration: the page's thread
// only, not its workers). Needs the built client (CLIENT_DIST picks another build, and leaves
// bench/results/quiet-pull.json alone).
//   npm run bench quiet-pull                       QUIET_PULL_RUNS=15 for a tighter median
import { createClient } from '@libsql/client';
import { chromium } from 'playwright-core';
import { startServer } from '../test/helpers/server-process.ts';
import { Report } from './report.ts';
import { browserCookies, signInCookie } from './sign-in.ts';

export const title = 'A pull that brings the device nothing: the page’s main-thread time (/accueil, 4× CPU)';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.QUIET_PULL_RUNS ?? 9);
/** No long task: the page's whole share of such a pull fits in one. */
const BUDGET_MS = 50;
const AFTER_MS = 2_500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  const server = await startServer(process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {});
  const db = createClient({ url: `file:${server.dbFile}` });
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  const report = new Report('quiet-pull');
  try {
    const cookie = await signInCookie(server.url, 'famille.demo', 'Portee-demo-2026');
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    await context.addCookies(browserCookies(server.url, cookie));
    const page = await context.newPage();
    await page.goto(`${server.url}/accueil`);
    await page.getByRole('heading', { name: 'Hugo Lefèvre' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await db.execute('UPDATE change_counter SET value = value + 1 WHERE id = 1');
      await page.waitForTimeout(1_000);
      const before = await taskSeconds();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForTimeout(AFTER_MS);
      runs.push((await taskSeconds()) - before);
    }
    const ms = runs.map((s) => Math.round(s * 1000));
    report.note('cpuThrottling', 4);
    report.note('runs', RUNS);
    report.figure('main-thread time of one pull that brings nothing', median(ms), 'ms', { max: BUDGET_MS }, `median of ${RUNS}; runs ${ms.join(', ')} ms; the page's thread over ${AFTER_MS / 1000} s`);
    if (!process.env.CLIENT_DIST) report.write();
  } finally {
    db.close();
    await browser.close();
    await server.stop();
  }
}

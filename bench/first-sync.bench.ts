// The first sync of a large family (5 students × 11 school years) on /accueil, in Chromium with
// 4× CPU throttling (CDP Emulation.setCPUThrottlingRate) and slow 4G: the longest task on the page's main
// thread between the pull's start ('portee:pull:start', marked by client/data/sync.ts) and the
// students' names on screen, and that time-to-data. Twice: with the pull worker (the app as
// built), and with the pull on the page (Worker removed by an init script: the app's own fallback,
// which is the main-thread apply of before). Needs the built client (npm run build).
import { chromium, type Browser } from 'playwright-core';
import { openDatabase } from '../server/db/client.ts';
import { firstSyncFigures, signInAsLargeFamily, watchFirstSync } from '../test/helpers/first-sync-watch.ts';
import { LARGE_FAMILY, seedLargeFamily } from '../test/helpers/large-family.ts';
import { startServer, type RunningServer } from '../test/helpers/server-process.ts';
import { Report } from './report.ts';

export const title = 'First sync of a large family on /accueil: longest task and time to data (4× CPU throttling, slow 4G)';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = 3;
const THROTTLE = 4;
const LONGEST_TASK_BUDGET_MS = 50;
/** Lighthouse 12's mobile throttling: 150 ms round trips, 1.6 Mb/s down, 750 kb/s up (bytes per second here). */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Run {
  longestTask: number;
  longestBeforePull: number;
  timeToData: number;
}

/** One first sync on a fresh device (new context: empty IndexedDB), signed in through the form. */
async function firstSync(browser: Browser, server: RunningServer, pullOnPage: boolean): Promise<Run> {
  const context = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (pullOnPage) await page.addInitScript('delete window.Worker;');
    await watchFirstSync(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    // A phone's network as Lighthouse's mobile preset has it (slow 4G): without it the local
    // server answers at once, and nothing the page does while it waits can happen.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
    await signInAsLargeFamily(page, server.url);
    const { longTasks, beforePull, timeToData } = await firstSyncFigures(page);
    return { longestTask: Math.max(0, ...longTasks), longestBeforePull: Math.max(0, ...beforePull), timeToData };
  } finally {
    await context.close();
  }
}

export async function run() {
  const server = await startServer();
  const report = new Report('first-sync');
  try {
    const { db, client, reads } = await openDatabase(`file:${server.dbFile}`);
    const counts = await seedLargeFamily(db).finally(() => {
      client.close();
      reads?.close();
    });
    console.log(`large family ${LARGE_FAMILY.username}: ${JSON.stringify(counts)}`);
    report.note('family', counts);
    report.note('cpuThrottling', THROTTLE);
    report.note('runs', RUNS);
    const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      for (const [label, pullOnPage] of [['pull worker (now)', false], ['pull on the page (before)', true]] as const) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await firstSync(browser, server, pullOnPage));
        const note = `median of ${RUNS}, ${THROTTLE}× CPU throttling; runs ${runs.map((r) => Math.round(r.longestTask)).join(', ')} ms`;
        report.figure(`${label}: longest task`, median(runs.map((r) => r.longestTask)), 'ms', { max: LONGEST_TASK_BUDGET_MS }, note);
        report.figure(
          `${label}: longest task from the sign-in's submit to the pull`,
          median(runs.map((r) => r.longestBeforePull)),
          'ms',
          undefined,
          `median of ${RUNS}; the sign-in's answer and the first signed-in render (ICU's data loads in a worker meanwhile); runs ${runs.map((r) => Math.round(r.longestBeforePull)).join(', ')} ms`,
        );
        report.figure(`${label}: time to data`, median(runs.map((r) => r.timeToData)), 'ms', undefined, `median of ${RUNS}, from the pull's start to the names on screen`);
      }
    } finally {
      await browser.close();
    }
    report.write();
  } finally {
    await server.stop();
  }
}

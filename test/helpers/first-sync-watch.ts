import type { Page } from 'playwright-core';
import { LARGE_FAMILY } from './large-family.ts';

/** What the page recorded of its first sync (times on the page's clock, performance.now()). */
export interface FirstSyncFigures {
  /** The durations of the long tasks that started between the pull's start and the data on screen. */
  longTasks: number[];
  /** The long tasks from the sign-in's submit to the pull's start (the sign-in's answer, the first signed-in render). */
  beforePull: number[];
  timeToData: number;
}

/**
 * From the first frame of each document (an init script, before navigation): records every long
 * task (PerformanceObserver 'longtask') and when the large family's first student's name is first
 * on screen (shadow roots included). Call before the first goto.
 */
export async function watchFirstSync(page: Page) {
  // tsx compiles the benches with esbuild's keepNames: functions handed to the page call __name().
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript((name: string) => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }>; __dataShownAt?: number };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Native textContent per shadow root, not a walk of every node in script: the watch runs at
    // each frame, and a walk in script made long tasks of its own (up to 70 ms at 4×) that
    // counted against the page.
    const shown = (root: Document | ShadowRoot): boolean =>
      (root instanceof Document ? root.body?.textContent : root.textContent)?.includes(name) ||
      Array.from(root.querySelectorAll('*')).some((el) => !!el.shadowRoot && shown(el.shadowRoot));
    const tick = () => {
      if (document.body && shown(document)) w.__dataShownAt = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, `${LARGE_FAMILY.firstNames[0]} ${LARGE_FAMILY.lastName}`);
}

/** Signs in as the large family through the real form (its landing page is /accueil). */
export async function signInAsLargeFamily(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Identifiant').fill(LARGE_FAMILY.username);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(LARGE_FAMILY.password);
  // From here the page waits on the network (the sign-in's answer), then on the pull.
  await page.evaluate(() => performance.mark('test:sign-in:submit'));
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * Waits for the data on screen, then reads the figures: long tasks from the client's
 * 'portee:pull:start' mark (client/data/sync.ts) to the names on screen.
 */
export async function firstSyncFigures(page: Page, timeout = 60_000): Promise<FirstSyncFigures> {
  await page.waitForFunction(() => (window as unknown as { __dataShownAt?: number }).__dataShownAt, undefined, { timeout });
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }>; __dataShownAt: number };
    const mark = performance.getEntriesByName('portee:pull:start')[0];
    if (!mark) throw new Error('no portee:pull:start mark: the client did not mark its pull');
    const start = mark.startTime;
    const longTasks = w.__longTasks.filter((t) => t.start >= start && t.start < w.__dataShownAt).map((t) => t.duration);
    const submit = performance.getEntriesByName('test:sign-in:submit')[0]?.startTime ?? start;
    const beforePull = w.__longTasks.filter((t) => t.start >= submit && t.start < start).map((t) => t.duration);
    return { longTasks, beforePull, timeToData: w.__dataShownAt - start };
  });
}

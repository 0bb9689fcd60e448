import { openDatabase } from '../../server/db/client.ts';
import { expect, test } from '../helpers/fixtures.ts';
import { firstSyncFigures, signInAsLargeFamily, watchFirstSync } from '../helpers/first-sync-watch.ts';
import { LARGE_FAMILY, seedLargeFamily } from '../helpers/large-family.ts';

/**
 * Issue 15 item 4: the first sync of a large family (5 students × 11 school years) never blocks
 * the page. The client marks the pull's start ('portee:pull:start'); an init script records every
 * long task and the moment the first student's name is on screen. No task starting in between
 * may exceed the bound.
 *
 * The strict figure is 50 ms: bench/first-sync.bench.ts reports it, with 4× CPU throttling. Here
 * the bound is looser, because on a loaded 2-core machine the server answering the pull (and any
 * parallel build) preempts the page, and a long task then counts time the page was not running.
 * It still fails the pull applied on the page (measured here: tasks of 100 to 180 ms).
 */
const LONGEST_TASK_MS = 150;

test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'first-sync-large' } });

test.beforeAll(async ({ server }) => {
  const { db, client, reads } = await openDatabase(`file:${server.dbFile}`);
  try {
    await seedLargeFamily(db);
  } finally {
    client.close();
    reads?.close();
  }
});

test('a large family’s first sync shows its students without a long task on /accueil', async ({ page, server }) => {
  await watchFirstSync(page);
  await signInAsLargeFamily(page, server.url);
  await page.waitForURL(`${server.url}/accueil`);
  for (const firstName of LARGE_FAMILY.firstNames) {
    await expect(page.locator('#main').getByRole('link', { name: `${firstName} ${LARGE_FAMILY.lastName}`, exact: true })).toBeVisible({ timeout: 30_000 });
  }
  const { longTasks, timeToData } = await firstSyncFigures(page);
  const durations = longTasks.map(Math.round);
  console.log(`first sync of ${LARGE_FAMILY.username}: time to data ${Math.round(timeToData)} ms, long tasks meanwhile [${durations.join(', ')}] ms`);
  expect(Math.max(0, ...durations), `long tasks between the pull's start and the data: ${durations.join(', ')} ms`).toBeLessThanOrEqual(LONGEST_TASK_MS);
});

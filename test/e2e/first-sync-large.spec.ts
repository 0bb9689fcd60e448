import { openDatabase } from '../../server/db/client.ts';
import { expect, test } from '../helpers/fixtures.ts';
import { firstSyncFigures, signInAsLargeFamily, watchFirstSync } from '../helpers/first-sync-watch.ts';
import { LARGE_FAMILY, seedLargeFamily } from '../helpers/large-family.ts';

/**
 * Issue 15 item 4: the first sync of a large family (5 students × 11 school years) never blocks
 * the page. What keeps it so is that the snapshot is fetched, parsed and written in the pull
 * worker, not on the page: this test holds that, and that the family's students appear.
 *
 * How long the page's tasks are is a figure, not a pass or fail here: on a loaded 2-core machine
 * the server answering the pull and the other processes preempt the page, and a task then counts
 * time it was not running (a CI run measured 170 ms where a quiet run measures 40). The figure,
 * with its 50 ms budget and 4× CPU throttling, is bench/first-sync.bench.ts's; this test prints
 * what it saw.
 */
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

/** The sync requests a realm (the page, or a worker) made, from its own resource timeline. */
const syncRequests = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p === '/api/sync');

test('a large family’s first sync is pulled off the page, and its students appear on /accueil', async ({ page, server }) => {
  await watchFirstSync(page);
  await signInAsLargeFamily(page, server.url);
  await page.waitForURL(`${server.url}/accueil`);
  for (const firstName of LARGE_FAMILY.firstNames) {
    await expect(page.locator('#main').getByRole('link', { name: `${firstName} ${LARGE_FAMILY.lastName}`, exact: true })).toBeVisible({ timeout: 30_000 });
  }
  const { longTasks, timeToData } = await firstSyncFigures(page);
  console.log(`first sync of ${LARGE_FAMILY.username}: time to data ${Math.round(timeToData)} ms, long tasks meanwhile [${longTasks.map(Math.round).join(', ')}] ms (a figure; the budget is the bench's)`);

  // The pull went out from the worker, and the page itself asked for no snapshot.
  // (The ICU worker, client/public/intl-warm.js, ends once it has loaded ICU: not asked.)
  const pullers = page.workers().filter((w) => new URL(w.url()).pathname !== '/intl-warm.js');
  const fromWorkers = (await Promise.all(pullers.map((w) => w.evaluate(syncRequests)))).flat();
  expect(fromWorkers.length, 'pulls made by the pull worker').toBeGreaterThan(0);
  expect(await page.evaluate(syncRequests), 'pulls made on the page').toEqual([]);
});

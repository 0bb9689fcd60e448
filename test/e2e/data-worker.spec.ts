import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

/**
 * The screens' queries run in the data worker (client/data/query-client.ts): every pull re-runs
 * every open query, which took 200–300 ms of a phone's main thread per pull even when it brought
 * the device nothing. The writes and the push loop run there too (client/data/command-client.ts),
 * so the page never opens the local database. The page's own IndexedDB use is recorded (an init
 * script runs in the page, not in its workers): with the worker, the page opens no database and
 * reads none of the family's data; without it, the same screens read the data on the page and
 * still show it.
 */

/** The object stores the page itself reads rows from, and the databases it opens. */
async function recordPageReads(page: Page) {
  await page.addInitScript(() => {
    const stores: string[] = [];
    const opened: string[] = [];
    Object.assign(window, { __stores: stores, __opened: opened });
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      opened.push(name);
      return open.call(this, name, version);
    };
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Array<Record<string, unknown>>) {
      for (const method of ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count']) {
        const read = proto[method] as (...args: unknown[]) => unknown;
        proto[method] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
          stores.push('objectStore' in this ? this.objectStore.name : this.name);
          return read.apply(this, args);
        };
      }
    }
  });
}

const YEAR = schoolYearOf(new Date());
const INVOICE = `FACT${YEAR.slice(0, 4)}0412`;
const pageStores = async (page: Page) => new Set(await page.evaluate(() => (window as unknown as { __stores: string[] }).__stores));
const pageOpened = (page: Page) => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
const DATA = ['students', 'families', 'invoices', 'payments'];

/** Signs in, sees the home then the billing page with their data; returns the tables the page read. */
async function showHomeAndBilling(page: Page, base: string) {
  await signInThroughForm(page, base, 'family');
  await waitForSync(page);
  await expect(page.getByRole('heading', { name: 'Hugo Lefèvre' })).toBeVisible();
  await page.goto(`${base}/famille/facturation`);
  await expect(page.getByRole('heading', { name: `Facturation ${YEAR}` })).toBeVisible();
  // An invoice of the demo data (the amounts may have moved: billing.spec.ts pays on this server).
  await expect(page.getByRole('link', { name: `Voir la facture ${INVOICE}` })).toBeVisible();
  const stores = await pageStores(page);
  return DATA.filter((s) => stores.has(s));
}

test('the screens read the family’s data in the worker: the page reads none of it itself, and shows it', async ({ page, server }) => {
  await recordPageReads(page);
  expect(await showHomeAndBilling(page, server.url), 'data tables read on the page').toEqual([]);
  // Signing in wrote the device's owner, the push loop and the upload queue started: all in the worker.
  expect(await pageOpened(page), 'databases the page opened').toEqual([]);
});

test('without the worker (its script refused), the page runs the same queries and shows the same data', async ({ page, server }) => {
  await recordPageReads(page);
  await page.route('**/assets/pull-worker-*.js', (route) => route.abort());
  expect(await showHomeAndBilling(page, server.url), 'data tables read on the page').toEqual(DATA);
  expect(await pageOpened(page)).toContain('portee');
});

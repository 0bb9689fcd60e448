import { createClient } from '@libsql/client';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { DEMO_ACCOUNTS, signInThroughForm, waitForSync } from '../helpers/pages.ts';

/**
 * Several tabs and several devices (issue 17, item 4). Tabs of one browser share one IndexedDB:
 * one of them pulls at a time and one pushes at a time (Web Locks 'portee-sync' and
 * 'portee-push', released when a tab closes), the others see what it writes through Dexie's live
 * queries (a BroadcastChannel between tabs), and an outbox entry is answered once by the server
 * whichever tab sends it, however often. Two devices of one account (two browser contexts: two
 * databases, two client ids) each queue edits offline and converge on the server's state.
 */
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'tabs-devices' } });

/** Rows of the server's database (this file's own server). */
async function query<T = Record<string, unknown>>(dbFile: string, sql: string, args: unknown[] = []): Promise<T[]> {
  const db = createClient({ url: `file:${dbFile}`, timeout: 5000 });
  try {
    return (await db.execute({ sql, args: args as never })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

const FAMILY_OF = (username: string) => `(SELECT family_id FROM user WHERE username = '${username}')`;
const submittedAudits = async (dbFile: string, username: string) =>
  (await query(dbFile, `SELECT id FROM audit_log WHERE action = 'change_request.submitted' AND family_id = ${FAMILY_OF(username)}`)).length;
const pendingFamilyRequest = async (dbFile: string, username: string) =>
  query<{ fields: string }>(dbFile, `SELECT fields FROM change_request WHERE family_id = ${FAMILY_OF(username)} AND status = 'pending' AND target_kind = 'family'`);
const syncClients = async (dbFile: string, username: string) =>
  query<{ client_id: string; last_mutation_id: number }>(
    dbFile,
    `SELECT client_id, last_mutation_id FROM sync_client WHERE user_id = (SELECT id FROM user WHERE username = '${username}') ORDER BY client_id`,
  );

/** The locks of this browser's origin (every tab of the context), by name. */
const locks = (page: Page) =>
  page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return { held: held.map((l) => l.name), pending: pending.map((l) => l.name) };
  });

/** What the device holds, read straight from its IndexedDB: the queue, and its pending change requests of the family. */
const deviceState = (page: Page) =>
  page.evaluate(async () => {
    const open = indexedDB.open('portee');
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = idb.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const outbox = await all<{ mutationId: number }>('outbox');
    const requests = await all<{ targetKind: string; status: string; fields: Record<string, { to: unknown }> }>('changeRequests');
    idb.close();
    const pending = requests.filter((r) => r.status === 'pending' && r.targetKind === 'family');
    return { outbox: outbox.length, pendingFields: pending.map((r) => Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v.to]))) };
  });

const online = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

async function openFamilyPage(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/famille`);
  await expect(page.getByRole('heading', { level: 1, name: 'Famille' })).toBeVisible();
  await waitForSync(page);
}

async function edit(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Modifier' }).click();
}

/** The shell's status region (online state, changes waiting to be sent, last sync). */
const statusRegion = (page: Page) => page.locator('#sync-status');

test.describe('several tabs of one browser', () => {
  test('an edit in one tab shows live in the other, offline edits of both tabs are counted in both and sent once', async ({ page: tabA, context, server }) => {
    const auditsBefore = await submittedAudits(server.dbFile, 'famille.demo');
    await signInThroughForm(tabA, server.url, 'family');
    await waitForSync(tabA);
    const tabB = await context.newPage();
    await openFamilyPage(tabB, server.url);
    await openFamilyPage(tabA, server.url);

    // Online, in tab A: tab B shows the request as soon as tab A's pull after the push has landed.
    await edit(tabA, { Ville: 'Rosny-sur-Seine' });
    await expect(tabA.getByText('Modifié — en attente de validation : Rosny-sur-Seine')).toBeVisible();
    await expect(tabB.getByText('Modifié — en attente de validation : Rosny-sur-Seine')).toBeVisible();
    await expect(tabB.getByLabel('Ville', { exact: true })).toHaveValue('Rosny-sur-Seine');

    // Offline, one edit in each tab: each tab shows the other's as waiting, and counts both.
    await context.setOffline(true);
    await edit(tabB, { Adresse: '12 rue des Onglets' });
    await expect(tabB.getByText('Modifié — en attente d’envoi : 12 rue des Onglets')).toBeVisible();
    await expect(tabA.getByText('Modifié — en attente d’envoi : 12 rue des Onglets')).toBeVisible();
    await expect(statusRegion(tabA)).toContainText('1 modification(s) en attente d’envoi');
    await edit(tabA, { Mobile: '07 12 12 12 12' });
    await expect(tabB.getByText('Modifié — en attente d’envoi : 07 12 12 12 12')).toBeVisible();
    await expect(statusRegion(tabA)).toContainText('2 modification(s) en attente d’envoi');
    await expect(statusRegion(tabB)).toContainText('2 modification(s) en attente d’envoi');

    // The network is back in both tabs at once: both push, one at a time; each entry leaves once.
    const pushed: number[] = [];
    await context.route('**/api/sync/push', async (route) => {
      pushed.push(...(route.request().postDataJSON() as { mutations: Array<{ mutationId: number }> }).mutations.map((m) => m.mutationId));
      await route.continue();
    });
    await context.setOffline(false);
    await Promise.all([online(tabA), online(tabB)]);
    for (const tab of [tabA, tabB]) {
      await expect(tab.getByText('Modifié — en attente de validation : 12 rue des Onglets')).toBeVisible({ timeout: 15_000 });
      await expect(tab.getByText('Modifié — en attente de validation : 07 12 12 12 12')).toBeVisible({ timeout: 15_000 });
      await expect(statusRegion(tab)).not.toContainText('en attente d’envoi');
    }
    expect(pushed.toSorted(), 'each queued entry was sent by one tab only').toEqual([2, 3]);
    expect(await submittedAudits(server.dbFile, 'famille.demo')).toBe(auditsBefore + 3);
    const [request] = await pendingFamilyRequest(server.dbFile, 'famille.demo');
    expect(JSON.parse(request.fields)).toMatchObject({ city: { to: 'Rosny-sur-Seine' }, address: { to: '12 rue des Onglets' }, mobile: { to: '07 12 12 12 12' } });
    expect(await deviceState(tabA)).toMatchObject({ outbox: 0 });
    await tabB.close();
  });

  test('a tab closed while it holds the sync lock: the other tab takes over and pulls', async ({ page: tabA, context, server }) => {
    await signInThroughForm(tabA, server.url, 'family');
    await waitForSync(tabA);
    const tabB = await context.newPage();
    await openFamilyPage(tabB, server.url);
    await openFamilyPage(tabA, server.url);

    // Tab A's next pull (from its worker) never gets its answer: tab A holds the lock meanwhile.
    let held: Route | undefined;
    await context.route(/\/api\/sync\?cursor=/, async (route) => {
      if (!held) held = route;
      else await route.continue();
    });
    await online(tabA);
    await expect.poll(() => !!held, { message: 'tab A’s pull is under way' }).toBe(true);
    expect((await locks(tabB)).held).toContain('portee-sync');

    // Tab B asks for a pull: it waits for the lock, it does not pull beside tab A.
    await online(tabB);
    await expect.poll(async () => (await locks(tabB)).pending).toContain('portee-sync');

    // The secretariat's change, straight in the database: what tab B must bring.
    const db = createClient({ url: `file:${server.dbFile}`, timeout: 5000 });
    await db.batch(
      [
        'UPDATE change_counter SET value = value + 1 WHERE id = 1',
        `UPDATE family SET phone_home = '01 34 00 00 17', version = (SELECT value FROM change_counter WHERE id = 1) WHERE id = ${FAMILY_OF('famille.demo')}`,
      ],
      'write',
    );
    db.close();

    // Tab A closes mid-pull: the browser releases its lock, tab B's waiting pull runs and lands.
    await tabA.close();
    await expect(tabB.getByLabel('Téléphone domicile', { exact: true })).toHaveValue('01 34 00 00 17', { timeout: 15_000 });
    await expect.poll(async () => (await locks(tabB)).held).not.toContain('portee-sync');
    await tabB.close();
  });

  test('a tab closed mid-push after the server applied the batch: the other tab sends it again, the server applies it once', async ({ page: tabA, context, server }) => {
    await signInThroughForm(tabA, server.url, 'family');
    await waitForSync(tabA);
    const tabB = await context.newPage();
    await openFamilyPage(tabB, server.url);
    await openFamilyPage(tabA, server.url);
    const auditsBefore = await submittedAudits(server.dbFile, 'famille.demo');
    const clientsBefore = await syncClients(server.dbFile, 'famille.demo');

    await context.setOffline(true);
    await edit(tabA, { 'Téléphone professionnel': '01 30 98 76 54' });
    await expect(statusRegion(tabB)).toContainText('1 modification(s) en attente d’envoi');

    // The first push reaches the server, which applies it; its answer never reaches the tab.
    const pushes: Array<{ page: Page | null; ids: number[] }> = [];
    let applied: Page | null | undefined;
    await context.route('**/api/sync/push', async (route) => {
      const ids = (route.request().postDataJSON() as { mutations: Array<{ mutationId: number }> }).mutations.map((m) => m.mutationId);
      const page = route.request().frame().page();
      pushes.push({ page, ids });
      if (applied !== undefined) return route.continue();
      applied = page;
      await route.fetch();
    });
    await context.setOffline(false);
    await online(tabA);
    await expect.poll(() => applied !== undefined, { message: 'a push reached the server' }).toBe(true);
    await expect.poll(() => submittedAudits(server.dbFile, 'famille.demo')).toBe(auditsBefore + 1);
    expect((await locks(tabB)).held).toContain('portee-push');

    // That tab closes with the lock and the entry still queued: the other one sends it again.
    const survivor = applied === tabB ? tabA : tabB;
    await applied!.close();
    await online(survivor);
    await expect(survivor.getByText('Modifié — en attente de validation : 01 30 98 76 54')).toBeVisible({ timeout: 15_000 });
    await expect(statusRegion(survivor)).not.toContainText('en attente d’envoi');
    expect(pushes.length, 'the entry was sent twice').toBeGreaterThanOrEqual(2);
    expect(pushes.every((p) => p.ids.join() === pushes[0].ids.join())).toBe(true);
    // Applied once: one audit row, the client's last applied id is the entry's.
    expect(await submittedAudits(server.dbFile, 'famille.demo')).toBe(auditsBefore + 1);
    const clients = await syncClients(server.dbFile, 'famille.demo');
    const ours = clients.find((c) => !clientsBefore.some((b) => b.client_id === c.client_id && b.last_mutation_id === c.last_mutation_id));
    expect(ours?.last_mutation_id).toBe(pushes[0].ids.at(-1));
    expect((await deviceState(survivor)).outbox).toBe(0);
    await survivor.close();
  });
});

test.describe('two devices of one account', () => {
  test('each queues edits offline; back online, both converge on the server’s one request, the later value of a field kept', async ({ browser, server }) => {
    const account = DEMO_ACCOUNTS.martin.username;
    const auditsBefore = await submittedAudits(server.dbFile, account);
    const devices: Array<{ context: BrowserContext; page: Page }> = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughForm(page, server.url, 'martin');
      await waitForSync(page);
      await openFamilyPage(page, server.url);
      devices.push({ context, page });
    }
    const [one, two] = devices;

    for (const { context } of devices) await context.setOffline(true);
    await edit(one.page, { Mobile: '07 11 11 11 11', 'Code postal': '78711' });
    await edit(two.page, { Ville: 'Limay', 'Code postal': '78520' });
    for (const { page } of devices) await expect(statusRegion(page)).toContainText('1 modification(s) en attente d’envoi');
    // Each device knows only its own edit.
    await expect(one.page.getByLabel('Ville', { exact: true })).not.toHaveValue('Limay');
    await expect(two.page.getByLabel('Mobile', { exact: true })).not.toHaveValue('07 11 11 11 11');

    // Device one is back first, then device two (its postal code is the later one).
    await one.context.setOffline(false);
    await online(one.page);
    await expect(statusRegion(one.page)).not.toContainText('en attente d’envoi', { timeout: 15_000 });
    await two.context.setOffline(false);
    await online(two.page);
    await expect(statusRegion(two.page)).not.toContainText('en attente d’envoi', { timeout: 15_000 });
    // Device one learns of device two's edit at its next pull (here the network's return).
    await online(one.page);

    const expected = { mobile: '07 11 11 11 11', city: 'Limay', postalCode: '78520' };
    for (const { page } of devices) {
      await expect(page.getByText('Modifié — en attente de validation : Limay')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByLabel('Ville', { exact: true })).toHaveValue('Limay');
      await expect(page.getByLabel('Mobile', { exact: true })).toHaveValue('07 11 11 11 11');
      await expect(page.getByLabel('Code postal', { exact: true })).toHaveValue('78520');
    }
    const requests = await pendingFamilyRequest(server.dbFile, account);
    expect(requests).toHaveLength(1);
    const onServer = Object.fromEntries(Object.entries(JSON.parse(requests[0].fields) as Record<string, { to: unknown }>).map(([k, v]) => [k, v.to]));
    expect(onServer).toEqual(expected);
    // Both devices hold what the server holds, and nothing waits on either.
    for (const { page } of devices) expect(await deviceState(page)).toEqual({ outbox: 0, pendingFields: [expected] });
    // One mutation per device, each applied once.
    expect(await submittedAudits(server.dbFile, account)).toBe(auditsBefore + 2);
    expect((await syncClients(server.dbFile, account)).map((c) => c.last_mutation_id)).toEqual([1, 1]);
    for (const { context } of devices) await context.close();
  });
});

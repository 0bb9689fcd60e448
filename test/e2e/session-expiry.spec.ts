import { createClient } from '@libsql/client';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';

/** Ends every session of an account on the server, as an expiry or a revocation would. */
async function endSessions(dbFile: string, username: string) {
  const db = createClient({ url: `file:${dbFile}`, timeout: 5000 });
  await db.execute({ sql: 'DELETE FROM session WHERE user_id = (SELECT id FROM user WHERE username = ?)', args: [username] });
  db.close();
}

async function studentCount(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('portee');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const n = await new Promise<number>((r) => {
      const req = db.transaction('students').objectStore('students').count();
      req.onsuccess = () => r(req.result);
    });
    db.close();
    return n;
  });
}

test.describe('expired session', () => {
  test('data stays readable offline, then the same account signs in again and keeps it', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    await endSessions(server.dbFile, 'famille.demo');

    // Offline, the expired session is not yet known: the data stays readable.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hugo Lefèvre' })).toBeVisible();

    // Back online, the server says the session is over: sign in again, with a clear warning.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForURL(/\/connexion/);
    await expect(page.getByText(/famille\.demo/).first()).toBeVisible();
    expect(await studentCount(page)).toBe(3);

    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Portee-demo-2026');
    await page.getByLabel('Identifiant').fill('famille.demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/accueil/);
    expect(await studentCount(page)).toBe(3);
  });

  test('another account signing in on the device wipes the first account\'s data', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await endSessions(server.dbFile, 'famille.demo');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForURL(/\/connexion/);
    await expect(page.getByText(/effac/).first()).toBeVisible();

    await page.getByLabel('Identifiant').fill('famille.martin');
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Portee-demo-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/accueil/);
    await waitForSync(page);
    await expect(page.getByRole('heading', { name: /Martin/ }).first()).toBeVisible();
    await expect(page.getByText('Hugo Lefèvre')).toHaveCount(0);
    expect(await studentCount(page)).toBe(1);
  });
});

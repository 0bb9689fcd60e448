import type { Page, Route } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm } from '../helpers/pages.ts';

/**
 * Issue 11 item 19: until the device's first pull has landed, no screen renders the empty local
 * database as the truth ("Aucune facture", "0,00 €"): it says the data is loading, or, offline,
 * that it has not been downloaded to this device yet.
 */

/** Holds every pull until `release()`: the first sync of a new device, slowed down (or cut). */
async function holdPulls(page: Page) {
  let release!: (how?: 'continue' | 'cut') => void;
  const released = new Promise<'continue' | 'cut'>((resolve) => (release = (how = 'continue') => resolve(how)));
  const handler = async (route: Route) => {
    // The page may have navigated away meanwhile: then the route is gone.
    if ((await released) === 'cut') await route.abort('internetdisconnected').catch(() => undefined);
    else await route.continue().catch(() => undefined);
  };
  await page.route(/\/api\/sync\?/, handler);
  return { release };
}

/** The app's links (no reload, so it works offline before the service worker controls the page). */
async function openBillingThroughLinks(page: Page) {
  await page.getByRole('link', { name: 'Famille', exact: true }).click();
  await page.getByRole('link', { name: 'Facturation', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facturation cotisations' })).toBeVisible();
}

/**
 * From the first frame of every document (an init script), records any text of the composed tree
 * (shadow roots included) that states something about the family's data, until the test stops it.
 */
async function watchForFalseStatements(page: Page) {
  await page.addInitScript(() => {
    const FALSE = [/Aucune facture/, /0,00\s€/, /Aucune somme à payer/, /Aucun élève/, /Aucun document/, /introuvable/i, /Aucune classe/];
    const textOf = (root: Node): string => {
      let text = '';
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data + ' ';
        const shadow = (node as Element).shadowRoot;
        if (shadow) walk(shadow);
        for (const child of Array.from(node.childNodes)) walk(child);
      };
      walk(root);
      return text;
    };
    const tick = () => {
      if (sessionStorage.getItem('first-sync-watch') === 'off') return;
      const text = textOf(document);
      for (const pattern of FALSE) {
        const match = text.match(pattern);
        if (match) sessionStorage.setItem('first-sync-seen', `${sessionStorage.getItem('first-sync-seen') ?? ''}${location.pathname}: ${match[0]}\n`);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    async stop(): Promise<string> {
      return page.evaluate(() => {
        sessionStorage.setItem('first-sync-watch', 'off');
        return sessionStorage.getItem('first-sync-seen') ?? '';
      });
    },
  };
}

// Its own server: a worker's server is shared by the files with the same settings, and
// billing.spec.ts pays the 184,00 € this file expects to find unpaid.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'first-sync' } });

const loading = (page: Page) => page.getByRole('status').filter({ hasText: 'Synchronisation en cours' });

test.describe('before the first sync', () => {
  test('the billing page says it is synchronising, never "Aucune facture" or 0,00 €, then shows 184,00 €', async ({ page, server }) => {
    const watcher = await watchForFalseStatements(page);
    const pulls = await holdPulls(page);
    await signInThroughForm(page, server.url, 'family');
    await expect(loading(page)).toBeVisible();
    await openBillingThroughLinks(page);
    await expect(loading(page)).toBeVisible();
    await expect(loading(page)).toHaveAttribute('aria-live', 'polite');
    await page.waitForTimeout(500);
    const seen = await watcher.stop();
    pulls.release();
    await expect(page.locator('dl.totals dt:text-is("Montant à payer") + dd').first()).toHaveText(/^184,00\s€$/);
    await expect(loading(page)).toHaveCount(0);
    expect(seen).toBe('');
  });

  test('every screen that reads the device’s data waits for the first pull', async ({ page, server }) => {
    const watcher = await watchForFalseStatements(page);
    const pulls = await holdPulls(page);
    await signInThroughForm(page, server.url, 'family');
    const routes = [
      '/accueil',
      '/famille',
      '/famille/eleves',
      '/famille/documents',
      '/famille/facturation',
      '/famille/facturation/factures/une-facture',
      '/eleves/un-eleve',
      '/eleves/un-eleve/cours',
      '/eleves/un-eleve/cours/un-cours',
      '/eleves/un-eleve/historique',
      '/eleves/un-eleve/historique/une-inscription',
      '/eleves/un-eleve/repertoire',
      '/eleves/un-eleve/repertoire/un-morceau',
      '/eleves/un-eleve/documents',
    ];
    for (const route of routes) {
      await page.goto(`${server.url}${route}`);
      await expect(page.locator('h1').first()).toBeVisible();
      await expect(loading(page), route).toBeVisible();
    }
    expect(await watcher.stop()).toBe('');
    pulls.release();
    await expect(page.getByRole('heading', { level: 1, name: 'Élève introuvable' })).toBeVisible();
  });

  test('the teacher’s classes wait for the first pull too', async ({ page, server }) => {
    const watcher = await watchForFalseStatements(page);
    const pulls = await holdPulls(page);
    await signInThroughForm(page, server.url, 'teacher');
    await expect(loading(page)).toBeVisible();
    expect(await watcher.stop()).toBe('');
    pulls.release();
    await expect(loading(page)).toHaveCount(0);
    await expect(page.getByRole('table').first()).toBeVisible();
  });

  test('offline before any sync: "not downloaded to this device yet", then the data once the network is back', async ({ page, context, server }) => {
    const watcher = await watchForFalseStatements(page);
    const pulls = await holdPulls(page);
    await signInThroughForm(page, server.url, 'family');
    await openBillingThroughLinks(page);
    // The network goes while the first pull is on its way.
    await context.setOffline(true);
    pulls.release('cut');
    const notDownloaded = page.getByRole('status').filter({ hasText: 'pas encore été téléchargées sur cet appareil' });
    await expect(notDownloaded).toBeVisible();
    await expect(loading(page)).toHaveCount(0);
    expect(await watcher.stop()).toBe('');

    await page.unroute(/\/api\/sync\?/);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.locator('dl.totals dt:text-is("Montant à payer") + dd').first()).toHaveText(/^184,00\s€$/);
    await expect(notDownloaded).toHaveCount(0);
  });
});

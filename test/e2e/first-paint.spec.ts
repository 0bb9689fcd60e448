import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../helpers/fixtures.ts';
import { DEMO_ACCOUNTS, signInThroughForm, waitForSync } from '../helpers/pages.ts';

// Issue 15, items 3 and 5: the sign-in page paints from the HTML before any script, does not load
// the local database or the sync code, and logs nothing (GET /api/session answers a signed-out
// state rather than a 401).
test.describe('first paint', () => {
  // Requests stay visible to the test (a service worker would answer them from its cache).
  test.use({ serviceWorkers: 'block' });

  test('without JavaScript the sign-in page is already there: its heading and its links, in the mode chosen', async ({ browser, server }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion`);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    for (const link of ['Mot de passe perdu', 'Pré-inscription']) await expect(page.getByRole('link', { name: link })).toBeVisible();
    // The English words of the same markup stay hidden for a French reader.
    await expect(page.getByText('Sign in')).toBeHidden();
    await context.close();
  });

  test('the sign-in page loads no local database and no sync code, logs nothing, and the app replaces the HTML screen', async ({ page, server }) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('blocked by Playwright')) problems.push(`${m.type()}: ${m.text()}`);
    });
    const scripts: string[] = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scripts.push(await res.text().catch(() => ''));
    });
    await page.goto(`${server.url}/connexion`);
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await page.waitForLoadState('networkidle');

    expect(await page.locator('#boot').count(), 'the HTML screen is gone').toBe(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((body) => body.includes('Dexie')), 'Dexie in a script of the sign-in page').toEqual([]);
    // The signed-in screens' routes load with the signed-in code, not on the sign-in page.
    expect(scripts.filter((body) => body.includes('/admin/familles/nouvelle')), 'signed-in routes on the sign-in page').toEqual([]);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("ICU's locale data loads in a worker when a signed-in screen is coming: at the sign-in's submit, and from the HTML's first script of a signed-in device", async ({ page, server }) => {
    // The first Intl date or number formatter of a renderer loads ICU's locale data: 40–90 ms on
    // a desktop, one task of 150–350 ms on a phone. Loaded by a worker, it is the process's, and
    // the page's first formatter then costs about nothing (docs/performance.md).
    const warmers: Array<Promise<void>> = [];
    page.on('worker', (worker) => {
      if (new URL(worker.url()).pathname === '/intl-warm.js') warmers.push(new Promise((done) => worker.on('close', () => done())));
    });
    await page.goto(`${server.url}/connexion`);
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(warmers, 'the sign-in page itself formats nothing').toHaveLength(0);

    await signInThroughForm(page, server.url, 'martin');
    await expect.poll(() => warmers.length).toBe(1);
    // It does its one job and ends.
    await warmers[0];

    // A signed-in device's next visit: started by boot.js, before any module (they are refused).
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    await expect.poll(() => warmers.length).toBe(2);
    await warmers[1];
  });

  test('in the accessibility mode the HTML screen already has the mode: nothing switches when the app starts', async ({ page, server }) => {
    await page.goto(`${server.url}/connexion`);
    await page.getByRole('button', { name: /Mode accessibilité/ }).click();
    await expect(page.locator('html')).toHaveClass(/a11y-mode/);
    // The next visit: the class is there before any module runs (the HTML's classic script).
    await page.route('**/*.js', (route) => (route.request().url().includes('/assets/') ? route.abort() : route.continue()));
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/a11y-mode/);
    await expect(page.locator('#boot')).toBeVisible();
  });

  test('signed in, a reload paints the shell from the HTML ("Chargement…"), then the page', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'martin');
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    // innerText: the English words of the same markup are there but hidden.
    await expect(page.locator('#boot').getByRole('status')).toHaveText('Chargement…', { useInnerText: true });
    await page.unroute('**/assets/*.js');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('#boot')).toHaveCount(0);
  });

  test('a signed-in screen loads no local database on the page: only the data worker holds it', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const scripts: Array<{ url: string; body: string }> = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scripts.push({ url: new URL(res.url()).pathname, body: await res.text().catch(() => '') });
    });
    // A first visit's scripts, then the billing page's.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Hugo Lefèvre' })).toBeVisible();
    await page.goto(`${server.url}/famille/facturation`);
    await expect(page.getByRole('link', { name: /^Voir la facture/ }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const worker = scripts.filter((s) => s.url.startsWith('/assets/pull-worker-'));
    // Each page load starts its worker: two here, each with the database.
    expect(worker.map((s) => s.body.includes('Dexie')), 'the worker has the database').toEqual([true, true]);
    const onPage = scripts.filter((s) => !worker.includes(s));
    expect(onPage.length).toBeGreaterThan(5);
    expect(onPage.filter((s) => s.body.includes('Dexie')).map((s) => s.url), 'Dexie in a script of the page').toEqual([]);
  });

  test("a signed-in screen's first visit: the HTML names every script its first render needs, so none is found deeper, and asks for the session itself", async ({ browser, page, server }) => {
    // Issue 15, goal 2: without the names, the billing page's module was asked for after the first
    // screen's script, the session's answer and the signed-in code: four round trips deep.
    await signInThroughForm(page, server.url, 'family');
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addCookies(await page.context().cookies());
    const fresh = await context.newPage();
    const asked: string[] = [];
    const order: string[] = [];
    let sessionAsks = 0;
    fresh.on('request', (request) => {
      const url = new URL(request.url());
      if (request.frame() === fresh.mainFrame() && request.resourceType() === 'script') asked.push(url.pathname);
      if (url.pathname === '/api/session') {
        sessionAsks++;
        order.push('session asked');
      }
    });
    // The app's entry script held back a little: the session must be asked for before it runs.
    await context.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      order.push('entry script sent');
      await route.continue();
    });
    const response = await fresh.goto(`${server.url}/famille/facturation`);
    const html = await response!.text();
    await expect(fresh.getByRole('heading', { level: 1, name: 'Facturation' })).toBeVisible();
    const named = new Set([...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1]));
    expect([...named].some((src) => src.startsWith('/assets/po-family-billing-page-')), 'the page module is named').toBe(true);
    // What the app starts beside its first render, not for it: the data worker (its own script, its
    // own requests), ICU's warm-up worker, and the service worker's registration after the first screen.
    const beside = /^\/(intl-warm\.js|assets\/(pull-worker|sw-registration)-)/;
    expect(asked.filter((src) => !named.has(src) && !beside.test(src)), 'scripts the HTML did not name').toEqual([]);
    expect(asked.length).toBeGreaterThan(10);
    // A named script is asked for once: the preload is the one the page's import uses.
    expect(asked.filter((src, i) => asked.indexOf(src) !== i), 'scripts asked for twice').toEqual([]);
    // The session is asked for by the HTML's first script, before the app's, and the app takes that answer.
    expect(order).toEqual(['session asked', 'entry script sent']);
    expect(sessionAsks).toBe(1);
    await context.close();
  });

  test("without the service worker, moving to another screen preloads that screen's page and imports at once", async ({ page, server }) => {
    // The other side of offline.spec.ts's repeat visit: over the network (a first visit, before
    // the service worker keeps the app), the bundler's preload links still name a lazily imported
    // screen's scripts at once; some pages' imports are six levels deep.
    await signInThroughForm(page, server.url, 'family');
    await expect(page.getByRole('heading', { name: 'Hugo Lefèvre' })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    const preloaded = () => page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    const before = new Set(await preloaded());
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Famille' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Famille' })).toBeVisible();
    const added = (await preloaded()).filter((src) => !before.has(src));
    expect(added.some((src) => src.startsWith('/assets/po-family-page-')), "the family page's script, preloaded").toBe(true);
    // The page's module and what it imports that the home had not loaded, in one go.
    expect(added.length, 'preload links added for the screen').toBeGreaterThan(1);
  });

  test('the signed-in routes load when needed: a screen behind sign-in, then an unknown address, signed out and signed in', async ({ page, server }) => {
    // Signed out, a signed-in screen sends to the sign-in page with the way back.
    await page.goto(`${server.url}/famille/facturation`);
    await expect(page).toHaveURL(/\/connexion\?retour=%2Ffamille%2Ffacturation$/);
    await page.goto(`${server.url}/nulle-part`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    // Signing in from that way back lands on the screen asked for: the table loaded after sign-in.
    await page.goto(`${server.url}/connexion?retour=%2Ffamille%2Ffacturation`);
    await page.getByLabel('Identifiant').fill(DEMO_ACCOUNTS.martin.username);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_ACCOUNTS.martin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/famille\/facturation$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Facturation' })).toBeVisible();
    await page.goto(`${server.url}/eleves/nulle-part/cours/rien/suivi/x/y`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  });

  test('a sign-in whose signed-in code cannot be downloaded fails with a message, and the next try signs in', async ({ page, server }) => {
    await page.goto(`${server.url}/connexion`);
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    // The connection drops as the device's code is asked for, after the server said yes: its door
    // arrives, the chunk behind it does not (a module graph that failed half-way).
    const behindTheDoor = (url: URL) => /\/assets\/signed-in-(?!entry-|routes-)[\w-]+\.js$/.test(url.pathname);
    const dropped: string[] = [];
    await page.route(behindTheDoor, (route) => {
      dropped.push(route.request().url());
      return route.abort();
    });
    await page.getByLabel('Identifiant').fill(DEMO_ACCOUNTS.martin.username);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_ACCOUNTS.martin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Said as what it is: the network is needed (not "an unexpected error").
    await expect(page.getByRole('alert').filter({ hasText: 'Cette action demande une connexion au réseau' })).toBeVisible();
    await expect(page).toHaveURL(/\/connexion$/);
    // Back online: the same form signs in (the failed download is not kept as the answer).
    expect(dropped.length, 'the signed-in chunk was asked for, and dropped').toBeGreaterThan(0);
    await page.unroute(behindTheDoor);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_ACCOUNTS.martin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/accueil$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  });

  test('a page whose script cannot be downloaded says so, in both modes, and "Réessayer" loads it', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'martin');
    // A first visit whose connection drops before the billing page's script arrives.
    await page.route('**/assets/po-family-billing-page-*.js', (route) => route.abort());
    await page.goto(`${server.url}/famille/facturation`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page non chargée' })).toBeVisible();
    await expect(page.locator('#boot'), 'the HTML screen gave way to the message').toHaveCount(0);
    await expect(page).toHaveTitle(/Page non chargée/);
    for (const mode of [false, true]) {
      if (mode) await page.getByRole('button', { name: /Mode accessibilité/ }).click();
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
      expect(result.violations.map((v) => v.id)).toEqual([]);
    }
    await page.unroute('**/assets/po-family-billing-page-*.js');
    await page.getByRole('button', { name: 'Réessayer' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Facturation' })).toBeVisible();

    // The signed-in screens' table itself: the next navigation tries again.
    await page.route('**/assets/signed-in-routes-*.js', (route) => route.abort());
    await page.goto(`${server.url}/famille`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page non chargée' })).toBeVisible();
    await page.unroute('**/assets/signed-in-routes-*.js');
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Page non chargée' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  });
});

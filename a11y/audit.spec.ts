import AxeBuilder from '@axe-core/playwright';
import { request, type Page, type Route } from '@playwright/test';
import { expect, test } from '../test/helpers/fixtures.ts';
import { DEMO_ACCOUNTS, signInThroughForm, waitForSync, type DemoRole } from '../test/helpers/pages.ts';
import { ibmViolations } from './ibm.ts';
import { problemsOf, recordEntries, summarise, summaryLine, type AuditEntry } from './report.ts';
import { AUDITED_ROUTES } from './routes.ts';
import { MODES, readRouteIds, setMode, withRouteIds, type Mode } from './screens.ts';
import { undersizedTargets } from './target-size.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** Time allowed per screen: three checks of a few seconds each, on a busy 2-core CI machine. */
const PER_SCREEN = 15_000;
/** How many states each role's test audits beyond its routes (for its time budget). */
const STATES: Record<string, number> = { family: 15, secretariat: 9, teacher: 5 };
/** This test's entries, added to the report after it (pass or fail). */
let entries: AuditEntry[] = [];

/**
 * The screen as it is now, judged by the three checks: axe (plus AAA contrast in the mode, which
 * promises 7:1), IBM's engine, and our target sizes (44 px in the mode, 24 px otherwise).
 */
async function judge(page: Page, role: string, mode: AuditEntry['mode'], target: string) {
  const inMode = mode === 'accessibilité';
  const axe = await new AxeBuilder({ page })
    .options({ rules: { 'color-contrast-enhanced': { enabled: inMode } } })
    .withTags(TAGS)
    .analyze();
  const entry = { role, mode, target, at: new Date().toISOString(), ...summarise(axe), ibm: await ibmViolations(page), targets: await undersizedTargets(page, inMode ? 44 : 24, !inMode) };
  entries.push(entry);
  return entry;
}

async function audit(page: Page, role: string, mode: AuditEntry['mode'], target: string) {
  // Let the page settle (lazy page module, live queries) before judging it.
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  return judge(page, role, mode, target);
}


function expectClean(entry: AuditEntry) {
  expect.soft(problemsOf(entry), `${entry.role} ${entry.mode} ${entry.target}`).toEqual([]);
}

type Audit = (label: string) => Promise<void>;

/**
 * The shell's dialogs and banner, opened as their components allow on the page already loaded
 * (no sign-in per state): the idle warning through its public `warningSeconds`, the sign-out
 * dialog through its `open(pending)`, and the update banner through the window event the
 * service worker's registration sends (hidden again through its state, as a reload would).
 */
async function auditShellStates(page: Page, check: Audit) {
  const idle = page.locator('po-idle-warning');
  const warning = await idle.evaluate((el: HTMLElement & { warningSeconds: number; timeoutSeconds: number }) => {
    const before = el.warningSeconds;
    el.warningSeconds = el.timeoutSeconds;
    return before;
  });
  const idleDialog = page.getByRole('dialog', { name: 'Votre session va expirer' });
  await expect(idleDialog).toBeVisible();
  await check('dialogue d’inactivité ouvert');
  await idle.evaluate((el: HTMLElement & { warningSeconds: number }, before: number) => (el.warningSeconds = before), warning);
  await idleDialog.getByRole('button', { name: 'Prolonger la session' }).click();
  await expect(idleDialog).toBeHidden();

  await page.locator('po-sign-out-dialog').evaluate((el: HTMLElement & { open(pending: number): void }) => el.open(2));
  const signOut = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Attendre le réseau' }) });
  await expect(signOut).toBeVisible();
  await check('dialogue de déconnexion ouvert');
  await signOut.getByRole('button', { name: 'Attendre le réseau' }).click();
  await expect(signOut).toBeHidden();

  // The service worker's registration tells the banner through this window event (client/sw-updates.ts).
  await page.evaluate(() => window.dispatchEvent(new Event('portee:sw-waiting')));
  await expect(page.getByText('Nouvelle version disponible')).toBeVisible();
  await check('bannière « Nouvelle version disponible »');
  await page.locator('po-update-banner').evaluate((el: HTMLElement & { waiting: boolean }) => (el.waiting = false));
}

/**
 * The family's states: identity errors, pending markers (sent, and queued offline), the offline
 * notice, a change refused by the secretariat and one refused by the server, an upload error,
 * payment failures.
 */
async function auditFamilyStates(page: Page, base: string, mode: Mode, check: Audit) {
  await page.goto(`${base}/famille`);
  const lastName = page.getByRole('textbox', { name: 'Nom', exact: true });
  await lastName.fill('');
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await check('/famille (erreurs)');

  await page.reload();
  await page.getByLabel('Ville', { exact: true }).fill(`Ville ${mode}`);
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByText(`Modifié — en attente de validation : Ville ${mode}`)).toBeVisible();
  await check('/famille (modification en attente de validation)');

  await page.context().setOffline(true);
  await expect(page.getByText('Hors ligne').first()).toBeVisible();
  await page.getByLabel('Adresse', { exact: true }).fill(`12 rue ${mode}`);
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByText(`Modifié — en attente d’envoi : 12 rue ${mode}`)).toBeVisible();
  await check('/famille (hors ligne, modification en attente d’envoi)');
  await page.context().setOffline(false);
  await expect(page.getByText(`Modifié — en attente de validation : 12 rue ${mode}`)).toBeVisible({ timeout: 20_000 });

  // The secretariat refuses the request (city and address): each field says so with the reason.
  await refuseFamilyRequest(base, `Justificatif de domicile manquant (${mode}).`);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByText(`Modification refusée (12 rue ${mode}) — motif : Justificatif de domicile manquant (${mode}).`)).toBeVisible({ timeout: 20_000 });
  await check('/famille (modification refusée par le secrétariat)');

  // An edit kept on the device (the network failed) that the server refuses for good when it
  // leaves later: po-rejected-changes lists it until dismissed. The pushes are answered here, as
  // the network and then the server would: the first fails, the next is refused (a field it
  // rejects). Both through the route, set before the edit, so nothing hangs on the context's
  // offline switch (with it, the edit's own push once reached the server and was accepted).
  let server: 'unreachable' | 'refusing' = 'unreachable';
  let failed = 0;
  await page.route('**/api/sync/push', (route) => {
    if (server === 'unreachable') {
      failed++;
      return route.abort('internetdisconnected');
    }
    const { mutations } = route.request().postDataJSON() as { mutations: Array<{ mutationId: number }> };
    const error = { code: 'validation', message: 'Certains champs sont à corriger.', fields: { city: 'Cette ville n’est pas desservie par le conservatoire.' } };
    return route.fulfill({ json: { lastMutationId: mutations.at(-1)!.mutationId, results: mutations.map((m) => ({ mutationId: m.mutationId, error })) } });
  });
  await page.getByLabel('Ville', { exact: true }).fill(`Autre ville ${mode}`);
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByText(`Modifié — en attente d’envoi : Autre ville ${mode}`)).toBeVisible();
  // The back-off's retry (2 s after the edit's own push failed) shows that the form has had its
  // answer, "kept on this device": a refusal arriving before would be the form's to show, on its field.
  await expect.poll(() => failed, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  server = 'refusing';
  // The network is back: the app pushes what it kept.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const rejected = page.locator('po-rejected-changes');
  await expect(rejected.getByRole('heading', { name: 'Une modification n’a pas pu être enregistrée' })).toBeVisible({ timeout: 20_000 });
  await expect(rejected).toContainText('Ville : Cette ville n’est pas desservie');
  await check('/famille (modification refusée par le serveur)');
  await page.unroute('**/api/sync/push');
  await rejected.getByRole('button', { name: 'J’ai compris' }).click();
  await expect(rejected.getByRole('heading')).toHaveCount(0);

  // Announcing an absence with nothing chosen: the error summary and the fields' errors.
  await page.goto(`${base}/signaler-absence`);
  await page.getByRole('button', { name: 'Signaler l’absence' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await check('/signaler-absence (erreurs)');

  await page.goto(`${base}/famille/documents`);
  await page.getByLabel('Type de document').selectOption({ index: 1 });
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'avis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><p>pas un PDF</p>') });
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('alert')).toContainText('PDF, JPEG ou PNG');
  await check('/famille/documents (fichier refusé)');

  // The payment return page's failures, as the server would answer them (PayFiP is not reachable here).
  const recorded = (status: string, resultrans: string) => (route: Route) =>
    route.fulfill({ json: { status, resultrans, invoiceId: 'x', amountCents: 12000, numauto: null, paidAt: null, paymentId: null, invoiceNumber: 'F-2026-0001' } });
  const answers: Array<[string, (route: Route) => Promise<void>]> = [
    ['paiement refusé', recorded('refused', 'R')],
    ['paiement interrompu', recorded('pending', 'A')],
    ['résultat incohérent', recorded('mismatch', 'P')],
    ['hors ligne', (route) => route.abort('internetdisconnected')],
  ];
  for (const [label, answer] of answers) {
    await page.route('**/api/billing/payfip/return', answer);
    await page.goto(`${base}/famille/facturation/paiement/retour?idop=essai`);
    await expect(page.locator('po-payment-return-page').getByRole('status')).not.toBeEmpty();
    await check(`/famille/facturation/paiement/retour (${label})`);
    await page.unroute('**/api/billing/payfip/return');
  }
}

/**
 * The secretariat refuses the demo family's pending request through its API, in a session of its
 * own (no page: the family's page stays open), with `reason` for every field.
 */
async function refuseFamilyRequest(base: string, reason: string) {
  const api = await request.newContext({ baseURL: base });
  try {
    const sites = (await (await api.get('/api/sites')).json()) as Array<{ id: string; name: string }>;
    const { username, password } = DEMO_ACCOUNTS.secretariat;
    const signedIn = await api.post('/api/session/sign-in', { data: { siteId: sites.find((s) => s.name === 'Mantes')!.id, username, password } });
    expect(signedIn.status()).toBe(200);
    const { requests } = (await (await api.get('/api/admin/requests')).json()) as { requests: Array<{ id: string; targetKind: string; familyName: string }> };
    const pending = requests.find((r) => r.targetKind === 'family' && r.familyName.startsWith('Lefèvre'));
    expect(pending, 'the family’s pending request').toBeDefined();
    expect((await api.post(`/api/admin/requests/${pending!.id}/refuse`, { data: { reason } })).status()).toBe(200);
  } finally {
    await api.dispose();
  }
}

/** The secretariat's states: the desk forms' errors, and a screen whose live data cannot be fetched. */
async function auditSecretariatStates(page: Page, base: string, check: Audit) {
  for (const [route, button] of [['/admin/familles/nouvelle', 'Créer la famille'], ['/admin/cours/nouveau', 'Créer le cours'], ['/admin/enseignants/nouveau', 'Créer l’enseignant'], ['/admin/reinscriptions', 'Ouvrir la campagne']]) {
    await page.goto(`${base}${route}`);
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await check(`${route} (erreurs)`);
  }
  await page.goto(`${base}/admin`);
  // From the desk's home, loaded online, to the family search while offline.
  const families = page.getByRole('link', { name: 'Rechercher une famille' });
  await families.waitFor();
  await page.context().setOffline(true);
  await families.click();
  await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  await check('/admin/familles (hors ligne)');
  await page.context().setOffline(false);
}

// A control a state needs that is not there fails its step at once, not at the end of the role's budget.
// The audit changes the demo family (requests made and refused): a server of its own, so the files
// after it in the same worker find the demo data untouched.
test.use({ actionTimeout: 15_000, serverEnv: { PORTEE_E2E_OWN_SERVER: 'audit' } });

test.describe('accessibility audit', () => {
  test.afterEach(() => {
    console.log(summaryLine(recordEntries(entries)));
    entries = [];
  });

  for (const mode of MODES) {
    test(`anonymous screens — ${mode}`, async ({ page, server }) => {
      test.setTimeout(60_000 + AUDITED_ROUTES.anonymous.length * PER_SCREEN);
      await page.goto(`${server.url}/connexion`);
      await setMode(page, mode);
      for (const route of AUDITED_ROUTES.anonymous) {
        await page.goto(`${server.url}${route}`);
        expectClean(await audit(page, 'anonyme', mode, route));
      }
      // States reached by an action: sign-in errors, refused credentials, lost-password errors.
      await page.goto(`${server.url}/connexion`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expectClean(await audit(page, 'anonyme', mode, '/connexion (erreurs)'));
      await page.getByLabel('Identifiant').fill('compte.inconnu');
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('mauvais-mot-de-passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert')).toContainText('incorrect');
      expectClean(await audit(page, 'anonyme', mode, '/connexion (identifiants refusés)'));
      await page.goto(`${server.url}/mot-de-passe-perdu`);
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expectClean(await audit(page, 'anonyme', mode, '/mot-de-passe-perdu (erreurs)'));
    });

    // Before the device's first pull every screen says it is synchronising: audited with the pull
    // held (no networkidle to wait for then), on the billing page.
    test(`loading state before the first sync — ${mode}`, async ({ page, server }) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/api\/sync\?/, async (route) => {
        await released;
        await route.continue().catch(() => undefined);
      });
      await signInThroughForm(page, server.url, 'family');
      await setMode(page, mode);
      await page.goto(`${server.url}/famille/facturation`);
      await expect(page.getByRole('status').filter({ hasText: 'Synchronisation en cours' })).toBeVisible();
      expectClean(await judge(page, 'family', mode, '/famille/facturation (synchronisation en cours)'));
      release();
      await setMode(page, 'normal');
    });

    for (const role of ['family', 'secretariat', 'teacher'] as DemoRole[]) {
      test(`${role} screens — ${mode}`, async ({ page, server }) => {
        // Each screen costs an axe run and an IBM run of a few seconds: the family's many screens need more than the default minute.
        test.setTimeout(60_000 + (AUDITED_ROUTES[role].length + STATES[role]) * PER_SCREEN);
        await signInThroughForm(page, server.url, role);
        await setMode(page, mode);
        let studentHref: string | null = null;
        if (role === 'family') {
          await waitForSync(page);
          studentHref = await page.getByRole('link', { name: /Lefèvre/ }).first().getAttribute('href');
        }
        const ids = await readRouteIds(page, server.url, role);
        for (const route of AUDITED_ROUTES[role]) {
          await page.goto(`${server.url}${withRouteIds(route, ids, studentHref)}`);
          const entry = await audit(page, role, mode, route);
          // A route with real ids must show its record, not a "not found" page.
          if (route.includes(':') && !route.includes('inconnu')) await expect(page.locator('h1').first()).not.toContainText(/introuvable/i);
          expectClean(entry);
        }
        if (role === 'teacher') {
          // The absence form, opened and sent empty: its errors.
          await page.goto(`${server.url}/enseignant/absences`);
          await page.getByRole('button', { name: 'Déclarer une absence' }).click();
          await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
          await expect(page.getByRole('alert')).toBeVisible();
          expectClean(await audit(page, role, mode, '/enseignant/absences (erreurs)'));
        }
        const check = async (label: string) => expectClean(await audit(page, role, mode, label));
        if (role === 'family') await auditFamilyStates(page, server.url, mode, check);
        if (role === 'secretariat') await auditSecretariatStates(page, server.url, check);
        await auditShellStates(page, check);
        await page.goto(`${server.url}/mot-de-passe`);
        await page.getByRole('button', { name: 'Modifier le mot de passe' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        expectClean(await audit(page, role, mode, '/mot-de-passe (erreurs)'));
        // The mode is stored in the account: leave it as found for the other tests.
        await setMode(page, 'normal');
      });
    }
  }
});

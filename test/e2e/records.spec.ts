import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoAxeViolations(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/** Rows of the server's database (the e2e server's own file). */
async function query<T = Record<string, unknown>>(dbFile: string, sql: string, args: unknown[] = []): Promise<T[]> {
  const db = createClient({ url: `file:${dbFile}`, timeout: 5000 });
  try {
    return (await db.execute({ sql, args: args as never })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

const FAMILY_OF_DEMO = "(SELECT family_id FROM user WHERE username = 'famille.demo')";

test.describe('identity records: edit, queue, validate', () => {
  test('online edit → marker → the secretariat approves → the family sees the value and no marker', async ({ page, browser, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille`);
    await expect(page.getByRole('heading', { level: 1, name: 'Famille' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Dossier de la famille' });
    for (const name of ['Identité', 'Facturation', 'Documents', 'Élèves']) await expect(nav.getByRole('link', { name })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Identité' })).toHaveAttribute('aria-current', 'page');

    const city = page.getByLabel('Ville', { exact: true });
    const before = await city.inputValue();
    await city.fill('Rosny-sur-Seine');
    await page.getByRole('button', { name: 'Modifier' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'en attente de validation par le secrétariat' })).toContainText('accusé de réception');
    await expect(page.getByText('Modifié — en attente de validation : Rosny-sur-Seine')).toBeVisible();
    await expect(city).toHaveAccessibleDescription(/Modifié — en attente de validation : Rosny-sur-Seine/);
    await expect(page.getByText('Fiche en attente de validation par le secrétariat.')).toBeVisible();
    // The record itself is unchanged on the server; the acknowledgement went to the family.
    const [fam] = await query<{ city: string; email: string }>(server.dbFile, `SELECT city, email FROM family WHERE id = ${FAMILY_OF_DEMO}`);
    expect(fam.city).toBe(before);
    const mails = await query(server.dbFile, "SELECT * FROM mail_outbox WHERE subject LIKE '%demande de modification reçue%' AND \"to\" = ?", [fam.email]);
    expect(mails).toHaveLength(1);
    await expectNoAxeViolations(page, '/famille with a pending change');

    // The secretariat, in its own browser context.
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signInThroughForm(adminPage, server.url, 'secretariat');
    await adminPage.getByRole('link', { name: 'Demandes de modification' }).click();
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Demandes de modification' })).toBeVisible();
    const request = adminPage.getByRole('region', { name: /Lefèvre — responsable de la famille/ });
    const row = request.getByRole('row', { name: /Ville/ });
    await expect(row).toContainText(before);
    await expect(row).toContainText('Rosny-sur-Seine');
    await expectNoAxeViolations(adminPage, '/admin/demandes with a request');
    await request.getByRole('button', { name: 'Refuser toute la demande' }).click();
    await expect(adminPage.getByRole('alert')).toContainText('Motif du refus');
    await request.getByRole('button', { name: 'Approuver Ville' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: 'approuvé' })).toContainText('Ville');
    await expect(adminPage.getByText('Aucune demande en attente.')).toBeVisible();
    await admin.close();

    // The family's next pull: the value on file, no marker.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByText('Modifié — en attente de validation')).toHaveCount(0);
    await expect(city).toHaveValue('Rosny-sur-Seine');
    await expect(city).not.toHaveAccessibleDescription(/en attente/);
  });

  test('offline edit → reload → back online → the request reaches the secretariat exactly once', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    await page.goto(`${server.url}/famille`);
    await expect(page.getByLabel('Adresse', { exact: true })).toBeVisible();

    // The server is shared by this file's tests: compare with what exists before this edit.
    const pendingSql = `SELECT fields FROM change_request WHERE family_id = ${FAMILY_OF_DEMO} AND status = 'pending' AND target_kind = 'family'`;
    const clientsSql = "SELECT client_id, last_mutation_id FROM sync_client WHERE user_id = (SELECT id FROM user WHERE username = 'famille.demo')";
    const auditsSql = `SELECT id FROM audit_log WHERE action = 'change_request.submitted' AND family_id = ${FAMILY_OF_DEMO}`;
    const clientsBefore = new Set((await query<{ client_id: string }>(server.dbFile, clientsSql)).map((c) => c.client_id));
    const auditsBefore = (await query(server.dbFile, auditsSql)).length;
    expect(await query(server.dbFile, pendingSql)).toHaveLength(0);

    await context.setOffline(true);
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue Hors-Ligne');
    await page.getByRole('button', { name: 'Modifier' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'en attente d’envoi' }).first()).toBeVisible();
    await expect(page.getByText('Modifié — en attente d’envoi : 12 rue Hors-Ligne')).toBeVisible();

    await page.reload();
    await expect(page.getByText('Modifié — en attente d’envoi : 12 rue Hors-Ligne')).toBeVisible();
    await expect(page.getByLabel('Adresse', { exact: true })).toHaveValue('12 rue Hors-Ligne');
    await expect(page.getByRole('status').filter({ hasText: '1 modification(s) en attente d’envoi' })).toBeVisible();
    // Not asserted here: that the server has nothing yet. Chromium's offline emulation does not
    // always hold for the data worker of a page the service worker controls: one run in six, the
    // push the reloaded page starts with reached the server ~90 ms into the reload, while the
    // device saw it fail (a lost answer, which the protocol makes harmless). Routing the context's
    // API requests did not stop it either. What the device keeps is asserted above; what the
    // server ends with (one request, one applied mutation, one audit row) below.

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByText('Modifié — en attente de validation : 12 rue Hors-Ligne')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'en attente d’envoi' })).toHaveCount(0);

    // More triggers (another online event, a reload) send nothing twice.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.reload();
    await expect(page.getByText('Modifié — en attente de validation : 12 rue Hors-Ligne')).toBeVisible();
    const requests = await query<{ fields: string }>(server.dbFile, pendingSql);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0].fields).address.to).toBe('12 rue Hors-Ligne');
    const clients = (await query<{ client_id: string; last_mutation_id: number }>(server.dbFile, clientsSql)).filter((c) => !clientsBefore.has(c.client_id));
    expect(clients.map((c) => c.last_mutation_id)).toEqual([1]);
    expect(await query(server.dbFile, auditsSql)).toHaveLength(auditsBefore + 1);
  });

  test('keyboard only: errors, the focused summary, its link to the field, the fix, the save', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille`);
    const postal = page.getByLabel('Code postal', { exact: true });
    const mobile = page.getByLabel('Mobile', { exact: true });
    await postal.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('782');
    await page.keyboard.press('Tab'); // Ville
    await page.keyboard.press('Tab'); // Téléphone domicile
    await page.keyboard.press('Tab'); // Téléphone professionnel
    await page.keyboard.press('Tab'); // Mobile
    await expect(mobile).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('06.12.34.56.78');
    await page.keyboard.press('Enter');

    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('5 chiffres');
    await expect(postal).toHaveAttribute('aria-invalid', 'true');
    await expect(postal).toHaveAccessibleDescription(/5 chiffres/);
    await expect(mobile).toHaveValue('06.12.34.56.78'); // nothing typed is lost
    await expectNoAxeViolations(page, '/famille with errors');

    await page.keyboard.press('Tab');
    await expect(summary.getByRole('link', { name: /5 chiffres/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(postal).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('78520');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status').filter({ hasText: 'en attente de validation par le secrétariat' })).toBeVisible();
    await expect(page.getByText('Modifié — en attente de validation : 06 12 34 56 78')).toBeVisible();
    await expect(mobile).toHaveValue('06 12 34 56 78');
    await expect(page.getByText('Modifié — en attente de validation : 78520')).toBeVisible();
  });

  test('a student’s identity: the contact fields follow the checkbox; /famille/eleves lists the students', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/eleves`);
    await expect(page.getByRole('heading', { level: 1, name: 'Élèves' })).toBeVisible();
    await expect(page.locator('#main').getByRole('link', { name: /Lefèvre/ })).toHaveCount(3);
    await page.locator('#main').getByRole('link', { name: 'Hugo Lefèvre' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hugo Lefèvre' })).toBeVisible();

    const box = page.getByLabel('Utiliser les coordonnées du responsable');
    const address = page.getByLabel('Adresse', { exact: true });
    if (!(await box.isChecked())) await box.check();
    await expect(address).toHaveCount(0);
    await box.uncheck();
    await expect(address).toBeVisible();
    await page.getByLabel('Niveau scolaire').fill('3e');
    const birth = page.getByLabel('Date de naissance');
    await birth.fill('2099-01-01');
    await page.getByRole('button', { name: 'Modifier' }).click();
    await expect(page.getByRole('alert')).toContainText('futur');
    await expect(page.getByLabel('Niveau scolaire')).toHaveValue('3e');
    await expectNoAxeViolations(page, '/eleves/:id with errors');
  });

  test('the secretariat edits a family of its site directly; another site’s family is not found', async ({ page, server }) => {
    const [fam] = await query<{ id: string }>(server.dbFile, `SELECT id FROM family WHERE id = ${FAMILY_OF_DEMO}`);
    const [limay] = await query<{ id: string }>(server.dbFile, "SELECT id FROM family WHERE last_name = 'Garnier'");
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles/${fam.id}`);
    await expect(page.getByRole('heading', { level: 1, name: /Fiche famille — Lefèvre/ })).toBeVisible();
    await expectNoAxeViolations(page, '/admin/familles/:id');
    const form = page.getByRole('form', { name: /Camille Lefèvre/ });
    await form.getByLabel('Téléphone domicile').fill('01.34.00.99.99');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Fiche enregistrée' })).toBeVisible();
    const [after] = await query<{ phone_home: string }>(server.dbFile, `SELECT phone_home FROM family WHERE id = ?`, [fam.id]);
    expect(after.phone_home).toBe('01 34 00 99 99');
    expect(await query(server.dbFile, "SELECT id FROM audit_log WHERE action = 'family.updated' AND target_id = ?", [fam.id])).toHaveLength(1);

    await page.goto(`${server.url}/admin/familles/${limay.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Famille introuvable' })).toBeVisible();
  });
});

import { readFile } from 'node:fs/promises';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

// Its own server: the family's answers change the demo's progress for the other specs.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'reenrolment' } });

test.describe('yearly re-enrolment', () => {
  test('a family completes it offline with the keyboard; the secretariat sees it done and exports the CSV', async ({ browser, server }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, server.url, 'martin');
    await waitForSync(page);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Réinscription' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Réinscription \d{4}\/\d{4}$/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Il reste à faire' })).toContainText('1 élève(s) à réinscrire');

    await context.setOffline(true);
    // 1. Théo: "Changer", a wish, saved: all with the keyboard.
    const theo = page.getByRole('group', { name: 'Théo Martin' });
    await theo.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(theo.getByRole('radio', { name: 'Changer' })).toBeChecked();
    await page.getByRole('textbox', { name: /Souhait/ }).focus();
    await page.keyboard.type('Violoncelle');
    await page.getByRole('button', { name: 'Enregistrer les choix' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Réponse enregistrée : Changer (en attente d’envoi)')).toBeVisible();

    // 2. The review lists the details, with a link to edit them; confirmed.
    await expect(page.getByText('27 rue des Écoles')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Modifier les informations de Théo Martin' })).toHaveAttribute('href', /\/eleves\//);
    await page.getByRole('checkbox', { name: 'Je confirme que ces informations sont à jour' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Confirmer', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Vous avez confirmé que ces informations sont à jour.')).toBeVisible();

    // 3. The four consents of Mantes (three for Théo, one for the family): none pre-selected.
    const consents = page.locator('po-consents-form');
    await expect(consents.getByRole('radio', { checked: true })).toHaveCount(0);
    const groups = consents.getByRole('group');
    await expect(groups).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await groups.nth(i).getByRole('radio', { name: 'J’accepte' }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByRole('button', { name: 'Enregistrer les autorisations' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'complète sur cet appareil' })).toBeVisible();

    // Back online: the queue leaves, the page says it is complete.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByText('Votre réinscription est complète. Merci !')).toBeVisible({ timeout: 20_000 });

    // The secretariat: Martin done, the CSV exported with Théo's answer.
    const admin = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInThroughForm(admin, server.url, 'secretariat');
    await admin.getByRole('link', { name: 'Réinscriptions et autorisations' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Réinscriptions' })).toBeVisible();
    const row = admin.getByRole('row', { name: /Julien Martin/ });
    await expect(row).toContainText('Terminée');
    await expect(admin.getByText(/1 terminée\(s\)/)).toBeVisible();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Exporter les réponses (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^reinscriptions-\d{4}-\d{4}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toContain('"M. Julien Martin";"julien.martin@example.org";"Terminée";"Théo Martin";"Changer";"Violoncelle"');

    await row.getByRole('link', { name: /Julien Martin/ }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Réponses de M. Julien Martin' })).toBeVisible();
    await expect(admin.getByRole('row', { name: /droit-image/ })).toContainText('Accordée, version 1');
  });
});

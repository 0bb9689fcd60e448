import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo, waitForSync } from '../helpers/pages.ts';

const LABEL = 'Attestation de quotient familial';

test.describe('the kinds of documents the secretariat asks for', () => {
  test('added with the keyboard, offered to the family after its sync, then taken off the list', async ({ page, browser, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/documents`);
    await tabTo(page, page.getByRole('link', { name: 'Types de documents demandés' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Types de documents' })).toBeFocused();

    // Nothing filled: a focused summary names both questions.
    const add = page.getByRole('button', { name: 'Ajouter le type' });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'n’a pas été enregistré' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Le champ « Libellé » est obligatoire.');
    await expect(summary).toContainText('Choisissez pour qui ce document est demandé');

    await tabTo(page, page.getByRole('textbox', { name: 'Libellé' }));
    await page.keyboard.type(LABEL);
    await tabTo(page, page.getByRole('radio', { name: 'la famille' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: 'Demandé chaque année scolaire' }));
    await page.keyboard.press('Space');
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'est ajouté' })).toContainText(`« ${LABEL} » est ajouté`);
    const row = page.getByRole('row', { name: new RegExp(LABEL) });
    await expect(row).toContainText('la famille');
    await expect(row).toContainText('Proposé aux familles');

    const familyContext = await browser.newContext();
    const family = await familyContext.newPage();
    await signInThroughForm(family, server.url, 'family');
    await waitForSync(family);
    await family.goto(`${server.url}/famille/documents`);
    const kind = family.getByRole('combobox', { name: 'Type de document' });
    await expect(kind.getByRole('option', { name: LABEL })).toHaveCount(1);

    await row.getByRole('button', { name: `Retirer de la liste : ${LABEL}` }).click();
    await expect(row).toContainText('Retiré de la liste');
    await family.reload();
    await waitForSync(family);
    await expect(family.getByRole('combobox', { name: 'Type de document' }).getByRole('option', { name: LABEL })).toHaveCount(0);
    await familyContext.close();
  });

  test('offline: the page says the change needs the network and keeps what was typed', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/documents/types`);
    await expect(page.getByRole('table')).toBeVisible();
    await context.setOffline(true);
    await page.getByRole('textbox', { name: 'Libellé' }).fill('Certificat de scolarité');
    await page.getByRole('radio', { name: 'chaque élève' }).check();
    await page.getByRole('button', { name: 'Ajouter le type' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'connexion au réseau' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Libellé' })).toHaveValue('Certificat de scolarité');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Ajouter le type' }).click();
    await expect(page.getByRole('row', { name: /Certificat de scolarité/ })).toContainText('chaque élève');
  });
});

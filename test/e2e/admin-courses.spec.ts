import type { Locator, Page } from 'playwright-core';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo, waitForSync } from '../helpers/pages.ts';

// Lucie gains a course here: a server of its own, so other files' counts stay the demo's.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'admin-courses' } });

/** Reaches a field with Tab and types into it (a closed select chooses the option typed, as a keyboard user does). */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test.describe('the secretariat’s courses and enrolments', () => {
  test('keyboard only: creates a course, enrols Lucie, the next student waits; the family sees the course after sync', async ({ page, browser, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await tabTo(page, page.getByRole('link', { name: 'Cours et inscriptions' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/admin/cours`);
    await expect(page.getByRole('heading', { level: 1, name: 'Cours et inscriptions' })).toBeFocused();
    await expect(page.getByRole('table')).toContainText('FM 1C1 A');

    await tabTo(page, page.getByRole('link', { name: 'Nouveau cours' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau cours' })).toBeFocused();

    // Sent empty first: the error summary takes the focus.
    await tabTo(page, page.getByRole('button', { name: 'Créer le cours' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('Le champ « Intitulé du cours » est obligatoire.');

    await typeInto(page, page.getByRole('textbox', { name: 'Intitulé du cours' }), 'Atelier voix');
    await typeInto(page, page.getByRole('combobox', { name: 'Département' }), 'Pratiques');
    await typeInto(page, page.getByRole('combobox', { name: 'Enseignant' }), 'Mme Sophie');
    await typeInto(page, page.getByRole('combobox', { name: 'Salle' }), 'Salle Boulanger');
    await typeInto(page, page.getByRole('combobox', { name: 'Jour' }), 'vendredi');
    await typeInto(page, page.getByRole('textbox', { name: 'Heure de début' }), '18:00');
    await typeInto(page, page.getByRole('textbox', { name: 'Durée (minutes)' }), '60');
    await typeInto(page, page.getByRole('textbox', { name: 'Nombre de places' }), '1');
    await expect(page.getByRole('combobox', { name: 'Enseignant' })).toHaveValue(/.+/);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: /^Atelier voix — \d{4}\/\d{4}$/ })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Le cours est créé' })).toBeVisible();
    await expect(page.getByText('0 / 1 places')).toBeVisible();
    const details = page.getByRole('region', { name: 'Le cours' });
    await expect(details).toContainText('Mme Sophie Brunel');
    await expect(details).toContainText('Salle Boulanger');
    await expect(details).toContainText('vendredi à 18:00');
    await expect(page.getByRole('link', { name: 'Suivi pédagogique' })).toBeVisible();

    // Enrol Lucie: search "Lefèvre", pick her with the keyboard.
    const search = page.getByRole('searchbox', { name: 'Rechercher un élève par son nom' });
    await typeInto(page, search, 'Lefèvre');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'trouvé' })).toContainText('3 élève(s) trouvé(s).');
    await tabTo(page, page.getByRole('button', { name: 'Inscrire Lucie Lefèvre' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'inscrit' })).toContainText('Lucie Lefèvre est inscrit(e) au cours.');
    await expect(page.getByText('1 / 1 places')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Élèves inscrits (1)' })).toContainText('Lucie Lefèvre');
    await expect(search).toBeFocused();

    // Full: Hugo goes on the waiting list, and the page says so.
    await page.keyboard.type('hugo');
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Inscrire Hugo Lefèvre' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'complet' })).toContainText('Le cours est complet : Hugo Lefèvre est sur la liste d’attente, en position 1.');
    await expect(page.getByRole('region', { name: 'Liste d’attente (1)' })).toContainText('Hugo Lefèvre');

    // The list counts them.
    await page.goto(`${server.url}/admin/cours`);
    const row = page.getByRole('row', { name: /Atelier voix/ });
    await expect(row).toContainText('1 / 1 places');
    await expect(row).toContainText('Ouvert');

    // The family, on another device: Lucie's courses after the sync.
    const familyContext = await browser.newContext();
    const family = await familyContext.newPage();
    await signInThroughForm(family, server.url, 'family');
    await waitForSync(family);
    const lucie = (await family.getByRole('link', { name: 'Lucie Lefèvre' }).first().getAttribute('href'))!;
    await family.goto(`${server.url}${lucie}/cours`);
    await expect(family.getByRole('link', { name: 'Atelier voix' })).toBeVisible();
    await familyContext.close();
  });

  test('offline, the course page says an action needs the network and changes nothing', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/cours`);
    await page.getByRole('link', { name: 'FM 1C1 A' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^FM 1C1 A/ })).toBeVisible();
    await context.setOffline(true);
    await page.getByRole('searchbox', { name: 'Rechercher un élève par son nom' }).fill('martin');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'connexion au réseau' })).toBeVisible();
    await context.setOffline(false);
  });
});

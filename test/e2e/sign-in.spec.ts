import { expect, test } from '../helpers/fixtures.ts';
import { DEMO_ACCOUNTS, signInThroughForm } from '../helpers/pages.ts';

test.describe('sign-in', () => {
  test('keyboard only: Tab through the form, Enter signs in and lands on /accueil', async ({ page, server }) => {
    await page.goto(`${server.url}/connexion`);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    await expect(page.getByLabel('Site')).toHaveValue(/.+/);
    await expect(page.getByLabel('Site').locator('option:checked')).toHaveText('Mantes');

    // Walk the tab order from the top of the page to the identifiant field.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.getByLabel('Identifiant').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);
    }
    expect(reached, 'Identifiant is reachable with Tab').toBe(true);
    await page.keyboard.type('famille.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Portee-demo-2026');
    await page.keyboard.press('Enter');

    await page.waitForURL(`${server.url}/accueil`);
    await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
    await expect(page).toHaveTitle(/Accueil — Portée/);
    await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
    // The h1 takes focus after the navigation, and again after a menu link.
    await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeFocused();
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Famille' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Famille' })).toBeFocused();
    await expect(page).toHaveTitle(/Famille — Portée/);
  });

  test('wrong password: one alert, focused, identifiant kept, password emptied', async ({ page, server }) => {
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Identifiant').fill('famille.martin');
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Identifiant ou mot de passe incorrect');
    await expect(alert).toBeFocused();
    await expect(page.getByLabel('Identifiant')).toHaveValue('famille.martin');
    await expect(page.getByRole('textbox', { name: 'Mot de passe', exact: true })).toHaveValue('');
    await expect(page).toHaveURL(`${server.url}/connexion`);
  });

  test('empty form: the summary names each field and its links move focus to them', async ({ page, server }) => {
    await page.goto(`${server.url}/connexion`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toBeFocused();
    await expect(alert).toContainText('Identifiant');
    await expect(alert).toContainText('Mot de passe');
    await alert.getByRole('link', { name: /Identifiant/ }).click();
    await expect(page.getByLabel('Identifiant')).toBeFocused();
  });

  for (const role of ['secretariat', 'teacher'] as const) {
    test(`${role} lands on ${DEMO_ACCOUNTS[role].home}`, async ({ page, server }) => {
      await signInThroughForm(page, server.url, role);
      await expect(page).toHaveURL(`${server.url}${DEMO_ACCOUNTS[role].home}`);
    });
  }

  test('the teacher page lists their classes of the year', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'teacher');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes classes' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Chorale 1er cycle' })).toBeVisible();
    // The class's roster is on its own page now (the home lists this week's lessons and the classes).
    await page.getByRole('rowheader', { name: 'Chorale 1er cycle' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /Chorale 1er cycle/ })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Lefèvre Hugo' })).toBeVisible();
  });

  test('a family opening /admin gets "Accès refusé", a 403 page and a 403 API', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    const api = await page.request.get(`${server.url}/api/admin/summary`);
    expect(api.status()).toBe(403);
    const response = await page.goto(`${server.url}/admin`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByText('Familles')).toHaveCount(0);
  });

  test('"Quitter" ends the session and returns to /connexion', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'martin');
    await page.getByRole('button', { name: 'Quitter' }).click();
    await page.waitForURL(`${server.url}/connexion`);
    const session = await page.request.get(`${server.url}/api/session`);
    expect(await session.json()).toEqual({ user: null });
    await page.goto(`${server.url}/accueil`);
    await page.waitForURL(/\/connexion/);
  });
});

import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo } from '../helpers/pages.ts';

test.describe('the secretariat’s family search', () => {
  test('keyboard only: search by a student’s first name, open the family, come back to the results', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await tabTo(page, page.getByRole('link', { name: 'Rechercher une famille' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/admin/familles`);
    await expect(page.getByRole('heading', { level: 1, name: 'Familles' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'famille(s) trouvée(s)' })).toContainText('16 famille(s) trouvée(s)');

    const field = page.getByRole('searchbox', { name: 'Rechercher une famille' });
    await tabTo(page, field);
    await page.keyboard.type('THEO');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'trouvée' })).toContainText('1 famille(s) trouvée(s)');
    expect(new URL(page.url()).searchParams.get('q')).toBe('THEO');
    const row = page.getByRole('row', { name: /Martin Julien/ });
    await expect(row).toContainText('Théo');
    await expect(row).toContainText('famille.martin');

    const link = page.getByRole('link', { name: 'M. Martin Julien' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fiche famille — Martin Julien');
    await page.goBack();
    await expect(page.getByRole('searchbox', { name: 'Rechercher une famille' })).toHaveValue('THEO');
    await expect(page.getByRole('link', { name: 'M. Martin Julien' })).toBeVisible();
  });

  test('nothing found says so; offline the page says it needs the network, and "Réessayer" works once back', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles?q=personne`);
    await expect(page.getByText('Aucune famille ne correspond à cette recherche.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    await context.setOffline(true);
    const field = page.getByRole('searchbox', { name: 'Rechercher une famille' });
    await field.fill('lefevre');
    await field.press('Enter');
    await expect(page.getByText('Cette page a besoin du réseau.')).toBeVisible();
    await expect(field).toHaveValue('lefevre');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('link', { name: 'Mme Lefèvre Camille' })).toBeVisible();
  });

  test('a family locked out by failed sign-ins: the desk sees it on the family page and unlocks it with the keyboard', async ({ page, server }) => {
    const sites = (await (await fetch(`${server.url}/api/sites`)).json()) as Array<{ id: string; name: string }>;
    const signIn = (password: string) =>
      fetch(`${server.url}/api/session/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteId: sites.find((s) => s.name === 'Mantes')!.id, username: 'famille.martin', password }),
      });
    for (let i = 0; i < 5; i++) expect((await signIn('Pas-le-bon')).status).toBe(401);
    expect((await signIn('Portee-demo-2026')).status).toBe(429);

    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles?q=famille.martin`);
    await page.getByRole('link', { name: 'M. Martin Julien' }).click();
    const row = page.getByRole('row', { name: /famille\.martin/ });
    await expect(row).toContainText('Bloqué après des essais de mot de passe manqués');
    const unlock = page.getByRole('button', { name: 'Débloquer famille.martin' });
    await tabTo(page, unlock);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'débloqué' })).toContainText('Le compte famille.martin est débloqué');
    await expect(row).toContainText('Actif');
    await expect(page.getByRole('button', { name: 'Débloquer famille.martin' })).toHaveCount(0);
    expect((await signIn('Portee-demo-2026')).status).toBe(200);
  });

  test('at 320 px the results reflow into cards: no sideways scrolling', async ({ page, server }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles`);
    await expect(page.getByRole('link', { name: /Lefèvre/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

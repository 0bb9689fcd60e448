import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo } from '../helpers/pages.ts';

test.describe('the secretariat’s family search', () => {
  test('keyboard only: search by a student’s first name, open the family, come back to the results', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await tabTo(page, page.getByRole('link', { name: 'Rechercher une famille' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/admin/familles`);
    await expect(page.getByRole('heading', { level: 1, name: 'Familles' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'famille(s) trouvée(s)' })).toContainText('6 famille(s) trouvée(s)');

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

  test('at 320 px the results reflow into cards: no sideways scrolling', async ({ page, server }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles`);
    await expect(page.getByRole('link', { name: /Lefèvre/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

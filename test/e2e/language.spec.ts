import { expect, test } from '../helpers/fixtures.ts';

test('French by default whatever the browser says; English on request, remembered', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/connexion`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: /Accessibility mode/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await context.close();
});

// The sign-in page loads the form errors' words only on its first submit (client/app/routes.ts,
// `validationOnSubmit`): an English reader's first errors are English all the same.
test('English sign-in: the first submit of an empty form names the fields in English', async ({ page, server }) => {
  await page.goto(`${server.url}/connexion`);
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toBeFocused();
  await expect(alert).toContainText('field is required');
  await expect(alert).not.toContainText('obligatoire');
});

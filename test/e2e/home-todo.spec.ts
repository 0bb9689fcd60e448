import { schoolYearOf } from '../../shared/school-year.ts';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';

// billing.spec.ts pays the demo's unpaid invoice on the server files share: a server of its own.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'home-todo' } });

const YEAR = schoolYearOf(new Date());
const UNPAID = `FACT${YEAR.slice(0, 4)}0877`;

test.describe('the home page’s "À faire"', () => {
  test('lists the demo family’s unpaid invoice as a link, reached by the keyboard, and still shows offline', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    const todo = page.getByRole('region', { name: 'À faire' });
    await expect(todo.getByRole('heading', { level: 2, name: 'À faire' })).toBeVisible();
    const pay = todo.getByRole('link', { name: new RegExp(`^Payer la facture ${UNPAID} : 184,00\\s€`) });
    await expect(pay).toBeVisible();

    await context.setOffline(true);
    await page.reload();
    await expect(pay).toBeVisible();
    await tabTo(page, pay);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(UNPAID) })).toBeVisible();
    await context.setOffline(false);
  });

  test('"Signaler une absence" leads from the home page to the form', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.getByRole('link', { name: 'Signaler une absence' }).click();
    await expect(page).toHaveURL(/\/signaler-absence$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Signaler une absence' })).toBeVisible();
  });
});

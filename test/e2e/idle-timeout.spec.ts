import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm } from '../helpers/pages.ts';

// A short idle timeout for this file's server: 16 s, with the warning 12 s before the end.
test.use({ serverEnv: { SESSION_IDLE_SECONDS: '16', SESSION_IDLE_WARNING_SECONDS: '12' } });

test.describe('idle timeout', () => {
  test('warns before the end, "Prolonger la session" keeps it, doing nothing ends it', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'martin');
    const dialog = page.getByRole('dialog', { name: 'Votre session va expirer' });
    await expect(dialog).toBeVisible({ timeout: 10_000 });
    const extend = dialog.getByRole('button', { name: 'Prolonger la session' });
    await expect(extend).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect((await (await page.request.get(`${server.url}/api/session`)).json()).user).not.toBeNull();

    // Now let it run out: back to the sign-in page, told why, and the server session is gone.
    await expect(dialog).toBeVisible({ timeout: 10_000 });
    await page.waitForURL(/\/connexion/, { timeout: 20_000 });
    await expect(page.getByText(/session a expiré/).first()).toBeVisible();
    expect((await (await page.request.get(`${server.url}/api/session`)).json()).user).toBeNull();
  });
});

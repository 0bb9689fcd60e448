import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm } from '../helpers/pages.ts';

test.describe('accessibility mode', () => {
  test('the toggle on the sign-in page switches the mode and it survives a reload', async ({ page, server }) => {
    await page.goto(`${server.url}/connexion`);
    const toggle = page.getByRole('button', { name: /Mode accessibilité/ });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const before = await page.evaluate(() => getComputedStyle(document.body).fontSize);

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/a11y-mode/);
    const after = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));

    await page.reload();
    await expect(page.getByRole('button', { name: /Mode accessibilité/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/a11y-mode/);
  });

  test('once signed in, the choice is stored in the account and follows it to another device', async ({ browser, server }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await signInThroughForm(page, server.url, 'teacher');
    await page.getByRole('button', { name: /Mode accessibilité/ }).click();
    await expect(page.getByRole('button', { name: /Mode accessibilité/ })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await (await page.request.get(`${server.url}/api/session`)).json()).user.a11yMode).toBe(true);

    // A fresh device (empty storage): signing in brings the mode back.
    const second = await browser.newContext();
    const other = await second.newPage();
    await signInThroughForm(other, server.url, 'teacher');
    await expect(other.locator('html')).toHaveClass(/a11y-mode/);
    await expect(other.getByRole('button', { name: /Mode accessibilité/ })).toHaveAttribute('aria-pressed', 'true');

    // Leave the account as it was for the other tests.
    await other.getByRole('button', { name: /Mode accessibilité/ }).click();
    await expect.poll(async () => (await (await other.request.get(`${server.url}/api/session`)).json()).user.a11yMode).toBe(false);
    await first.close();
    await second.close();
  });
});

import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

// Makes and revokes the demo family's feed link: a server of its own, so no other file meets it.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'calendar' } });

test.describe('the family’s calendar', () => {
  test('Calendrier from the menu: a lesson and an event of this week; subscribe (text/calendar), revoke (404)', async ({ page, context, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Calendrier' }).click();
    await page.waitForURL(`${server.url}/calendrier`);
    await expect(page.getByRole('heading', { level: 1, name: 'Calendrier' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Semaine du / })).toBeVisible();

    // This week: the demo's rehearsal (an event) and Hugo's piano lesson (Thursdays, 17:00).
    const items = page.getByRole('listitem');
    await expect(items.filter({ hasText: 'Répétition générale' })).toContainText('Répétition');
    await expect(items.filter({ hasText: 'Répétition générale' })).toContainText('Cours : Chorale 1er cycle');
    await expect(items.filter({ hasText: 'Piano 1C4' }).first()).toContainText('17:00 – 17:45');

    // Next week and back, with the buttons.
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    await expect(items.filter({ hasText: 'Répétition générale' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Cette semaine' }).click();
    await expect(items.filter({ hasText: 'Répétition générale' })).toHaveCount(1);

    // Subscribe: a link, copied (announced), that answers iCalendar.
    await expect(page.getByRole('heading', { level: 2, name: 'S’abonner au calendrier' })).toBeVisible();
    await page.getByRole('button', { name: 'Créer le lien d’abonnement' }).click();
    const field = page.getByRole('textbox', { name: /^Lien d’abonnement/ });
    await expect(field).toBeFocused();
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/calendrier/[A-Za-z0-9_-]{43}\\.ics$`));
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lien copié.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const feed = await page.request.get(url, { headers: { cookie: '' } });
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('SUMMARY:Répétition : Répétition générale');
    expect(ics).toContain('SUMMARY:Piano 1C4');

    // Shown again after a reload (kept on this device).
    await page.reload();
    await expect(page.getByRole('textbox', { name: /^Lien d’abonnement/ })).toHaveValue(url);

    // Revoked: the old URL answers 404.
    await page.getByRole('button', { name: 'Révoquer le lien' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lien révoqué' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Créer le lien d’abonnement' })).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(404);
  });
});

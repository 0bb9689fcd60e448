import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';

/** The teacher's class "FM 1C1 A" (Lucie Lefèvre is in it): its page, and the href of its first lesson's roll call. */
async function openClass(page: Page, baseUrl: string) {
  await page.getByRole('link', { name: 'FM 1C1 A' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'FM 1C1 A' })).toBeVisible();
  const courseId = new URL(page.url()).pathname.split('/').pop()!;
  const rollCall = page.locator('#main a[href*="/appel/"]').first();
  const href = (await rollCall.getAttribute('href'))!;
  return { courseId, href, url: `${baseUrl}${href}`, date: href.split('/').pop()! };
}

/** What the focused element is, through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.tagName.toLowerCase(), type: (active as HTMLInputElement | null)?.type, value: (active as HTMLInputElement | null)?.value, id: active?.id };
  });

test.describe('teacher', () => {
  test('a roll call taken offline with the keyboard only is kept across a reload, sent when the network returns, and the family sees the absence', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'teacher');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    await expect(page.getByRole('heading', { level: 2, name: 'Cette semaine' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mes absences' })).toBeVisible();
    const lesson = await openClass(page, server.url);
    await expect(page.getByRole('rowheader', { name: 'Lefèvre Lucie' })).toBeVisible();

    await page.goto(lesson.url);
    const lucie = page.getByRole('group', { name: 'Lefèvre Lucie' });
    await expect(lucie.getByRole('radio', { name: 'Présent' })).toBeChecked();
    await context.setOffline(true);

    // Keyboard only: Tab to Lucie's choices, arrows to "Absent excusé", Tab to the reason, type it, Enter on the button.
    await tabTo(page, lucie.getByRole('radio', { name: 'Présent' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(lucie.getByRole('radio', { name: 'Absent excusé' })).toBeChecked();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', type: 'text' });
    await page.keyboard.type('Rendez-vous chez l’orthodontiste');
    // Tab goes on to the next student's choice (or the button after the last student), never back into Lucie's group.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next.type === 'submit' || (next.type === 'radio' && next.value === 'present'), JSON.stringify(next)).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Enregistrer l’appel' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'enregistré sur cet appareil' })).toBeVisible();

    // A reload offline shows the roll call as entered, waiting to be sent.
    await page.reload();
    await expect(lucie.getByRole('radio', { name: 'Absent excusé' })).toBeChecked();
    await expect(lucie.getByLabel('Motif')).toHaveValue('Rendez-vous chez l’orthodontiste');
    await expect(page.getByText('attend le réseau pour être envoyé')).toBeVisible();

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByText(/Appel fait le/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('attend le réseau pour être envoyé')).toHaveCount(0);
    await expect(lucie.getByRole('radio', { name: 'Absent excusé' })).toBeChecked();

    // The class page says so too.
    await page.goto(`${server.url}/enseignant/cours/${lesson.courseId}`);
    await expect(page.locator('#main tbody tr').filter({ has: page.locator(`a[href="${lesson.href}"]`) })).toContainText('Appel fait');

    // The family reads it on Lucie's course sheet.
    await page.getByRole('button', { name: 'Quitter' }).click();
    await page.waitForURL(`${server.url}/connexion`);
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const lucieHref = (await page.getByRole('link', { name: 'Lucie Lefèvre' }).first().getAttribute('href'))!;
    await page.goto(`${server.url}${lucieHref}/cours/${lesson.courseId}/absences`);
    await expect(page.getByRole('heading', { level: 1, name: 'FM 1C1 A' })).toBeVisible();
    await expect(page.locator('#main table')).toContainText('Rendez-vous chez l’orthodontiste');
  });

  test('the roll call (and the other teacher screens) fit a 320 px wide screen without scrolling sideways', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'teacher');
    await waitForSync(page);
    const lesson = await openClass(page, server.url);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(lesson.url);
    await expect(page.getByRole('button', { name: 'Enregistrer l’appel' })).toBeVisible();
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    // In the accessibility mode too (larger text, spacing), and on the other screens.
    await page.getByRole('button', { name: /Mode accessibilité/ }).click();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
    for (const path of ['/enseignant', `/enseignant/cours/${lesson.courseId}`, '/enseignant/absences']) {
      await page.goto(`${server.url}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.getByRole('button', { name: /Mode accessibilité/ }).click();
  });

  test('declaring an absence offline keeps the form; online it lists the cancelled lessons, which show "Annulé"; withdrawing asks first', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'teacher');
    await waitForSync(page);
    await page.getByRole('link', { name: 'Mes absences' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes absences' })).toBeVisible();
    await page.getByRole('button', { name: 'Déclarer une absence' }).click();
    // A Wednesday of the school year ahead of us: FM 1C1 A, FM 1C3 and the choir are on Wednesdays.
    const wednesday = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + ((3 - d.getDay() + 7) % 7 || 7));
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByRole('textbox', { name: 'Du', exact: true }).fill(wednesday);
    await page.getByRole('textbox', { name: 'Au', exact: true }).fill(wednesday);
    await page.getByLabel('Message aux familles').fill('Le cours est rattrapé le samedi suivant.');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await expect(page.getByRole('alert')).toContainText('demande le réseau');
    await expect(page.getByRole('textbox', { name: 'Du', exact: true })).toHaveValue(wednesday);
    await expect(page.getByLabel('Message aux familles')).toHaveValue('Le cours est rattrapé le samedi suivant.');

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Absence déclarée' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Séances annulées/ })).toBeVisible();
    await expect(page.locator('#main ul').filter({ hasText: 'FM 1C1 A' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Le cours est rattrapé' })).toContainText('Déclarée');

    // The class's lesson of that day says "Annulé", in words.
    await page.getByRole('link', { name: 'Mes classes' }).click();
    await page.getByRole('link', { name: 'FM 1C1 A' }).first().click();
    await expect(page.locator('#main tbody tr').filter({ has: page.locator(`a[href$="/appel/${wednesday}"]`) })).toContainText('Annulé');

    // Withdraw: a second button confirms, focused; nothing happens on the first press alone.
    await page.getByRole('link', { name: 'Mes absences' }).click();
    await page.getByRole('button', { name: /^Retirer/ }).click();
    const confirm = page.getByRole('button', { name: /^Confirmer le retrait/ });
    await expect(confirm).toBeFocused();
    await expect(page.getByRole('row').filter({ hasText: 'Le cours est rattrapé' })).toContainText('Déclarée');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'retirée' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Le cours est rattrapé' })).toContainText('Retirée');
  });
});

import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

// Declaring an absence cancels lessons that other files' families would see: a server of its own.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'teacher-absence' } });

/** The next Wednesday, today included ("YYYY-MM-DD"), in the browser's time zone: FM 1C1 A and the choir meet on Wednesdays. */
function nextWednesday(now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const d = new Date(today + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + ((3 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

test.describe('a teacher’s absence', () => {
  test('the secretariat declares it; the family sees the cancelled lesson on its home and on the course sheet; withdrawn, it goes', async ({ page, browser, server }) => {
    const day = nextWednesday();
    const longDay = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(day + 'T12:00:00Z'));

    await signInThroughForm(page, server.url, 'secretariat');
    await page.getByRole('link', { name: 'Enseignants et absences' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Enseignants' })).toBeVisible();
    await page.getByRole('link', { name: 'Absences de Mme Claire Roussillon' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Absences de Mme Claire Roussillon' })).toBeVisible();

    // An empty declaration: the error summary takes the focus.
    await page.getByRole('button', { name: 'Déclarer une absence' }).click();
    await expect(page.getByRole('textbox', { name: 'Du', exact: true })).toBeFocused();
    await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await expect(page.getByRole('alert')).toBeFocused();

    await page.getByRole('textbox', { name: 'Du', exact: true }).fill(day);
    await page.getByRole('textbox', { name: 'Au', exact: true }).fill(day);
    await page.getByLabel('Message aux familles').fill('Le cours est rattrapé le samedi suivant.');
    await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Absence déclarée' })).toBeVisible();
    const cancelled = page.getByRole('region', { name: 'Séances annulées par cette absence' });
    await expect(cancelled).toContainText('FM 1C1 A');
    await expect(cancelled).toContainText('Chorale 1er cycle');
    await expect(page.getByRole('table')).toContainText('Le cours est rattrapé le samedi suivant.');

    // The family, on another device.
    const familyContext = await browser.newContext();
    const family = await familyContext.newPage();
    await signInThroughForm(family, server.url, 'family');
    await waitForSync(family);
    const notice = family.getByRole('region', { name: 'Cours annulés' });
    await expect(notice).toContainText(`FM 1C1 A (Lucie) : cours du ${longDay} annulé — absence de Mme Roussillon`);
    await expect(notice).toContainText('Chorale 1er cycle (Hugo)');
    await expect(notice).toContainText('Le cours est rattrapé le samedi suivant.');

    // Lucie's FM sheet, reached from her courses.
    const lucie = (await family.getByRole('link', { name: 'Lucie Lefèvre' }).first().getAttribute('href'))!;
    await family.goto(`${server.url}${lucie}/cours`);
    await family.getByRole('link', { name: 'FM 1C1 A' }).click();
    await expect(family.getByRole('heading', { level: 1, name: 'FM 1C1 A' })).toBeVisible();
    const sheetNotice = family.getByRole('region', { name: 'Cours annulés' });
    await expect(sheetNotice).toContainText(`Cours du ${longDay} annulé — absence de Mme Roussillon`);
    await expect(sheetNotice).not.toContainText('Chorale');

    // Withdrawn (asked first): the family's next sync takes the notice away.
    await page.getByRole('button', { name: /^Retirer/ }).click();
    await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'retirée' })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('Retirée');
    await family.reload();
    await expect(family.getByRole('heading', { level: 1, name: 'FM 1C1 A' })).toBeVisible();
    await expect(family.getByRole('region', { name: 'Cours annulés' })).toHaveCount(0);
    await familyContext.close();
  });
});

import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

// Announcing absences and changing a student's contacts change what other files' pages show: a server of its own.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'contacts-absences' } });

/** The next Wednesday, today included ("YYYY-MM-DD"), in Paris: the choir and FM 1C1 A meet on Wednesdays. */
function nextWednesday(now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  const d = new Date(today + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + ((3 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** The source files a built script holds, read from its source map: chunks' names are the bundler's choice. */
async function sourcesOf(base: string, script: string): Promise<string[]> {
  // boot.js and intl-warm.js are written by hand, with no map: they hold no module.
  if (!script.startsWith('/assets/')) return [];
  const response = await fetch(`${base}${script}.map`);
  // A few stubs of two lines (the entry's, a re-export) have no map: no module of their own.
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${script}.map: ${response.status}`);
  const { sources } = (await response.json()) as { sources: string[] };
  // Relative to the built file: from the project's root on, wherever the build was written.
  return sources.map((source) => source.replace(/^(\.\.\/)+(?:.*?\/)??(?=(?:client|shared)\/)/, ''));
}

/** The course sheet's absence form and the areas of words only it needs (loaded when it opens). */
const FORM_PARTS = ['client/family/components/po-absence-notice-form.ts', ...['records', 'teacher', 'teaching', 'validation'].map((area) => `client/i18n/${area}-messages.ts`)];

const longDate = (day: string) => new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(day + 'T12:00:00Z'));

test.describe('the family’s year: absences announced, emergency contacts', () => {
  test('the family announces an absence from the course sheet; the teacher’s roll call shows it, pre-filled as excused', async ({ page, browser, server }) => {
    const day = nextWednesday();
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = (await page.getByRole('link', { name: 'Hugo Lefèvre' }).first().getAttribute('href'))!;
    await page.goto(`${server.url}${hugo}/cours`);
    await page.getByRole('link', { name: 'Chorale 1er cycle' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Chorale 1er cycle' })).toBeVisible();

    const open = page.getByRole('button', { name: 'Signaler une absence' });
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    // Nothing ticked: the summary takes the focus.
    await page.getByRole('button', { name: 'Signaler l’absence' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    // In words: the form's areas of messages load with it, not with the sheet.
    await expect(page.getByRole('alert')).toContainText('Choisissez entre 1 et');
    await page.getByRole('checkbox', { name: longDate(day) }).check();
    await page.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('Rendez-vous médical');
    await page.getByRole('button', { name: 'Signaler l’absence' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Absence signalée pour 1 cours' })).toBeVisible();

    // The absences tab lists it, with a way to withdraw it before the day.
    await page.getByRole('tab', { name: 'Absences' }).click();
    const announced = page.getByRole('region', { name: 'Absences signalées' });
    await expect(announced).toContainText('Rendez-vous médical');
    await expect(announced).toContainText('Signalée');
    await expect(announced.getByRole('button', { name: /Retirer/ })).toBeVisible();

    // The teacher, on another device.
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    await signInThroughForm(teacher, server.url, 'teacher');
    await waitForSync(teacher);
    await teacher.getByRole('link', { name: 'Chorale 1er cycle' }).first().click();
    await expect(teacher.getByRole('heading', { level: 1, name: 'Chorale 1er cycle' })).toBeVisible();
    await teacher.getByRole('link', { name: longDate(day) }).click();
    const line = teacher.getByRole('group', { name: 'Lefèvre Hugo' });
    await expect(line).toContainText('Absence signalée par la famille — motif : Rendez-vous médical');
    await expect(line.getByRole('radio', { name: 'Absent excusé' })).toBeChecked();
    await expect(teacher.getByRole('group', { name: /Théo/ }).getByRole('radio', { name: 'Présent' })).toBeChecked();
    await teacherContext.close();
  });

  test('the course sheet reads without the absence form’s scripts; a form that cannot be downloaded says the network is needed, then opens once it can', async ({ browser, page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = (await page.getByRole('link', { name: 'Hugo Lefèvre' }).first().getAttribute('href'))!;
    await page.goto(`${server.url}${hugo}/cours`);
    const sheet = (await page.getByRole('link', { name: 'Chorale 1er cycle' }).getAttribute('href'))!;
    // A device without the service worker's copies: what the sheet asks for is what it downloads.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addCookies(await page.context().cookies());
    const fresh = await context.newPage();
    const scripts: string[] = [];
    fresh.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    let refuse = true;
    await context.route(/\/assets\/[^/]+\.js$/, async (route) => {
      const held = await sourcesOf(server.url, new URL(route.request().url()).pathname);
      return refuse && held.some((source) => FORM_PARTS.includes(source)) ? route.abort('internetdisconnected') : route.continue();
    });
    await fresh.goto(`${server.url}${sheet}`);
    await expect(fresh.getByRole('heading', { level: 1, name: 'Chorale 1er cycle' })).toBeVisible();
    const open = fresh.getByRole('button', { name: 'Signaler une absence' });
    await expect(open).toBeVisible();
    // Reading the sheet asks for neither the form nor its words, nor the teacher's commands.
    const held = (await Promise.all(scripts.map((script) => sourcesOf(server.url, script)))).flat();
    expect(held.length).toBeGreaterThan(20);
    expect(held.filter((source) => [...FORM_PARTS, 'client/teacher/data/evaluation-commands.ts'].includes(source))).toEqual([]);

    await open.click();
    await expect(fresh.getByRole('alert')).toContainText('Cette action demande une connexion au réseau');
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    // Failing again is said again: a new alert, which screen readers announce, not the same one left there.
    const before = await fresh.getByRole('alert').elementHandle();
    await open.click();
    await expect.poll(() => before!.evaluate((element) => element.isConnected)).toBe(false);
    await expect(fresh.getByRole('alert')).toContainText('Cette action demande une connexion au réseau');
    // Browsers following the current HTML standard ask for a failed module again (this Chromium does).
    refuse = false;
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await expect(fresh.getByRole('button', { name: 'Signaler l’absence' })).toBeVisible();
    await expect(fresh.getByRole('alert')).toHaveCount(0);
    await context.close();
  });

  test('the family edits a student’s contacts; the secretariat approves them; the teacher’s roster shows them', async ({ page, browser, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const lucie = (await page.getByRole('link', { name: 'Lucie Lefèvre' }).first().getAttribute('href'))!;
    await page.goto(`${server.url}${lucie}`);
    await page.getByRole('link', { name: 'Personnes à prévenir et autorisées à récupérer l’enfant' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personnes à prévenir — Lucie Lefèvre' })).toBeVisible();

    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    const name = page.getByRole('textbox', { name: 'Nom et prénom' });
    await expect(name).toBeFocused();
    await name.fill('Jeanne Lefèvre');
    await page.getByRole('textbox', { name: 'Lien avec l’élève' }).fill('Grand-mère');
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('0612');
    await page.getByRole('group', { name: 'Peut récupérer l’enfant après le cours' }).getByRole('radio', { name: 'Oui' }).check();
    await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Téléphone' })).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'en attente de validation' })).toBeVisible();
    await expect(page.getByText('Modifié — en attente de validation par le secrétariat.')).toBeVisible();

    // The secretariat reads the list (not JSON) and approves it.
    const deskContext = await browser.newContext();
    const desk = await deskContext.newPage();
    await signInThroughForm(desk, server.url, 'secretariat');
    await desk.goto(`${server.url}/admin/demandes`);
    const request = desk.getByRole('region', { name: /Lucie Lefèvre/ });
    await expect(request).toContainText('Jeanne Lefèvre (Grand-mère)');
    await expect(request).toContainText('peut récupérer l’enfant : oui');
    await expect(request).not.toContainText('"mayPickUp"');
    await request.getByRole('button', { name: 'Approuver toute la demande' }).click();
    await expect(desk.getByRole('status').filter({ hasText: 'Lucie Lefèvre' })).toBeVisible();
    await deskContext.close();

    // The teacher of Lucie's FM class.
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    await signInThroughForm(teacher, server.url, 'teacher');
    await waitForSync(teacher);
    await teacher.getByRole('link', { name: 'FM 1C1 A' }).first().click();
    const row = teacher.getByRole('row', { name: /Lefèvre Lucie/ });
    await expect(row).toContainText('Jeanne Lefèvre (Grand-mère)');
    await expect(row).toContainText('peut récupérer l’enfant : oui');
    await expect(row.getByRole('link', { name: 'Appeler Jeanne Lefèvre au 06 12 34 56 78' })).toHaveAttribute('href', 'tel:0612345678');
    await teacherContext.close();
  });
});

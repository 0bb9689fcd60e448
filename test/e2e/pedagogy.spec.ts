import { createClient } from '@libsql/client';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';

/** The element that has focus, looking through shadow roots. */
async function focusedDescription(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', role: el?.getAttribute('role') ?? '', text: (el?.textContent ?? '').trim() };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, match: (f: { tag: string; role: string; text: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await focusedDescription(page))) return;
  }
  throw new Error('never reached with Tab');
}

async function hugoHref(page: Page) {
  await expect(page.getByRole('link', { name: 'Hugo Lefèvre' }).first()).toBeVisible();
  return (await page.getByRole('link', { name: 'Hugo Lefèvre' }).first().getAttribute('href'))!;
}

async function firstHref(links: Locator) {
  await expect(links.first()).toBeVisible();
  return (await links.first().getAttribute('href'))!;
}

test.describe('pedagogical follow-up', () => {
  test('keyboard only: from the course list to a course’s evaluations and one evaluation', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = await hugoHref(page);
    await page.goto(`${server.url}${hugo}/cours`);
    await expect(page.getByRole('heading', { level: 1, name: 'Cours de Hugo Lefèvre' })).toBeVisible();

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Piano 1C4');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${hugo}/cours/[^/]+$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Piano 1C4' })).toBeVisible();
    // (Focus on the new h1 after a link navigation is po-app's job; see the report: it lands on <body> today.)
    await expect(page).toHaveTitle('Piano 1C4 — Hugo Lefèvre — Portée');

    // Tab enters the tab list on the selected tab only (roving tabindex).
    await tabTo(page, (f) => f.role === 'tab');
    expect(await focusedDescription(page)).toMatchObject({ role: 'tab', text: 'Suivi' });
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/\/evaluations$/);
    const evaluationsTab = page.getByRole('tab', { name: 'Évaluations' });
    await expect(evaluationsTab).toHaveAttribute('aria-selected', 'true');
    await expect(evaluationsTab).toBeFocused();
    // The panel's content is slotted into <po-tabs>: read it there.
    await expect(page.getByRole('tabpanel', { name: 'Évaluations' })).toBeVisible();
    await expect(page.locator('po-tabs')).toContainText('The Little Shepherd');
    // End / Home / ArrowLeft wrap around the three tabs.
    await page.keyboard.press('End');
    await expect(page).toHaveURL(/\/absences$/);
    await expect(page.getByRole('tabpanel', { name: 'Absences' })).toBeVisible();
    await expect(page.locator('po-tabs')).toContainText('Sortie scolaire du collège');
    await page.keyboard.press('Home');
    await expect(page).toHaveURL(/\/suivi$/);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/\/absences$/);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/\/evaluations$/);
    await expect(page.getByRole('tab', { name: 'Évaluations' })).toBeFocused();

    // Each line opens its detail: Tab to the first evaluation's date, Enter.
    await tabTo(page, (f) => f.tag === 'a' && /novembre/.test(f.text));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/evaluations\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 2, name: /^Évaluation du 18 novembre/ })).toBeVisible();
    await expect(page.getByText('Interprétation sensible et maîtrisée', { exact: false })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation entre les lignes' })).toBeVisible();
  });

  test('the course table: headers, a link per course, "Actif" in words (ARIA snapshot)', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = await hugoHref(page);
    await page.goto(`${server.url}${hugo}/cours`);
    await expect(page.getByRole('table')).toMatchAriaSnapshot(`
      - table /Cours de l’année scolaire \\d{4}\\/\\d{4}/:
        - caption: /Cours de l’année scolaire/
        - rowgroup:
          - row "Cours Enseignant Cycle Salle Jour Début Durée Actif":
            - columnheader "Cours"
            - columnheader "Enseignant"
            - columnheader "Cycle"
            - columnheader "Salle"
            - columnheader "Jour"
            - columnheader "Début"
            - columnheader "Durée"
            - columnheader "Actif"
        - rowgroup:
          - row /FM 1C4 A/:
            - rowheader "FM 1C4 A":
              - link "FM 1C4 A"
            - cell "Mme Claire Roussillon"
            - cell "1C4"
            - cell "Salle Fauré"
            - cell "lundi"
            - cell "17:30"
            - cell /1 h.*30 min/
            - cell "Oui"
          - row /Chorale 1er cycle/:
            - rowheader "Chorale 1er cycle":
              - link "Chorale 1er cycle"
            - cell "Mme Claire Roussillon"
            - cell
            - cell "Salle Boulanger"
            - cell "mercredi"
            - cell "17:30"
            - cell "1 h"
            - cell "Oui"
          - row /Piano 1C4/:
            - rowheader "Piano 1C4":
              - link "Piano 1C4"
            - cell "Mme Hélène Vasseur"
            - cell "1C4"
            - cell "Salle Ravel"
            - cell "jeudi"
            - cell "17:00"
            - cell "45 min"
            - cell "Oui"
    `);
    // The course navigation: labelled, links named for courses, ends disabled, position.
    await page.getByRole('link', { name: 'FM 1C4 A' }).click();
    const nav = page.getByRole('navigation', { name: 'Navigation entre les cours' });
    await expect(nav.getByRole('link', { name: 'Cours précédent' })).toHaveAttribute('aria-disabled', 'true');
    await expect(nav.getByRole('link', { name: 'Premier cours' })).toHaveAttribute('aria-disabled', 'true');
    await expect(nav).toContainText('1 / 3');
    await nav.getByRole('link', { name: 'Cours suivant' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Chorale 1er cycle' })).toBeVisible();
    await nav.getByRole('link', { name: 'Dernier cours' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Piano 1C4' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Cours suivant' })).toHaveAttribute('aria-disabled', 'true');
    await page.getByRole('link', { name: 'Retour', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cours de Hugo Lefèvre' })).toBeVisible();
  });

  test('history (filter by year, entry tabs) and repertoire (whole comments, entry navigation)', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = await hugoHref(page);
    await page.goto(`${server.url}${hugo}/historique`);
    await expect(page.getByRole('heading', { level: 1, name: 'Historique de Hugo Lefèvre' })).toBeVisible();
    const rows = page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row');
    const all = await rows.count();
    expect(all).toBeGreaterThan(3);
    const years = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!.trim()));
    expect([...years].sort().reverse()).toEqual(years); // newest first
    const year = years[years.length - 1];
    await page.getByLabel('Année').selectOption(year);
    await expect(page).toHaveURL(new RegExp(`annee=${encodeURIComponent(year)}`));
    await expect(rows).not.toHaveCount(all);
    for (const text of await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!.trim()))) expect(text).toBe(year);

    await rows.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`— ${year.replace('/', '\\/')}$`) })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Historique' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: 'Commentaires' }).click();
    await expect(page).toHaveURL(/\/commentaires$/);
    await expect(page.getByRole('tabpanel', { name: 'Commentaires' })).toBeVisible();
    await expect(page.locator('po-tabs')).toContainText('Commentaire de fin d’année');
    await page.getByRole('tab', { name: 'Évaluations' }).click();
    await expect(page).toHaveURL(/\/evaluations$/);
    await expect(page.locator('po-tabs').getByRole('table')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation entre les fiches d’historique' })).toBeVisible();

    await page.goto(`${server.url}${hugo}/repertoire`);
    await expect(page.getByRole('heading', { level: 1, name: 'Répertoire de Hugo Lefèvre' })).toBeVisible();
    // The longest comment is there whole (the old extranet cut it with "…").
    await expect(page.getByRole('cell', { name: /Penser à respirer avant la reprise pour ne pas précipiter la fin\.$/ })).toBeVisible();
    await page.getByRole('link', { name: /Rêverie/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Rêverie/ })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigation entre les morceaux' });
    await nav.getByRole('link', { name: 'Premier morceau' }).click();
    await expect(nav.getByRole('link', { name: 'Morceau précédent' })).toHaveAttribute('aria-disabled', 'true');
    await expect(nav).toContainText(/1 \/ \d+/);
  });

  test('offline: a course sheet URL opens directly from the device', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    const hugo = await hugoHref(page);
    await page.goto(`${server.url}${hugo}/cours`);
    const sheet = await firstHref(page.getByRole('link', { name: 'Piano 1C4' }));

    await context.setOffline(true);
    await page.goto(`${server.url}${sheet}/evaluations`);
    await expect(page.getByRole('heading', { level: 1, name: 'Piano 1C4' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Évaluations' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('po-tabs')).toContainText('15/20');
    await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeVisible();
    await page.goto(`${server.url}${sheet}/absences`);
    await expect(page.getByRole('tab', { name: 'Absences' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('po-tabs')).toContainText('Sortie scolaire du collège');
    await page.goto(`${server.url}${hugo}/historique`);
    await expect(page.getByRole('table')).toBeVisible();
    await context.setOffline(false);
  });

  test('another family’s student and unknown ids: "introuvable", a way back, no data', async ({ page, server }) => {
    const db = createClient({ url: `file:${server.dbFile}`, timeout: 5000 });
    const { rows } = await db.execute(
      "SELECT s.id, s.first_name FROM student s JOIN user u ON u.family_id = s.family_id WHERE u.username = 'famille.martin'",
    );
    // Théo's FM 1C3: a course Hugo does not follow (they share the chorale, not this one).
    const { rows: courses } = await db.execute({
      sql: "SELECT e.course_id FROM enrollment e JOIN course c ON c.id = e.course_id WHERE e.student_id = ? AND c.name = 'FM 1C3'",
      args: [rows[0].id],
    });
    db.close();
    const theo = String(rows[0].id);
    expect(rows[0].first_name).toBe('Théo');

    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    for (const path of [`/eleves/${theo}/cours`, `/eleves/${theo}/cours/${courses[0].course_id}`, `/eleves/${theo}/cours/${courses[0].course_id}/evaluations`, `/eleves/${theo}/historique`, `/eleves/${theo}/repertoire`]) {
      await page.goto(`${server.url}${path}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Élève introuvable' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Retour à la famille' })).toBeVisible();
      await expect(page.locator('#main')).not.toContainText('Théo');
      await expect(page.locator('#main table')).toHaveCount(0);
    }

    const hugo = await (async () => {
      await page.goto(`${server.url}/accueil`);
      return hugoHref(page);
    })();
    await page.goto(`${server.url}${hugo}/cours/inconnu`);
    await expect(page.getByRole('heading', { level: 1, name: 'Cours introuvable' })).toBeVisible();
    await expect(page).toHaveTitle('Cours introuvable — Portée');
    await page.getByRole('link', { name: 'Retour à la liste des cours' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cours de Hugo Lefèvre' })).toBeVisible();
    // A course Hugo does not follow (Théo's FM 1C3) is not Hugo's course either.
    await page.goto(`${server.url}${hugo}/cours/${courses[0].course_id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Cours introuvable' })).toBeVisible();
    await page.goto(`${server.url}${hugo}/historique/inconnu`);
    await expect(page.getByRole('heading', { level: 1, name: 'Fiche introuvable' })).toBeVisible();
    await page.goto(`${server.url}${hugo}/repertoire/inconnu`);
    await expect(page.getByRole('heading', { level: 1, name: 'Fiche introuvable' })).toBeVisible();
  });

  test('/accueil: this week’s lessons, latest evaluation and absence per student', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Hugo Lefèvre' }) });
    await expect(card.getByRole('heading', { level: 4, name: 'Cours de la semaine' })).toBeVisible();
    await expect(card.getByRole('listitem')).toHaveCount(3);
    await expect(card.getByRole('listitem').nth(0)).toContainText(/lundi \d+ \S+ à 17:30/);
    await expect(card.getByRole('listitem').nth(0)).toContainText('Salle Fauré');
    await expect(card.getByRole('heading', { level: 4, name: 'Dernière évaluation' })).toBeVisible();
    await expect(card).toContainText('15,5/20');
    await expect(card).toContainText('non excusée');
    await card.getByRole('link', { name: 'Piano 1C4' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Piano 1C4' })).toBeVisible();
  });

  test('320 px wide: no screen scrolls sideways', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = await hugoHref(page);
    await page.goto(`${server.url}${hugo}/cours`);
    const sheet = await firstHref(page.getByRole('link', { name: 'Piano 1C4' }));
    await page.goto(`${server.url}${sheet}/evaluations`);
    const evaluation = await firstHref(page.locator('po-tabs').getByRole('link'));
    await page.goto(`${server.url}${hugo}/historique`);
    const entry = await firstHref(page.getByRole('table').getByRole('link'));
    await page.goto(`${server.url}${hugo}/repertoire`);
    const piece = await firstHref(page.getByRole('table').getByRole('link'));

    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of [
      '/accueil', hugo, `${hugo}/cours`, sheet, `${sheet}/evaluations`, `${sheet}/absences`, evaluation,
      `${hugo}/historique`, entry, `${entry}/evaluations`, `${entry}/commentaires`, `${hugo}/repertoire`, piece, `${hugo}/cours/inconnu`,
    ]) {
      await page.goto(`${server.url}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Chargement…')).toHaveCount(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
  });
});

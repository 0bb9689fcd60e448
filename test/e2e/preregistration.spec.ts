import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@libsql/client';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo } from '../helpers/pages.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const EMAIL = 'sophie.durand@exemple.fr';

async function expectNoAxeViolations(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/** Rows of the server's database (the e2e server's own file). */
async function query<T = Record<string, unknown>>(dbFile: string, sql: string, args: unknown[] = []): Promise<T[]> {
  const db = createClient({ url: `file:${dbFile}`, timeout: 5000 });
  try {
    return (await db.execute({ sql, args: args as never })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

/** The mails sent to `to` whose subject contains `subject`, waiting for the first one (mail leaves after the answer). */
async function mailsTo(dbFile: string, to: string, subject: string) {
  let mails: Array<{ subject: string; text: string }> = [];
  await expect
    .poll(async () => {
      mails = await query<{ subject: string; text: string }>(dbFile, 'SELECT subject, text FROM mail_outbox WHERE "to" = ? AND subject LIKE ?', [to, `%${subject}%`]);
      return mails.length;
    })
    .toBeGreaterThan(0);
  return mails;
}

/** Tabs to a field and types into it: the keyboard, nothing else. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

async function setMode(page: Page, on: boolean) {
  const toggle = page.getByRole('button', { name: /Mode accessibilité/ });
  if (((await toggle.getAttribute('aria-pressed')) === 'true') !== on) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', on ? 'true' : 'false');
}

test.describe('pre-registration', () => {
  test('typed with the keyboard only, sent, accepted by the secretariat; the family chooses its password and signs in', async ({ page, browser, server }) => {
    test.setTimeout(120_000);
    // From the sign-in page's "Pré-inscription" link, with the keyboard.
    await page.goto(`${server.url}/connexion`);
    await tabTo(page, page.getByRole('link', { name: 'Pré-inscription' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/preinscription`);
    const opened = Date.now();
    await expect(page.getByRole('heading', { level: 1, name: 'Pré-inscription' })).toBeFocused();
    await expect(page.getByLabel('Site')).toHaveValue(/.+/);
    await expect(page.getByLabel('Site').locator('option:checked')).toHaveText('Mantes');
    const discipline = page.getByRole('combobox', { name: 'Discipline souhaitée', exact: true }).first();
    await expect(discipline.locator('option', { hasText: 'Piano' })).toHaveCount(1);

    const responsible = page.getByRole('group', { name: 'Responsable de l’enfant' });
    await tabTo(page, responsible.getByLabel('Civilité'));
    await page.keyboard.type('Mme');
    await expect(responsible.getByLabel('Civilité')).toHaveValue('Mme');
    await typeInto(page, responsible.getByRole('textbox', { name: 'Nom', exact: true }), 'Durand');
    await typeInto(page, responsible.getByRole('textbox', { name: 'Prénom', exact: true }), 'Sophie');
    await typeInto(page, responsible.getByLabel('Adresse'), '12 rue des Écoles');
    await typeInto(page, responsible.getByLabel('Code postal'), '78711');
    await typeInto(page, responsible.getByLabel('Ville'), 'Mantes-la-Ville');
    await typeInto(page, responsible.getByLabel('Mobile'), '06 12 34 56 78');
    await typeInto(page, responsible.getByLabel('E-mail'), EMAIL);

    const first = page.getByRole('group', { name: 'Enfant 1' });
    await typeInto(page, first.getByRole('textbox', { name: 'Prénom de l’enfant', exact: true }), 'Léa');
    await typeInto(page, first.getByRole('textbox', { name: 'Nom de l’enfant', exact: true }), 'Durand');
    // Day and month alike: the same keys whatever order the browser's date field shows them in.
    await typeInto(page, first.getByLabel('Date de naissance'), '03032016');
    await expect(first.getByLabel('Date de naissance')).toHaveValue('2016-03-03');
    await typeInto(page, first.getByRole('combobox', { name: 'Discipline souhaitée', exact: true }), 'Piano');
    await expect(first.getByRole('combobox', { name: 'Discipline souhaitée', exact: true })).toHaveValue('Piano');
    await typeInto(page, first.getByLabel('Niveau'), 'D');
    await expect(first.getByLabel('Niveau')).toHaveValue('debutant');
    await typeInto(page, first.getByLabel('Disponibilités'), 'mercredi après-midi');

    // A second child: the focus goes to its first field.
    await tabTo(page, page.getByRole('button', { name: 'Ajouter un enfant' }));
    await page.keyboard.press('Enter');
    const second = page.getByRole('group', { name: 'Enfant 2' });
    await expect(second.getByRole('textbox', { name: 'Prénom de l’enfant', exact: true })).toBeFocused();
    await page.keyboard.type('Tom');
    await typeInto(page, second.getByRole('textbox', { name: 'Nom de l’enfant', exact: true }), 'Durand');
    await typeInto(page, second.getByLabel('Date de naissance'), '09092012');
    await typeInto(page, second.getByRole('combobox', { name: 'Discipline souhaitée', exact: true }), 'Piano');
    await typeInto(page, second.getByLabel('Niveau'), '1');

    // Sent without the consent: the summary takes the focus and names it; nothing typed is lost.
    await tabTo(page, page.getByRole('button', { name: 'Envoyer la pré-inscription' }));
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect(alert).toBeFocused();
    await expect(alert).toContainText('Cochez la case');
    await expect(second.getByRole('textbox', { name: 'Prénom de l’enfant', exact: true })).toHaveValue('Tom');
    await expectNoAxeViolations(page, '/preinscription (erreurs)');
    await setMode(page, true);
    await expectNoAxeViolations(page, '/preinscription (erreurs, mode accessibilité)');
    await setMode(page, false);

    // The summary's link leads to the checkbox; Space ticks it.
    await tabTo(page, alert.getByRole('link', { name: /Cochez la case/ }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('checkbox', { name: /J’accepte/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: /J’accepte/ })).toBeChecked();
    // The server refuses an application sent faster than a person types one (3 s).
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - opened)));
    await tabTo(page, page.getByRole('button', { name: 'Envoyer la pré-inscription' }));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/preinscription\/confirmation\?reference=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Pré-inscription envoyée' })).toBeFocused();
    const reference = (await page.locator('dd.reference').textContent())!.trim();
    expect(reference).toMatch(/^PI-\d{4}-[A-Z0-9]+$/);
    await expect(page.getByText(`envoyé à ${EMAIL}`)).toBeVisible();
    await expectNoAxeViolations(page, '/preinscription/confirmation');
    const received = await mailsTo(server.dbFile, EMAIL, 'pré-inscription reçue');
    expect(received[0].text).toContain(reference);
    // Sent: the draft is gone, the form opens empty.
    await page.goto(`${server.url}/preinscription`);
    await expect(page.getByRole('group', { name: 'Responsable de l’enfant' }).getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('');

    // The secretariat, in its own browser context.
    const desk = await browser.newContext();
    const admin = await desk.newPage();
    await signInThroughForm(admin, server.url, 'secretariat');
    await admin.getByRole('link', { name: 'Pré-inscriptions' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Pré-inscriptions' })).toBeFocused();
    const row = admin.getByRole('row', { name: new RegExp(reference) });
    await expect(row).toContainText('Sophie Durand');
    await expect(row).toContainText('nouvelle');
    await expect(row).toContainText('2');
    await expectNoAxeViolations(admin, '/admin/preinscriptions');
    await admin.getByLabel('Statut').selectOption('accepted');
    await admin.getByRole('button', { name: 'Afficher' }).click();
    await expect(admin.getByText('Aucune pré-inscription « acceptée ».')).toBeVisible();
    await expect(admin).toHaveURL(/statut=accepted/);
    await admin.getByLabel('Statut').selectOption('');
    await admin.getByRole('button', { name: 'Afficher' }).click();

    await row.getByRole('link', { name: reference }).click();
    await expect(admin.getByRole('heading', { level: 1, name: `Pré-inscription ${reference}` })).toBeFocused();
    await expect(admin.getByRole('heading', { name: 'Léa Durand' })).toBeVisible();
    await expect(admin.getByRole('heading', { name: 'Familles déjà connues' })).toBeVisible();
    await expectNoAxeViolations(admin, '/admin/preinscriptions/:id');
    await setMode(admin, true);
    await expectNoAxeViolations(admin, '/admin/preinscriptions/:id (mode accessibilité)');
    await setMode(admin, false);

    // A refusal needs its reason.
    await admin.getByRole('button', { name: 'Refuser' }).click();
    await expect(admin.getByRole('alert')).toContainText('Indiquez le motif du refus.');
    // A double click accepts once.
    await admin.getByRole('button', { name: 'Accepter', exact: true }).dblclick();
    const done = admin.getByRole('status').filter({ hasText: 'acceptée' });
    await expect(done).toContainText('Identifiant du compte');
    const username = /Identifiant du compte : ([^\s.]+(?:\.[^\s.]+)*)\./.exec((await done.textContent())!)![1];
    expect(username).toBe('sophie.durand');
    await expect(admin.getByText('Statut : acceptée')).toBeVisible();
    await expect(admin.getByRole('link', { name: 'Ouvrir la fiche de la famille' })).toBeVisible();
    const families = await query(server.dbFile, 'SELECT id FROM family WHERE email = ?', [EMAIL]);
    expect(families).toHaveLength(1);
    const students = await query(server.dbFile, 'SELECT first_name FROM student WHERE family_id = ? ORDER BY first_name', [(families[0] as { id: string }).id]);
    expect(students.map((s) => (s as { first_name: string }).first_name)).toEqual(['Léa', 'Tom']);
    await desk.close();

    // The e-mailed link: the family chooses its password, then signs in with the identifiant.
    const [linkMail] = await mailsTo(server.dbFile, EMAIL, 'choisir un nouveau mot de passe');
    const link = /https?:\/\/\S+\/mot-de-passe-perdu\/nouveau\?jeton=\S+/.exec(linkMail.text)![0];
    await page.goto(link);
    await page.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('Durand-famille-2026');
    await page.getByRole('textbox', { name: 'Confirmation' }).fill('Durand-famille-2026');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/connexion/);
    await page.getByLabel('Identifiant').fill(username);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Durand-famille-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${server.url}/accueil`);
    await expect(page.getByText('Léa Durand').first()).toBeVisible();
  });

  test('what is typed is kept on the device: a reload gives it back', async ({ page, server }) => {
    await page.goto(`${server.url}/preinscription`);
    const responsible = page.getByRole('group', { name: 'Responsable de l’enfant' });
    await responsible.getByRole('textbox', { name: 'Nom', exact: true }).fill('Hors-Ligne');
    await page.getByRole('group', { name: 'Enfant 1' }).getByRole('textbox', { name: 'Prénom de l’enfant', exact: true }).fill('Zoé');
    await page.reload();
    await expect(page.getByText('Votre saisie précédente a été retrouvée sur cet appareil.')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Responsable de l’enfant' }).getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('Hors-Ligne');
    await expect(page.getByRole('group', { name: 'Enfant 1' }).getByRole('textbox', { name: 'Prénom de l’enfant', exact: true })).toHaveValue('Zoé');
    await expectNoAxeViolations(page, '/preinscription (brouillon retrouvé)');
    await page.goto(`${server.url}/confidentialite`);
    await expect(page.getByRole('heading', { level: 1, name: 'Vos données personnelles' })).toBeVisible();
    await expectNoAxeViolations(page, '/confidentialite');
  });

  test('320 px wide: no horizontal scroll on the form and the confirmation', async ({ page, server }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/preinscription', '/preinscription/confirmation?reference=PI-2026-ABCDEF', '/confidentialite']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

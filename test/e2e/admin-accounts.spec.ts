import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo } from '../helpers/pages.ts';

// Disables a demo account: a server of its own, so no other file meets it disabled.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'admin-accounts' } });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

test.describe('the desk’s families and accounts', () => {
  test('keyboard only: a new family with its account, then its welcome letter page (and PDF)', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles`);
    await tabTo(page, page.getByRole('link', { name: 'Nouvelle famille' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/admin/familles/nouvelle`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle famille' })).toBeFocused();

    // Sent empty first: the summary takes the focus and names each field.
    await tabTo(page, page.getByRole('button', { name: 'Créer la famille' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('Nom');

    await tabTo(page, page.getByLabel('Civilité'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Civilité')).toHaveValue('Mme');
    for (const [name, value] of [['Nom', 'Rivière'], ['Prénom', 'Noé'], ['Code postal', '78200'], ['Ville', 'Mantes-la-Jolie'], ['E-mail', ' Noe.Riviere@Exemple.fr']]) {
      await tabTo(page, page.getByRole('textbox', { name, exact: true }));
      await page.keyboard.type(value);
    }
    await expect(page.getByRole('checkbox', { name: 'Créer aussi son compte' })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Créer la famille' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Famille créée' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'est créée' })).toContainText(
      'La famille Rivière Noé est créée, avec le compte noe.riviere : un lien pour choisir le mot de passe a été envoyé à noe.riviere@exemple.fr.',
    );
    await expect(page.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('');

    await tabTo(page, page.getByRole('link', { name: 'Lettre d’accueil du compte noe.riviere' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Lettre d’accueil — noe.riviere' })).toBeFocused();
    const letter = page.getByRole('article', { name: 'La lettre' });
    await expect(letter).toContainText('Identifiant : noe.riviere');
    await expect(letter).toContainText('Site : Mantes');
    await expect(letter).toContainText(`Adresse du portail : ${server.url}`);
    await expect(letter).toContainText('« Mot de passe perdu »');
    await expect(letter).toContainText('noe.riviere@exemple.fr');
    await expect(letter).toContainText('Mme Noé Rivière');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger en PDF' }).click();
    expect((await download).suggestedFilename()).toBe('lettre-accueil-noe.riviere.pdf');
    await expect(page.getByRole('status').filter({ hasText: 'Lettre prête' })).toContainText('lettre-accueil-noe.riviere.pdf');

    await page.getByRole('link', { name: 'Retour à la fiche famille' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fiche famille — Rivière Noé');
    await expect(page.getByRole('row', { name: /noe\.riviere/ })).toContainText('noe.riviere@exemple.fr');
  });

  test('an account disabled at the desk is signed out at once and cannot sign in; re-enabled, it can', async ({ page, server }) => {
    const sites = (await (await fetch(`${server.url}/api/sites`)).json()) as Array<{ id: string; name: string }>;
    const signIn = (password: string) =>
      fetch(`${server.url}/api/session/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteId: sites.find((s) => s.name === 'Mantes')!.id, username: 'famille.martin', password }),
      });
    const signedIn = await signIn('Portee-demo-2026');
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    // Whether the cookie still opens the account (GET /api/session answers a signed-out state otherwise).
    const sessionStatus = async () => ((await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as { user: unknown }).user ? 200 : 401;
    expect(await sessionStatus()).toBe(200);

    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles?q=famille.martin`);
    await page.getByRole('link', { name: 'M. Martin Julien' }).click();
    const row = page.getByRole('row', { name: /famille\.martin/ });
    await tabTo(page, page.getByRole('button', { name: 'Gérer le compte famille.martin' }));
    await page.keyboard.press('Enter');
    await expect(row).toContainText('Compte actif : il peut se connecter.');
    await tabTo(page, page.getByRole('button', { name: 'Désactiver famille.martin' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Désactiver le compte famille.martin ?' });
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'désactivé' })).toContainText('Le compte famille.martin est désactivé');
    await expect(row.getByRole('cell').nth(1)).toHaveText('Désactivé');

    expect(await sessionStatus()).toBe(401);
    const wrong = await signIn('Pas-le-bon');
    const refused = await signIn('Portee-demo-2026');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(await wrong.json());

    // The focus came back to the same button, now "Réactiver".
    await expect(page.getByRole('button', { name: 'Réactiver famille.martin' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Réactiver le compte famille.martin ?' }).getByRole('button', { name: 'Annuler' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'réactivé' })).toContainText('Le compte famille.martin est réactivé');
    expect((await signIn('Portee-demo-2026')).status).toBe(200);
  });

  test('a new teacher and their account; at 320 px the new family form needs no sideways scrolling', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/enseignants/nouveau`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvel enseignant' })).toBeVisible();
    await page.getByLabel('Civilité').selectOption('M.');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Marçais');
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Étienne');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('etienne.marcais@exemple.fr');
    await page.getByRole('textbox', { name: 'Disciplines' }).fill('Piano');
    await page.getByRole('button', { name: 'Créer l’enseignant' }).click();
    await expect(page.getByRole('heading', { name: 'Enseignant créé' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Marçais' })).toContainText('avec le compte etienne.marcais');

    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/admin/familles/nouvelle`);
    await expect(page.getByRole('button', { name: 'Créer la famille' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('axe finds nothing on the new screens and the account panel, in both modes; targets are 44 px in accessibility mode', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    const toggle = page.getByRole('button', { name: /Mode accessibilité/ });
    for (const mode of ['normal', 'accessibilité']) {
      if (mode === 'accessibilité') await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', mode === 'accessibilité' ? 'true' : 'false');
      await page.goto(`${server.url}/admin/familles/nouvelle`);
      await page.getByRole('button', { name: 'Créer la famille' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectAccessible(page, `${mode}: new family with errors`);
      await page.goto(`${server.url}/admin/enseignants/nouveau`);
      await expectAccessible(page, `${mode}: new teacher`);

      await page.goto(`${server.url}/admin/familles?q=famille.demo`);
      await page.getByRole('link', { name: 'Mme Lefèvre Camille' }).click();
      const manage = page.getByRole('button', { name: 'Gérer le compte famille.demo' });
      await manage.click();
      await page.getByRole('button', { name: 'Modifier l’e-mail du compte famille.demo' }).click();
      await page.getByRole('textbox', { name: /Nouvelle adresse e-mail/ }).fill('pas-une-adresse');
      await page.getByRole('button', { name: 'Enregistrer l’e-mail' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'adresse e-mail valide' })).toBeVisible();
      await expectAccessible(page, `${mode}: family page with the account panel`);
      if (mode === 'accessibilité') {
        for (const target of [manage, page.getByRole('link', { name: 'Lettre d’accueil (page) du compte famille.demo' })]) {
          expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
        }
      }
      await page.getByRole('link', { name: 'Lettre d’accueil (page) du compte famille.demo' }).click();
      await expect(page.getByRole('article', { name: 'La lettre' })).toContainText('Identifiant : famille.demo');
      await expectAccessible(page, `${mode}: welcome letter`);
    }
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
});

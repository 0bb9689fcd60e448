import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../test/helpers/fixtures.ts';
import { signInThroughForm, waitForSync, type DemoRole } from '../test/helpers/pages.ts';
import { summarise, writeReport, type AuditEntry } from './report.ts';
import { AUDITED_ROUTES } from './routes.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const MODES = ['normal', 'accessibilité'] as const;
const entries: AuditEntry[] = [];

async function audit(page: Page, role: string, mode: AuditEntry['mode'], target: string) {
  // Let the page settle (lazy page module, live queries) before judging it.
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const entry = { role, mode, target, ...summarise(result) };
  entries.push(entry);
  return entry;
}

async function setMode(page: Page, mode: AuditEntry['mode']) {
  const toggle = page.getByRole('button', { name: /Mode accessibilité/ });
  const pressed = (await toggle.getAttribute('aria-pressed')) === 'true';
  if (pressed !== (mode === 'accessibilité')) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', mode === 'accessibilité' ? 'true' : 'false');
}

function expectClean(entry: AuditEntry) {
  const problems = entry.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(problems, `${entry.role} ${entry.mode} ${entry.target}`).toEqual([]);
}

/** Real ids for the pedagogy screens' placeholders, from the links of Hugo Lefèvre's pages. */
async function readPedagogyIds(page: Page, base: string): Promise<Record<string, string>> {
  await page.goto(`${base}/accueil`);
  const hugo = (await page.getByRole('link', { name: 'Hugo Lefèvre' }).first().getAttribute('href'))!;
  const ids: Record<string, string> = { student: hugo.split('/').pop()! };
  for (const [key, section] of [['course', 'cours'], ['enrollment', 'historique'], ['entry', 'repertoire']]) {
    await page.goto(`${base}${hugo}/${section}`);
    const href = await page.locator('main table a, #main table a').first().getAttribute('href');
    ids[key] = href!.split('/').pop()!;
  }
  // One line of each of the course sheet's tabs, and an invoice.
  for (const [key, tab] of [['note', 'suivi'], ['evaluation', 'evaluations'], ['absence', 'absences']]) {
    await page.goto(`${base}${hugo}/cours/${ids.course}/${tab}`);
    const href = await page.locator('main table a, #main table a').first().getAttribute('href');
    ids[key] = href!.split('/').pop()!;
  }
  await page.goto(`${base}/famille/facturation`);
  ids.invoice = (await page.getByRole('link', { name: /^Voir la facture / }).first().getAttribute('href'))!.split('/').pop()!;
  return ids;
}

/** A class of the teacher and one of its lesson days, from the links of /enseignant and the class's page. */
async function readTeacherIds(page: Page, base: string): Promise<Record<string, string>> {
  await waitForSync(page);
  const classHref = (await page.locator('#main a[href^="/enseignant/cours/"]').first().getAttribute('href'))!;
  await page.goto(`${base}${classHref}`);
  const lessonHref = (await page.locator('#main a[href*="/appel/"]').first().getAttribute('href'))!;
  return { course: classHref.split('/').pop()!, lesson: lessonHref.split('/').pop()! };
}

/** A family, a teacher with classes and one of their classes, as the secretariat's API lists them. */
async function readFamilyId(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const families = (await (await fetch('/api/admin/billing/families')).json()) as Array<{ id: string }>;
    const { teachers } = (await (await fetch('/api/admin/teachers')).json()) as { teachers: Array<{ id: string; courses: number }> };
    const teacher = teachers.find((t) => t.courses > 0)!;
    const { courses } = (await (await fetch(`/api/admin/teachers/${teacher.id}`)).json()) as { courses: Array<{ id: string }> };
    return { family: families[0].id, teacher: teacher.id, course: courses[0].id };
  });
}

test.describe('accessibility audit', () => {
  test.afterAll(() => writeReport(entries));

  for (const mode of MODES) {
    test(`anonymous screens — ${mode}`, async ({ page, server }) => {
      await page.goto(`${server.url}/connexion`);
      await setMode(page, mode);
      for (const route of AUDITED_ROUTES.anonymous) {
        await page.goto(`${server.url}${route}`);
        expectClean(await audit(page, 'anonyme', mode, route));
      }
      // States reached by an action: sign-in errors, refused credentials, lost-password errors.
      await page.goto(`${server.url}/connexion`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expectClean(await audit(page, 'anonyme', mode, '/connexion (erreurs)'));
      await page.getByLabel('Identifiant').fill('compte.inconnu');
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('mauvais-mot-de-passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert')).toContainText('incorrect');
      expectClean(await audit(page, 'anonyme', mode, '/connexion (identifiants refusés)'));
      await page.goto(`${server.url}/mot-de-passe-perdu`);
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expectClean(await audit(page, 'anonyme', mode, '/mot-de-passe-perdu (erreurs)'));
    });

    // Before the device's first pull every screen says it is synchronising: audited with the pull
    // held (no networkidle to wait for then), on the billing page.
    test(`loading state before the first sync — ${mode}`, async ({ page, server }) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/api\/sync\?/, async (route) => {
        await released;
        await route.continue().catch(() => undefined);
      });
      await signInThroughForm(page, server.url, 'family');
      await setMode(page, mode);
      await page.goto(`${server.url}/famille/facturation`);
      await expect(page.getByRole('status').filter({ hasText: 'Synchronisation en cours' })).toBeVisible();
      const entry = { role: 'family', mode, target: '/famille/facturation (synchronisation en cours)', ...summarise(await new AxeBuilder({ page }).withTags(TAGS).analyze()) };
      entries.push(entry);
      expectClean(entry);
      release();
      await setMode(page, 'normal');
    });

    for (const role of ['family', 'secretariat', 'teacher'] as DemoRole[]) {
      test(`${role} screens — ${mode}`, async ({ page, server }) => {
        // Each screen costs an axe run of a few seconds: the family's many screens need more than the default minute.
        test.setTimeout(60_000 + AUDITED_ROUTES[role].length * 8_000);
        await signInThroughForm(page, server.url, role);
        await setMode(page, mode);
        let studentHref: string | null = null;
        if (role === 'family') {
          await waitForSync(page);
          studentHref = await page.getByRole('link', { name: /Lefèvre/ }).first().getAttribute('href');
        }
        // :course, :enrollment, :entry — Hugo's (he has courses, history and repertoire), read from his pages' links.
        const pedagogyIds = role === 'family' ? await readPedagogyIds(page, server.url) : role === 'secretariat' ? await readFamilyId(page) : await readTeacherIds(page, server.url);
        for (const route of AUDITED_ROUTES[role]) {
          const withIds = route.includes('/eleves/:student/') && pedagogyIds.student ? route.replace(':student', pedagogyIds.student) : route;
          await page.goto(`${server.url}${withIds.replace('/eleves/:student', studentHref ?? '/eleves/x').replace(/:(course|enrollment|entry|note|evaluation|absence|invoice|family|lesson|teacher)\b/g, (_, k: string) => pedagogyIds[k] ?? 'x')}`);
          const entry = await audit(page, role, mode, route);
          // A route with real ids must show its record, not a "not found" page.
          if (route.includes(':') && !route.includes('inconnu')) await expect(page.locator('h1').first()).not.toContainText(/introuvable/i);
          expectClean(entry);
        }
        if (role === 'teacher') {
          // The absence form, opened and sent empty: its errors.
          await page.goto(`${server.url}/enseignant/absences`);
          await page.getByRole('button', { name: 'Déclarer une absence' }).click();
          await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
          await expect(page.getByRole('alert')).toBeVisible();
          expectClean(await audit(page, role, mode, '/enseignant/absences (erreurs)'));
        }
        await page.goto(`${server.url}/mot-de-passe`);
        await page.getByRole('button', { name: 'Modifier le mot de passe' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        expectClean(await audit(page, role, mode, '/mot-de-passe (erreurs)'));
        // The mode is stored in the account: leave it as found for the other tests.
        await setMode(page, 'normal');
      });
    }
  }
});

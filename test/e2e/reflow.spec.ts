import type { Page } from '@playwright/test';
import { applyTextSpacing, measureLayout } from '../../a11y/layout-checks.ts';
import { MODES, readRouteIds, setMode, withRouteIds, type Mode } from '../../a11y/screens.ts';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, type DemoRole } from '../helpers/pages.ts';

/**
 * Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on every main screen, in both modes.
 *
 * The window is 320 CSS px wide. That is also what a 1280 px window shows at 400 % zoom: zooming
 * divides the CSS pixels available by the zoom factor (1280 / 4 = 320), so media queries, layout
 * and overflow are the same; one width tests both.
 */
test.use({ viewport: { width: 320, height: 640 } });

/** The main screens per role (their error and "not found" variants share these layouts). */
const MAIN_SCREENS: Record<'anonymous' | 'family' | 'secretariat' | 'teacher', string[]> = {
  anonymous: ['/connexion', '/mot-de-passe-perdu', '/accessibilite', '/preinscription'],
  family: [
    '/accueil',
    '/famille',
    '/famille/eleves',
    '/eleves/:student',
    '/eleves/:student/cours/:course',
    '/eleves/:student/cours/:course/evaluations',
    '/eleves/:student/historique',
    '/eleves/:student/repertoire',
    '/famille/documents',
    '/famille/facturation',
    '/famille/facturation/factures/:invoice',
    '/mot-de-passe',
    '/calendrier',
    '/eleves/:student/contacts',
    '/signaler-absence',
    '/famille/reinscription',
    '/famille/attestations/paiement/:year',
    '/eleves/:student/attestation',
  ],
  secretariat: ['/admin', '/admin/facturation', '/admin/demandes', '/admin/familles', '/admin/familles/:family', '/admin/documents', '/admin/comptes', '/admin/enseignants', '/admin/cours', '/admin/cours/:course/inscriptions', '/admin/messages', '/admin/preinscriptions', '/admin/familles/nouvelle', '/admin/reinscriptions'],
  teacher: ['/enseignant', '/enseignant/cours/:course', '/enseignant/cours/:course/appel/:lesson', '/enseignant/absences', '/enseignant/cours/:course/evaluations', '/calendrier'],
};

/** The page at 320 px: no sideways scrolling, scrollers labelled, nothing clipped; then the same with WCAG 1.4.12 spacing. */
async function expectReflows(page: Page, label: string) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const plain = await measureLayout(page);
  expect.soft(plain.overflow, `${label}: wider than 320 px by — ${plain.wide.join(', ')}`).toBe(0);
  expect.soft(plain.unlabelledScrollers, `${label}: scrolling boxes not a labelled, focusable region`).toEqual([]);
  expect.soft(plain.clipped, `${label}: clipped text`).toEqual([]);
  await applyTextSpacing(page);
  const spaced = await measureLayout(page);
  expect.soft(spaced.overflow, `${label} with text spacing: wider than 320 px by — ${spaced.wide.join(', ')}`).toBe(0);
  expect.soft(spaced.clipped, `${label} with text spacing: clipped text`).toEqual([]);
}

test.describe('reflow at 320 px and text spacing', () => {
  for (const mode of MODES as Mode[]) {
    test(`anonymous screens — ${mode}`, async ({ page, server }) => {
      await page.goto(`${server.url}/connexion`);
      await setMode(page, mode);
      for (const route of MAIN_SCREENS.anonymous) {
        await page.goto(`${server.url}${route}`);
        await expectReflows(page, `${mode} ${route}`);
      }
    });

    for (const role of ['family', 'secretariat', 'teacher'] as DemoRole[]) {
      test(`${role} screens — ${mode}`, async ({ page, server }) => {
        const routes = MAIN_SCREENS[role as keyof typeof MAIN_SCREENS];
        test.setTimeout(60_000 + routes.length * 6_000);
        await signInThroughForm(page, server.url, role);
        await setMode(page, mode);
        let studentHref: string | null = null;
        if (role === 'family') {
          // The students come with the first sync (at 320 px the shell does not show the sync time).
          const student = page.getByRole('link', { name: /Lefèvre/ }).first();
          await student.waitFor({ timeout: 20_000 });
          studentHref = await student.getAttribute('href');
        }
        const ids = await readRouteIds(page, server.url, role);
        for (const route of routes) {
          await page.goto(`${server.url}${withRouteIds(route, ids, studentHref)}`);
          await expectReflows(page, `${role} ${mode} ${route}`);
        }
        // The mode is stored in the account: leave it as found for the other tests.
        await setMode(page, 'normal');
      });
    }
  }
});

import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { focusIndicator, measureVisibility } from '../../a11y/forced-colors-checks.ts';
import { readRouteIds, withRouteIds } from '../../a11y/screens.ts';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForSync } from '../helpers/pages.ts';

/**
 * Forced colours (Windows high contrast), `prefers-contrast: more` and reduced motion on the key
 * screens: focus indicators, the borders of inputs and buttons, the selected tab, status markers
 * and disabled states stay visible (under forced colours in system colours: nothing told by a
 * background colour alone), and nothing moves longer than 0.01 s under reduced motion.
 * Screenshots go to a11y/report/forced-colors/ (the accessibility report) and are attached to the report.
 */
const SETTINGS = [
  { name: 'forced-colors', media: { forcedColors: 'active' as const, contrast: 'no-preference' as const, reducedMotion: 'no-preference' as const } },
  { name: 'contrast-more', media: { forcedColors: 'none' as const, contrast: 'more' as const, reducedMotion: 'no-preference' as const } },
  { name: 'reduced-motion', media: { forcedColors: 'none' as const, contrast: 'no-preference' as const, reducedMotion: 'reduce' as const } },
];
const SHOTS = 'a11y/report/forced-colors';

async function checkScreen(page: Page, testInfo: TestInfo, name: string) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  mkdirSync(SHOTS, { recursive: true });
  for (const setting of SETTINGS) {
    await page.emulateMedia(setting.media);
    const forced = setting.name === 'forced-colors';
    const label = `${name} (${setting.name})`;
    const seen = await measureVisibility(page, forced);
    expect(seen.controls, `${label}: controls looked at`).toBeGreaterThan(0);
    expect.soft(seen.borderless, `${label}: inputs and buttons without a border`).toEqual([]);
    expect.soft(seen.notSystemColour, `${label}: colours that are not system colours`).toEqual([]);
    expect.soft(seen.tabsByBackgroundOnly, `${label}: selected tab told by its background alone`).toEqual([]);
    expect.soft(seen.silentMarkers, `${label}: status markers with neither border nor text`).toEqual([]);
    expect.soft(seen.disabledNotGray, `${label}: disabled controls not in GrayText`).toEqual([]);
    if (setting.name === 'reduced-motion') expect.soft(seen.moving, `${label}: motion longer than 0.01 s`).toEqual([]);

    // The focus indicator of the first stops of the keyboard path from the h1.
    await page.locator('h1').first().focus();
    let stops = 0;
    for (let i = 0; i < 8 && stops < 4; i++) {
      await page.keyboard.press('Tab');
      const focus = await focusIndicator(page);
      if (!focus) continue;
      stops++;
      expect.soft(focus.outline !== 'none' || focus.boxShadow !== 'none', `${label}: focus visible on ${focus.element}`).toBe(true);
    }
    expect(stops, `${label}: stops of the keyboard path checked`).toBeGreaterThanOrEqual(3);
    const path = `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${setting.name}.png`;
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(label, { path, contentType: 'image/png' });
  }
  await page.emulateMedia({ forcedColors: 'none', contrast: 'no-preference', reducedMotion: 'no-preference' });
}

// It leaves a change pending on the demo family: other files sharing a server would see it.
test.use({ serverEnv: { PORTEE_E2E_OWN_SERVER: 'forced-colors' } });

test.describe('forced colours, contrast and motion', () => {
  test('sign-in page', async ({ page, server }, testInfo) => {
    await page.goto(`${server.url}/connexion`);
    await checkScreen(page, testInfo, 'connexion');
  });

  test('family: home, a pending change, a course sheet’s tabs, billing', async ({ page, server }, testInfo) => {
    test.setTimeout(120_000);
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const studentHref = await page.getByRole('link', { name: /Lefèvre/ }).first().getAttribute('href');
    await checkScreen(page, testInfo, 'accueil');

    await page.goto(`${server.url}/famille`);
    await page.getByLabel('Ville', { exact: true }).fill('Rosny-sur-Seine');
    await page.getByRole('button', { name: 'Modifier' }).click();
    await expect(page.getByText('Modifié — en attente de validation : Rosny-sur-Seine')).toBeVisible();
    await checkScreen(page, testInfo, 'famille-modification-en-attente');

    const ids = await readRouteIds(page, server.url, 'family');
    await page.goto(`${server.url}${withRouteIds('/eleves/:student/cours/:course', ids, studentHref)}`);
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await checkScreen(page, testInfo, 'fiche-cours-onglets');

    await page.goto(`${server.url}/famille/facturation`);
    await checkScreen(page, testInfo, 'facturation');
  });

  test('secretariat: a list', async ({ page, server }, testInfo) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.goto(`${server.url}/admin/familles`);
    await checkScreen(page, testInfo, 'admin-familles');
  });
});

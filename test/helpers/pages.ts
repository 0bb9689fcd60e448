import { expect } from '@playwright/test';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export const DEMO_ACCOUNTS = {
  family: { username: 'famille.demo', password: 'Portee-demo-2026', home: '/accueil' },
  martin: { username: 'famille.martin', password: 'Portee-demo-2026', home: '/accueil' },
  secretariat: { username: 'secretariat.demo', password: 'Portee-admin-2026', home: '/admin' },
  teacher: { username: 'enseignant.demo', password: 'Portee-prof-2026', home: '/enseignant' },
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** Signs in through the real form and waits for the role's landing page. */
export async function signInThroughForm(page: Page, baseUrl: string, role: DemoRole) {
  const account = DEMO_ACCOUNTS[role];
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Identifiant').fill(account.username);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${baseUrl}${account.home}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Waits until the first pull has landed (the status region shows a last sync time). */
export async function waitForSync(page: Page) {
  await page.getByText(/Dernière synchronisation :/).first().waitFor({ timeout: 15_000 });
}

/** Waits until a service worker controls the page (reloading once if needed). */
export async function waitForServiceWorker(page: Page, context: BrowserContext) {
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 15_000 });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 15_000 });
}

/** Presses Tab until the locator has the focus (through shadow roots); fails if it never does. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await target
      .evaluate((el) => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active === el;
      })
      .catch(() => false);
    if (focused) return;
  }
  throw new Error('never reached with Tab');
}

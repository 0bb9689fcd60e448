import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium by default; CHROME_PATH points elsewhere (another OS, another browser build). */
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROME_PATH)) {
  throw new Error(
    `Chromium not found at ${CHROME_PATH}. Install it (Debian/Ubuntu: \`sudo apt-get install -y chromium\`) ` +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
  );
}

/**
 * End-to-end tests and the accessibility audit, in Chromium. Each test file starts its own server
 * (fresh database, demo data) through the `server` fixture, so files never share state.
 */
export default defineConfig({
  testDir: '.',
  testMatch: ['test/e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  // No retries, in CI too: a retry hides a flaky test, and a flaky test is a bug to fix.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'test-results/html' }]] : 'list',
  outputDir: 'test-results/artifacts',
  use: {
    browserName: 'chromium',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROME_PATH,
      // Flags that work as root with no network (toolchain notes).
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
});

import { chromium } from '@playwright/test';
import { startServer } from '../test/helpers/server-process.ts';
import { browserCookies, signInCookie } from './sign-in.ts';
const server = await startServer({});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const cookie = await signInCookie(server.url, 'famille.demo', 'Portee-demo-2026');
for (const path of ['/accueil', '/famille/facturation', '/accueil', '/famille/facturation']) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addCookies(browserCookies(server.url, cookie));
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('worker', (w) => seen.push('worker ' + new URL(w.url()).pathname));
  context.on('requestfinished', (r) => { if (r.url().includes('worker')) seen.push('ctxfinished ' + new URL(r.url()).pathname); });
  page.on('requestfinished', (r) => { if (r.url().includes('worker')) seen.push('pagefinished ' + new URL(r.url()).pathname); });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.locator('#boot').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  console.log(path, seen);
  await context.close();
}
await browser.close(); await server.stop();

import { chromium } from '@playwright/test';
import { startServer } from '../test/helpers/server-process.ts';
import { signInCookie } from './sign-in.ts';
const server = await startServer({});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const cookie = await signInCookie(server.url, 'famille.demo', 'Portee-demo-2026');
const check = async (label: string) => console.log(label, (await (await fetch(server.url + '/api/session', { headers: { cookie } })).text()).slice(0, 80));
await check('fresh');
for (const path of ['/accueil', '/famille/facturation']) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: server.url })));
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.locator('#boot').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  console.log(path, await page.locator('h1').allInnerTexts());
  await check('after ' + path);
  await context.close();
  await check('after close ' + path);
}
await browser.close(); await server.stop();

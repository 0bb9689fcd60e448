// Foundation figures: first-load JavaScript, sign-in time, and the sync pull under load.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../test/helpers/server-process.ts';
import { fmt } from './load.ts';
import { signInCookie as signIn } from './sign-in.ts';

export const title = 'Foundation: first load, sign-in, sync pull';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const BUDGET_KB = 80;

async function firstLoad(base: string) {
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const results: Array<[string, number, number]> = [];
  for (const path of ['/connexion', '/accueil']) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    if (path === '/accueil') {
      const cookie = await signIn(base, 'famille.demo', 'Portee-demo-2026');
      const [name, value] = cookie.split('; ')[0].split('=');
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script' || res.url().endsWith('.js')) {
        try {
          scripts.set(res.url(), await res.body());
        } catch {
          // redirected or aborted
        }
      }
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.locator('h1').first().waitFor();
    const raw = [...scripts.values()].reduce((s, b) => s + b.length, 0);
    const gz = [...scripts.values()].reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
    results.push([path, raw, gz]);
    await context.close();
  }
  await browser.close();
  for (const [path, raw, gz] of results) {
    console.log(`first-load JS ${path.padEnd(11)} ${fmt(gz / 1024)} KB gzip (${fmt(raw / 1024)} KB raw) — budget ${BUDGET_KB} KB: ${gz / 1024 <= BUDGET_KB ? 'within' : 'OVER'}`);
  }
}

async function signInTimes(base: string) {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    await signIn(base, 'famille.martin', 'Portee-demo-2026');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`sign-in (50 in a row)       p50 ${fmt(times[24])} ms, p95 ${fmt(times[47])} ms`);
}

async function pullUnderLoad(base: string) {
  const cookie = await signIn(base, 'famille.demo', 'Portee-demo-2026');
  const full = await fetch(`${base}/api/sync?cursor=0`, { headers: { cookie, 'accept-encoding': 'identity' } });
  const fullBody = await full.text();
  const timings: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await (await fetch(`${base}/api/sync?cursor=0`, { headers: { cookie } })).arrayBuffer();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const gz = gzipSync(fullBody).length;
  console.log(`full pull, demo family      ${fmt(timings[10])} ms median (20 runs), ${fmt(fullBody.length / 1024)} KB JSON, ${fmt(gz / 1024)} KB gzip`);

  // The "nothing new" pull under load is bench/size.bench.ts's: autocannon from its own process, at size.
}

export async function run() {
  const server = await startServer();
  try {
    await firstLoad(server.url);
    await signInTimes(server.url);
    await pullUnderLoad(server.url);
  } finally {
    await server.stop();
  }
}

// Billing figures: jsPDF stays out of the first load of /connexion and /accueil (the PDF chunk's
// size printed apart), and the time from a click on "Télécharger le reçu (PDF)" to the download in
// Chromium: first on the tab that synced, then on a new tab each time (chunk cached, module loaded).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../test/helpers/server-process.ts';
import { fmt } from './load.ts';

export const title = 'Billing: jsPDF out of the first load, receipt PDF build time';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const PDF_CHUNK = /billing-pdf|jspdf/;

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Identifiant').fill('famille.demo');
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Portee-demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${base}/accueil`);
  await page.getByText(/Dernière synchronisation :/).first().waitFor({ timeout: 15_000 });
}

export async function run() {
  const assets = 'dist/client/assets';
  const pdfFile = readdirSync(assets).find((f) => /^billing-pdf-.*\.js$/.test(f));
  if (pdfFile) {
    const bytes = readFileSync(`${assets}/${pdfFile}`);
    console.log(`PDF chunk (jsPDF + invoice/receipt) ${fmt(gzipSync(bytes, { level: 9 }).length / 1024)} KB gzip (${fmt(bytes.length / 1024)} KB raw), loaded on demand`);
  } else console.log('PDF chunk not found: run `npm run build` first');

  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
  try {
    // First loads, as a new visitor (no service worker): which scripts, and is the PDF chunk among them?
    for (const path of ['/connexion', '/accueil']) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      if (path === '/accueil') await signIn(page, server.url);
      const scripts = new Map<string, Buffer>();
      page.on('response', async (res) => {
        if (res.url().endsWith('.js')) scripts.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
      });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor();
      const gz = [...scripts.values()].reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
      const pdf = [...scripts.keys()].filter((u) => PDF_CHUNK.test(u));
      console.log(`first-load JS ${path.padEnd(11)} ${fmt(gz / 1024)} KB gzip, ${scripts.size} scripts; PDF chunk ${pdf.length ? 'INCLUDED (regression)' : 'not loaded'}`);
      await context.close();
    }

    // Receipt PDF: click "Télécharger le reçu (PDF)" until the download is handed over. Each run on
    // a new tab of the same browser profile (HTTP cache and service worker shared): a family asks
    // for a PDF once per visit, and one tab asked for many downloads in a row is throttled by the
    // browser, which once lost the bench a download event.
    const context = await browser.newContext({ acceptDownloads: true });
    const first = await context.newPage();
    await signIn(first, server.url);
    await first.goto(`${server.url}/famille/facturation`);
    await first.getByRole('link', { name: /^Voir la facture FACT\d{4}0412$/ }).click();
    await first.getByRole('button', { name: /Télécharger le reçu \(PDF\)/ }).first().waitFor();
    const invoiceUrl = first.url();
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const page = i === 0 ? first : await context.newPage();
      if (i > 0) await page.goto(invoiceUrl);
      const button = page.getByRole('button', { name: /Télécharger le reçu \(PDF\)/ }).first();
      await button.waitFor();
      const start = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      await download.path();
      times.push(performance.now() - start);
      await page.close();
    }
    const cold = times[0];
    const warm = times.slice(1).sort((a, b) => a - b);
    console.log(`receipt PDF (click → download) first ${fmt(cold)} ms, then on a new tab each time p50 ${fmt(warm[4])} ms, max ${fmt(warm[warm.length - 1])} ms (10 runs; chunk cached, module loaded again)`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

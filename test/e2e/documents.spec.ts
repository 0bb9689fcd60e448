import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';

test.use({ serverEnv: { UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'portee-e2e-uploads-')) } });

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

/** The focused element, through shadow roots: "TAG#id[type]". */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    return `${el.tagName}${el.id ? '#' + el.id : ''}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}|${(el.textContent ?? '').trim()}`;
  });
}

/** Presses Tab until the focused element matches (at most `max` presses). */
async function tabTo(page: Page, match: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    if (match.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${match} (last: ${await focused(page)})`);
}

async function documentRows(page: Page, fileName: string) {
  return page.getByRole('row').filter({ hasText: fileName });
}

test.describe('supporting documents', () => {
  test('a family sends a PDF with the keyboard only, then downloads it', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/documents`);
    await expect(page.getByRole('heading', { level: 1, name: 'Documents fournis' })).toBeVisible();

    await tabTo(page, /^SELECT#kindId/);
    await page.keyboard.press('ArrowDown'); // the first kind, alphabetically: "Autorisation de prélèvement"
    await expect(page.getByLabel('Type de document')).toHaveValue(/.+/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^INPUT#file\[file\]/);
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'autorisation-clavier.pdf', mimeType: 'application/pdf', buffer: pdf('clavier') });
    await tabTo(page, /^BUTTON\[submit\]\|Envoyer$/);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status').filter({ hasText: 'Document « autorisation-clavier.pdf » envoyé' })).toBeVisible();
    const row = await documentRows(page, 'autorisation-clavier.pdf');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Reçu');
    await expect(row).toContainText('Autorisation de prélèvement');

    // The download is a real download (not a route of the app), reached with the keyboard too.
    const link = row.getByRole('link', { name: 'Télécharger autorisation-clavier.pdf' });
    await expect(link).toHaveAttribute('download', '');
    const downloading = page.waitForEvent('download');
    await link.focus();
    await page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('autorisation-clavier.pdf');
  });

  test('a file that is not a PDF, JPEG or PNG is refused in the browser before anything is sent', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/documents`);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/documents') && posts.push(r.url()));
    await page.getByLabel('Type de document').selectOption({ label: "Avis d'imposition" });
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'avis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html><body>pas un PDF</body></html>') });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('PDF, JPEG ou PNG de 10 Mo au plus');
    await expect(alert).toBeFocused();
    await expect(page.getByLabel('Fichier', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toEqual([]);
    await expect(await documentRows(page, 'avis.pdf')).toHaveCount(0);
  });

  test('a file chosen offline waits on the device, survives a reload, is sent once, accepted, and the family sees it', async ({ page, context, browser, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    await page.goto(`${server.url}/famille/documents`);
    await expect(page.getByRole('heading', { level: 1, name: 'Documents fournis' })).toBeVisible();

    await context.setOffline(true);
    await page.getByLabel('Type de document').selectOption({ label: 'Justificatif de domicile' });
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'quittance-hors-ligne.pdf', mimeType: 'application/pdf', buffer: pdf('hors ligne') });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vous êtes hors ligne' })).toBeVisible();
    await expect(await documentRows(page, 'quittance-hors-ligne.pdf')).toContainText('En attente d’envoi');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Documents fournis' })).toBeVisible();
    const row = await documentRows(page, 'quittance-hors-ligne.pdf');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('En attente d’envoi');

    await context.setOffline(false);
    // Two triggers at once (the browser's event and ours): the upload must still be stored once.
    await page.evaluate(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await expect(row).toContainText('Reçu');
    await expect(row).not.toContainText('En attente');

    const db = createClient({ url: `file:${server.dbFile}`, timeout: 5000 });
    const stored = await db.execute("SELECT count(*) AS n FROM document WHERE file_name = 'quittance-hors-ligne.pdf'");
    db.close();
    expect(Number(stored.rows[0].n)).toBe(1);

    // The secretariat sees it exactly once, oldest first, and accepts it.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInThroughForm(admin, server.url, 'secretariat');
    await admin.goto(`${server.url}/admin/documents`);
    await expect(admin.getByRole('heading', { level: 1, name: 'Documents à examiner' })).toBeVisible();
    const adminRow = admin.getByRole('row').filter({ hasText: 'quittance-hors-ligne.pdf' });
    await expect(adminRow).toHaveCount(1);
    const files = await admin.getByRole('rowheader').allTextContents();
    expect(files.indexOf('facture-electricite-octobre.pdf')).toBeLessThan(files.indexOf('quittance-hors-ligne.pdf'));
    await adminRow.getByRole('button', { name: /^Accepter/ }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Document « quittance-hors-ligne.pdf » accepté' })).toBeVisible();
    await expect(admin.getByRole('row').filter({ hasText: 'quittance-hors-ligne.pdf' })).toHaveCount(0);
    await adminContext.close();

    // The family's next sync brings the decision.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(row).toContainText('Accepté');
  });

  test('an upload whose answer is lost after the server stored it is sent again by itself and listed once', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/documents`);
    await expect(page.getByRole('heading', { level: 1, name: 'Documents fournis' })).toBeVisible();

    // The first upload reaches the server, which stores it; its answer never comes back (the
    // connection drops). The network stays up: no `online` event will come to say so.
    const posts: number[] = [];
    const answers: Array<{ status: number; replay: boolean }> = [];
    await context.route('**/api/documents', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts.push(Date.now());
      const answer = await route.fetch();
      answers.push({ status: answer.status(), replay: (await answer.json()).replay });
      if (posts.length === 1) return route.abort('connectionreset');
      return route.fulfill({ response: answer });
    });
    await page.getByLabel('Type de document').selectOption({ label: 'Justificatif de domicile' });
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'reponse-perdue.pdf', mimeType: 'application/pdf', buffer: pdf('réponse perdue') });
    await page.getByRole('button', { name: 'Envoyer' }).click();

    const row = await documentRows(page, 'reponse-perdue.pdf');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Reçu');
    await expect(row).not.toContainText('En attente');
    // The form said the file was kept for later (the answer failed as offline does); now it says it was sent.
    await expect(page.getByRole('status').filter({ hasText: 'Document « reponse-perdue.pdf » envoyé' })).toBeVisible();
    expect(posts.length, 'sent again once, after the back-off').toBe(2);
    expect(answers, 'the first stored it, the second was its replay').toEqual([
      { status: 201, replay: false },
      { status: 200, replay: true },
    ]);
    expect(posts[1] - posts[0]).toBeGreaterThanOrEqual(1_900);

    const db = createClient({ url: `file:${server.dbFile}`, timeout: 5000 });
    const stored = await db.execute("SELECT count(*) AS n FROM document WHERE file_name = 'reponse-perdue.pdf'");
    db.close();
    expect(Number(stored.rows[0].n)).toBe(1);
  });

  test('the secretariat refuses with a reason; the family reads it and replaces the document', async ({ page, browser, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    const hugo = await page.getByRole('link', { name: /Hugo/ }).first().getAttribute('href');
    await page.goto(`${server.url}${hugo}/documents`);
    await expect(page.getByRole('heading', { level: 1, name: /Documents fournis — Hugo/ })).toBeVisible();
    await page.getByLabel('Type de document').selectOption({ label: 'Certificat médical' });
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'certificat-flou.pdf', mimeType: 'application/pdf', buffer: pdf('flou') });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(await documentRows(page, 'certificat-flou.pdf')).toContainText('Reçu');

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInThroughForm(admin, server.url, 'secretariat');
    await admin.goto(`${server.url}/admin/documents`);
    const adminRow = admin.getByRole('row').filter({ hasText: 'certificat-flou.pdf' });
    await adminRow.getByRole('button', { name: /^Refuser/ }).click();
    await expect(admin.getByLabel(/Motif du refus/)).toBeFocused();
    await admin.getByRole('button', { name: 'Confirmer le refus' }).click();
    await expect(admin.getByRole('alert')).toContainText('Indiquez le motif du refus.');
    await admin.getByLabel(/Motif du refus/).fill('Le certificat est illisible.');
    await admin.getByRole('button', { name: 'Confirmer le refus' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'refusé' })).toBeVisible();
    await adminContext.close();

    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const row = await documentRows(page, 'certificat-flou.pdf');
    await expect(row).toContainText('Refusé');
    await expect(row).toContainText('Motif : Le certificat est illisible.');
    await row.getByRole('button', { name: 'Remplacer certificat-flou.pdf' }).click();
    await expect(page.getByRole('heading', { name: 'Remplacer « certificat-flou.pdf »' })).toBeVisible();
    await expect(page.getByLabel('Fichier', { exact: true })).toBeFocused();
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'certificat-net.pdf', mimeType: 'application/pdf', buffer: pdf('net') });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(await documentRows(page, 'certificat-net.pdf')).toContainText('Reçu');
    await expect(await documentRows(page, 'certificat-flou.pdf')).toHaveCount(0);
  });
});

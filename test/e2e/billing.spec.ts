import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { schoolYearOf } from '../../shared/school-year.ts';
import { expect, test } from '../helpers/fixtures.ts';
import { signInThroughForm, tabTo, waitForServiceWorker, waitForSync } from '../helpers/pages.ts';
import { pdfText } from '../helpers/pdf-text.ts';

const YEAR = schoolYearOf(new Date());
const UNPAID = `FACT${YEAR.slice(0, 4)}0877`;
const PAID_WITH_DISCOUNT = `FACT${YEAR.slice(0, 4)}0412`;

async function downloadText(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), pdf: pdfText(readFileSync(path)) };
}

/** The figure of a totals row ("Montant à payer", "Solde"…) of the first (current) year. */
const total = (page: Page, label: string) => page.locator(`dl.totals dt:text-is("${label}") + dd`).first();

test.describe('billing', () => {
  test('offline: the billing page opens, online payment is disabled with its reason, a receipt PDF is made', async ({ page, context, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await waitForServiceWorker(page, context);
    await context.setOffline(true);
    await page.goto(`${server.url}/famille/facturation`);
    await expect(page.getByRole('heading', { level: 1, name: 'Facturation cotisations' })).toBeVisible();
    await expect(page.getByRole('heading', { name: `Facturation ${YEAR}` })).toBeVisible();
    await expect(total(page, 'Montant à payer')).toHaveText(/^184,00\s€$/);
    const pay = page.getByRole('button', { name: new RegExp(`Paiement en ligne.*${UNPAID}`) });
    await expect(pay).toBeDisabled();
    await expect(page.getByText('Le paiement en ligne demande une connexion au réseau')).toBeVisible();

    await page.getByRole('link', { name: `Voir la facture ${PAID_WITH_DISCOUNT}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Facture ${PAID_WITH_DISCOUNT}` })).toBeVisible();
    const { name, pdf } = await downloadText(page, page.getByRole('button', { name: /Télécharger le reçu \(PDF\)/ }).first());
    expect(name).toBe(`recu-${PAID_WITH_DISCOUNT}-${YEAR.slice(0, 4)}-11-05.pdf`);
    expect(pdf.text).toContain(`Reçu de paiement — facture ${PAID_WITH_DISCOUNT}`);
    expect(pdf.text).toContain('Nous avons reçu la somme de 189,00 €');
    expect(pdf.text).toContain('Mode de règlement : Prélèvement');
    expect(pdf.text).toContain('Conservatoire de Mantes');
    expect(pdf.text).toContain('Mme Camille Lefèvre');
    expect(pdf.text).toContain('Reste à payer : 0,00 €');
    await context.setOffline(false);
  });

  test('pay the unpaid invoice with the keyboard only through the simulator; amount to pay 0,00 € and a receipt', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/facturation`);
    await expect(page.getByText('si le « Montant à payer » vous semble erroné')).toBeVisible();
    await expect(total(page, 'Montant à payer')).toHaveText(/^184,00\s€$/);
    const pay = page.getByRole('button', { name: new RegExp(`Paiement en ligne.*${UNPAID}`) });
    await expect(pay).toBeEnabled();

    await tabTo(page, pay);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/payfip-simulateur\/paiementws\.web\?idop=/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(UNPAID, { exact: true })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Payer par carte bancaire' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=carte/);
    await tabTo(page, page.getByRole('button', { name: 'Valider le paiement' }));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/famille\/facturation\/paiement\/retour\?idop=/);
    await expect(page.getByText(/Paiement accepté : 184,00\s€ pour la facture/)).toBeVisible();
    // Reloading the return page records nothing more.
    await page.reload();
    await expect(page.getByText(/Paiement accepté/)).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: 'Retour à la facturation' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Facturation cotisations' })).toBeVisible();
    await expect(total(page, 'Montant à payer')).toHaveText(/^0,00\s€$/);
    await expect(total(page, 'Solde')).toHaveText(/^0,00\s€$/);
    await expect(page.getByRole('button', { name: /Paiement en ligne/ })).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'Paiement en ligne (PayFiP)' }).first()).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: `Voir la facture ${UNPAID}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `Facture ${UNPAID}` })).toBeVisible();
    const receipt = page.getByRole('button', { name: /Télécharger le reçu \(PDF\)/ });
    await expect(receipt).toHaveCount(1);
    await tabTo(page, receipt);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const pdf = pdfText(readFileSync(await download.path()));
    expect(pdf.text).toContain(`Reçu de paiement — facture ${UNPAID}`);
    expect(pdf.text).toContain('Nous avons reçu la somme de 184,00 €');
    expect(pdf.text).toContain('Mode de règlement : Paiement en ligne (PayFiP)');
    expect(pdf.text).toMatch(/Numéro d’opération : \d{6}/);
    expect(pdf.text).not.toContain('-0,00');
  });

  test('the invoice PDF carries the right text and metadata; the invoice page passes axe in both modes', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/facturation`);
    await page.getByRole('link', { name: `Voir la facture ${PAID_WITH_DISCOUNT}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Facture ${PAID_WITH_DISCOUNT}` })).toBeVisible();

    const { name, pdf } = await downloadText(page, page.getByRole('button', { name: 'Télécharger la facture (PDF)' }));
    expect(name).toBe(`facture-${PAID_WITH_DISCOUNT}.pdf`);
    expect(pdf.title).toBe(`Facture ${PAID_WITH_DISCOUNT}`);
    expect(pdf.author).toBe('Conservatoire de Mantes');
    expect(pdf.lang).toBe('fr-FR');
    for (const expected of [
      `Facture n° ${PAID_WITH_DISCOUNT}`,
      'Conservatoire de Mantes',
      '12 rue de la Musique',
      'Mme Camille Lefèvre',
      `Année scolaire : ${YEAR}`,
      "Frais d'inscription annuels (famille)",
      '35,00 €',
      'Total facturé : 219,00 €',
      'Remises : 30,00 €',
      'Déjà réglé : 189,00 €',
      'Reste à payer : 0,00 €',
    ]) {
      expect(pdf.text, expected).toContain(expected);
    }
    expect(pdf.text).not.toMatch(/[\u202f\u00a0]/);
    expect(pdf.text).not.toContain('-0,00');

    // Accessible in both modes (the audit's tags), with real data on the page.
    for (const pressed of ['false', 'true']) {
      const toggle = page.getByRole('button', { name: /Mode accessibilité/ });
      if ((await toggle.getAttribute('aria-pressed')) !== pressed) await toggle.click();
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('jsPDF is not in the first load: its chunk is fetched only when a PDF is asked for', async ({ page, server }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await signInThroughForm(page, server.url, 'family');
    await waitForSync(page);
    await page.goto(`${server.url}/famille/facturation`);
    await page.getByRole('link', { name: `Voir la facture ${PAID_WITH_DISCOUNT}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Facture ${PAID_WITH_DISCOUNT}` })).toBeVisible();
    expect(scripts.filter((s) => /billing-pdf|jspdf/.test(s))).toEqual([]);
    await downloadText(page, page.getByRole('button', { name: 'Télécharger la facture (PDF)' }));
    expect(scripts.filter((s) => /billing-pdf|jspdf/.test(s)).length).toBeGreaterThan(0);
  });

  test('the secretariat creates an invoice, is told what to fix, and records a cheque; the family is listed then not', async ({ page, server }) => {
    await signInThroughForm(page, server.url, 'secretariat');
    await page.getByRole('link', { name: 'Facturation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Facturation' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Paiements en ligne (PayFiP)' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Famille' }).selectOption({ label: 'Martin Julien' });
    await page.getByRole('textbox', { name: 'Libellé', exact: true }).fill('Stage d\'été');
    await page.getByLabel('Libellé de la ligne 1').fill('Stage orchestre');
    await page.getByLabel('Prix unitaire de la ligne 1 (€)').fill('50,00');
    await page.getByRole('button', { name: 'Créer la facture' }).click();
    await expect(page.getByText(/Facture FACT\d{8} créée \(50,00\s€\)/)).toBeVisible();
    await expect(page.getByRole('cell', { name: /Julien Martin/ })).toBeVisible();

    const invoiceSelect = page.getByRole('combobox', { name: 'Facture' }).first();
    const option = invoiceSelect.locator('option', { hasText: "Stage d'été" });
    await invoiceSelect.selectOption(await option.getAttribute('value'));
    await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Montant' });
    await expect(summary).toBeFocused();
    await page.getByLabel('Montant (€)').first().fill('50');
    await page.getByLabel('Numéro d’opération (n° de chèque…)').fill('1234567');
    await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await expect(page.getByText(/Règlement de 50,00\s€ enregistré sur la facture FACT\d{8}/)).toBeVisible();
    await expect(page.getByRole('cell', { name: /Julien Martin/ })).toHaveCount(0);
  });

  test('an amount due below 1,00 € offers no online payment and says why, on the billing page and the invoice', async ({ page, browser, server }) => {
    // The secretariat bills the Martin family 0,50 € (through the API its screen uses).
    await signInThroughForm(page, server.url, 'secretariat');
    const { families } = (await (await page.request.get(`${server.url}/api/admin/families?q=famille.martin`)).json()) as { families: Array<{ id: string }> };
    const created = await page.request.post(`${server.url}/api/admin/billing/invoices`, {
      data: { familyId: families[0].id, schoolYear: YEAR, label: 'Photocopies', date: `${YEAR.slice(0, 4)}-11-28`, dueDate: `${YEAR.slice(0, 4)}-12-28`, lines: [{ label: 'Photocopies', quantity: 1, unitPrice: '0,50' }] },
    });
    expect(created.status()).toBe(201);
    const invoice = (await created.json()) as { id: string; number: string };

    const family = await (await browser.newContext()).newPage();
    await signInThroughForm(family, server.url, 'martin');
    await waitForSync(family);
    await family.goto(`${server.url}/famille/facturation`);
    const item = family.getByRole('listitem').filter({ hasText: invoice.number });
    await expect(item).toContainText('0,50');
    await expect(item.getByText('PayFiP n’accepte pas un montant inférieur à 1,00 €')).toBeVisible();
    await expect(family.getByRole('button', { name: new RegExp(`Paiement en ligne.*${invoice.number}`) })).toHaveCount(0);
    await item.getByRole('link').click();
    await expect(family.getByRole('heading', { level: 1, name: `Facture ${invoice.number}` })).toBeVisible();
    await expect(family.getByText('Pas de paiement en ligne pour cette facture')).toBeVisible();
    await family.context().close();

    // Paid at the desk: the family is no longer listed with a balance for the other tests.
    const cheque = await page.request.post(`${server.url}/api/admin/billing/payments`, { data: { invoiceId: invoice.id, mode: 'cash', date: `${YEAR.slice(0, 4)}-11-28`, amount: '0,50' } });
    expect(cheque.status()).toBe(201);
  });
});

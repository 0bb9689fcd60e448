/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { schoolYearOf } from '../../shared/school-year.ts';
import { db } from '../../client/data/db.ts';
import { applyPull } from '../../client/data/pull-apply.ts';
import { syncStatus } from '../../client/data/sync-status.ts';
import '../../client/billing/pages/po-family-billing-page.ts';
import type { PoFamilyBillingPage } from '../../client/billing/pages/po-family-billing-page.ts';
import { until } from '../helpers/until.ts';

const YEAR = schoolYearOf(new Date());
const INVOICE = {
  id: 'i1', version: 3, familyId: 'f1', siteId: 's1', number: 'FACT0001', date: `${YEAR.slice(0, 4)}-10-01`, dueDate: `${YEAR.slice(0, 4)}-10-31`,
  schoolYear: YEAR, label: 'Cotisation', amountCents: 18400,
};

/** The page's whole text, its nested shadow roots included. */
function textOf(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += (n as Text).data;
    if ((n as Element).shadowRoot) walk((n as Element).shadowRoot!);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return text.replace(/\s+/g, ' ');
}

const pendingStatus = (el: PoFamilyBillingPage) => el.shadowRoot!.querySelector('po-data-pending')?.shadowRoot?.querySelector('[role="status"]');

describe('before the first pull (po-data-pending and the live-query gate)', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    syncStatus.set({ online: true, syncing: true });
  });
  afterEach(() => syncStatus.set({ online: true, syncing: false }));

  it('the billing page says it is synchronising, never "Aucune facture" nor 0,00 €, until the pull lands', async () => {
    const el = await fixture<PoFamilyBillingPage>(html`<po-family-billing-page></po-family-billing-page>`);
    await until(() => pendingStatus(el)?.textContent?.trim() === 'Synchronisation en cours…');
    expect(pendingStatus(el)!.getAttribute('aria-live')).to.equal('polite');
    // Rows already on the device without the pull's cursor (a pull under way) are not shown either.
    await db.invoices.put(INVOICE as never);
    await new Promise((r) => setTimeout(r, 100));
    expect(textOf(el)).not.to.match(/Aucune facture|0,00|184,00/);
    await expect(el).to.be.accessible();

    await applyPull({ cursor: 5, snapshot: false, changes: { invoices: [INVOICE] }, deleted: {} });
    await until(() => /Montant à payer\s*184,00\s€/.test(textOf(el)));
    expect(pendingStatus(el)).to.equal(undefined);
  });

  it('offline before any pull: the information is not on this device yet', async () => {
    syncStatus.set({ online: false, syncing: false });
    const el = await fixture<PoFamilyBillingPage>(html`<po-family-billing-page></po-family-billing-page>`);
    await until(() => /pas encore été téléchargées sur cet appareil/.test(pendingStatus(el)?.textContent ?? ''));
    expect(textOf(el)).not.to.match(/Aucune facture|0,00/);
    await expect(el).to.be.accessible();
    syncStatus.set({ online: true, syncing: true });
    await until(() => pendingStatus(el)?.textContent?.trim() === 'Synchronisation en cours…');
  });
});

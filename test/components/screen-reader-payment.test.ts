/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { db, setMeta } from '../../client/data/db.ts';
import { syncStatus } from '../../client/data/sync-status.ts';
import '../../client/billing/pages/po-family-billing-page.ts';
import '../../client/billing/pages/po-payment-return-page.ts';
import { until } from '../helpers/until.ts';
import { announcements, readAll, startReader, stopReader } from './screen-reader.ts';

const INVOICE = { version: 1, id: 'i1', familyId: 'f1', number: 'FACT20260412', date: '2026-10-05', dueDate: '2026-11-05', schoolYear: '2026-2027', label: 'Cotisation 2026-2027', amountCents: 18400 };
/** Phrases with their no-break spaces (amounts, French punctuation) as plain ones. */
const plain = (phrases: string[]) => phrases.map((p) => p.replace(/[\u00a0\u202f]/g, ' '));
const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));

/** The server: `payfip` answers the start of a payment, `result` the return's; a pull has nothing new. */
const realFetch = window.fetch;
let payfip: () => Promise<Response>;
let result: () => Promise<Response>;
async function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = String(input instanceof Request ? input.url : input);
  if (url.includes('/payfip/return')) return result();
  if (url.includes('/payfip')) return payfip();
  if (url.includes('/api/sync')) return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  return new Response(null, { status: 404 });
}

describe('screen reader: paying an invoice', () => {
  let savedStatus: typeof syncStatus.value;
  beforeEach(async () => {
    await Promise.all([db.invoices, db.payments, db.discounts, db.payfipAttempts, db.meta].map((t) => t.clear()));
    await setMeta('cursor', 1);
    await db.invoices.put(INVOICE);
    savedStatus = syncStatus.value;
    syncStatus.set({ ...savedStatus, online: true });
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(async () => {
    await stopReader();
    window.fetch = realFetch;
    syncStatus.set(savedStatus);
  });

  it('the pay button names its invoice next to the amount due; starting is said by its status region, a refusal once as an alert', async () => {
    const el = await fixture(html`<main><po-family-billing-page></po-family-billing-page></main>`);
    const root = el.querySelector('po-family-billing-page')!.shadowRoot!;
    await until(() => !!root.querySelector('.unpaid button'));
    await startReader(el);
    const said = plain(await readAll());
    expect(said.slice(0, 2)).to.deep.equal(['main', 'heading, Facturation cotisations, level 1']);
    const item = said.indexOf('link, Facture FACT20260412 du 5 octobre 2026 : 184,00 € à payer (échéance le 5 novembre 2026)');
    expect(item).to.be.above(0);
    // The next control after the invoice's line is its pay button, named with the invoice and the amount.
    expect(said.slice(item + 1).find((p) => p.startsWith('button'))).to.equal('button, Paiement en ligne de la facture FACT20260412 (184,00 €)');

    // Refused by the server: the opening said, then the server's message once, as an alert.
    payfip = async () => Response.json({ error: { code: 'conflict', message: 'Un paiement de cette facture est déjà en cours.' } }, { status: 409 });
    root.querySelector<HTMLButtonElement>('.unpaid button')!.click();
    await settle(300);
    expect(plain(await announcements())).to.deep.equal([
      'polite: Ouverture de la page de paiement sécurisé…',
      'assertive: Un paiement de cette facture est déjà en cours.',
    ]);

    // Again: the opening said once more (the alert, emptied, says nothing).
    payfip = () => new Promise(() => {});
    root.querySelector<HTMLButtonElement>('.unpaid button')!.click();
    await settle(300);
    expect(plain(await announcements())).to.deep.equal([
      'polite: Ouverture de la page de paiement sécurisé…',
      'assertive: Un paiement de cette facture est déjà en cours.',
      'polite: Ouverture de la page de paiement sécurisé…',
    ]);
  });
});

describe('screen reader: the payment return page', () => {
  const realUrl = location.href;
  let answer: (r: Response) => void;
  beforeEach(() => {
    history.replaceState(null, '', '?idop=op-42');
    result = () => new Promise((resolve) => (answer = resolve));
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(async () => {
    await stopReader();
    window.fetch = realFetch;
    history.replaceState(null, '', realUrl);
  });

  /** The server's record of the return, with `body`'s fields. */
  const recorded = (body: Record<string, unknown>) => Response.json({ invoiceId: 'i1', invoiceNumber: 'FACT20260412', amountCents: 18400, numauto: '', resultrans: '', ...body });

  /** The page while PayFiP's result is asked for, then given `reply` (a record's fields, or the server's whole answer): what is said. */
  async function returnWith(reply: Record<string, unknown> | Response, recheckDelays?: number[]) {
    const el = await fixture(html`<main><po-payment-return-page .recheckDelays=${recheckDelays ?? [60_000]}></po-payment-return-page></main>`);
    const root = el.querySelector('po-payment-return-page')!.shadowRoot!;
    await until(() => !!answer && !!root.querySelector('[role="status"]'));
    await startReader(el);
    const checking = await readAll();
    answer(reply instanceof Response ? reply : recorded(reply));
    await until(() => !root.querySelector('[role="status"]')!.textContent!.includes('Vérification'));
    await settle(200);
    return { root, checking: plain(checking), said: plain(await announcements()), after: plain(await readAll()) };
  }

  it('success: the heading, then the result said once by the status region, and a link to the invoice', async () => {
    const { checking, said, after } = await returnWith({ status: 'paid', numauto: '123456', resultrans: 'P' });
    expect(checking.slice(0, 4)).to.deep.equal(['main', 'heading, Résultat du paiement en ligne, level 1', 'status', 'paragraph']);
    expect(checking).to.include('Vérification du paiement auprès de PayFiP…');
    expect(said).to.deep.equal(['polite: Paiement accepté : 184,00 € pour la facture FACT20260412. Numéro d’autorisation : 123456.']);
    expect(after).to.include.members(['link, Voir la facture FACT20260412 et son reçu', 'link, Retour à la facturation']);
    expect(after).not.to.include('button, Vérifier à nouveau');
  });

  it('refused by the bank: the failure said once, nothing else', async () => {
    const { said, after } = await returnWith({ status: 'refused', resultrans: 'R' });
    expect(said).to.deep.equal([
      'polite: Paiement refusé par la banque pour la facture FACT20260412 : rien n’a été débité. Vous pouvez réessayer ou régler auprès du secrétariat.',
    ]);
    expect(after).to.include('heading, Résultat du paiement en ligne, level 1');
    expect(after).to.include('link, Retour à la facturation');
  });

  it('not found: the heading, then only “Ce paiement est introuvable.” said once; no retry, the way back to billing', async () => {
    const { checking, said, after } = await returnWith(Response.json({ error: { code: 'not_found', message: 'Paiement introuvable.' } }, { status: 404 }));
    expect(checking.slice(0, 2)).to.deep.equal(['main', 'heading, Résultat du paiement en ligne, level 1']);
    expect(said).to.deep.equal(['polite: Ce paiement est introuvable.']);
    expect(after).to.include.ordered.members(['main', 'heading, Résultat du paiement en ligne, level 1', 'status']);
    expect(after).to.include('Ce paiement est introuvable.');
    expect(after).to.include('link, Retour à la facturation');
    // Nothing to retry and no invoice to show: the server knows no such payment.
    expect(after.filter((p) => p.startsWith('button') || p.startsWith('link, Voir la facture'))).to.deep.equal([]);
  });

  it('pending: the confirmation under way said once with its button; checking again says the check, then the result, each once', async () => {
    const { root, said, after } = await returnWith({ status: 'pending' });
    const pending = 'Le paiement de la facture FACT20260412 est en cours de confirmation par PayFiP. Cette page sera à jour dès que le résultat sera connu ; vous pouvez aussi revenir plus tard.';
    expect(said).to.deep.equal([`polite: ${pending}`]);
    expect(after.slice(0, 3)).to.deep.equal(['main', 'heading, Résultat du paiement en ligne, level 1', 'status']);
    expect(after).to.include.members(['button, Vérifier à nouveau', 'link, Voir la facture FACT20260412 et son reçu', 'link, Retour à la facturation']);

    root.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('Vérification'));
    await settle(200);
    answer(recorded({ status: 'paid', numauto: '654321', resultrans: 'P' }));
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('accepté'));
    await settle(200);
    expect(plain(await announcements())).to.deep.equal([
      `polite: ${pending}`,
      'polite: Vérification du paiement auprès de PayFiP…',
      'polite: Paiement accepté : 184,00 € pour la facture FACT20260412. Numéro d’autorisation : 654321.',
    ]);
  });

  it('pending: the page asks again by itself, quietly — a failed try changes nothing, the result is said once when it comes', async () => {
    // The first wait is longer than returnWith's settling, so each check below is seen being asked.
    const { root } = await returnWith({ status: 'pending' }, [800, 200, 200]);
    // The first automatic check finds the server unreachable: the pending message stays.
    const firstRecheck = answer;
    await until(() => answer !== firstRecheck, 2000);
    answer(new Response(null, { status: 503 }));
    await settle(100);
    expect(root.querySelector('[role="status"]')!.textContent).to.include('en cours de confirmation');
    // The next one gets the bank's answer.
    const secondRecheck = answer;
    await until(() => answer !== secondRecheck, 2000);
    answer(recorded({ status: 'paid', numauto: '777777', resultrans: 'P' }));
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('accepté'));
    await settle(400);
    const said = plain(await announcements());
    expect(said.filter((p) => p.includes('Vérification'))).to.deep.equal([], 'an automatic check is not announced');
    expect(said.at(-1)).to.equal('polite: Paiement accepté : 184,00 € pour la facture FACT20260412. Numéro d’autorisation : 777777.');
    expect(said.filter((p) => p.includes('accepté'))).to.have.length(1);
    // Paid: no more checks.
    const last = answer;
    await settle(400);
    expect(answer).to.equal(last);
  });

  it('a late automatic answer never overwrites the newer one of "Vérifier à nouveau"', async () => {
    const { root } = await returnWith({ status: 'pending' }, [800]);
    const automatic = answer;
    await until(() => answer !== automatic, 2000);
    const late = answer;
    // "Vérifier à nouveau" while the automatic check is still out: the click's answer is the one shown.
    root.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => answer !== late);
    answer(recorded({ status: 'paid', numauto: '111111', resultrans: 'P' }));
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('accepté'));
    late(recorded({ status: 'pending' }));
    await settle(300);
    expect(root.querySelector('[role="status"]')!.textContent).to.include('accepté');
  });

  it('pending after the last automatic check: the page says, once, that it no longer updates itself', async () => {
    const { root } = await returnWith({ status: 'pending' }, [800]);
    const first = answer;
    await until(() => answer !== first, 2000);
    answer(recorded({ status: 'pending' }));
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('toujours en cours'));
    await settle(200);
    const all = plain(await announcements());
    expect(all.filter((p) => p.includes('toujours en cours')), JSON.stringify(all)).to.have.length(1);
    expect(all.filter((p) => p.includes('Cette page sera à jour'))).to.have.length(1);
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog, payfipAttempt } from '../../server/db/schema/index.ts';
import { PayfipFault, type PayfipClient } from '../../server/payfip/client.ts';
import { IDOP_LIFETIME_MS } from '../../server/payfip/config.ts';
import { reconcilePayfip, settleAttempt } from '../../server/payfip/payments.ts';
import type { PaymentDetail } from '../../server/payfip/soap.ts';
import { startPayfipServer, type PayfipServer } from '../helpers/payfip-server.ts';
import type { TestClient } from '../helpers/test-app.ts';

/**
 * Results as the real PayFiP gives them (issue 11, items 13, 15, 16): P5 "résultat non connu"
 * while the family is still on the page, P1 for an idOp it no longer knows, A (abandon) final only
 * once the idOp expired; and a result whose refdet or numcli differs is never a payment.
 */
let p: PayfipServer;
before(async () => {
  p = await startPayfipServer();
});
after(() => p.close());

const later = () => new Date(Date.now() + IDOP_LIFETIME_MS + 60_000);
const detailCalls = async (idOp: string) => (await p.journal()).filter((e) => e.operation === 'recupererDetailPaiementSecurise' && e.request.includes(idOp));
const returnOf = (c: TestClient, idop: string) => c.json('/api/billing/payfip/return', { json: { idop } });

async function opened(label: string, price: string, cents: number) {
  const { secretariat, invoiceId } = await p.newInvoice(label, price);
  const c = await p.familyClient();
  const started = await p.start(c, invoiceId, cents);
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return { c, secretariat, invoiceId, idop: started.body.idOp, paymentUrl: started.body.paymentUrl };
}

describe('PayFiP is asked once at a time per idOp, however often it is sent', () => {
  test('twenty notifications and returns at once for one pending idOp: one question to PayFiP, the same answer to each', async () => {
    const { idop } = await opened('Stage rafale', '14,00', 1400);
    const asked = (await detailCalls(idop)).length;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => settleAttempt(p.t.db, p.t.env, idop, i % 2 ? 'notification' : 'return')));
    assert.ok(results.every((r) => r.status === 'pending'));
    assert.equal((await detailCalls(idop)).length - asked, 2, 'one question for the notifications, one for the returns');
    // Once answered, the next request asks again (the family's "Vérifier à nouveau").
    await settleAttempt(p.t.db, p.t.env, idop, 'return');
    assert.equal((await detailCalls(idop)).length - asked, 3);
  });
});

describe('PayFiP results: P5, P1 and A as the real service answers them', () => {
  test('P5 while the family is still on the page: the attempt stays pending', async () => {
    const { c, idop } = await opened('Stage P5', '12,00', 1200);
    const back = await returnOf(c, idop);
    assert.equal(back.status, 200);
    assert.equal(back.body.status, 'pending');
    const calls = await detailCalls(idop);
    assert.equal(calls.length, 1);
    assert.match(calls[0].response, /<code>P5<\/code>/);
    assert.equal((await p.attemptOf(idop)).status, 'pending');
  });

  test('P5 once the idOp expired: the attempt becomes expired, the job stops asking, a new page can open', async () => {
    const { c, invoiceId, idop } = await opened('Stage P5 expire', '13,00', 1300);
    const run = await reconcilePayfip(p.t.db, p.t.env, { now: later() });
    assert.equal(run.settled, run.checked);
    const attempt = await p.attemptOf(idop);
    assert.equal(attempt.status, 'expired');
    assert.equal((await p.paymentsOf(invoiceId)).length, 0);
    const [log] = await p.t.db.select().from(auditLog).where(and(eq(auditLog.action, 'payfip.expired'), eq(auditLog.targetId, attempt.id)));
    assert.match(JSON.stringify(log.details), /P5/);

    const asked = (await detailCalls(idop)).length;
    assert.deepEqual(await reconcilePayfip(p.t.db, p.t.env, { now: later() }), { checked: 0, settled: 0 });
    assert.equal((await detailCalls(idop)).length, asked, 'an expired attempt is not asked about again');

    const again = await p.start(c, invoiceId, 1300);
    assert.equal(again.status, 201);
    assert.notEqual(again.body.idOp, idop);
    const open = await p.t.db.select().from(payfipAttempt).where(and(eq(payfipAttempt.invoiceId, invoiceId), eq(payfipAttempt.status, 'pending')));
    assert.equal(open.length, 1, 'one open payment page per invoice');
    const back = await returnOf(c, idop);
    assert.equal(back.body.status, 'expired');
  });

  test('P1 (idOp unknown) once the idOp expired: expired', async () => {
    const { idop, paymentUrl } = await opened('Stage P1', '14,00', 1400);
    await p.control({ avanceMs: IDOP_LIFETIME_MS + 60_000, apresExpiration: 'P1' });
    try {
      assert.match(await (await fetch(paymentUrl)).text(), /Délai de paiement dépassé/);
      await reconcilePayfip(p.t.db, p.t.env, { now: later() });
    } finally {
      await p.control({ reinitialiser: true });
    }
    assert.match((await detailCalls(idop)).at(-1)!.response, /<code>P1<\/code>/);
    assert.equal((await p.attemptOf(idop)).status, 'expired');
  });

  test('A while the idOp is valid is not final: the family comes back to the page and pays', async () => {
    const { c, invoiceId, idop, paymentUrl } = await opened('Stage retour', '15,00', 1500);
    await p.payThroughPage(paymentUrl, 'abandonner');
    const attempt = await p.attemptOf(idop);
    assert.equal(attempt.status, 'pending');
    assert.equal(attempt.resultrans, 'A');
    const back = await returnOf(c, idop);
    assert.equal(back.body.status, 'pending');
    assert.equal(back.body.resultrans, 'A');
    // Paying again resumes the same page, which still takes the payment.
    const resumed = await p.start(c, invoiceId, 1500);
    assert.equal(resumed.body.idOp, idop);
    await p.payThroughPage(resumed.body.paymentUrl, 'valider');
    assert.equal((await p.attemptOf(idop)).status, 'paid');
    assert.deepEqual((await p.paymentsOf(invoiceId)).map((x) => x.amountCents), [1500]);
  });

  test('A, then the idOp expires: abandoned', async () => {
    const { invoiceId, idop, paymentUrl } = await opened('Stage abandon', '16,00', 1600);
    await p.payThroughPage(paymentUrl, 'abandonner');
    assert.deepEqual(await reconcilePayfip(p.t.db, p.t.env), { checked: 0, settled: 0 });
    assert.equal((await p.attemptOf(idop)).status, 'pending');
    assert.deepEqual(await reconcilePayfip(p.t.db, p.t.env, { now: later() }), { checked: 1, settled: 1 });
    assert.equal((await p.attemptOf(idop)).status, 'abandoned');
    assert.equal((await p.paymentsOf(invoiceId)).length, 0);
  });

  test('a payment made after the attempt was marked expired is still recorded when PayFiP notifies it', async () => {
    const { invoiceId, idop, paymentUrl } = await opened('Stage tardif', '17,00', 1700);
    await reconcilePayfip(p.t.db, p.t.env, { now: later() });
    assert.equal((await p.attemptOf(idop)).status, 'expired');
    await p.payThroughPage(paymentUrl, 'valider');
    assert.equal((await p.attemptOf(idop)).status, 'paid');
    assert.deepEqual((await p.paymentsOf(invoiceId)).map((x) => x.amountCents), [1700]);
  });
});

describe('PayFiP results: the decision for each answer, idOp valid or expired', () => {
  const fake = (answer: PayfipFault | Partial<PaymentDetail>): PayfipClient => ({
    creerPaiementSecurise: async () => ({ idOp: 'unused' }),
    recupererDetailPaiementSecurise: async () => {
      if (answer instanceof PayfipFault) throw answer;
      return answer as PaymentDetail;
    },
  });
  const fault = (code: string) => new PayfipFault({ type: 'FonctionnelleErreur', code, descriptif: '', libelle: code, message: '', severite: 2 });
  for (const [name, answer, whileValid, onceExpired] of [
    ['P5', fault('P5'), 'pending', 'expired'],
    ['P1', fault('P1'), 'pending', 'expired'],
    ['A', { resultrans: 'A' }, 'pending', 'abandoned'],
    ['R', { resultrans: 'R' }, 'refused', 'refused'],
    ['unavailable', new PayfipFault({ type: 'TechIndisponibiliteErreur', code: 'I1', descriptif: '', libelle: '', message: '', severite: 1 }), 'pending', 'pending'],
  ] as const) {
    test(`${name}: ${whileValid} while the idOp is valid, ${onceExpired} once it expired`, async () => {
      for (const [now, expected] of [[new Date(), whileValid], [later(), onceExpired]] as const) {
        const { idop } = await opened(`Decision ${name}`, '10,00', 1000);
        const result = await settleAttempt(p.t.db, p.t.env, idop, 'reconciliation', fake(answer), now);
        assert.equal(result.status, expected);
        assert.equal((await p.attemptOf(idop)).status, expected);
        // Leave no open page behind for the next invoice of this test.
        await p.t.db.update(payfipAttempt).set({ status: 'error' }).where(and(eq(payfipAttempt.idOp, idop), eq(payfipAttempt.status, 'pending')));
      }
    });
  }
});

describe('PayFiP results: a result for another reference or client number is a mismatch', () => {
  for (const [field, value] of [['refdet', 'FACT20269999'], ['numcli', '999999']] as const) {
    test(`${field} differs: stored as mismatch, never paid, logged for the secretariat`, async () => {
      const { secretariat, invoiceId, paymentUrl } = await opened(`Stage ${field}`, '21,00', 2100);
      await p.control({ [`${field}Modifie`]: value });
      let idop: string;
      try {
        idop = await p.payThroughPage(paymentUrl, 'valider');
      } finally {
        await p.control({ reinitialiser: true });
      }
      const attempt = await p.attemptOf(idop);
      assert.equal(attempt.status, 'mismatch');
      assert.equal(attempt.paymentId, null);
      assert.equal((await p.paymentsOf(invoiceId)).length, 0);
      const [log] = await p.t.db.select().from(auditLog).where(and(eq(auditLog.action, 'payfip.mismatch'), eq(auditLog.targetId, attempt.id)));
      assert.match(JSON.stringify(log.details), new RegExp(`${field} ${value}`));
      const list = await secretariat.json<Array<{ idOp: string; status: string; problems: string[] }>>('/api/admin/billing/payfip-attempts');
      assert.ok(list.body.find((a) => a.idOp === idop)!.problems.some((x) => x.startsWith(field)));
    });
  }
});

describe('PayFiP: amounts below 1,00 €', () => {
  test('the server refuses to open a payment page below 1,00 €, with a clear error, and asks PayFiP nothing', async () => {
    const { invoiceId } = await p.newInvoice('Photocopies', '0,50');
    const c = await p.familyClient();
    const before = (await p.journal()).length;
    const r = await p.start(c, invoiceId, 50);
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'amount_below_minimum');
    assert.match(r.body.error.message, /1,00\s€/);
    assert.equal((await p.t.db.select().from(payfipAttempt).where(eq(payfipAttempt.invoiceId, invoiceId))).length, 0);
    assert.equal((await p.journal()).length, before);
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { payfipObjet, payfipRequestSchema } from '../../shared/billing-schemas.ts';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import { auditLog, payfipAttempt, user as userTable } from '../../server/db/schema/index.ts';
import { createPayfipClient, PayfipFault } from '../../server/payfip/client.ts';
import { reconcilePayfip } from '../../server/payfip/reconcile.ts';
import { PAYFIP_NS, SOAP_ENV_NS } from '../../server/payfip/soap.ts';
import { parseXml, type XmlElement } from '../../server/payfip/xml.ts';
import { startPayfipServer, type PayfipServer } from '../helpers/payfip-server.ts';
import { DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

/* ------------------------------------------------------------------------------------------------
 * A small checker of instance documents against the shipped XSDs (server/payfip/wsdl/): element
 * names, namespaces (qualified top-level elements, unqualified locals), arg0/return nesting, the
 * sequences' order, required elements, and no element the schema does not declare.
 * ---------------------------------------------------------------------------------------------- */
interface Particle { name: string; type: string; min: number }
const XS = 'http://www.w3.org/2001/XMLSchema';
const schemaElements = new Map<string, string>(); // {ns}name → {ns}type
const complexTypes = new Map<string, Particle[]>(); // {ns}name → sequence

for (const file of ['PaiementSecuriseService_schema1.xsd', 'PaiementSecuriseService_schema2.xsd', 'PaiementSecuriseService_schema3.xsd']) {
  const text = readFileSync(new URL(`../../server/payfip/wsdl/${file}`, import.meta.url), 'utf8');
  const prefixes = new Map([...text.matchAll(/xmlns:(\w+)="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const root = parseXml(text);
  const tns = root.attrs.targetNamespace;
  const q = (qname: string) => {
    const [p, l] = qname.split(':');
    return `{${prefixes.get(p)}}${l}`;
  };
  for (const el of root.children) {
    if (el.ns !== XS) continue;
    if (el.local === 'element') schemaElements.set(`{${tns}}${el.attrs.name}`, q(el.attrs.type));
    if (el.local === 'complexType') {
      const seq = el.children.find((c) => c.local === 'sequence');
      complexTypes.set(`{${tns}}${el.attrs.name}`, (seq?.children ?? []).map((p) => ({ name: p.attrs.name, type: q(p.attrs.type), min: p.attrs.minOccurs === undefined ? 1 : Number(p.attrs.minOccurs) })));
    }
  }
}

function checkContent(el: XmlElement, type: string, path: string) {
  if (type === `{${XS}}string` || type === `{${XS}}int`) {
    assert.equal(el.children.length, 0, `${path}: simple content expected`);
    if (type === `{${XS}}int`) assert.match(el.text.trim(), /^-?\d+$/, `${path}: xs:int expected`);
    return;
  }
  const seq = complexTypes.get(type);
  assert.ok(seq, `${path}: unknown type ${type}`);
  let i = 0;
  for (const particle of seq) {
    const c = el.children[i];
    if (c && c.local === particle.name) {
      assert.equal(c.ns, '', `${path}/${c.local} must be unqualified`);
      checkContent(c, particle.type, `${path}/${c.local}`);
      i++;
    } else {
      assert.equal(particle.min, 0, `${path}: required <${particle.name}> missing`);
    }
  }
  assert.equal(i, el.children.length, `${path}: unexpected or misplaced <${el.children[i]?.local}>`);
}

/** Checks a SOAP message against the XSD; returns the Body's element local name. */
function checkSoap(xml: string): string {
  const env = parseXml(xml);
  assert.equal(env.ns, SOAP_ENV_NS);
  assert.equal(env.local, 'Envelope');
  const body = env.children.find((c) => c.local === 'Body' && c.ns === SOAP_ENV_NS)!;
  assert.equal(body.children.length, 1);
  let content = body.children[0];
  if (content.local === 'Fault' && content.ns === SOAP_ENV_NS) {
    const detail = content.children.find((c) => c.local === 'detail')!;
    content = detail.children[0];
  }
  const key = `{${content.ns}}${content.local}`;
  const type = schemaElements.get(key);
  assert.ok(type, `${key} is not a global element of the WSDL's schemas`);
  assert.equal(content.ns, PAYFIP_NS);
  checkContent(content, type, content.local);
  return content.local;
}

/* ------------------------------------------- set-up ------------------------------------------- */

let p: PayfipServer;
let t: TestApp;
let base: string;

before(async () => {
  p = await startPayfipServer();
  ({ t, base } = p);
});
after(() => p.close());

const control = (body: object) => p.control(body);
const journal = () => p.journal();
const familyClient = (account?: readonly [string, string]) => p.familyClient(account);
const invoiceBySerial = (serial: string) => p.invoiceBySerial(serial);
const payThroughPage = (paymentUrl: string, outcome: 'valider' | 'refuser' | 'abandonner') => p.payThroughPage(paymentUrl, outcome);
const start = (c: TestClient, invoiceId: string, amountCents: number) => p.start(c, invoiceId, amountCents);
const paymentsOf = (invoiceId: string) => p.paymentsOf(invoiceId);
const attemptOf = (idOp: string) => p.attemptOf(idOp);

/* ------------------------------------------- tests -------------------------------------------- */

describe('PayFiP through the simulator', () => {
  test('refused (R): no payment, the invoice stays due, the return page says so', async () => {
    const c = await familyClient();
    const inv = await invoiceBySerial('0877');
    const started = await start(c, inv.id, 18400);
    assert.equal(started.status, 201);
    assert.match(started.body.paymentUrl, /\/payfip-simulateur\/paiementws\.web\?idop=/);
    const idop = await payThroughPage(started.body.paymentUrl, 'refuser');
    assert.equal((await attemptOf(idop)).status, 'refused');
    assert.equal((await paymentsOf(inv.id)).length, 0);
    const back = await c.json('/api/billing/payfip/return', { json: { idop } });
    assert.equal(back.status, 200);
    assert.equal(back.body.status, 'refused');
    assert.equal(back.body.invoiceNumber, inv.number);
  });

  test('abandoned (A): no payment; the page stays open to the family until its idOp expires', async () => {
    const c = await familyClient();
    const inv = await invoiceBySerial('0877');
    const started = await start(c, inv.id, 18400);
    const idop = await payThroughPage(started.body.paymentUrl, 'abandonner');
    const attempt = await attemptOf(idop);
    assert.equal(attempt.status, 'pending');
    assert.equal(attempt.resultrans, 'A');
    assert.equal((await paymentsOf(inv.id)).length, 0);
  });

  test('paid (P): one payment with numauto, date and time; duplicate notifications and reloads record nothing more', async () => {
    const c = await familyClient();
    const inv = await invoiceBySerial('0877');
    const started = await start(c, inv.id, 18400);
    // A second click while the first page is still valid resumes the same transaction.
    const again = await start(c, inv.id, 18400);
    assert.equal(again.body.idOp, started.body.idOp);
    const idop = await payThroughPage(started.body.paymentUrl, 'valider');

    const attempt = await attemptOf(idop);
    assert.equal(attempt.status, 'paid');
    assert.equal(attempt.resultrans, 'P');
    assert.match(attempt.numauto!, /^\d{6}$/);
    assert.match(attempt.paidAt!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

    // Duplicated notification (idop and idOp spellings, form and JSON), reloaded return page.
    const notify = (init: RequestInit) => fetch(`${base}/api/billing/payfip/notification`, { method: 'POST', ...init });
    assert.equal((await notify({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `idop=${idop}` })).status, 200);
    assert.equal((await notify({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `idOp=${idop}` })).status, 200);
    assert.equal((await notify({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idOp: idop }) })).status, 200);
    await Promise.all([1, 2, 3].map(() => c.json('/api/billing/payfip/return', { json: { idop } })));
    const form = await t.app.request('/famille/facturation/paiement/retour', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `idop=${idop}` });
    assert.equal(form.status, 303);
    assert.equal(form.headers.get('location'), `/famille/facturation/paiement/retour?idop=${idop}`);

    const payments = await paymentsOf(inv.id);
    assert.equal(payments.length, 1);
    assert.equal(payments[0].mode, 'payfip');
    assert.equal(payments[0].amountCents, 18400);
    assert.equal(payments[0].operationNumber, attempt.numauto);
    assert.equal(payments[0].id, attempt.paymentId);
    assert.equal(payments[0].schoolYear, inv.schoolYear);

    const back = await c.json('/api/billing/payfip/return', { json: { idop } });
    assert.equal(back.body.status, 'paid');
    assert.equal(back.body.paymentId, payments[0].id);

    // Settled: no further online payment.
    const more = await start(c, inv.id, 18400);
    assert.equal(more.status, 409);
    assert.equal(more.body.error.code, 'already_paid');

    // The family's pull carries the payment and the attempt.
    const pulled = (await c.json<PullResponse>('/api/sync?cursor=0')).body;
    assert.ok(pulled.changes.payments!.some((p) => p.id === payments[0].id));
    assert.ok(pulled.changes.payfipAttempts!.some((a) => a.idOp === idop && a.status === 'paid'));
  });

  test('every SOAP message exchanged has the WSDL shape (requests, responses, faults)', async () => {
    const entries = await journal();
    const ops = new Set(entries.map((e) => e.operation));
    assert.ok(ops.has('creerPaiementSecurise') && ops.has('recupererDetailPaiementSecurise'));
    const seen = new Set<string>();
    for (const e of entries) {
      seen.add(checkSoap(e.request));
      seen.add(checkSoap(e.response));
    }
    for (const name of ['creerPaiementSecurise', 'creerPaiementSecuriseResponse', 'recupererDetailPaiementSecurise', 'recupererDetailPaiementSecuriseResponse']) {
      assert.ok(seen.has(name), `${name} exchanged and checked`);
    }
    const creer = parseXml(entries.find((e) => e.operation === 'creerPaiementSecurise')!.request);
    const arg0 = creer.children[1].children[0].children[0];
    assert.equal(arg0.local, 'arg0');
    const fields = Object.fromEntries(arg0.children.map((f) => [f.local, f.text]));
    assert.equal(fields.refdet, (await invoiceBySerial('0877')).number);
    assert.equal(fields.montant, '18400');
    assert.equal(fields.numcli, '000000');
    assert.equal(fields.saisie, 'T');
    assert.equal(fields.urlnotif, `${base}/api/billing/payfip/notification`);
    assert.equal(fields.urlredirect, `${base}/famille/facturation/paiement/retour`);
    assert.match(fields.objet, /^[\x20-\x7e]{1,100}$/);
  });

  test('the shape checker itself refuses a qualified arg0, a wrong order and an unknown field', () => {
    const wrap = (inner: string) => `<s:Envelope xmlns:s="${SOAP_ENV_NS}"><s:Body><p:creerPaiementSecurise xmlns:p="${PAYFIP_NS}">${inner}</p:creerPaiementSecurise></s:Body></s:Envelope>`;
    assert.doesNotThrow(() => checkSoap(wrap('<arg0><exer>2026</exer><montant>1</montant></arg0>')));
    assert.throws(() => checkSoap(wrap('<p:arg0><exer>2026</exer></p:arg0>')));
    assert.throws(() => checkSoap(wrap('<arg0><montant>1</montant><exer>2026</exer></arg0>')));
    assert.throws(() => checkSoap(wrap('<arg0><amount>1</amount></arg0>')));
    assert.throws(() => checkSoap(wrap('<return><idOp>1</idOp></return>')));
  });

  test('faults: the simulator answers the four fault types in the WSDL shape; the adapter reads them', async () => {
    const client = createPayfipClient({ url: `${base}/payfip-simulateur/services/securite` });
    const good = { exer: '2026', mel: 'a@b.fr', montant: '100', numcli: '000000', objet: 'Test', refdet: 'FACT01', saisie: 'T', urlnotif: `${base}/n`, urlredirect: `${base}/r` };
    const refused = (code: string) => (e: unknown) => e instanceof PayfipFault && e.fault.type === 'FonctionnelleErreur' && e.fault.code === code;
    await assert.rejects(client.creerPaiementSecurise({ ...good, numcli: '12345' }), refused('R1'));
    for (const objet of ['Cotisation année', 'Cotisation 2026/2027 - 1er trimestre', 'x'.repeat(101)]) {
      await assert.rejects(client.creerPaiementSecurise({ ...good, objet }), refused('R5'), objet);
    }
    for (const refdet of ['FACT1', 'FACT-2026', 'A'.repeat(31), '']) await assert.rejects(client.creerPaiementSecurise({ ...good, refdet }), refused('R3'), refdet);
    for (const montant of ['99', '0', '12.5']) await assert.rejects(client.creerPaiementSecurise({ ...good, montant }), refused('R4'), montant);
    await assert.rejects(client.creerPaiementSecurise({ ...good, mel: 'pas-une-adresse' }), refused('A2'));
    assert.ok((await client.creerPaiementSecurise({ ...good, refdet: 'A'.repeat(30) })).idOp);
    await assert.rejects(client.recupererDetailPaiementSecurise('inconnu'), refused('P1'));
    await control({ indisponible: true });
    await assert.rejects(client.recupererDetailPaiementSecurise('x'), (e: unknown) => e instanceof PayfipFault && e.fault.type === 'TechIndisponibiliteErreur');
    await control({ reinitialiser: true });
    const bad = await fetch(`${base}/payfip-simulateur/services/securite`, { method: 'POST', body: '<x/>' });
    assert.equal(bad.status, 500);
    const faults = (await journal()).filter((e) => e.status === 500);
    assert.ok(faults.length >= 4);
    const types = new Set(faults.map((f) => checkSoap(f.response)));
    for (const type of ['FonctionnelleErreur', 'TechIndisponibiliteErreur', 'TechProtocolaireErreur']) assert.ok(types.has(type), type);
  });

  test('a lost notification is recovered by the reconciliation job once the idOp expired', async () => {
    const secretariat = await familyClient(DEMO.secretariat);
    const fam = (await t.db.select({ familyId: userTable.familyId }).from(userTable).where(eq(userTable.username, 'famille.demo')))[0];
    const created = await secretariat.json('/api/admin/billing/invoices', {
      json: { familyId: fam.familyId, schoolYear: '2026/2027', label: 'Stage de printemps', date: '2026-11-28', dueDate: '2026-12-28', lines: [{ label: 'Stage', quantity: 1, unitPrice: '45,00' }] },
    });
    assert.equal(created.status, 201);
    const c = await familyClient();
    await control({ notification: 'drop' });
    const started = await start(c, created.body.id, 4500);
    const idop = await payThroughPage(started.body.paymentUrl, 'valider');
    await control({ reinitialiser: true });
    assert.equal((await attemptOf(idop)).status, 'pending', 'nobody told us yet');

    assert.deepEqual(await reconcilePayfip(t.db, t.env), { checked: 0, settled: 0 }, 'not expired yet: left alone');
    const later = new Date(Date.now() + 16 * 60 * 1000);
    assert.deepEqual(await reconcilePayfip(t.db, t.env, { now: later }), { checked: 1, settled: 1 });
    assert.equal((await attemptOf(idop)).status, 'paid');
    assert.equal((await paymentsOf(created.body.id)).length, 1);
    assert.deepEqual(await reconcilePayfip(t.db, t.env, { now: later }), { checked: 0, settled: 0 });
  });

  test('a tampered amount is never recorded as paid, and is logged for the secretariat', async () => {
    const secretariat = await familyClient(DEMO.secretariat);
    const fam = (await t.db.select({ familyId: userTable.familyId }).from(userTable).where(eq(userTable.username, 'famille.demo')))[0];
    const created = await secretariat.json('/api/admin/billing/invoices', {
      json: { familyId: fam.familyId, schoolYear: '2026/2027', label: 'Location instrument', date: '2026-11-28', dueDate: '2026-12-28', lines: [{ label: 'Violon 3/4', quantity: 1, unitPrice: '60,00' }] },
    });
    const c = await familyClient();
    // The family cannot start a payment of another amount than what is due.
    const wrong = await start(c, created.body.id, 100);
    assert.equal(wrong.status, 409);
    assert.equal(wrong.body.error.code, 'amount_changed');

    await control({ montantModifie: '100' });
    const started = await start(c, created.body.id, 6000);
    const idop = await payThroughPage(started.body.paymentUrl, 'valider');
    await control({ reinitialiser: true });
    assert.equal((await attemptOf(idop)).status, 'mismatch');
    assert.equal((await paymentsOf(created.body.id)).length, 0);
    const [log] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'payfip.mismatch'), eq(auditLog.targetId, (await attemptOf(idop)).id)));
    assert.ok(log);
    assert.match(JSON.stringify(log.details), /montant 100/);
    const list = await secretariat.json<Array<{ idOp: string; status: string; problems: string[] }>>('/api/admin/billing/payfip-attempts');
    const row = list.body.find((a) => a.idOp === idop)!;
    assert.equal(row.status, 'mismatch');
    assert.ok(row.problems.some((p) => p.includes('montant')));
  });

  const newInvoice = (label: string, unitPrice: string) => p.newInvoice(label, unitPrice);

  test('two clicks at once open one payment page, never two', async () => {
    const { invoiceId } = await newInvoice('Stage d’été', '50,00');
    const c = await familyClient();
    const answers = await Promise.all([start(c, invoiceId, 5000), start(c, invoiceId, 5000), start(c, invoiceId, 5000)]);
    const opened = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.idOp));
    assert.equal(opened.size, 1, JSON.stringify(answers.map((a) => [a.status, a.body])));
    for (const a of answers.filter((x) => x.status !== 201)) assert.equal(a.body.error.code, 'payment_in_progress');
    const attempts = await t.db.select().from(payfipAttempt).where(eq(payfipAttempt.invoiceId, invoiceId));
    assert.equal(attempts.length, 1);
    await payThroughPage(`${base}/payfip-simulateur/paiementws.web?idop=${[...opened][0]}`, 'valider');
    assert.deepEqual((await paymentsOf(invoiceId)).map((p) => p.amountCents), [5000]);
  });

  test('while a payment page is open or its result unknown, the desk can record neither a payment nor a discount; long after, it can', async () => {
    const { secretariat, invoiceId } = await newInvoice('Location de partitions', '30,00');
    const c = await familyClient();
    const started = await start(c, invoiceId, 3000);
    assert.equal(started.status, 201);
    const cheque = await secretariat.json('/api/admin/billing/payments', { json: { invoiceId, mode: 'cheque', date: '2026-11-28', amount: '30,00' } });
    assert.equal(cheque.status, 409);
    assert.equal(cheque.body.error.code, 'payfip_open');
    assert.match(cheque.body.error.message, /Réessayez après \d{2}:\d{2}/);
    const reduction = await secretariat.json('/api/admin/billing/discounts', { json: { invoiceId, date: '2026-11-28', label: 'Geste', amount: '5,00' } });
    assert.equal(reduction.status, 409);
    assert.equal((await paymentsOf(invoiceId)).length, 0);

    // The page just expired, its result not known yet (a last-minute payment's notification may be lost): still no.
    await t.db.update(payfipAttempt).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(payfipAttempt.idOp, started.body.idOp));
    const unknown = await secretariat.json('/api/admin/billing/payments', { json: { invoiceId, mode: 'cheque', date: '2026-11-28', amount: '30,00' } });
    assert.equal(unknown.status, 409);
    assert.match(unknown.body.error.message, /pas encore connu/);
    // The family tries again while PayFiP cannot be asked: the result stays unknown, no second page.
    await control({ indisponible: true });
    const familyAgain = await start(c, invoiceId, 3000);
    await control({ reinitialiser: true });
    assert.equal(familyAgain.status, 409);
    assert.equal(familyAgain.body.error.code, 'payment_result_pending');

    // Long expired without a result (the family left): the desk may take the cheque.
    await t.db.update(payfipAttempt).set({ expiresAt: new Date(Date.now() - 31 * 60_000).toISOString() }).where(eq(payfipAttempt.idOp, started.body.idOp));
    const later = await secretariat.json('/api/admin/billing/payments', { json: { invoiceId, mode: 'cheque', date: '2026-11-28', amount: '30,00' } });
    assert.equal(later.status, 201, JSON.stringify(later.body));
    const again = await start(c, invoiceId, 3000);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_paid');
  });

  test("another family's invoice: 404 to pay it, 404 for its return, never in the pull", async () => {
    const martin = await familyClient(DEMO.martin);
    const inv = await invoiceBySerial('0877');
    const r = await start(martin, inv.id, 18400);
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
    assert.equal(JSON.stringify(r.body).includes(inv.number), false);
    const [attempt] = await t.db.select().from(payfipAttempt).where(eq(payfipAttempt.invoiceId, inv.id));
    assert.equal((await martin.json('/api/billing/payfip/return', { json: { idop: attempt.idOp } })).status, 404);
    const pulled = (await martin.json<PullResponse>('/api/sync?cursor=0')).body;
    assert.equal(JSON.stringify(pulled).includes(inv.number), false);
    assert.equal((pulled.changes.payfipAttempts ?? []).some((a) => a.invoiceId === inv.id), false);
    // Anonymous and secretariat cannot start a family payment.
    assert.equal((await new TestClient(t.app).json(`/api/billing/invoices/${inv.id}/payfip`, { json: { amountCents: 1 } })).status, 401);
    assert.equal((await start(await familyClient(DEMO.secretariat), inv.id, 18400)).status, 403);
  });
});

describe('PayFiP field rules', () => {
  const ok = { exer: '2026', mel: 'a@b.fr', montant: 18400, numcli: '000000', objet: 'Cotisation 2026 2027 2e trimestre FACT20260877', refdet: 'FACT20260877', saisie: 'T', urlnotif: 'http://x/n', urlredirect: 'http://x/r' };
  test('a valid request passes', () => assert.equal(payfipRequestSchema.safeParse(ok).success, true));
  test('limits that pass: montant 1,00 €, refdet of 6 and of 30 characters', () => {
    for (const change of [{ montant: 100 }, { refdet: 'ABC123' }, { refdet: 'A'.repeat(30) }]) assert.equal(payfipRequestSchema.safeParse({ ...ok, ...change }).success, true, JSON.stringify(change));
  });
  for (const [field, value] of [
    ['numcli', '12345'], ['numcli', '1234567'], ['numcli', '12a456'],
    ['refdet', ''], ['refdet', 'FACT1'], ['refdet', 'FACT-2026'], ['refdet', 'A'.repeat(31)], ['refdet', 'FACT 20260'],
    ['objet', 'Cotisation année'], ['objet', 'x'.repeat(101)], ['objet', 'Cotisation 2026/2027'], ['objet', 'Cotisation - 1er trimestre'], ['objet', 'Cotisation, stage'],
    ['montant', 12.5], ['montant', 0], ['montant', -100], ['montant', 99],
    ['saisie', 'P'],
  ] as const) {
    test(`${field} = ${JSON.stringify(value).slice(0, 20)} is refused`, () => {
      const r = payfipRequestSchema.safeParse({ ...ok, [field]: value });
      assert.equal(r.success, false);
      assert.equal(r.error!.issues[0].path[0], field);
    });
  }
  test('objet: letters, digits and single spaces only, accents removed, ≤ 100 characters', () => {
    assert.equal(payfipObjet('Cotisation 2026/2027 - 1er trimestre FACT20260877'), 'Cotisation 2026 2027 1er trimestre FACT20260877');
    assert.equal(payfipObjet('Cotisation 2026/2027 — 2e trimestre, Éveil musical'), 'Cotisation 2026 2027 2e trimestre Eveil musical');
    assert.equal(payfipObjet('  Stage d’été : Œuvres & Ægir — Straße  '), 'Stage d ete OEuvres AEgir Strasse');
    assert.equal(payfipObjet('é'.repeat(300)), 'e'.repeat(100));
    assert.equal(payfipObjet(`${'a'.repeat(99)} b`), 'a'.repeat(99));
    for (const text of ['Œuvre € ½', 'tab\there\nnewline', '日本語 FACT1', '\u202eFACT']) assert.match(payfipObjet(text), /^([A-Za-z0-9]+( [A-Za-z0-9]+)*)?$/, text);
  });
});

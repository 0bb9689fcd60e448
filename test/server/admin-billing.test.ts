import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import { auditLog, family, invoice, invoiceLine, payment, discount, user as userTable } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function as(account: readonly [string, string], site = 'Mantes') {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}
const familyIdOf = async (username: string) => (await t.db.select({ id: userTable.familyId }).from(userTable).where(eq(userTable.username, username)))[0].id!;
const invoiceBySerial = async (serial: string) => (await t.db.select().from(invoice).where(like(invoice.number, `FACT%${serial}`)))[0];

describe('/api/admin/billing: roles and sites', () => {
  test('anonymous 401, family and teacher 403 on every route', async () => {
    assert.equal((await new TestClient(t.app).json('/api/admin/billing/families')).status, 401);
    for (const account of [DEMO.family, DEMO.teacher]) {
      const c = await as(account);
      for (const [path, json] of [
        ['/api/admin/billing/families', undefined],
        ['/api/admin/billing/payfip-attempts', undefined],
        ['/api/admin/billing/invoices', {}],
        ['/api/admin/billing/payments', {}],
        ['/api/admin/billing/discounts', {}],
      ] as const) {
        const r = await c.json(path, { json });
        assert.equal(r.status, 403, `${account[0]} ${path}`);
      }
    }
  });

  test("another site's secretariat: its families only, 404 on a Mantes family or invoice", async () => {
    const limay = await as(DEMO.secretariatLimay, 'Limay');
    const families = (await limay.json<Array<{ lastName: string }>>('/api/admin/billing/families')).body;
    assert.ok(families.length > 0);
    assert.equal(families.some((f) => f.lastName === 'Lefèvre'), false);
    const lefevre = await familyIdOf('famille.demo');
    assert.equal((await limay.json(`/api/admin/billing/families/${lefevre}`)).status, 404);
    const inv = await invoiceBySerial('0877');
    const pay = await limay.json('/api/admin/billing/payments', { json: { invoiceId: inv.id, mode: 'cash', date: '2026-11-28', amount: '10' } });
    assert.equal(pay.status, 404);
    const create = await limay.json('/api/admin/billing/invoices', {
      json: { familyId: lefevre, schoolYear: '2026/2027', label: 'X', date: '2026-11-28', dueDate: '2026-11-28', lines: [{ label: 'X', quantity: 1, unitPrice: '1' }] },
    });
    assert.equal(create.status, 404);
    assert.equal((await t.db.select().from(payment).where(eq(payment.invoiceId, inv.id))).length, 0);
  });
});

describe('/api/admin/billing: the secretariat at work', () => {
  test('families with a balance due', async () => {
    const c = await as(DEMO.secretariat);
    const r = await c.json<Array<{ id: string; lastName: string; dueCents: number; unpaidInvoices: number }>>('/api/admin/billing/families');
    assert.equal(r.status, 200);
    const lefevre = r.body.find((f) => f.lastName === 'Lefèvre')!;
    assert.equal(lefevre.dueCents, 18400);
    assert.equal(lefevre.unpaidInvoices, 1);
    assert.equal(r.body.find((f) => f.lastName === 'Martin')!.dueCents, 0);
  });

  test('the list sums in SQL what the family detail computes per invoice: an overpaid invoice offsets no other', async () => {
    const c = await as(DEMO.secretariat);
    const lefevre = await familyIdOf('famille.demo');
    const before = (await c.json<{ invoices: Array<typeof invoice.$inferSelect & { dueCents: number }> }>(`/api/admin/billing/families/${lefevre}`)).body;
    const paid = before.invoices.find((i) => i.dueCents === 0)!;
    // An overpayment (the desk refuses one; an imported or PayFiP-reconciled payment may still make it).
    await t.db.insert(payment).values({ familyId: lefevre, invoiceId: paid.id, date: '2026-11-28', mode: 'cheque', amountCents: paid.amountCents + 5000, schoolYear: paid.schoolYear, version: 1 });
    await t.db.insert(discount).values({ familyId: lefevre, invoiceId: paid.id, date: '2026-11-28', label: 'Remise test', amountCents: 100, schoolYear: paid.schoolYear, version: 1 });
    type Row = { id: string; lastName: string; firstName: string; dueCents: number; unpaidInvoices: number };
    const list = (await c.json<Row[]>('/api/admin/billing/families')).body;
    assert.equal(list.find((f) => f.id === lefevre)!.dueCents, 18400, 'the overpaid invoice does not lower the other one');
    for (const row of list) {
      const detail = (await c.json<{ invoices: Array<{ dueCents: number }> }>(`/api/admin/billing/families/${row.id}`)).body;
      assert.equal(row.dueCents, detail.invoices.reduce((s, i) => s + Math.max(0, i.dueCents), 0), row.lastName);
      assert.equal(row.unpaidInvoices, detail.invoices.filter((i) => i.dueCents > 0).length, row.lastName);
    }
    assert.ok(list.some((f) => f.unpaidInvoices > 0) && list.some((f) => f.unpaidInvoices === 0));
    const names = list.map((f) => f.lastName);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'fr')));
    await t.db.delete(payment).where(and(eq(payment.invoiceId, paid.id), eq(payment.amountCents, paid.amountCents + 5000)));
    await t.db.delete(discount).where(and(eq(discount.invoiceId, paid.id), eq(discount.label, 'Remise test')));
  });

  test('create an invoice: numbered, lines summed, audited, in the family pull', async () => {
    const c = await as(DEMO.secretariat);
    const familyId = await familyIdOf('famille.martin');
    const martin = await as(DEMO.martin);
    const before = (await martin.json<PullResponse>('/api/sync?cursor=0')).body.cursor;
    const r = await c.json('/api/admin/billing/invoices', {
      json: {
        familyId, schoolYear: '2026/2027', label: 'Cotisation 2026/2027 — 2e trimestre', date: '2026-11-28', dueDate: '2026-12-28',
        lines: [{ label: 'Théo Martin — FM 1C3', quantity: 2, unitPrice: '36,00' }, { label: 'Partitions', quantity: 1, unitPrice: '12,50' }],
      },
    });
    assert.equal(r.status, 201);
    assert.match(r.body.number, /^FACT2026\d{4}$/);
    assert.equal(r.body.amountCents, 8450);
    const lines = await t.db.select().from(invoiceLine).where(eq(invoiceLine.invoiceId, r.body.id));
    assert.deepEqual(lines.map((l) => l.amountCents).sort(), [1250, 7200]);
    const [log] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'billing.invoice.create'), eq(auditLog.targetId, r.body.id)));
    assert.ok(log?.actorUserId);
    const pulled = (await martin.json<PullResponse>(`/api/sync?cursor=${before}`)).body;
    assert.ok(pulled.changes.invoices!.some((i) => i.id === r.body.id));
    assert.equal(pulled.changes.invoiceLines!.filter((l) => l.invoiceId === r.body.id).length, 2);
    // Numbers never repeat.
    const second = await c.json('/api/admin/billing/invoices', {
      json: { familyId, schoolYear: '2026/2027', label: 'Autre', date: '2026-11-28', dueDate: '2026-11-28', lines: [{ label: 'X', quantity: 1, unitPrice: '1' }] },
    });
    assert.notEqual(second.body.number, r.body.number);
  });

  test('invalid input: 422 with a French message per field', async () => {
    const c = await as(DEMO.secretariat);
    const r = await c.json('/api/admin/billing/invoices', { json: { familyId: '', schoolYear: '2026', label: '', date: 'hier', dueDate: '', lines: [] } });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'validation');
    for (const field of ['familyId', 'schoolYear', 'label', 'date', 'lines']) assert.ok(r.body.error.fields[field], field);
    const p = await c.json('/api/admin/billing/payments', { json: { invoiceId: 'x', mode: 'bitcoin', date: '2026-11-28', amount: 'douze' } });
    assert.equal(p.status, 422);
    assert.match(p.body.error.fields.mode, /chèque/);
    assert.match(p.body.error.fields.amount, /montant/);
  });

  test('a partial desk payment, a discount, then the rest: the invoice is settled; overpayment refused', async () => {
    const c = await as(DEMO.secretariat);
    const inv = await invoiceBySerial('0877');
    const cheque = await c.json('/api/admin/billing/payments', { json: { invoiceId: inv.id, mode: 'cheque', date: '2026-11-28', amount: '100,00', operationNumber: '7712345' } });
    assert.equal(cheque.status, 201);
    assert.equal(cheque.body.label, 'Chèque n° 7712345');
    assert.equal(cheque.body.schoolYear, inv.schoolYear);
    const remise = await c.json('/api/admin/billing/discounts', { json: { invoiceId: inv.id, date: '2026-11-28', label: 'Réduction famille nombreuse', amount: '20' } });
    assert.equal(remise.status, 201);
    const over = await c.json('/api/admin/billing/payments', { json: { invoiceId: inv.id, mode: 'cash', date: '2026-11-28', amount: '64,01' } });
    assert.equal(over.status, 422);
    assert.match(over.body.error.fields.amount, /64,00 €/);
    const rest = await c.json('/api/admin/billing/payments', { json: { invoiceId: inv.id, mode: 'cash', date: '2026-11-28', amount: '64' } });
    assert.equal(rest.status, 201);
    const families = (await c.json<Array<{ lastName: string; dueCents: number }>>('/api/admin/billing/families')).body;
    assert.equal(families.find((f) => f.lastName === 'Lefèvre')!.dueCents, 0);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.familyId, inv.familyId))).map((l) => l.action);
    assert.ok(actions.includes('billing.payment.create') && actions.includes('billing.discount.create'));
    assert.equal((await t.db.select().from(discount).where(eq(discount.invoiceId, inv.id))).length, 1);
    // The family's own pull shows the new rows.
    const fam = await as(DEMO.family);
    const pulled = (await fam.json<PullResponse>('/api/sync?cursor=0')).body;
    assert.equal(pulled.changes.payments!.filter((p) => p.invoiceId === inv.id).length, 2);
  });

  test('the family detail lists its invoices with what each still asks for', async () => {
    const c = await as(DEMO.secretariat);
    const familyId = await familyIdOf('famille.demo');
    const r = await c.json(`/api/admin/billing/families/${familyId}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.family.id, familyId);
    assert.equal(r.body.students.length, 3);
    assert.ok(r.body.invoices.every((i: { dueCents: number }) => typeof i.dueCents === 'number'));
    const [f] = await t.db.select().from(family).where(eq(family.id, familyId));
    assert.equal(r.body.family.lastName, f.lastName);
  });
});

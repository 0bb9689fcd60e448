import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { eq, like } from 'drizzle-orm';
import { invoice, payfipAttempt, payment, user as userTable } from '../../server/db/schema/index.ts';
import { SIMULATOR_TOKEN_HEADER } from '../../server/payfip/mount.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from './test-app.ts';

export { SIMULATOR_TOKEN_HEADER };

/** The test-only token of the simulator's controls and journal (PAYFIP_SIMULATOR_TOKEN). */
export const SIMULATOR_TOKEN = 'payfip-simulator-test-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface PayfipServer {
  t: TestApp;
  base: string;
  server: ServerType;
  close(): Promise<void>;
  /** POST /payfip-simulateur/controle with the test token. */
  control(body: object): Promise<Response>;
  /** GET /payfip-simulateur/journal with the test token. */
  journal(): Promise<Array<{ operation: string; request: string; response: string; status: number }>>;
  familyClient(account?: readonly [string, string]): Promise<TestClient>;
  invoiceBySerial(serial: string): Promise<typeof invoice.$inferSelect>;
  /** A fresh invoice of the demo family, made by the secretariat. */
  newInvoice(label: string, unitPrice: string): Promise<{ secretariat: TestClient; invoiceId: string }>;
  start(c: TestClient, invoiceId: string, amountCents: number): Promise<{ status: number; body: { paymentUrl: string; idOp: string; attemptId: string; error: { code: string; message: string } } }>;
  /** What a browser does on the simulator's page: the first button, then the chosen outcome. */
  payThroughPage(paymentUrl: string, outcome: 'valider' | 'refuser' | 'abandonner'): Promise<string>;
  attemptOf(idOp: string): Promise<typeof payfipAttempt.$inferSelect>;
  paymentsOf(invoiceId: string): Promise<Array<typeof payment.$inferSelect>>;
}

/**
 * The app with the PayFiP simulator on, behind a real HTTP server: the adapter reaches the
 * simulator, and the simulator our notification URL, by fetch.
 */
export async function startPayfipServer(env: Record<string, string> = {}): Promise<PayfipServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { PUBLIC_URL: base, PORT: String(port), PAYFIP_SIMULATOR: '1', PAYFIP_SIMULATOR_TOKEN: SIMULATOR_TOKEN, ...env } });
  const server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
  const token = { [SIMULATOR_TOKEN_HEADER]: SIMULATOR_TOKEN };

  const familyClient = async (account: readonly [string, string] = DEMO.family) => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(...account)).status, 200);
    return c;
  };

  return {
    t,
    base,
    server,
    close: async () => {
      await new Promise((r) => server.close(r));
      t.close();
    },
    control: (body) => fetch(`${base}/payfip-simulateur/controle`, { method: 'POST', headers: { 'content-type': 'application/json', ...token }, body: JSON.stringify(body) }),
    journal: async () => {
      const res = await fetch(`${base}/payfip-simulateur/journal`, { headers: token });
      assert.equal(res.status, 200);
      return res.json();
    },
    familyClient,
    invoiceBySerial: async (serial) => (await t.db.select().from(invoice).where(like(invoice.number, `FACT%${serial}`)))[0],
    newInvoice: async (label, unitPrice) => {
      const secretariat = await familyClient(DEMO.secretariat);
      const fam = (await t.db.select({ familyId: userTable.familyId }).from(userTable).where(eq(userTable.username, 'famille.demo')))[0];
      const created = await secretariat.json('/api/admin/billing/invoices', {
        json: { familyId: fam.familyId, schoolYear: '2026/2027', label, date: '2026-11-28', dueDate: '2026-12-28', lines: [{ label, quantity: 1, unitPrice }] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return { secretariat, invoiceId: created.body.id as string };
    },
    start: (c, invoiceId, amountCents) => c.json(`/api/billing/invoices/${invoiceId}/payfip`, { json: { amountCents } }),
    payThroughPage: async (paymentUrl, outcome) => {
      const page1 = await fetch(paymentUrl);
      assert.equal(page1.status, 200);
      const html1 = await page1.text();
      assert.match(html1, /Payer par carte bancaire/);
      assert.doesNotMatch(html1, /<script/i);
      const idop = new URL(paymentUrl).searchParams.get('idop')!;
      const post = (action: string) =>
        fetch(`${base}/payfip-simulateur/paiement`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ idop, action }).toString() });
      const toCard = await post('carte');
      assert.equal(toCard.status, 303);
      const html2 = await (await fetch(new URL(toCard.headers.get('location')!, base))).text();
      for (const label of ['Valider le paiement', 'Refuser', 'Abandonner']) assert.match(html2, new RegExp(label));
      const done = await post(outcome);
      assert.equal(done.status, 303);
      const back = new URL(done.headers.get('location')!);
      assert.equal(back.pathname, '/famille/facturation/paiement/retour');
      assert.equal(back.searchParams.get('idop'), idop);
      return idop;
    },
    attemptOf: async (idOp) => (await t.db.select().from(payfipAttempt).where(eq(payfipAttempt.idOp, idOp)))[0],
    paymentsOf: (invoiceId) => t.db.select().from(payment).where(eq(payment.invoiceId, invoiceId)),
  };
}

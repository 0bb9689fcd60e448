import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseEnv } from '../../server/env.ts';
import { createPayfipClient, PayfipFault } from '../../server/payfip/client.ts';
import { simulatorEnabled } from '../../server/payfip/config.ts';
import { JOURNAL_LIMITS } from '../../server/payfip-simulator/simulator.ts';
import { SIMULATOR_TOKEN, SIMULATOR_TOKEN_HEADER } from '../helpers/payfip-server.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

/**
 * The PayFiP simulator marks invoices paid, posts to URLs and keeps families' e-mails in its
 * journal: it must never be reachable where real families pay (issue 11, item 2).
 */
const SECRET = randomBytes(32).toString('base64url');
const PROD = { NODE_ENV: 'production', AUTH_SECRET: SECRET, PUBLIC_URL: 'https://portee.example' };
const SIM = '/payfip-simulateur';

describe('PayFiP simulator: when it is mounted', () => {
  test('off by default, also when NODE_ENV is forgotten or "development"', () => {
    assert.equal(simulatorEnabled(parseEnv({})), false);
    assert.equal(simulatorEnabled(parseEnv({ NODE_ENV: 'development' })), false);
    assert.equal(simulatorEnabled(parseEnv({ NODE_ENV: 'test' })), false);
  });

  test('on in demo mode (npm start --demo) or with PAYFIP_SIMULATOR=1; PAYFIP_SIMULATOR=0 turns the demo\'s off', () => {
    assert.equal(simulatorEnabled(parseEnv({ SEED_DEMO: '1' })), true);
    assert.equal(simulatorEnabled(parseEnv({ PAYFIP_SIMULATOR: '1' })), true);
    assert.equal(simulatorEnabled(parseEnv({ SEED_DEMO: '1', PAYFIP_SIMULATOR: '0' })), false);
  });

  test('never with NODE_ENV=production: the environment is refused and names the variable', () => {
    assert.equal(simulatorEnabled(parseEnv(PROD)), false);
    assert.throws(() => parseEnv({ ...PROD, PAYFIP_SIMULATOR: '1' }), /PAYFIP_SIMULATOR/);
    assert.throws(() => parseEnv({ ...PROD, SEED_DEMO: '1' }), /PAYFIP_SIMULATOR/);
    assert.doesNotThrow(() => parseEnv({ ...PROD, SEED_DEMO: '1', PAYFIP_SIMULATOR: '0' }));
  });

  test('the server refuses to start with NODE_ENV=production and PAYFIP_SIMULATOR=1', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...PROD, PAYFIP_SIMULATOR: '1', DATABASE_URL: 'file::memory:', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /PAYFIP_SIMULATOR/);
  });

  test('not mounted: its addresses do not exist; no warning', async () => {
    const warnings = await capturedWarnings(async () => {
      const t = await createTestApp({ seed: false });
      for (const [method, path] of [['GET', '/journal'], ['POST', '/controle'], ['POST', '/services/securite'], ['GET', '/paiementws.web?idop=x'], ['POST', '/paiement']]) {
        assert.equal((await t.app.request(SIM + path, { method })).status, 404, path);
      }
      t.close();
    });
    assert.equal(warnings.filter((w) => /simulat/i.test(w)).length, 0);
  });

  test('mounted: a loud warning in the log', async () => {
    const warnings = await capturedWarnings(async () => (await createTestApp({ seed: false, env: { PAYFIP_SIMULATOR: '1' } })).close());
    assert.ok(warnings.some((w) => /SIMULATEUR PAYFIP/.test(w) && /jamais en production/i.test(w)), warnings.join('\n'));
  });
});

async function capturedWarnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('PayFiP simulator: journal and controls', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PAYFIP_SIMULATOR: '1', PAYFIP_SIMULATOR_TOKEN: SIMULATOR_TOKEN } });
  });
  after(() => t.close());

  const signedIn = async (account: readonly [string, string]) => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(...account)).status, 200);
    return c;
  };
  const token = { [SIMULATOR_TOKEN_HEADER]: SIMULATOR_TOKEN };

  test('anonymous: 401 for the journal and the controls, and the controls are unchanged', async () => {
    const anonymous = new TestClient(t.app);
    assert.equal((await anonymous.request(`${SIM}/journal`)).status, 401);
    assert.equal((await anonymous.request(`${SIM}/controle`, { json: { indisponible: true } })).status, 401);
    const state = await new TestClient(t.app).json(`${SIM}/controle`, { json: {}, headers: token });
    assert.equal(state.body.indisponible, false);
  });

  test('a family or a teacher: 403; the secretariat: allowed', async () => {
    for (const account of [DEMO.family, DEMO.teacher]) {
      const c = await signedIn(account);
      assert.equal((await c.request(`${SIM}/journal`)).status, 403);
      assert.equal((await c.request(`${SIM}/controle`, { json: {} })).status, 403);
    }
    const secretariat = await signedIn(DEMO.secretariat);
    assert.equal((await secretariat.request(`${SIM}/journal`)).status, 200);
    const changed = await secretariat.json(`${SIM}/controle`, { json: { notification: 'drop' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.notification, 'drop');
    assert.equal((await secretariat.json(`${SIM}/controle`, { json: { reinitialiser: true } })).body.notification, 'normal');
  });

  test('the test token: honoured when right, 401 when wrong', async () => {
    const c = new TestClient(t.app);
    assert.equal((await c.request(`${SIM}/journal`, { headers: token })).status, 200);
    assert.equal((await c.request(`${SIM}/journal`, { headers: { [SIMULATOR_TOKEN_HEADER]: SIMULATOR_TOKEN.slice(0, -1) + 'x' } })).status, 401);
    assert.equal((await c.request(`${SIM}/journal`, { headers: { [SIMULATOR_TOKEN_HEADER]: '' } })).status, 401);
  });

  test('no PAYFIP_SIMULATOR_TOKEN set: no token is honoured', async () => {
    const other = await createTestApp({ seed: false, env: { PAYFIP_SIMULATOR: '1' } });
    try {
      const c = new TestClient(other.app);
      for (const value of [SIMULATOR_TOKEN, '', 'undefined']) {
        assert.equal((await c.request(`${SIM}/journal`, { headers: { [SIMULATOR_TOKEN_HEADER]: value } })).status, 401);
      }
    } finally {
      other.close();
    }
  });

  test('the same request guards as /api: cross-site writes 403, form bodies 415, large bodies 413', async () => {
    const secretariat = await signedIn(DEMO.secretariat);
    const crossSite = await secretariat.request(`${SIM}/controle`, { json: { indisponible: true }, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(crossSite.status, 403);
    const form = await t.app.request(`${SIM}/controle`, { method: 'POST', headers: { ...token, 'content-type': 'application/x-www-form-urlencoded' }, body: 'indisponible=true' });
    assert.equal(form.status, 415);
    const large = await t.app.request(`${SIM}/controle`, { method: 'POST', headers: { ...token, 'content-type': 'application/json' }, body: JSON.stringify({ montantModifie: 'x'.repeat(600 * 1024) }) });
    assert.equal(large.status, 413);
    const soap = await t.app.request(`${SIM}/services/securite`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: `<x>${'a'.repeat(600 * 1024)}</x>` });
    assert.equal(soap.status, 413);
    assert.equal((await new TestClient(t.app).json(`${SIM}/controle`, { json: {}, headers: token })).body.indisponible, false);
  });

  test('the journal keeps a bounded number of entries, each cut to a bounded size', async () => {
    for (let i = 0; i < JOURNAL_LIMITS.entries + 20; i++) {
      const res = await t.app.request(`${SIM}/services/securite`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: `<n${i}>${'a'.repeat(200 * 1024)}` });
      assert.equal(res.status, 500);
    }
    const entries = (await new TestClient(t.app).json<Array<{ request: string; response: string }>>(`${SIM}/journal`, { headers: token })).body;
    assert.equal(entries.length, JOURNAL_LIMITS.entries);
    for (const e of entries) {
      assert.ok(e.request.length <= JOURNAL_LIMITS.chars + 40, `request of ${e.request.length} characters`);
      assert.ok(e.response.length <= JOURNAL_LIMITS.chars + 40);
    }
    assert.ok(entries.at(-1)!.request.startsWith(`<n${JOURNAL_LIMITS.entries + 19}>`));
    assert.match(entries.at(-1)!.request, /tronqué/);
  });
});

describe('PayFiP simulator: addresses and the payment page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ seed: false, env: { PAYFIP_SIMULATOR: '1', PAYFIP_SIMULATOR_TOKEN: SIMULATOR_TOKEN, PUBLIC_URL: 'http://localhost:3000' } });
  });
  after(() => t.close());

  const client = () => createPayfipClient({ url: `http://localhost:3000${SIM}/services/securite`, fetch: (url, init) => Promise.resolve(t.app.request(String(url), init)) });
  const good = {
    exer: '2026', mel: 'famille@example.fr', montant: '18400', numcli: '000000', objet: 'Cotisation FACT20260877', refdet: 'FACT20260877', saisie: 'T',
    urlnotif: 'http://localhost:3000/api/billing/payfip/notification', urlredirect: 'http://localhost:3000/famille/facturation/paiement/retour',
  };

  test('urlnotif and urlredirect must point to this server (PUBLIC_URL): others are refused', async () => {
    for (const [field, url] of [
      ['urlnotif', 'http://169.254.169.254/latest/meta-data'], ['urlnotif', 'http://localhost:3001/api/billing/payfip/notification'],
      ['urlredirect', 'https://evil.example/famille/facturation/paiement/retour'], ['urlredirect', 'http://localhost:3000.evil.example/x'],
    ]) {
      await assert.rejects(client().creerPaiementSecurise({ ...good, [field]: url }), (e: unknown) => e instanceof PayfipFault && e.fault.type === 'FonctionnelleErreur', `${field} ${url}`);
    }
    assert.ok((await client().creerPaiementSecurise(good)).idOp);
  });

  test('the payment page\'s POST refuses cross-site requests (Sec-Fetch-Site, Origin)', async () => {
    await t.app.request(`${SIM}/controle`, { method: 'POST', headers: { [SIMULATOR_TOKEN_HEADER]: SIMULATOR_TOKEN, 'content-type': 'application/json' }, body: JSON.stringify({ notification: 'drop' }) });
    const { idOp } = await client().creerPaiementSecurise(good);
    const post = (headers: Record<string, string>) =>
      t.app.request(`${SIM}/paiement`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ idop: idOp, action: 'valider' }).toString() });
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ 'sec-fetch-site': 'same-site' })).status, 403);
    assert.equal((await post({ origin: 'https://evil.example' })).status, 403);
    assert.equal((await post({ origin: 'null' })).status, 403);
    await assert.rejects(client().recupererDetailPaiementSecurise(idOp), (e: unknown) => e instanceof PayfipFault && e.fault.code === 'P5', 'still unpaid');
    const ok = await post({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' });
    assert.equal(ok.status, 303);
    assert.equal((await client().recupererDetailPaiementSecurise(idOp)).resultrans, 'P');
  });
});

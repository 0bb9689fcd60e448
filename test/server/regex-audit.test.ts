import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createPayfipSimulator } from '../../server/payfip-simulator/simulator.ts';
import { creerPaiementSecuriseRequest } from '../../server/payfip/soap.ts';
import { lostPasswordSchema } from '../../shared/auth-schemas.ts';
import { parseEurosToCents, payfipObjet, PAYFIP_RULES } from '../../shared/billing-schemas.ts';
import { IDEMPOTENCY_KEY_PATTERN, sanitiseFileName } from '../../shared/document-rules.ts';
import { searchKey } from '../../shared/family-search.ts';
import { familyIdentitySchema, normalisePhone } from '../../shared/identity-schemas.ts';

/**
 * Regexes applied to what a client sends must not backtrack for long on a long input (issue 11,
 * item 1: the file-name cleanup was quadratic). The upload's own tests are in documents.test.ts.
 */
describe('regexes on unbounded input', () => {
  test('the PayFiP simulator answers a 200 KB "mel" at once (its e-mail check was quadratic)', async () => {
    const simulator = createPayfipSimulator({ publicUrl: 'http://localhost:3000', guardControls: async (_c, next) => next() });
    const request = creerPaiementSecuriseRequest({
      exer: '2026',
      mel: 'a@' + '.'.repeat(200_000) + '@',
      montant: '18400',
      numcli: '000000',
      objet: 'Cotisation',
      refdet: 'FACT20260877',
      saisie: 'T',
      urlnotif: 'http://localhost:3000/api/billing/payfip/notification',
      urlredirect: 'http://localhost:3000/famille/facturation/paiement/retour',
    });
    const started = performance.now();
    const res = await simulator.request('/services/securite', { method: 'POST', body: request, headers: { 'content-type': 'text/xml' } });
    const ms = performance.now() - started;
    const body = await res.text();
    assert.equal(res.status, 500);
    assert.match(body, /A2/);
    assert.ok(ms < 200, `answered in ${ms.toFixed(0)} ms`);
  });

  // Half a megabyte: the JSON body limit. A quadratic pattern takes minutes on it; these take milliseconds.
  const HALF_MB = 512 * 1024;
  const adversarial = ['.'.repeat(HALF_MB), '. '.repeat(HALF_MB / 2), 'a.'.repeat(HALF_MB / 2) + '!', '1'.repeat(HALF_MB) + ',', 'a@' + 'a-a.'.repeat(HALF_MB / 4) + '1', '&#x' + 'a'.repeat(HALF_MB)];
  const checks: Array<[string, (input: string) => unknown]> = [
    ['sanitiseFileName', (s) => sanitiseFileName(s, 'application/pdf')],
    ['IDEMPOTENCY_KEY_PATTERN', (s) => IDEMPOTENCY_KEY_PATTERN.test(s)],
    ['PAYFIP_RULES', (s) => Object.values(PAYFIP_RULES).map((r) => r.test(s))],
    ['payfipObjet', (s) => payfipObjet(s)],
    ['parseEurosToCents', (s) => parseEurosToCents(s)],
    ['normalisePhone', (s) => normalisePhone(s)],
    ['searchKey', (s) => searchKey(s).split(/\s+/)],
    ['lost password e-mail (zod)', (s) => lostPasswordSchema.safeParse({ siteId: 'x', username: 'x', email: s })],
    ['identity e-mail and phones (zod)', (s) => familyIdentitySchema.safeParse({ email: s, mobile: s, phoneHome: s, postalCode: s })],
  ];
  for (const [name, check] of checks) {
    test(`${name}: linear on half a megabyte`, () => {
      for (const input of adversarial) {
        const started = performance.now();
        check(input);
        const ms = performance.now() - started;
        assert.ok(ms < 1000, `${name} on ${JSON.stringify(input.slice(0, 8))}…: ${ms.toFixed(0)} ms`);
      }
    });
  }
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { changePasswordSchema, fieldErrors, lostPasswordSchema } from '../../shared/auth-schemas.ts';
import { familyIdentityPatchSchema, IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { fieldCodes, FIELD_NAMES_FR, VALIDATION_FR } from '../../shared/validation-messages.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

/**
 * Validation messages carry a code and parameters beside their French text (issue 12, item 6):
 * the server still answers in French, and `fieldCodes` lets the browser show the person's language.
 */
/** Every parameter a message may quote (documents: sizes in bytes, an image's pixels). */
const KNOWN_PARAMS = ['field', 'max', 'min', 'year', 'from', 'to', 'maxBytes', 'fileBytes', 'usedBytes', 'quotaBytes', 'width', 'height', 'megapixels', 'maxMegapixels'];

describe('validation codes (shared schemas)', () => {
  test('a bad postal code and an empty name: French messages as before, with their codes', () => {
    const parsed = familyIdentityPatchSchema.safeParse({ postalCode: '7820', lastName: ' ', mobile: '01 23 45 67 89', city: 'x'.repeat(101) });
    assert.ok(!parsed.success);
    assert.deepEqual(fieldErrors(parsed.error), {
      postalCode: 'Le code postal doit comporter 5 chiffres, par exemple 78200.',
      lastName: 'Le champ « Nom » est obligatoire.',
      mobile: 'Le numéro de mobile doit commencer par 06 ou 07, par exemple 06 12 34 56 78.',
      city: 'Le champ « Ville » ne peut dépasser 100 caractères.',
    });
    assert.deepEqual(fieldCodes(parsed.error), {
      postalCode: { code: 'postalCode' },
      lastName: { code: 'required', params: { field: 'lastName' } },
      mobile: { code: 'mobile' },
      city: { code: 'tooLong', params: { field: 'city', max: 100 } },
    });
  });

  test('messages made at parse time (password policy, confirmation) have codes too', () => {
    const parsed = changePasswordSchema.safeParse({ currentPassword: '', newPassword: 'court', confirmation: 'autre' });
    assert.ok(!parsed.success);
    assert.deepEqual(fieldCodes(parsed.error), {
      currentPassword: { code: 'required', params: { field: 'currentPassword' } },
      newPassword: { code: 'passwordTooShort', params: { min: 10 } },
      confirmation: { code: 'confirmationMismatch' },
    });
    assert.equal(fieldErrors(parsed.error).newPassword, 'Le mot de passe doit contenir au moins 10 caractères.');
  });

  test('every placeholder of a message is a known parameter; every field name is quoted somewhere', () => {
    for (const [code, text] of Object.entries(VALIDATION_FR)) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) assert.ok(KNOWN_PARAMS.includes(name), `${code}: {${name}}`);
    }
    assert.ok(Object.keys(FIELD_NAMES_FR).length > 0);
  });
});

describe('validation codes (HTTP)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a 422 carries `fields` in French and `fieldCodes` beside them', async () => {
    const c = new TestClient(t.app);
    const expected = lostPasswordSchema.safeParse({ siteId: 'x', username: 'y', email: 'pas-une-adresse' });
    assert.ok(!expected.success);
    const r = await c.json('/api/password/lost', { json: { siteId: 'x', username: 'y', email: 'pas-une-adresse' } });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.message, 'Certains champs sont à corriger.');
    assert.equal(r.body.error.fields.email, 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.');
    assert.deepEqual(r.body.error.fieldCodes, { email: { code: 'email' } });
  });

  test('a push refused for a bad postal code carries the code in its result', async () => {
    const c = new TestClient(t.app);
    const signIn = await c.signIn(...DEMO.family);
    const familyId = (signIn.body.user as { familyId: string }).familyId;
    const r = await c.json<PushResponse>('/api/sync/push', {
      json: { clientId: crypto.randomUUID(), mutations: [{ mutationId: 1, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: familyId, values: { postalCode: '7820' }, from: {} }, baseVersion: 1 }] },
    });
    assert.equal(r.status, 200);
    const [result] = r.body.results;
    assert.ok('error' in result);
    assert.match(result.error.fields!.postalCode, /5 chiffres/);
    assert.deepEqual(result.error.fieldCodes, { postalCode: { code: 'postalCode' } });
  });
});

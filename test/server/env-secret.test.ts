import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseEnv } from '../../server/env.ts';

/** Production must refuse a signing secret an attacker could know or guess (issue: trust fixes, item 9). */
const prod = (AUTH_SECRET: string) => parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portee.example', AUTH_SECRET });

describe('AUTH_SECRET in production', () => {
  test('the committed development secret is refused, naming the variable', () => {
    assert.throws(() => prod('portee-development-secret-not-for-production-use'), /AUTH_SECRET: .*development/);
  });

  test('long but guessable secrets are refused', () => {
    for (const weak of ['x'.repeat(40), 'passwordpasswordpasswordpassword', 'abababababababababababababababababab', '0123456789012345678901234567890123456789'])
      assert.throws(() => prod(weak), /AUTH_SECRET/, weak);
  });

  test('a secret made by a generator is accepted (base64 of 32 random bytes, hex of 32 random bytes)', () => {
    for (let i = 0; i < 20; i++) {
      assert.equal(prod(randomBytes(32).toString('base64')).production, true);
      assert.equal(prod(randomBytes(32).toString('hex')).production, true);
      assert.equal(prod(randomBytes(32).toString('base64url')).production, true);
    }
  });

  test('outside production the development secret is used and allowed', () => {
    const env = parseEnv({ NODE_ENV: 'test' });
    assert.equal(env.AUTH_SECRET.length >= 32, true);
  });
});

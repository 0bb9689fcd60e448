import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress } from '../../server/http/client-ip.ts';

describe('the client address behind proxies', () => {
  test('no trusted proxy: the socket, whatever X-Forwarded-For says', () => {
    assert.equal(clientAddress('203.0.113.9', '198.51.100.1', 0), '203.0.113.9');
  });
  test('one proxy: the entry it appended, never what the client wrote before it', () => {
    assert.equal(clientAddress('10.0.0.2', '198.51.100.1', 1), '198.51.100.1');
    assert.equal(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.1', 1), '198.51.100.1');
  });
  test('two proxies: second from the right; a short chain falls back to the socket', () => {
    assert.equal(clientAddress('10.0.0.3', '6.6.6.6, 198.51.100.1, 10.0.0.2', 2), '198.51.100.1');
    assert.equal(clientAddress('10.0.0.3', '198.51.100.1', 2), '10.0.0.3');
    assert.equal(clientAddress('10.0.0.3', undefined, 1), '10.0.0.3');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseXml, XmlError } from '../../server/payfip/xml.ts';

/**
 * The SOAP reader sees bodies from the network (PayFiP's answers, and the simulator's public
 * endpoint in demo mode): its cost must stay linear in the body, whatever the body is made of.
 */
describe('PayFiP XML reader on hostile input', () => {
  test('thousands of nested namespace declarations are refused quickly, not copied at every element', () => {
    const n = 8000;
    let xml = '';
    for (let i = 0; i < n; i++) xml += `<a xmlns:p${i}="urn:x${i}">`;
    for (let i = 0; i < n; i++) xml += '</a>';
    const start = performance.now();
    assert.throws(() => parseXml(xml), XmlError);
    assert.ok(performance.now() - start < 200, `took ${Math.round(performance.now() - start)} ms`);
  });

  test('deep nesting without declarations is refused too', () => {
    const xml = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const start = performance.now();
    assert.throws(() => parseXml(xml), /deep/);
    assert.ok(performance.now() - start < 200);
  });

  test('a SOAP envelope with its usual declarations still reads, with inherited namespaces', () => {
    const root = parseXml(
      '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:r xmlns:ns2="urn:payfip"><return><idOp>abc</idOp></return></ns2:r></S:Body></S:Envelope>',
    );
    const body = root.children[0];
    assert.equal(body.ns, 'http://schemas.xmlsoap.org/soap/envelope/');
    assert.equal(body.children[0].ns, 'urn:payfip');
    assert.equal(body.children[0].children[0].children[0].text, 'abc');
  });
});

import { test, describe, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { handleError } from '../../server/http/errors.ts';
import { formatLogLine, logEvent, requestLog } from '../../server/log.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Everything written through console.log/warn/error while `fn` runs, as the text a log file would get. */
async function captureLogs(fn: () => unknown): Promise<string> {
  const written: string[] = [];
  const record = (...args: unknown[]) => void written.push(args.map(String).join(' ') + '\n');
  const mocks = (['log', 'info', 'warn', 'error'] as const).map((name) => mock.method(console, name, record));
  try {
    await fn();
  } finally {
    for (const m of mocks) m.mock.restore();
  }
  return written.join('');
}

// Every character that splits a line or reorders text on a terminal or in a log viewer.
const HOSTILE = 'a\nb\rc\u0000d\u001b[31me\u0085f\u2028g\u2029h\u202ei\u2066j\u007fk\tl';

describe('server/log.ts', () => {
  test('one JSON object per line: control characters are escaped, the value reads back intact', () => {
    const line = formatLogLine('warn', 'test', { idop: HOSTILE });
    assert.equal(line.split(/\r\n|[\n\r\u0085\u2028\u2029]/).length, 1, 'a single line');
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, 'no raw control character');
    const entry = JSON.parse(line);
    assert.equal(entry.idop, HOSTILE);
    assert.equal(entry.level, 'warn');
    assert.equal(entry.msg, 'test');
    assert.match(entry.time, /^\d{4}-\d{2}-\d{2}T/);
  });

  test('a message cannot forge a field or a line either', () => {
    const line = formatLogLine('info', 'x"}\n{"level":"error","msg":"forged');
    assert.equal(line.split('\n').length, 1);
    assert.deepEqual(Object.keys(JSON.parse(line)), ['time', 'level', 'msg']);
  });

  test('errors keep their name, message, code, stack and cause, on one line', () => {
    const error = Object.assign(new Error('boom\nsecond line', { cause: new Error('root') }), { code: 'E_TEST' });
    const line = formatLogLine('error', 'failed', { error });
    assert.equal(line.split('\n').length, 1);
    const { error: logged } = JSON.parse(line);
    assert.equal(logged.name, 'Error');
    assert.equal(logged.message, 'boom\nsecond line');
    assert.equal(logged.code, 'E_TEST');
    assert.match(logged.stack, /log\.test\.ts/);
    assert.equal(logged.cause.message, 'root');
  });

  test('a value that cannot be serialised still gives one line', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const entry = JSON.parse(formatLogLine('error', 'cyclic', { cyclic }));
    assert.equal(entry.msg, 'cyclic');
  });

  test('logEvent writes exactly one line per event', async () => {
    const out = await captureLogs(async () => {
      logEvent('info', 'one', { value: HOSTILE });
      logEvent('error', 'two', { error: new Error('x\ny') });
    });
    const lines = out.split('\n').filter(Boolean);
    assert.equal(lines.length, 2);
    assert.deepEqual(
      lines.map((l) => JSON.parse(l).msg),
      ['one', 'two'],
    );
  });
});

describe('request-derived values in the server’s own lines', () => {
  // A path is decoded before the routes see it: %0A is a newline there.
  const forgedPath = '/x%0A%7Bforged%7D%0D';

  test('the request log and the unhandled-error log keep a forged path on one line', async () => {
    const app = new Hono()
      .use(requestLog())
      .get('/*', () => {
        throw new Error('boom');
      })
      .onError(handleError);
    const out = await captureLogs(() => app.request(forgedPath));
    const lines = out.split('\n').filter(Boolean);
    assert.equal(lines.length, 2, out);
    const [error, request] = lines.map((l) => JSON.parse(l));
    assert.equal(error.level, 'error');
    assert.equal(error.path, '/x\n{forged}\r');
    assert.equal(error.error.message, 'boom');
    assert.equal(request.msg, 'request');
    assert.equal(request.status, 500);
    assert.equal(request.path, '/x\n{forged}\r');
  });

  test('a calendar feed’s secret token never reaches the request log', async () => {
    const token = 'Q2FsZW5kcmllci1zZWNyZXQtdG9rZW4tMDEyMzQ1Njc4OQ';
    const app = new Hono().use(requestLog()).get('/*', (c) => c.text('ok'));
    const out = await captureLogs(() => app.request(`/calendrier/${token}.ics`));
    assert.ok(!out.includes(token), out);
    assert.equal(JSON.parse(out.trim()).path, '/calendrier/[jeton].ics');
  });
});

describe('POST /api/billing/payfip/notification (no session): idop', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const notify = (body: string, type = 'application/x-www-form-urlencoded') =>
    t.app.request('/api/billing/payfip/notification', { method: 'POST', headers: { 'content-type': type }, body });

  test('a forged newline in idop is refused (400) and cannot create a log line', async () => {
    const forged = 'abc\n[payfip] payment recorded for invoice FACT-2026-0001';
    let status = 0;
    const out = await captureLogs(async () => {
      status = (await notify(`idop=${encodeURIComponent(forged)}`)).status;
      status = Math.max(status, (await notify(JSON.stringify({ idOp: forged }), 'application/json')).status);
    });
    assert.equal(status, 400);
    assert.ok(!out.includes('[payfip] payment recorded'), 'the forged text never reaches the log');
    for (const line of out.split('\n').filter(Boolean)) assert.doesNotThrow(() => JSON.parse(line), `a JSON line: ${line}`);
  });

  test('idop has its real shape: letters, digits and dashes, at most 64', async () => {
    for (const bad of ['a b', 'abc;rm', 'é'.repeat(4), '<script>', 'a'.repeat(65), 'abc\u202edef', '../etc']) {
      const r = await notify(`idop=${encodeURIComponent(bad)}`);
      assert.equal(r.status, 400, JSON.stringify(bad));
    }
    assert.equal((await notify('')).status, 400, 'missing');
  });

  test('the return page takes the same shape: a malformed idop is dropped, a well-formed one carried to the family page', async () => {
    const back = (idop: string) =>
      t.app.request('/famille/facturation/paiement/retour', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `idop=${encodeURIComponent(idop)}` });
    const bad = await back('abc\n<script>');
    assert.equal(bad.status, 303);
    assert.equal(bad.headers.get('location'), '/famille/facturation/paiement/retour');
    const good = crypto.randomUUID();
    assert.equal((await back(good)).headers.get('location'), `/famille/facturation/paiement/retour?idop=${good}`);
  });

  test('a well-formed unknown idop is answered OK and logged as one JSON line', async () => {
    const idop = crypto.randomUUID();
    let status = 0;
    const out = await captureLogs(async () => {
      status = (await notify(`idop=${idop}`)).status;
    });
    assert.equal(status, 200);
    const lines = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const entry = lines.find((l) => l.idop === idop);
    assert.ok(entry, 'the unknown idop is logged');
    assert.equal(entry.level, 'warn');
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Issue 11 item 3: a shell with NODE_ENV=development (common on developers' and servers'
 * machines) must still get the production client from `npm run build` — Lit out of dev mode and
 * the service worker registered — or the app silently loses its offline mode.
 */
describe('the client build is a production build whatever NODE_ENV says', () => {
  let outDir: string;
  let scripts: Map<string, string>;

  before(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'portee-build-'));
    await run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error', '--sourcemap', 'false'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development' },
      maxBuffer: 16 * 1024 * 1024,
    });
    scripts = new Map();
    for (const name of await readdir(path.join(outDir, 'assets'))) {
      if (name.endsWith('.js')) scripts.set(name, await readFile(path.join(outDir, 'assets', name), 'utf8'));
    }
  });
  after(() => rm(outDir, { recursive: true, force: true }));

  test('no built file carries Lit in dev mode', () => {
    assert.ok(scripts.size > 0, 'the build wrote scripts');
    const dev = [...scripts].filter(([, code]) => code.includes('Lit is in dev mode')).map(([name]) => name);
    assert.deepEqual(dev, []);
  });

  test('the data worker’s script holds no zod: it runs queries, and the mutation names they read live apart from the schemas', () => {
    const workers = [...scripts].filter(([name]) => name.startsWith('pull-worker-'));
    assert.equal(workers.length, 1, 'one data worker script');
    const [[name, code]] = workers;
    // One self-contained script (a module worker's imports would be more requests before its first answer).
    assert.doesNotMatch(code, /\bfrom\s*["']\.\//, `${name} imports no other chunk`);
    // zod's issue codes survive minification; the schemas' chunk has them, the worker must not.
    assert.ok([...scripts.values()].some((c) => c.includes('invalid_type')), 'the marker is found where zod is');
    assert.ok(!code.includes('invalid_type'), `${name} bundles zod`);
  });

  test("each screen's scripts are listed for the HTML, its page's and messages' chunks included, none the HTML names already", async () => {
    const { routes } = JSON.parse(await readFile(path.join(outDir, 'route-preloads.json'), 'utf8')) as { routes: Array<{ path: string; signedIn: boolean; scripts: string[] }> };
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    const inHtml = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    assert.ok(inHtml.some((name) => name.startsWith('first-screen-')), 'the HTML names the first screen');
    const billing = routes.find((r) => r.path === '/famille/facturation');
    assert.ok(billing?.signedIn, 'the billing screen is a signed-in one');
    for (const start of ['po-family-billing-page-', 'billing-messages-', 'signed-in-routes-', 'signed-in-entry-']) {
      assert.ok(billing.scripts.some((src) => src.startsWith(`/assets/${start}`)), `billing lists ${start}*`);
    }
    // The signed-in code's own chunk (the shell's parts, the sync's page side), the largest of them.
    assert.ok(billing.scripts.some((src) => /^\/assets\/signed-in-(?!routes-|entry-)[\w-]+\.js$/.test(src)), 'billing lists the signed-in chunk');
    assert.equal(routes.find((r) => r.path === '/preinscription')?.signedIn, false);
    // A public page (a new family's application, the lost password) loads none of the signed-in code.
    for (const route of routes.filter((r) => !r.signedIn)) {
      assert.deepEqual(route.scripts.filter((src) => src.startsWith('/assets/signed-in')), [], `${route.path} lists signed-in code`);
    }
    // Closed: what a listed script imports is listed too, or named by the HTML (else it would be
    // found one level deeper).
    const importsOf = (name: string) => [...(scripts.get(name) ?? '').matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
    const billingPage = billing.scripts.find((src) => src.startsWith('/assets/po-family-billing-page-'))!.replace(/^\/assets\//, '');
    assert.ok(importsOf(billingPage).length > 5, 'the imports of a built chunk are read');
    for (const route of routes) {
      const listed = new Set(route.scripts.map((src) => src.replace(/^\/assets\//, '')));
      for (const name of listed) {
        for (const imported of importsOf(name)) assert.ok(listed.has(imported) || inHtml.includes(imported), `${route.path}: ${name} imports ${imported}, not listed`);
      }
      for (const src of route.scripts) {
        const name = src.replace(/^\/assets\//, '');
        assert.ok(scripts.has(name), `${route.path}: ${src} is a built script`);
        assert.ok(!inHtml.includes(name), `${route.path}: ${src} is already in the HTML`);
        assert.ok(!name.startsWith('pull-worker-'), `${route.path}: the data worker is not the page's`);
      }
    }
  });

  test('the service worker is built and the app registers it', async () => {
    const sw = await readFile(path.join(outDir, 'sw.js'), 'utf8');
    assert.match(sw, /index\.html/, 'sw.js holds the precache manifest');
    // The built registerServiceWorker() run against a stand-in browser: a development build
    // returns before registering anything.
    const [entry] = [...scripts].filter(([, code]) => /\bas registerServiceWorker\b/.test(code)).map(([name]) => name);
    assert.ok(entry, 'a chunk exports registerServiceWorker');
    const registered: unknown[][] = [];
    Object.assign(globalThis, { window: new EventTarget(), document: { readyState: 'complete' }, location: new URL('https://portee.test/') });
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      value: { serviceWorker: { controller: null, addEventListener() {}, register: (...args: unknown[]) => (registered.push(args), new Promise(() => {})) } },
    });
    const module = (await import(pathToFileURL(path.join(outDir, 'assets', entry)).href)) as { registerServiceWorker(): void };
    module.registerServiceWorker();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(registered, [['/sw.js', { scope: '/' }]]);
  });
});

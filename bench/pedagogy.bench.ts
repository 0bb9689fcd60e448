// Pedagogy figures for a large family (test/helpers/large-family.ts: 5 students × 11 school years
// with notes, evaluations, absences and repertoire): the server's pull (median of 10), its size,
// then in Chromium the Dexie load of that pull (the app's own applyPull) and a first open of the
// course sheet (the app's own <po-course-page>) on a fresh page, so with nothing in Dexie's cache.
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { schoolYearOf } from '../shared/school-year.ts';
import type { PullResponse } from '../shared/sync-protocol.ts';
import { LARGE_FAMILY, seedLargeFamily } from '../test/helpers/large-family.ts';
import { createTestApp, TestClient } from '../test/helpers/test-app.ts';

export const title = 'Pedagogy: a large family’s pull, its Dexie load and the course sheet render';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIRST_OPENS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** A page serving only a bundle of the app's own Dexie database, applyPull and course sheet element. */
async function serveBrowserBundle() {
  const result = await build({
    stdin: {
      contents: [
        "import { db } from './client/data/db.ts';",
        "import { applyPull } from './client/data/sync.ts';",
        "import './client/pedagogy/pages/po-course-page.ts';",
        'window.bench = { db, applyPull };',
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: 'tsconfig.json',
    define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
    logLevel: 'error',
  });
  const js = result.outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(js);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="fr"><meta charset="utf-8"><title>bench</title><body><script type="module" src="/bench.js"></script></body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}/`, close: () => server.close() };
}

async function browserFigures(pullJson: string, studentId: string, courseId: string) {
  const site = await serveBrowserBundle();
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    // tsx compiles this file with esbuild's keepNames: the functions handed to page.evaluate call __name().
    await context.addInitScript('window.__name = (f) => f;');
    const openBench = async () => {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => 'bench' in window);
      return page;
    };
    const loader = await openBench();
    const loads = await loader.evaluate(async (json) => {
      const { applyPull } = (window as unknown as { bench: { applyPull: (p: unknown) => Promise<void> } }).bench;
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = JSON.parse(json); // parsing is not the Dexie load: done before the clock starts
        const start = performance.now();
        await applyPull(answer); // a snapshot: clears the tables, then bulkPut in one transaction
        times.push(performance.now() - start);
      }
      return times;
    }, pullJson);
    await loader.close();
    // A first open each time: a fresh page (same IndexedDB), so no live-query result is in Dexie's
    // memory cache (kept 3 s after its last subscriber: a second render on the same page read it).
    // The database is opened before the clock, as the app shell has done by then.
    const renders: number[] = [];
    for (let i = 0; i < FIRST_OPENS; i++) {
      const page = await openBench();
      renders.push(
        await page.evaluate(async ({ studentId, courseId }) => {
          await (window as unknown as { bench: { db: { open(): Promise<unknown> } } }).bench.db.open();
          const el = document.createElement('po-course-page') as HTMLElement & { studentId: string; courseId: string; tab: string };
          el.studentId = studentId;
          el.courseId = courseId;
          el.tab = 'evaluations';
          const start = performance.now();
          document.body.append(el);
          await new Promise<void>((resolve) => {
            const check = () => (el.shadowRoot?.querySelector('po-tabs table') ? resolve() : requestAnimationFrame(check));
            check();
          });
          return performance.now() - start;
        }, { studentId, courseId }),
      );
      await page.close();
    }
    return { loads, renders };
  } finally {
    await browser.close();
    site.close();
  }
}

export async function run() {
  const t = await createTestApp();
  try {
    const counts = await seedLargeFamily(t.db);
    console.log(`large family (${LARGE_FAMILY.username}: ${counts.students} students × ${LARGE_FAMILY.years} school years): ${counts.enrollments} enrollments, ${counts.courses} courses, ${counts.notes} notes, ${counts.evaluations} evaluations, ${counts.absences} absences, ${counts.repertoire} repertoire entries, ${counts.invoices} invoices, ${counts.documents} documents`);
    const client = new TestClient(t.app);
    await client.signIn(LARGE_FAMILY.username, LARGE_FAMILY.password);
    const times: number[] = [];
    let body = '';
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      const res = await client.request('/api/sync?cursor=0');
      body = await res.text();
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`pull ${res.status}`);
    }
    const pull = JSON.parse(body) as PullResponse;
    const rows = Object.values(pull.changes).reduce((n, r) => n + (r?.length ?? 0), 0);
    console.log(`server pull (snapshot, in-process app.request): median ${ms(median(times))} of 10 (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}); ${rows} rows, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB JSON`);

    const year = schoolYearOf(new Date());
    const student = (pull.changes.students ?? []).find((r) => r.lastName === LARGE_FAMILY.lastName)!;
    const enrollment = (pull.changes.enrollments ?? []).find((e) => e.studentId === student.id && e.schoolYear === year)!;
    try {
      const { loads, renders } = await browserFigures(body, student.id, enrollment.courseId as string);
      console.log(`Dexie load of that pull in Chromium (applyPull, one transaction): median ${ms(median(loads))} of ${loads.length} (min ${ms(Math.min(...loads))}, max ${ms(Math.max(...loads))})`);
      console.log(`course sheet first open from Dexie (fresh page, no cache; <po-course-page>, tab Évaluations, until its table is in the DOM): median ${ms(median(renders))} of ${renders.length} (max ${ms(Math.max(...renders))})`);
    } catch (error) {
      console.log(`Chromium figures unavailable: ${(error as Error).message.split('\n')[0]}`);
    }
  } finally {
    t.close();
  }
}

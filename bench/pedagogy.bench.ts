// Pedagogy figures for a large family (5 students × 10 earlier years + this one, with notes,
// evaluations, absences and repertoire): the server's pull (median of 10), its size, then in
// Chromium the Dexie load of that pull (the app's own applyPull) and the course sheet's render
// time from Dexie (the app's own <po-course-page>).
import { createServer } from 'node:http';
import { eq } from 'drizzle-orm';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { schoolYearOf, shiftSchoolYear } from '../shared/school-year.ts';
import type { PullResponse } from '../shared/sync-protocol.ts';
import * as s from '../server/db/schema/index.ts';
import { nextVersion } from '../server/db/versioning.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../test/helpers/test-app.ts';

export const title = 'Pedagogy: a large family’s pull, its Dexie load and the course sheet render';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const STUDENTS = 5;
const EARLIER_YEARS = 10;
const COURSES_PER_YEAR = 3;
const PER_ENROLLMENT = { notes: 3, evaluations: 3, absences: 2 };
const REPERTOIRE_PER_YEAR = 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Adds five students with eleven years of courses and records to famille.martin's family. */
async function buildLargeFamily(t: TestApp) {
  const [user] = await t.db.select().from(s.user).where(eq(s.user.username, DEMO.martin[0]));
  const familyId = user.familyId!;
  const [teacher] = await t.db.select().from(s.teacher).where(eq(s.teacher.siteId, user.siteId)).limit(1);
  const [room] = await t.db.select().from(s.room).where(eq(s.room.siteId, user.siteId)).limit(1);
  const [department] = await t.db.select().from(s.department).where(eq(s.department.siteId, user.siteId)).limit(1);
  const current = schoolYearOf(new Date());
  const counts = { students: 0, courses: 0, enrollments: 0, notes: 0, evaluations: 0, absences: 0, repertoire: 0 };
  const version = await nextVersion(t.db);
  await t.db.transaction(async (tx) => {
    const courseIds: Record<string, string[]> = {};
    for (let y = 0; y <= EARLIER_YEARS; y++) {
      const year = shiftSchoolYear(current, -y);
      courseIds[year] = [];
      for (let c = 0; c < COURSES_PER_YEAR; c++) {
        const [course] = await tx.insert(s.course).values({
          siteId: user.siteId, schoolYear: year, name: `Banc ${c + 1} ${year}`, departmentId: department.id, teacherId: teacher.id,
          roomId: room.id, cycle: `${1 + (y % 3)}C${1 + c}`, weekday: 1 + c, startTime: '17:00', durationMinutes: 45 + 15 * c, version,
        }).returning();
        courseIds[year].push(course.id);
        counts.courses++;
      }
    }
    for (let i = 0; i < STUDENTS; i++) {
      const [student] = await tx.insert(s.student).values({
        familyId, lastName: 'Banc', firstName: `Élève ${i + 1}`, birthDate: `20${10 + i}-03-0${1 + i}`, version,
      }).returning();
      counts.students++;
      for (let y = 0; y <= EARLIER_YEARS; y++) {
        const year = shiftSchoolYear(current, -y);
        const start = Number(year.slice(0, 4));
        for (const courseId of courseIds[year]) {
          const [enrollment] = await tx.insert(s.enrollment).values({
            studentId: student.id, courseId, schoolYear: year, yearComment: y ? 'Bonne année de travail, passage accordé. '.repeat(3) : '', version,
          }).returning();
          counts.enrollments++;
          for (let k = 0; k < PER_ENROLLMENT.notes; k++) {
            await tx.insert(s.followUpNote).values({ enrollmentId: enrollment.id, date: `${start}-1${k}-0${k + 2}`, teacherId: teacher.id, text: 'Travail régulier, attention au rythme dans les passages rapides. '.repeat(2), version });
            counts.notes++;
          }
          for (let k = 0; k < PER_ENROLLMENT.evaluations; k++) {
            await tx.insert(s.evaluation).values({ enrollmentId: enrollment.id, date: `${start + 1}-0${k + 1}-1${k}`, kind: 'Contrôle continu', mark: `${12 + k}/20`, comment: 'Progrès nets, lecture solide.', teacherId: teacher.id, version });
            counts.evaluations++;
          }
          for (let k = 0; k < PER_ENROLLMENT.absences; k++) {
            await tx.insert(s.absence).values({ enrollmentId: enrollment.id, date: `${start + 1}-0${k + 3}-0${k + 4}`, excused: k === 0, reason: k === 0 ? 'Malade' : '', version });
            counts.absences++;
          }
        }
        for (let k = 0; k < REPERTOIRE_PER_YEAR; k++) {
          await tx.insert(s.repertoireEntry).values({
            studentId: student.id, date: `${start + 1}-0${k + 5}-1${k}`, eventLabel: `Audition ${year}`, piece: `Pièce ${k + 1}`, composer: 'Compositeur', durationMinutes: 3, comments: 'Belle sonorité. '.repeat(4), version,
          }).returning();
          counts.repertoire++;
        }
      }
    }
  });
  return counts;
}

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
    const page = await (await browser.newContext()).newPage();
    // tsx compiles this file with esbuild's keepNames: the functions handed to page.evaluate call __name().
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(site.url);
    await page.waitForFunction(() => 'bench' in window);
    const loads = await page.evaluate(async (json) => {
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
    const renders = await page.evaluate(async ({ studentId, courseId }) => {
      const times: number[] = [];
      for (let i = 0; i < 11; i++) {
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
        times.push(performance.now() - start);
        el.remove();
      }
      return times.slice(1); // the first one also loads the page's styles and element definitions
    }, { studentId, courseId });
    return { loads, renders };
  } finally {
    await browser.close();
    site.close();
  }
}

export async function run() {
  const t = await createTestApp();
  try {
    const counts = await buildLargeFamily(t);
    console.log(`large family (famille.martin + ${counts.students} students × ${EARLIER_YEARS + 1} school years): ${counts.enrollments} enrollments, ${counts.courses} courses, ${counts.notes} notes, ${counts.evaluations} evaluations, ${counts.absences} absences, ${counts.repertoire} repertoire entries`);
    const client = new TestClient(t.app);
    await client.signIn(...DEMO.martin);
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
    const student = (pull.changes.students ?? []).find((r) => r.lastName === 'Banc')!;
    const enrollment = (pull.changes.enrollments ?? []).find((e) => e.studentId === student.id && e.schoolYear === year)!;
    try {
      const { loads, renders } = await browserFigures(body, student.id, enrollment.courseId as string);
      console.log(`Dexie load of that pull in Chromium (applyPull, one transaction): median ${ms(median(loads))} of ${loads.length} (min ${ms(Math.min(...loads))}, max ${ms(Math.max(...loads))})`);
      console.log(`course sheet render from Dexie (<po-course-page>, tab Évaluations, until its table is in the DOM): median ${ms(median(renders))} of ${renders.length} (max ${ms(Math.max(...renders))})`);
    } catch (error) {
      console.log(`Chromium figures unavailable: ${(error as Error).message.split('\n')[0]}`);
    }
  } finally {
    t.close();
  }
}

// A teacher's roll call of 30 students, taken offline (queued), then sent when the network comes
// back: the time from "online" (the push leaves) to the absences being in the family's next pull.
// In-process (app.request), so it measures the server's work, not a network.
import { and, eq } from 'drizzle-orm';
import { lessonDates } from '../shared/lesson-dates.ts';
import type { PushResponse } from '../shared/push-protocol.ts';
import { schoolYearOf } from '../shared/school-year.ts';
import { TEACHING_MUTATIONS } from '../shared/teaching-schemas.ts';
import { course, enrollment, student } from '../server/db/schema/index.ts';
import { nextVersion } from '../server/db/versioning.ts';
import { createTestApp, DEMO, TestClient } from '../test/helpers/test-app.ts';
import { fmt } from './load.ts';

export const title = 'Teaching: a roll call of 30 students pushed after being offline, until visible in the family’s pull';

const STUDENTS = 30;
const ROUNDS = 20;
/** From the push leaving to the family's pull showing it, server side (median). */
const BUDGET_MS = 150;

export async function run() {
  const t = await createTestApp();
  try {
    const family = new TestClient(t.app);
    const familyId = (await family.signIn(...DEMO.family)).body.user.familyId as string;
    const [choir] = await t.db.select().from(course).where(and(eq(course.name, 'Chorale 1er cycle'), eq(course.schoolYear, schoolYearOf(new Date()))));
    // A full choir: 30 more children (in the demo family, so its pull sees every absence).
    const version = await nextVersion(t.db);
    const ids = Array.from({ length: STUDENTS }, () => crypto.randomUUID());
    await t.db.insert(student).values(ids.map((id, i) => ({ id, familyId, lastName: 'Choriste', firstName: `Enfant ${i + 1}`, birthDate: '2016-05-01', version })));
    await t.db.insert(enrollment).values(ids.map((studentId) => ({ studentId, courseId: choir.id, schoolYear: choir.schoolYear, version })));

    const teacher = new TestClient(t.app);
    await teacher.signIn(...DEMO.teacher);
    const clientId = crypto.randomUUID();
    let cursor = (await family.json('/api/sync?cursor=0')).body.cursor as number;
    const dates = lessonDates(choir);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const date = dates[round % dates.length];
      const absent = new Set(ids.filter((_, i) => (i + round) % 3 === 0));
      const mutation = {
        mutationId: round + 1,
        name: TEACHING_MUTATIONS.rollCall,
        args: { courseId: choir.id, date, entries: ids.map((studentId) => ({ studentId, status: absent.has(studentId) ? 'absent' : 'present', reason: '' })) },
      };
      const start = performance.now();
      const pushed = await teacher.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: [mutation] } });
      if (pushed.status !== 200 || !pushed.body.results.every((r) => 'ok' in r)) throw new Error(`push refused: ${JSON.stringify(pushed.body)}`);
      const pulled = await family.json(`/api/sync?cursor=${cursor}`);
      times.push(performance.now() - start);
      const seen = (pulled.body.changes.absences ?? []).filter((a: { date: string }) => a.date === date).length;
      if (seen !== absent.size) throw new Error(`the family's pull shows ${seen} absences, expected ${absent.size}`);
      cursor = pulled.body.cursor;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.floor(times.length * 0.95)];
    console.log(`roll call of ${STUDENTS} (${ROUNDS} rounds), push → family pull shows it   median ${fmt(median)} ms, p95 ${fmt(p95)} ms — budget ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'within' : 'OVER'}`);
  } finally {
    t.close();
  }
}

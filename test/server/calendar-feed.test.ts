import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { auditLog, calendarFeed, course, enrollment, rateEvent, student, teacherAbsence, user } from '../../server/db/schema/index.ts';
import { FEED_READS_PER_HOUR } from '../../server/calendar/public-feed.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
const year = schoolYearOf(new Date());

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

/** The courses of the year a family's students are actively enrolled in. */
async function familyCourses(username: string) {
  const [u] = await t.db.select({ familyId: user.familyId }).from(user).where(eq(user.username, username));
  const rows = await t.db
    .select({ course })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .innerJoin(course, eq(course.id, enrollment.courseId))
    .where(and(eq(student.familyId, u.familyId!), eq(enrollment.schoolYear, year), eq(enrollment.active, true)));
  return [...new Map(rows.map((r) => [r.course.id, r.course])).values()];
}

/** The feed's text with folded lines joined back (RFC 5545 folds at 75 octets). */
async function readFeed(path: string) {
  const res = await new TestClient(t.app).request(path);
  const text = await res.text();
  return { res, text: text.replace(/\r\n[ \t]/g, '') };
}

const create = (c: TestClient) => c.json<{ path: string; createdAt: string }>('/api/calendar/feed', { method: 'POST', json: {} });

describe('the personal calendar feed', () => {
  test('a link is a 256-bit token of which only the SHA-256 is stored; the feed is text/calendar, private', async () => {
    const c = await signedIn(DEMO.family);
    const made = await create(c);
    assert.equal(made.status, 201);
    const match = /^\/calendrier\/([A-Za-z0-9_-]{43})\.ics$/.exec(made.body.path);
    assert.ok(match, `a feed path: ${made.body.path}`);
    const token = match[1];
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    const rows = await t.db.select().from(calendarFeed);
    assert.ok(rows.some((r) => r.tokenHash === createHash('sha256').update(token).digest('hex')));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is stored nowhere');

    const { res, text } = await readFeed(made.body.path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(res.headers.get('cache-control') ?? '', /private/);
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    assert.ok(text.startsWith('BEGIN:VCALENDAR'));
    assert.match(text, /END:VCALENDAR\s*$/);
    const status = await c.json<{ active: boolean }>('/api/calendar/feed');
    assert.equal(status.body.active, true);
    assert.ok((await t.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.feed.create'))).length >= 1);
  });

  test('the feed lists a lesson, a lesson cancelled by the teacher\'s absence (STATUS:CANCELLED) and a course event', async () => {
    const courses = (await familyCourses(DEMO.family[0])).filter((x) => x.weekday && x.teacherId);
    assert.ok(courses.length >= 2, 'the demo family has courses');
    const [withAbsence, plain] = courses;
    const cancelledDay = lessonDates(withAbsence)[5];
    const [teacherRow] = await t.db.select({ id: user.id }).from(user).where(eq(user.username, DEMO.secretariat[0]));
    await t.db.insert(teacherAbsence).values({ siteId: withAbsence.siteId, teacherId: withAbsence.teacherId!, startDate: cancelledDay, endDate: cancelledDay, declaredBy: teacherRow.id, version: 1 });
    const desk = await signedIn(DEMO.secretariat);
    const event = await desk.json(`/api/admin/courses/${plain.id}/events`, {
      json: { kind: 'concert', title: 'Concert de Noël', date: `${year.slice(0, 4)}-12-12`, startTime: '18:00', durationMinutes: '90', place: 'Auditorium' },
    });
    assert.equal(event.status, 201);

    const c = await signedIn(DEMO.family);
    const { text } = await readFeed((await create(c)).body.path);
    const plainDay = lessonDates(plain)[2].replaceAll('-', '');
    assert.ok(text.includes(`UID:lesson:${plain.id}:${lessonDates(plain)[2]}@portee`), 'a lesson');
    assert.ok(text.includes(`DTSTART:${plainDay}T${plain.startTime!.replace(':', '')}00`), 'at its time, floating');
    const cancelled = text.split('BEGIN:VEVENT').find((v) => v.includes(`UID:lesson:${withAbsence.id}:${cancelledDay}@portee`));
    assert.ok(cancelled, 'the cancelled lesson is kept');
    assert.match(cancelled, /STATUS:CANCELLED/);
    assert.ok(cancelled.includes(`SUMMARY:Annulé : ${withAbsence.name}`));
    const concert = text.split('BEGIN:VEVENT').find((v) => v.includes(`UID:event:${event.body.event.id}@portee`));
    assert.ok(concert, 'the event');
    assert.ok(concert.includes('SUMMARY:Concert : Concert de Noël'));
    assert.ok(concert.includes('LOCATION:Auditorium'));
    assert.match(concert, /DTSTART:\d{8}T180000\r?\n/);
    assert.match(concert, /DTEND:\d{8}T193000\r?\n/);
    assert.match(concert, /STATUS:CONFIRMED/);
  });

  test('a family\'s feed never holds another family\'s courses', async () => {
    const own = new Set((await familyCourses(DEMO.family[0])).map((x) => x.id));
    const others = [...(await familyCourses(DEMO.martin[0])), ...(await familyCourses(DEMO.limay[0]))].filter((x) => !own.has(x.id));
    const c = await signedIn(DEMO.family);
    const { text } = await readFeed((await create(c)).body.path);
    const uids = [...text.matchAll(/UID:(lesson|event):([^:@\r\n]+)/g)];
    assert.ok(uids.length > 0);
    for (const [, kind, id] of uids) if (kind === 'lesson') assert.ok(own.has(id), `lesson of a foreign course ${id}`);
    for (const other of others) assert.ok(!text.includes(`lesson:${other.id}:`), `another family's course ${other.name}`);
    // The Limay family's own feed has none of the Mantes family's courses either.
    const limay = await signedIn(DEMO.limay, 'Limay');
    const limayFeed = (await readFeed((await create(limay)).body.path)).text;
    for (const id of own) if (!(await familyCourses(DEMO.limay[0])).some((x) => x.id === id)) assert.ok(!limayFeed.includes(`lesson:${id}:`));
  });

  test('the teacher\'s feed has their classes', async () => {
    const c = await signedIn(DEMO.teacher);
    const [me] = await t.db.select({ teacherId: user.teacherId }).from(user).where(eq(user.username, DEMO.teacher[0]));
    const classes = await t.db.select().from(course).where(and(eq(course.teacherId, me.teacherId!), eq(course.schoolYear, year)));
    assert.ok(classes.length > 0);
    const { text } = await readFeed((await create(c)).body.path);
    for (const k of classes.filter((x) => x.weekday)) assert.ok(text.includes(`UID:lesson:${k.id}:`), k.name);
    const foreign = await t.db.select({ id: course.id }).from(course).where(and(eq(course.schoolYear, year)));
    const notMine = foreign.filter((f) => !classes.some((k) => k.id === f.id));
    for (const f of notMine) assert.ok(!text.includes(`lesson:${f.id}:`));
  });

  test('revoked, replaced, unknown or malformed: the same bare 404', async () => {
    const c = await signedIn(DEMO.martin);
    const first = (await create(c)).body.path;
    assert.equal((await readFeed(first)).res.status, 200);
    // A new link ends the one before it.
    const second = (await create(c)).body.path;
    assert.equal((await readFeed(first)).res.status, 404);
    assert.equal((await readFeed(second)).res.status, 200);
    const revoked = await c.json<{ revoked: boolean }>('/api/calendar/feed', { method: 'DELETE' });
    assert.deepEqual(revoked.body, { revoked: true });
    const gone = await readFeed(second);
    assert.equal(gone.res.status, 404);
    assert.equal((await c.json<{ active: boolean }>('/api/calendar/feed')).body.active, false);
    const unknown = await readFeed(`/calendrier/${Buffer.alloc(32, 7).toString('base64url')}.ics`);
    const malformed = await readFeed('/calendrier/abc.ics');
    for (const r of [gone, unknown, malformed]) {
      assert.equal(r.res.status, 404);
      assert.equal(r.text, gone.text, 'one answer for every refusal');
      assert.ok(!r.text.includes('BEGIN:VCALENDAR'));
    }
    // A new link after revoking works again.
    assert.equal((await readFeed((await create(c)).body.path)).res.status, 200);
    assert.ok((await t.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.feed.revoke'))).length >= 1);
  });

  test('only a signed-in family or teacher makes a link; a disabled account\'s feed stops', async () => {
    assert.equal((await new TestClient(t.app).request('/api/calendar/feed', { method: 'POST', json: {} })).status, 401);
    const desk = await signedIn(DEMO.secretariat);
    assert.equal((await desk.request('/api/calendar/feed', { method: 'POST', json: {} })).status, 403);
    const c = await signedIn(DEMO.limay, 'Limay');
    const path = (await create(c)).body.path;
    await t.db.update(user).set({ disabled: true }).where(eq(user.username, DEMO.limay[0]));
    assert.equal((await readFeed(path)).res.status, 404);
    await t.db.update(user).set({ disabled: false }).where(eq(user.username, DEMO.limay[0]));
  });

  test('a valid link is read at most FEED_READS_PER_HOUR times an hour (a calendar app polls every 15 minutes or so): then 429 with Retry-After, nothing generated', async () => {
    const c = await signedIn(DEMO.martin);
    const path = (await create(c)).body.path;
    // The tests above read feeds too: this one counts from zero.
    await t.db.delete(rateEvent).where(eq(rateEvent.kind, 'calendar-feed-read'));
    const statuses: number[] = [];
    for (let i = 0; i < FEED_READS_PER_HOUR; i++) statuses.push((await readFeed(path)).res.status);
    assert.deepEqual([...new Set(statuses)], [200], `first refusal at read ${statuses.indexOf(429) + 1}`);
    const over = await readFeed(path);
    assert.equal(over.res.status, 429);
    assert.ok(Number(over.res.headers.get('retry-after')) > 0, 'Retry-After says when');
    assert.ok(!over.text.includes('BEGIN:VCALENDAR'));
    // Another account's link is not held back.
    const other = await signedIn(DEMO.family);
    assert.equal((await readFeed((await create(other)).body.path)).res.status, 200);
    // The owner revokes the link (it leaked) and makes a new one: the new one is read at once.
    const fresh = (await create(c)).body.path;
    assert.equal((await readFeed(path)).res.status, 404);
    assert.equal((await readFeed(fresh)).res.status, 200);
  });

  test('at most 10 new links an hour per account', async () => {
    const c = await signedIn(DEMO.teacher);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await c.request('/api/calendar/feed', { method: 'POST', json: {} })).status);
    assert.equal(statuses.at(-1), 429);
    const [me] = await t.db.select({ id: user.id }).from(user).where(eq(user.username, DEMO.teacher[0]));
    const live = await t.db.select().from(calendarFeed).where(and(eq(calendarFeed.userId, me.id)));
    assert.equal(live.filter((r) => !r.revokedAt).length, 1, 'one live link per account');
  });
});

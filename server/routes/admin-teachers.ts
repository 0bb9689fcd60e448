import { count, eq, and } from 'drizzle-orm';
import { Hono } from 'hono';
import { schoolYearOf } from '../../shared/school-year.ts';
import { teacherAbsenceSchema } from '../../shared/teaching-schemas.ts';
import { course, enrollment, teacher } from '../db/schema/index.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';
import { declareAbsence, listAbsences, teacherFor, withdrawAbsence } from '../teaching/teacher-absences.ts';

/**
 * The secretariat's teachers (/api/admin/teachers): the site's teachers with their number of
 * classes this year, and each one's absences, declared or withdrawn for them (families told as
 * when the teacher does it). Another site's teacher is 404.
 */
export const adminTeacherRoutes = new Hono<AppEnv>()
  .get('/teachers', async (c) => {
    const { db } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    const rows = await db
      .select({ id: teacher.id, civility: teacher.civility, firstName: teacher.firstName, lastName: teacher.lastName, courses: count(course.id) })
      .from(teacher)
      .leftJoin(course, and(eq(course.teacherId, teacher.id), eq(course.schoolYear, schoolYearOf(new Date()))))
      .where(eq(teacher.siteId, c.var.user.siteId))
      .groupBy(teacher.id)
      .orderBy(teacher.lastName, teacher.firstName);
    return sendJson(c, { teachers: rows }, 200);
  })
  .get('/teachers/:teacherId', async (c) => {
    const { db } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    const t = await teacherFor(db, c.var.user, c.req.param('teacherId'));
    const courses = await db
      .select({ id: course.id, name: course.name, cycle: course.cycle, weekday: course.weekday, startTime: course.startTime, students: count(enrollment.id) })
      .from(course)
      .leftJoin(enrollment, and(eq(enrollment.courseId, course.id), eq(enrollment.active, true)))
      .where(and(eq(course.teacherId, t.id), eq(course.schoolYear, schoolYearOf(new Date()))))
      .groupBy(course.id)
      .orderBy(course.weekday, course.startTime);
    return sendJson(c, { teacher: { id: t.id, civility: t.civility, firstName: t.firstName, lastName: t.lastName }, courses }, 200);
  })
  .get('/teachers/:teacherId/absences', async (c) => {
    const { db } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    const t = await teacherFor(db, c.var.user, c.req.param('teacherId'));
    return sendJson(c, { teacher: { id: t.id, civility: t.civility, firstName: t.firstName, lastName: t.lastName }, absences: await listAbsences(db, t.id) }, 200);
  })
  .post('/teachers/:teacherId/absences', validateJson(teacherAbsenceSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    return sendJson(c, await declareAbsence(db, mailer, c.var.user, c.req.param('teacherId'), c.req.valid('json')), 201);
  })
  .delete('/teachers/:teacherId/absences/:id', async (c) => {
    const { db, mailer } = c.var.deps;
    return sendJson(c, await withdrawAbsence(db, mailer, c.var.user, c.req.param('teacherId'), c.req.param('id')), 200);
  });

import { Hono } from 'hono';
import { courseListQuery, courseSchema, enrollmentSchema, studentSearchQuery } from '../../shared/course-schemas.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { courseDetail, courseFormLists, listCourses } from '../courses/catalogue.ts';
import { closeCourse, createCourse, updateCourse } from '../courses/course-writes.ts';
import { enrol, leaveWaitingList, withdraw } from '../courses/enrolments.ts';
import { searchStudents } from '../courses/student-search.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson, validateQuery } from '../http/validate.ts';

/**
 * The secretariat's courses and enrolments (/api/admin/courses, /api/admin/students): a school
 * year's courses with their numbers and the form's lists; create, edit, close; enrol (or put on
 * the waiting list), withdraw (the first waiting student takes the place), leave the waiting list;
 * find a student of the site. Another site's course or student is 404; every write is audited.
 */
export const adminCourseRoutes = new Hono<AppEnv>()
  .get('/courses', validateQuery(courseListQuery), async (c) => {
    const { db } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    const schoolYear = c.req.valid('query').schoolYear ?? schoolYearOf(new Date());
    const [courses, lists] = await Promise.all([listCourses(db, c.var.user.siteId, schoolYear), courseFormLists(db, c.var.user.siteId)]);
    return sendJson(c, { schoolYear, currentSchoolYear: schoolYearOf(new Date()), courses, ...lists }, 200);
  })
  .post('/courses', validateJson(courseSchema), async (c) => {
    return sendJson(c, await createCourse(c.var.deps.db, c.var.user, c.req.valid('json')), 201);
  })
  .get('/courses/:courseId', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await courseDetail(c.var.deps.db, c.var.user.siteId, c.req.param('courseId')), 200);
  })
  .patch('/courses/:courseId', validateJson(courseSchema), async (c) => {
    return sendJson(c, await updateCourse(c.var.deps.db, c.var.user, c.req.param('courseId'), c.req.valid('json')), 200);
  })
  .post('/courses/:courseId/close', async (c) => {
    return sendJson(c, await closeCourse(c.var.deps.db, c.var.user, c.req.param('courseId')), 200);
  })
  .post('/courses/:courseId/enrollments', validateJson(enrollmentSchema), async (c) => {
    const outcome = await enrol(c.var.deps.db, c.var.user, c.req.param('courseId'), c.req.valid('json').studentId);
    return sendJson(c, outcome, 201);
  })
  .delete('/courses/:courseId/enrollments/:studentId', async (c) => {
    return sendJson(c, await withdraw(c.var.deps.db, c.var.user, c.req.param('courseId'), c.req.param('studentId')), 200);
  })
  .delete('/courses/:courseId/waiting/:studentId', async (c) => {
    return sendJson(c, await leaveWaitingList(c.var.deps.db, c.var.user, c.req.param('courseId'), c.req.param('studentId')), 200);
  })
  .get('/students', validateQuery(studentSearchQuery), async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await searchStudents(c.var.deps.db, c.var.user.siteId, c.req.valid('query').q), 200);
  });

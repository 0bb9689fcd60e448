import { Hono } from 'hono';
import { courseEventSchema, courseEventUpdateSchema } from '../../shared/course-event.ts';
import { createCourseEvent, listCourseEvents, updateCourseEvent } from '../calendar/course-events.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';

/**
 * The secretariat's course events (/api/admin, secretariat already required): concerts, exams,
 * auditions added to a course of its site, corrected or cancelled. Another site's course: 404.
 */
export const adminCalendarRoutes = new Hono<AppEnv>()
  .get('/courses/:courseId/events', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { events: await listCourseEvents(c.var.deps.db, c.var.user.siteId, c.req.param('courseId')) }, 200);
  })
  .post('/courses/:courseId/events', validateJson(courseEventSchema), async (c) => {
    return sendJson(c, { event: await createCourseEvent(c.var.deps.db, c.var.user, c.req.param('courseId'), c.req.valid('json')) }, 201);
  })
  .put('/courses/:courseId/events/:eventId', validateJson(courseEventUpdateSchema), async (c) => {
    const { courseId, eventId } = c.req.param();
    return sendJson(c, { event: await updateCourseEvent(c.var.deps.db, c.var.user, courseId, eventId, c.req.valid('json')) }, 200);
  });

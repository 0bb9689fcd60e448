import { Hono } from 'hono';
import { rollCallArgsSchema } from '../../shared/teaching-schemas.ts';
import type { AppEnv } from '../http/context.ts';
import { validationError } from '../http/errors.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';
import { correctRollCall, courseTeaching, deleteTeachingRecord } from '../teaching/desk.ts';

const rollCallBody = rollCallArgsSchema.omit({ courseId: true, date: true });

/**
 * What teachers wrote, for the secretariat of the course's site: read a course's roll calls,
 * absences, evaluations and notes; correct a roll call; remove an evaluation or a note. Online
 * only (the desk works connected); every correction is audited. Another site's course is 404.
 */
export const adminTeachingRoutes = new Hono<AppEnv>()
  .get('/courses/:courseId/teaching', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await courseTeaching(c.var.deps.db, c.var.user, c.req.param('courseId')), 200);
  })
  .put('/courses/:courseId/roll-calls/:date', validateJson(rollCallBody), async (c) => {
    // The course and the day come from the address: checked by the same shared schema as the body.
    const parsed = rollCallArgsSchema.safeParse({ ...c.req.valid('json'), courseId: c.req.param('courseId'), date: c.req.param('date') });
    if (!parsed.success) throw validationError(parsed.error);
    await correctRollCall(c.var.deps.db, c.var.user, c.req.param('courseId'), parsed.data);
    return sendJson(c, { ok: true }, 200);
  })
  .delete('/evaluations/:batchId', async (c) => {
    await deleteTeachingRecord(c.var.deps.db, c.var.user, 'evaluation', c.req.param('batchId'));
    return sendJson(c, { ok: true }, 200);
  })
  .delete('/follow-up-notes/:id', async (c) => {
    await deleteTeachingRecord(c.var.deps.db, c.var.user, 'note', c.req.param('id'));
    return sendJson(c, { ok: true }, 200);
  });

import { Hono } from 'hono';
import { teacherAbsenceSchema } from '../../shared/teaching-schemas.ts';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';
import { declareAbsence, listAbsences, withdrawAbsence } from '../teaching/teacher-absences.ts';

/**
 * A teacher's own absences (/api/teacher). Roll calls, evaluations, notes and repertoire are not
 * here: they travel through the push (server/teaching/mutations.ts) so they work offline.
 * Declaring an absence is online: the families are told at once.
 */
export const teacherRoutes = new Hono<AppEnv>()
  .use(requireSession, requireRole('teacher'))
  .get('/absences', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { absences: await listAbsences(c.var.deps.db, c.var.user.teacherId!) }, 200);
  })
  .post('/absences', validateJson(teacherAbsenceSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    return sendJson(c, await declareAbsence(db, mailer, c.var.user, c.var.user.teacherId!, c.req.valid('json')), 201);
  })
  .delete('/absences/:id', async (c) => {
    const { db, mailer } = c.var.deps;
    return sendJson(c, await withdrawAbsence(db, mailer, c.var.user, c.var.user.teacherId!, c.req.param('id')), 200);
  });

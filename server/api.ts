import { Hono } from 'hono';
import type { AppEnv } from './http/context.ts';
import { adminRoutes } from './routes/admin.ts';
import { billingRoutes } from './routes/billing.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { documentRoutes } from './routes/documents.ts';
import { passwordRoutes } from './routes/password.ts';
import { preregistrationRoutes } from './routes/preregistration.ts';
import { sessionRoutes } from './routes/session.ts';
import { siteRoutes } from './routes/sites.ts';
import { syncRoutes } from './routes/sync.ts';
import { teacherRoutes } from './routes/teacher.ts';

/**
 * The JSON API (/api), one chained sub-app per resource, each mounted once. Its type is the wire
 * contract: the client's transport is `hc<ApiType>` (client/api/http.ts), so a changed route or
 * answer shape fails the typecheck of the screens that use it.
 */
export function createApi() {
  return new Hono<AppEnv>()
    .route('/session', sessionRoutes)
    .route('/password', passwordRoutes)
    .route('/sites', siteRoutes)
    .route('/sync', syncRoutes)
    .route('/billing', billingRoutes)
    .route('/documents', documentRoutes)
    .route('/teacher', teacherRoutes)
    .route('/calendar', calendarRoutes)
    .route('/preregistration', preregistrationRoutes)
    .route('/admin', adminRoutes);
}

export type ApiType = ReturnType<typeof createApi>;

import { Hono } from 'hono';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import type { AppEnv } from '../http/context.ts';
import { adminAccountRoutes } from './admin-accounts.ts';
import { adminBillingRoutes } from './admin-billing.ts';
import { adminCalendarRoutes } from './admin-calendar.ts';
import { adminCourseRoutes } from './admin-courses.ts';
import { adminDocumentRoutes } from './admin-documents.ts';
import { adminFamilyRoutes } from './admin-families.ts';
import { adminMessageRoutes } from './admin-messages.ts';
import { adminPreregistrationRoutes } from './admin-preregistrations.ts';
import { adminReenrolmentRoutes } from './admin-reenrolment.ts';
import { adminRequestRoutes } from './admin-requests.ts';
import { adminSummaryRoutes } from './admin-summary.ts';
import { adminTeacherRoutes } from './admin-teachers.ts';
import { adminTeachingRoutes } from './admin-teaching.ts';

/**
 * The secretariat's API (/api/admin), guarded once here: anonymous → 401, any other role → 403,
 * for every address under it, known or not. The modules below only limit their queries to the
 * secretariat's site.
 */
export const adminRoutes = new Hono<AppEnv>()
  .use(requireSession, requireRole('secretariat'))
  .route('/', adminSummaryRoutes)
  .route('/', adminFamilyRoutes)
  .route('/', adminRequestRoutes)
  .route('/', adminDocumentRoutes)
  .route('/', adminMessageRoutes)
  .route('/', adminTeacherRoutes)
  .route('/', adminTeachingRoutes)
  .route('/', adminCourseRoutes)
  .route('/', adminPreregistrationRoutes)
  .route('/', adminAccountRoutes)
  .route('/', adminCalendarRoutes)
  .route('/', adminReenrolmentRoutes)
  .route('/billing', adminBillingRoutes);

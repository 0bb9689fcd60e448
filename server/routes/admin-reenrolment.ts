import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';

/** The secretariat's re-enrolment campaigns and consents (/api/admin/reinscriptions…): progress, answers, CSV, reminders. */
export const adminReenrolmentRoutes = new Hono<AppEnv>();

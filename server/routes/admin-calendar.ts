import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';

/** The secretariat's course events (/api/admin): concerts, exams, auditions added to a course. */
export const adminCalendarRoutes = new Hono<AppEnv>();

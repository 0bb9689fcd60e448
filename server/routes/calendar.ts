import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';

/** The family's and the teacher's calendar (/api/calendar): the feed link (create, revoke); events written online. */
export const calendarRoutes = new Hono<AppEnv>();

import type { Auth } from '../auth/auth.ts';
import type { Throttle } from '../auth/throttle.ts';
import type { Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Role } from '../../shared/session.ts';

/** Everything a request handler may need, built once by createApp. */
export interface AppDeps {
  db: Db;
  env: Env;
  auth: Auth;
  mailer: Mailer;
  throttle: Throttle;
  /** Reads the signed-in session from a Cookie header (null when absent, forged or expired). */
  readSession: (cookie: string | undefined) => Promise<{ session: SessionRecord; user: SessionUser } | null>;
  /** The change counter's current value (a pull's "nothing new" check, on every sync). */
  headVersion: () => Promise<number>;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  username: string;
  role: Role;
  siteId: string;
  familyId: string | null;
  studentId: string | null;
  teacherId: string | null;
  a11yMode: boolean;
  locale: 'fr' | 'en';
}

export interface SessionRecord {
  id: string;
  token: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    clientIp: string;
    user: SessionUser;
    session: SessionRecord;
  };
};

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { site } from './sites.ts';

/**
 * better-auth's tables (user, session, account, verification), written by hand so the user row
 * carries our own fields: the site, the role and what the account gives access to.
 */
export const user = sqliteTable('user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  username: text('username').unique(),
  displayUsername: text('display_username'),
  /** 'family' | 'secretariat' | 'teacher' */
  role: text('role').notNull().default('family'),
  siteId: text('site_id').notNull().references(() => site.id),
  /** For family accounts: the family they act for (a second responsible adult has their own account). */
  familyId: text('family_id'),
  /** For an adult student's own account. */
  studentId: text('student_id'),
  /** For teacher accounts. */
  teacherId: text('teacher_id'),
  /** The accessibility mode, remembered in the profile. */
  a11yMode: integer('a11y_mode', { mode: 'boolean' }).notNull().default(false),
  locale: text('locale').notNull().default('fr'),
  /** A disabled account cannot sign in (answered like a wrong password) and has no session. */
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
}, (t) => [
  // The desk's family search reads the site's family accounts (their identifiants are searched too).
  index('user_site_family_idx').on(t.siteId, t.familyId),
]);

export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const account = sqliteTable(
  'account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('account_user_idx').on(t.userId)],
);

export const verification = sqliteTable(
  'verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/**
 * Failed sign-ins, kept in the database so throttling survives a restart and is shared by every
 * server process: per account from unknown devices (5 in 15 min locks it for them), per trusted
 * device (`deviceId`: 5 in 15 min locks that device) and per IP (50 in 15 min).
 */
export const signInFailure = sqliteTable(
  'sign_in_failure',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: integer('at').notNull(),
    /** The trusted device the attempt came from (trusted_device.id), null for an unknown device. */
    deviceId: text('device_id'),
  },
  (t) => [
    index('sign_in_failure_username_idx').on(t.username, t.at),
    index('sign_in_failure_ip_idx').on(t.ip, t.at),
    index('sign_in_failure_device_idx').on(t.deviceId, t.at),
  ],
);

/**
 * Devices (browsers) that signed in successfully to an account (OWASP "device cookies"): the
 * device cookie holds a random token, stored here only as its SHA-256; one row per account the
 * device signed in to. A trusted device is not held back by the account's lock against unknown
 * devices, only by its own failures.
 */
export const trustedDevice = sqliteTable(
  'trusted_device',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('trusted_device_token_user_idx').on(t.tokenHash, t.userId), index('trusted_device_user_idx').on(t.userId)],
);

/**
 * Lost-password requests, kept in the database so the limits survive a restart: every request
 * counts against its address (matching an account or not); only one that sends a link counts
 * against the account (`userId`), so a stranger with wrong details cannot use up an account's links.
 */
export const passwordLinkRequest = sqliteTable(
  'password_link_request',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id'),
    ip: text('ip').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('password_link_request_user_idx').on(t.userId, t.at), index('password_link_request_ip_idx').on(t.ip, t.at)],
);

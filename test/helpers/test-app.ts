import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { seedDemo } from '../../server/db/seed/demo.ts';
import { parseEnv, type Env } from '../../server/env.ts';
import { createMailer, type MailMessage } from '../../server/mail/mailer.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>['app'];
  db: Db;
  env: Env;
  dbUrl: string;
  /** Messages handed to the mail transport (without `env.SMTP_URL`: recorded here, in the order sent). */
  mails: MailMessage[];
  /** Builds another app on the same database (a server restart). */
  restart(): Promise<TestApp>;
  close(): void;
}

/** A fresh `file:` database per call, migrated and (by default) seeded with the demo data. */
export async function createTestApp(opts: { seed?: boolean; env?: Record<string, string>; dbFile?: string } = {}): Promise<TestApp> {
  const file = opts.dbFile ?? join(tmpdir(), `portee-test-${crypto.randomUUID()}.db`);
  const dbUrl = `file:${file}`;
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: dbUrl, LOG_REQUESTS: '0', PUBLIC_URL: 'http://localhost:3000', ...opts.env });
  const { db, client, reads } = await openDatabase(dbUrl);
  if (opts.seed !== false) await seedDemo(db);
  const mails: MailMessage[] = [];
  // The real mailer and outbox; its transport is the SMTP server env.SMTP_URL names, else a recorder.
  const mailer = createMailer(db, {
    smtpUrl: env.SMTP_URL,
    transport: env.SMTP_URL ? undefined : { sendMail: async ({ to, subject, text }) => void mails.push({ to, subject, text }) },
    from: env.MAIL_FROM,
    log: () => undefined,
  });
  const { app } = createApp({ db, env, mailer, reads, serveClient: false });
  return {
    app,
    db,
    env,
    dbUrl,
    mails,
    restart: async () => {
      client.close();
      reads?.close();
      return createTestApp({ seed: false, env: opts.env, dbFile: file });
    },
    close: () => {
      client.close();
      reads?.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}

/** A small cookie-keeping client around `app.request`, like a browser with one tab. */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly app: TestApp['app'],
    private readonly ip = '127.0.0.1',
  ) {}

  async request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { 'x-test-client-ip': this.ip, ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.request(path, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attrs] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T = any>(path: string, init?: Parameters<TestClient['request']>[1]): Promise<{ status: number; body: T }> {
    const res = await this.request(path, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async signIn(username: string, password: string, siteName = 'Mantes') {
    const sites = (await this.json<Array<{ id: string; name: string }>>('/api/sites')).body;
    const siteId = sites.find((s) => s.name === siteName)!.id;
    return this.json('/api/session/sign-in', { json: { siteId, username, password } });
  }
}

export const DEMO = {
  family: ['famille.demo', 'Portee-demo-2026'],
  martin: ['famille.martin', 'Portee-demo-2026'],
  limay: ['famille.limay', 'Portee-demo-2026'],
  secretariat: ['secretariat.demo', 'Portee-admin-2026'],
  secretariatLimay: ['secretariat.limay', 'Portee-admin-2026'],
  teacher: ['enseignant.demo', 'Portee-prof-2026'],
} as const;

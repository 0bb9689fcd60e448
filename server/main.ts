import { createApp } from './app.ts';
import { listen, readTls } from './http/listen.ts';
import { openDatabase } from './db/client.ts';
import { isEmpty, seedDemo } from './db/seed/demo.ts';
import { parseEnv } from './env.ts';
import { startPayfipReconciliation } from './payfip/reconcile.ts';
import { createSmsSender } from './sms/sender.ts';
import { createMailer } from './mail/mailer.ts';
import { createMailSender } from './mail/sender.ts';
import { createRetentionJob } from './preregistration/retention.ts';
import { refreshFamilySearch } from './families/search-key.ts';
import { writeTransaction } from './db/write-transaction.ts';

/** How often the SMS sender looks for due messages (docs/sms.md). */
const SMS_ROUND_MS = 5_000;
/** How often the mail sender looks for mails a request did not send (docs/mail.md). */
const MAIL_ROUND_MS = 15_000;
/** How often expired applications are looked for (server/preregistration/retention.ts). */
const RETENTION_ROUND_MS = 60 * 60_000;

/** Starts the server: environment, database (migrated), demo data if asked and empty, HTTP. */
async function main() {
  let env, tls;
  try {
    env = parseEnv({ ...process.env, SEED_DEMO: process.argv.includes('--demo') ? '1' : process.env.SEED_DEMO });
    tls = readTls(env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const { db, reads } = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  if (env.SEED_DEMO === '1' && (await isEmpty(db))) {
    await seedDemo(db);
    console.log('[seed] demo data loaded (accounts: see README, "Demo")');
  }
  // Search keys left stale (by migration 0007, the large seed, or a write of another version).
  await writeTransaction(db, (tx) => refreshFamilySearch(tx));
  const mailer = createMailer(db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  const { app } = createApp({ db, env, reads, mailer });
  const stopReconciliation = startPayfipReconciliation(db, env);
  const sms = createSmsSender({ db, smsUrl: env.SMS_URL, sender: env.SMS_SENDER });
  sms.start(SMS_ROUND_MS);
  const mail = createMailSender({ db, mailer });
  mail.start(MAIL_ROUND_MS);
  const retention = createRetentionJob({ db });
  retention.start(RETENTION_ROUND_MS);
  const listening = listen(app.fetch, env, tls, (port) => {
    console.log(`Portée listening on ${env.PUBLIC_URL} (port ${port}, ${tls ? 'TLS: HTTP/2 and HTTP/1.1' : 'HTTP/1.1'}, database ${env.DATABASE_URL})`);
  });
  // The jobs give their leases up (the SMS sender unbinds first), so another server may take them at once.
  const stop = () =>
    void Promise.allSettled([sms.stop(), mail.stop(), retention.stop(), stopReconciliation()])
      .then(() => listening.close())
      .finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

// Fills a database with a conservatory of real size (issue 15): 2,000 families, 3,500 students,
// 150 courses a year over 10 school years with their evaluations and absences, 40,000 invoices
// with their payments, 20,000 documents' metadata — on top of the demo seed, so the demo accounts
// (famille.demo, secretariat.demo… docs/contract.md) still sign in, plus `famille.grande`, a
// four-student family with ten years of history (password: the demo family one).
//
//   npm run seed:large                      # DATABASE_URL, default file:data/portee-large.db
//   DATABASE_URL=file:/tmp/x.db npm run seed:large -- --force   # empty a non-empty one first
import { rmSync } from 'node:fs';
import { hashPassword } from 'better-auth/crypto';
import Database from 'libsql';
import { schoolYearOf } from '../shared/school-year.ts';
import { openDatabase } from '../server/db/client.ts';
import { embeddedPath } from '../server/db/prepared-read.ts';
import { DEMO_PASSWORDS, isEmpty, seedDemo } from '../server/db/seed/demo.ts';
import { coveredYears, generate, KNOWN_ACCOUNT, VOLUMES, type Catalogue } from './large-seed/generate.ts';

const url = process.env.DATABASE_URL ?? 'file:data/portee-large.db';
const force = process.argv.includes('--force');
const path = embeddedPath(url);
if (path === null) {
  // Bulk writing goes through the embedded file's own connection; a remote database is not for this.
  console.error(`seed:large writes an embedded database file (file:…), not ${url}`);
  process.exit(1);
}

const started = performance.now();
const now = new Date();
let opened = await openDatabase(url);
if (!(await isEmpty(opened.db))) {
  if (!force) {
    console.error(`${url} is not empty: nothing written (add --force to replace it)`);
    process.exit(1);
  }
  opened.client.close();
  opened.reads?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  opened = await openDatabase(url);
}
// The demo seed first: sites, departments, rooms, teachers, document kinds and the demo accounts.
await seedDemo(opened.db, { now });
opened.client.close();
opened.reads?.close();

// scrypt once: every generated family account shares the demo family password.
const passwordHash = await hashPassword(DEMO_PASSWORDS.family);
const connection = new Database(path);
connection.pragma('journal_mode = WAL');
connection.pragma('synchronous = NORMAL');
// Random UUID keys scatter the index writes: a large page cache keeps them in memory until commit.
connection.pragma('cache_size = -262144');
const all = <T>(sql: string) => connection.prepare(sql).all() as T[];
const sites = all<{ id: string; name: 'Mantes' | 'Limay' }>(`SELECT id, name FROM site ORDER BY name DESC`);
const group = <T>(rows: Array<T & { site_id: string }>) => {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(row.site_id, [...(out.get(row.site_id) ?? []), row]);
  return out;
};
const catalogue: Catalogue = {
  sites,
  departments: new Map([...group(all<{ site_id: string; id: string; name: string }>(`SELECT site_id, id, name FROM department`))].map(([k, v]) => [k, new Map(v.map((d) => [d.name, d.id]))])),
  rooms: new Map([...group(all<{ site_id: string; id: string }>(`SELECT site_id, id FROM room`))].map(([k, v]) => [k, v.map((x) => x.id)])),
  teachers: new Map([...group(all<{ site_id: string; id: string }>(`SELECT site_id, id FROM teacher`))].map(([k, v]) => [k, v.map((x) => x.id)])),
  documentKinds: group(all<{ site_id: string; id: string; owner: 'family' | 'student'; label: string }>(`SELECT site_id, id, owner, label FROM document_kind`)),
};

const startYear = Number(schoolYearOf(now).slice(0, 4));
const write = connection.transaction(() => {
  // The global change counter goes on from the demo seed's version; it ends at the last one used.
  const { value } = connection.prepare(`SELECT value FROM change_counter WHERE id = 1`).get() as { value: number };
  const result = generate(connection, { catalogue, startYear, now, firstVersion: value + 1, passwordHash });
  connection.prepare(`UPDATE change_counter SET value = ? WHERE id = 1`).run(result.lastVersion);
  return result;
});
const result = write();
connection.pragma('wal_checkpoint(TRUNCATE)');
connection.exec('ANALYZE');
connection.close();

const [from, to] = coveredYears(startYear);
console.log(`large seed written to ${url} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`  ${VOLUMES.families} families, ${result.counts.student} students, ${result.counts.course} courses (${from} to ${to}), ${result.counts.enrollment} enrollments`);
console.log(`  ${result.counts.evaluation} evaluations, ${result.counts.absence} absences, ${result.counts.followUpNote} follow-up notes, ${result.counts.repertoireEntry} repertoire entries`);
console.log(`  ${result.counts.invoice} invoices (${result.counts.invoiceLine} lines), ${result.counts.payment} payments, ${result.counts.payfipAttempt} PayFiP attempts`);
console.log(`  ${result.counts.document} documents, ${result.counts.changeRequest} change requests (${result.counts.pendingRequests} pending), ${result.counts.user} family accounts`);
console.log(`  change counter at ${result.lastVersion}; sign in as ${KNOWN_ACCOUNT.username} (site ${KNOWN_ACCOUNT.site}, password ${DEMO_PASSWORDS.family}) — the demo accounts work too`);

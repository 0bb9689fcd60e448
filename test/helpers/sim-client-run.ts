import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, like } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { absence, auditLog, changeRequest, document, enrollment, followUpNote, mailOutbox, rollCall, syncClient, user } from '../../server/db/schema/index.ts';
import { FAULT_KINDS, startFaultProxy, type FaultProxy, type FaultRates } from './fault-proxy.ts';
import { startServer, type RunningServer } from './server-process.ts';
import { prng, SimClient } from './sim-client.ts';
import { DEMO } from './test-app.ts';

/*
 * The seeded fault-injection run of issue 17, item 1 (test/server/sync-faults.test.ts and
 * scripts/sync-soak.ts): simulated devices running the client's real sync code push and pull
 * against the real server process through a fault proxy, while the seed decides who does what,
 * when a device goes offline, and which request meets which fault. Then faults stop, every queue
 * drains, and the run checks that each device holds what the server shows its account, that
 * every mutation left exactly one trace in the database, and that nothing queued was lost.
 */

type Role = 'family' | 'teacher' | 'secretariat';
interface DeviceSpec {
  account: readonly [string, string];
  site: 'Mantes' | 'Limay';
  role: Role;
}

/** The demo's accounts; a family and the teacher on two devices each (their edits must converge too). */
const DEVICES: DeviceSpec[] = [
  { account: DEMO.family, site: 'Mantes', role: 'family' },
  { account: DEMO.family, site: 'Mantes', role: 'family' },
  { account: DEMO.martin, site: 'Mantes', role: 'family' },
  { account: DEMO.limay, site: 'Limay', role: 'family' },
  { account: DEMO.teacher, site: 'Mantes', role: 'teacher' },
  { account: DEMO.teacher, site: 'Mantes', role: 'teacher' },
  { account: DEMO.secretariat, site: 'Mantes', role: 'secretariat' },
  { account: DEMO.secretariatLimay, site: 'Limay', role: 'secretariat' },
];

export const DEFAULT_RATES: FaultRates = {
  'drop-request': 0.05,
  'drop-response': 0.07,
  duplicate: 0.05,
  delay: 0.08,
  'error-500': 0.05,
  timeout: 0.03,
  restart: 0.02,
};

export interface WorldOptions {
  /** Devices, taken in order from the demo's accounts (more than 8 repeats the list). */
  devices?: number;
  log?: (line: string) => void;
}

export interface SeedOptions {
  seed: number;
  /** User actions drawn (an offline burst counts as one). */
  steps: number;
  rates?: FaultRates;
  /** Server restarts in this seed: the first during a push drawn by the seed (0: none). */
  restarts?: number;
}

export interface SimReport {
  seed: number;
  devices: number;
  mutations: { identity: number; rollCall: number; note: number; upload: number; decisions: number; queuedOffline: number };
  faults: FaultProxy['counts'];
  faultsByRoute: FaultProxy['byRoute'];
  /** This seed's restarts by how much of the interrupted push was committed (see killedPushLanded). */
  killsLanded: World['killsLanded'];
  seconds: number;
}

interface Ledger {
  identity: number;
  rollCalls: Map<string, Array<{ studentId: string; status: string }>>;
  rollCallCount: number;
  notes: string[];
  uploads: number;
  queuedOffline: number;
  refused: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A server process on a temporary database file (the demo's data), the fault proxy in front of
 * it, and the devices signed in and synced (without faults). Seeds then run one after the other
 * on this world: the devices keep their data and queues from one seed to the next, as phones
 * do, and the checks are over everything done since the world started.
 */
export interface World {
  proxy: FaultProxy;
  clients: SimClient[];
  specs: DeviceSpec[];
  ledgers: Map<SimClient, Ledger>;
  dbFile: string;
  restarts: number;
  /** Where the kills landed: how much of the push they interrupted was in the database after it. */
  killsLanded: Record<'none' | 'part' | 'all', number>;
  /** Decisions each secretariat had made at the end of the previous seed. */
  decidedBefore: Map<string, number>;
  log: (line: string) => void;
  close(): Promise<void>;
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const started = Date.now();
  const print = opts.log ?? (() => undefined);
  const log = (line: string) => print(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`);
  const dbFile = join(tmpdir(), `portee-faults-${crypto.randomUUID()}.db`);
  const uploadDir = mkdtempSync(join(tmpdir(), 'portee-faults-uploads-'));
  const env = { DATABASE_URL: `file:${dbFile}`, UPLOAD_DIR: uploadDir };
  const removeFiles = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
    rmSync(uploadDir, { recursive: true, force: true });
  };
  let server: RunningServer = await startPatiently(env).catch((error: unknown) => {
    removeFiles();
    throw error;
  });
  const servers = [server];
  const proxy = await startFaultProxy({
    restart: async (push) => {
      world.restarts++;
      await server.kill();
      const landed = await killedPushLanded(dbFile, push);
      world.killsLanded[landed]++;
      log(`server killed (SIGKILL) during a push (${landed} of it applied); starting it again on the same database file`);
      server = await startPatiently(env);
      servers.push(server);
      log('server started again');
      return server.url;
    },
  });
  proxy.target = server.url;
  log('server started');
  const count = opts.devices ?? DEVICES.length;
  const specs = Array.from({ length: count }, (_, i) => DEVICES[i % DEVICES.length]);
  const clients = specs.map(
    (spec, index) =>
      new SimClient({ name: `${spec.account[0]}#${index}`, index, proxyUrl: proxy.url, site: spec.site, username: spec.account[0], password: spec.account[1] }),
  );
  const world: World = {
    proxy,
    clients,
    specs,
    ledgers: new Map(clients.map((c) => [c, { identity: 0, rollCalls: new Map(), rollCallCount: 0, notes: [], uploads: 0, queuedOffline: 0, refused: [] }])),
    dbFile,
    restarts: 0,
    killsLanded: { none: 0, part: 0, all: 0 },
    decidedBefore: new Map(),
    log,
    close: async () => {
      if (process.env.SHOW_SERVER_OUTPUT) for (const s of servers) print(s.output());
      await Promise.all(clients.map((c) => c.call('stop').catch(() => undefined)));
      await Promise.all(clients.map((c) => c.terminate()));
      await proxy.close();
      await server.stop();
      removeFiles();
    },
  };
  try {
    // Sign-in and the first pull without faults: the run is about what follows.
    await Promise.all(clients.map((c) => c.call('start')));
  } catch (error) {
    await world.close();
    throw error;
  }
  log(`${clients.length} devices signed in and synced`);
  return world;
}

/** startServer gives a process 30 s; on a machine busy with other tests, one more try before failing the run. */
async function startPatiently(env: Record<string, string>): Promise<RunningServer> {
  try {
    return await startServer(env);
  } catch {
    return startServer(env);
  }
}

/**
 * How much of the push the server was killed during had been committed: none (killed before
 * its transaction committed, or before it was read), part (between its transactions) or all.
 */
async function killedPushLanded(dbFile: string, push: Buffer): Promise<'none' | 'part' | 'all'> {
  const { clientId, mutations } = JSON.parse(push.toString()) as { clientId: string; mutations: Array<{ mutationId: number }> };
  const ids = mutations.map((m) => m.mutationId);
  const data = await openDatabase(`file:${dbFile}`);
  try {
    const [row] = await data.db.select({ last: syncClient.lastMutationId }).from(syncClient).where(eq(syncClient.clientId, clientId));
    const last = row?.last ?? 0;
    return last >= Math.max(...ids) ? 'all' : last < Math.min(...ids) ? 'none' : 'part';
  } finally {
    data.client.close();
    data.reads?.close();
  }
}

/** One seed: the devices act under faults, then the queues drain and everything is checked. */
export async function runSeed(world: World, opts: SeedOptions): Promise<SimReport> {
  const started = Date.now();
  const { proxy, clients, specs, ledgers, log } = world;
  const random = prng(opts.seed);
  const killsBefore = { ...world.killsLanded };
  const before = new Map([...ledgers].map(([c, l]) => [c, { ...l, notes: [...l.notes], refused: [...l.refused] }]));
  proxy.reset();
  proxy.random = prng(opts.seed ^ 0x5eed);
  proxy.rates = opts.rates ?? DEFAULT_RATES;
  proxy.maxRestarts = opts.restarts ?? 1;
  // Which pushes meet a restart: drawn from the seed, the first among the run's first pushes.
  proxy.restartOnPushes = [];
  for (let k = 0, at = 0; k < proxy.maxRestarts; k++) proxy.restartOnPushes.push((at += (k ? 10 : 2) + Math.floor(random() * (k ? 20 : 10))));
  log(`seed ${opts.seed}: faults on`);
  proxy.enabled = true;
  try {
    const chains = new Map<SimClient, Promise<void>>(clients.map((c) => [c, Promise.resolve()]));
    const record = (client: SimClient, done: Record<string, unknown>, offline: boolean) => {
      const ledger = ledgers.get(client)!;
      const result = done.result as unknown;
      if (result && typeof result === 'object' && 'rejected' in result) {
        ledger.refused.push(`${done.kind as string}: ${JSON.stringify(result)}`);
        return;
      }
      if (offline) ledger.queuedOffline++;
      if (done.kind === 'identity') ledger.identity++;
      if (done.kind === 'note') ledger.notes.push(done.id as string);
      if (done.kind === 'upload') ledger.uploads++;
      if (done.kind === 'rollCall') {
        ledger.rollCallCount++;
        ledger.rollCalls.set(`${done.courseId as string} ${done.date as string}`, done.entries as Array<{ studentId: string; status: string }>);
      }
    };
    const act = async (client: SimClient, role: Role, seed: number, offline: boolean) => {
      const r = prng(seed)();
      let op: 'identityEdit' | 'upload' | 'rollCall' | 'note';
      if (role === 'family') op = r < 0.8 ? 'identityEdit' : 'upload';
      else op = r < 0.6 ? 'rollCall' : 'note';
      // A roll call's slot numbers its day: each is this device's own, never taken twice.
      const slot = ledgers.get(client)!.rollCallCount + ledgers.get(client)!.refused.length;
      record(client, await client.call(op, { seed, slot }), offline);
    };

    for (let step = 0; step < opts.steps; step++) {
      const i = Math.floor(random() * clients.length);
      const client = clients[i];
      const role = specs[i].role;
      const r = random();
      const seed = Math.floor(random() * 2 ** 31);
      const burst = 1 + Math.floor(random() * 3);
      // Offline for a while: edits queue on the device, then the network comes back. Now and
      // then a family stays offline long enough to queue more than one write transaction of a push.
      const offlineEdits = r < 0.2 ? burst : r < 0.22 && role === 'family' ? 65 + Math.floor(random() * 20) : 0;
      let task: () => Promise<void>;
      if (role === 'secretariat') task = async () => void (r < 0.85 ? await client.call('review', { seed }) : await client.call('pull'));
      else if (offlineEdits) {
        task = async () => {
          await client.call('setOffline', { value: true });
          for (let k = 0; k < offlineEdits; k++) await act(client, role, seed + k, true);
          await client.call('setOffline', { value: false });
        };
      } else if (r < 0.3) task = async () => void (await client.call('pull'));
      else task = () => act(client, role, seed, false);
      chains.set(client, chains.get(client)!.then(task));
      await sleep(Math.floor(random() * 40));
    }
    await Promise.all(chains.values());
    log(`seed ${opts.seed}: ${opts.steps} steps done; faults off, draining the queues`);

    proxy.enabled = false;
    await proxy.idle();
    await Promise.all(clients.map((c) => c.call('setOffline', { value: false })));
    for (const c of clients) await c.call('drain');
    // Everyone has sent everything: now each device pulls, and is compared with a fresh pull.
    const compared: Array<{ c: SimClient; view: CompareView }> = [];
    for (const c of clients) compared.push({ c, view: await c.call<CompareView>('compare') });
    for (const { c, view } of compared) {
      const ledger = ledgers.get(c)!;
      assert.deepEqual(ledger.refused, [], `${c.name}: no valid mutation is refused`);
      assert.equal(view.outbox, 0, `${c.name}: every outbox entry acknowledged`);
      assert.deepEqual(view.pendingUploads, [], `${c.name}: every upload stored`);
      assert.deepEqual(view.rejections, [], `${c.name}: no rejection kept`);
      assert.deepEqual(view.uncertain, [], `${c.name}: every decision answered`);
      assert.equal(view.cursor, view.freshCursor, `${c.name}: the device's cursor is the server's`);
      for (const table of Object.keys(view.remote)) {
        assert.deepEqual(view.local[table], view.remote[table], `${c.name}: table ${table} converged to the server's`);
      }
    }
    log(`seed ${opts.seed}: every device converged; counting in the database`);
    const decisions = await checkExactlyOnce(world, compared);

    const total = (f: (l: Ledger) => number) => clients.reduce((n, c) => n + f(ledgers.get(c)!) - f(before.get(c)!), 0);
    return {
      seed: opts.seed,
      devices: clients.length,
      mutations: {
        identity: total((l) => l.identity),
        rollCall: total((l) => l.rollCallCount),
        note: total((l) => l.notes.length),
        upload: total((l) => l.uploads),
        decisions,
        queuedOffline: total((l) => l.queuedOffline),
      },
      faults: { ...proxy.counts },
      faultsByRoute: structuredClone(proxy.byRoute),
      killsLanded: { none: world.killsLanded.none - killsBefore.none, part: world.killsLanded.part - killsBefore.part, all: world.killsLanded.all - killsBefore.all },
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } catch (error) {
    log(`seed ${opts.seed}: faults applied (last 40):\n    ${proxy.log.slice(-40).join('\n    ')}`);
    throw error;
  } finally {
    proxy.enabled = false;
  }
}

/**
 * Every mutation left exactly one trace, counted in the database over the world's whole life;
 * answers how many decisions the secretariats made in this seed.
 */
async function checkExactlyOnce(world: World, compared: Array<{ c: SimClient; view: CompareView }>): Promise<number> {
  const { clients, specs, ledgers } = world;
  const data = await openDatabase(`file:${world.dbFile}`);
  let decisionsNow = 0;
  try {
    const db = data.db;
    const audits = await db.select().from(auditLog);
    const users = await db.select({ id: user.id, username: user.username, familyId: user.familyId }).from(user);
    const userOf = (username: string) => users.find((u) => u.username === username)!;
    const byAccount = new Map<string, SimClient[]>();
    clients.forEach((c, i) => byAccount.set(specs[i].account[0], [...(byAccount.get(specs[i].account[0]) ?? []), c]));
    const sum = (list: SimClient[], f: (l: Ledger) => number) => list.reduce((n, c) => n + f(ledgers.get(c)!), 0);
    const actions = (username: string, action: string) => audits.filter((a) => a.actorUserId === userOf(username).id && a.action === action);
    let decisions = 0;

    for (const [username, devices] of byAccount) {
      const role = specs[clients.indexOf(devices[0])].role;
      if (role === 'family') {
        assert.equal(actions(username, 'change_request.submitted').length, sum(devices, (l) => l.identity), `${username}: one audit row per identity edit`);
        assert.equal(actions(username, 'document.uploaded').length, sum(devices, (l) => l.uploads), `${username}: one audit row per upload`);
        const docs = await db.select({ id: document.id }).from(document).where(and(eq(document.familyId, userOf(username).familyId!), like(document.fileName, 'piece-%')));
        assert.equal(docs.length, sum(devices, (l) => l.uploads), `${username}: one document per upload`);
      }
      if (role === 'teacher') {
        assert.equal(actions(username, 'teaching.roll_call').length, sum(devices, (l) => l.rollCallCount), `${username}: one audit row per roll call`);
        const notes = devices.flatMap((c) => ledgers.get(c)!.notes);
        assert.equal(actions(username, 'teaching.note.create').length, notes.length, `${username}: one audit row per note`);
        assert.equal(actions(username, 'teaching.note.update').length, 0, `${username}: no note written twice`);
        if (notes.length) assert.equal((await db.select({ id: followUpNote.id }).from(followUpNote).where(inArray(followUpNote.id, notes))).length, notes.length, `${username}: one row per note`);
        for (const c of devices) {
          for (const [key, entries] of ledgers.get(c)!.rollCalls) {
            const [courseId, date] = key.split(' ');
            assert.equal((await db.select().from(rollCall).where(and(eq(rollCall.courseId, courseId), eq(rollCall.date, date)))).length, 1, `${key}: one roll call row`);
            const stored = await db
              .select({ studentId: enrollment.studentId, excused: absence.excused })
              .from(absence)
              .innerJoin(enrollment, eq(enrollment.id, absence.enrollmentId))
              .where(and(eq(enrollment.courseId, courseId), eq(absence.date, date)));
            const expected = entries.filter((e) => e.status !== 'present').map((e) => `${e.studentId} ${e.status === 'excused'}`).sort();
            assert.deepEqual(stored.map((s) => `${s.studentId} ${s.excused}`).sort(), expected, `${key}: the absences of the day's last roll call, once each`);
          }
        }
      }
      if (role === 'secretariat') {
        const view = compared.find((x) => x.c === devices[0])!.view;
        const perRequest = new Map<string, string[]>();
        for (const row of [...actions(username, 'change_request.approved'), ...actions(username, 'change_request.refused')]) {
          const id = (row.details as { changeRequestId: string }).changeRequestId;
          perRequest.set(id, [...(perRequest.get(id) ?? []), row.action]);
        }
        const expected = new Map(view.decided.map(([id, how]) => [id, [how === 'approve' ? 'change_request.approved' : 'change_request.refused']]));
        assert.deepEqual(new Map([...perRequest].sort()), new Map([...expected].sort()), `${username}: each decision audited once, as decided`);
        decisions += view.decided.length;
        decisionsNow += view.decided.length - (world.decidedBefore.get(username) ?? 0);
        world.decidedBefore.set(username, view.decided.length);
      }
    }
    const pendingPerRecord = new Map<string, number>();
    for (const r of await db.select().from(changeRequest).where(eq(changeRequest.status, 'pending'))) pendingPerRecord.set(r.targetId, (pendingPerRecord.get(r.targetId) ?? 0) + 1);
    assert.ok([...pendingPerRecord.values()].every((n) => n === 1), 'one pending change request per record');
    const decided = (await db.select({ status: changeRequest.status }).from(changeRequest)).filter((r) => r.status !== 'pending').length;
    assert.equal(decided, decisions, 'every decided request was decided by the secretariat, once');
    const mails = await db.select({ subject: mailOutbox.subject }).from(mailOutbox);
    const decisionMails = mails.filter((m) => m.subject.includes('examinée')).length;
    // Each decision's mail is queued in the decision's own transaction (server/mail/mailer.ts): even
    // with the server killed between the commit and the send, exactly one per decision.
    assert.equal(decisionMails, decided, `decision mails ${decisionMails} for ${decided} decisions (${world.restarts} restarts)`);
    const ackMails = mails.filter((m) => m.subject.includes('reçue')).length;
    const submitted = audits.filter((a) => a.action === 'change_request.submitted').length;
    assert.ok(ackMails <= submitted, `acknowledgement mails ${ackMails} ≤ applied edits ${submitted}`);
  } finally {
    data.client.close();
    data.reads?.close();
  }
  return decisionsNow;
}

interface CompareView {
  local: Record<string, unknown[]>;
  remote: Record<string, unknown[]>;
  cursor: number;
  freshCursor: number;
  outbox: number;
  pendingUploads: unknown[];
  rejections: unknown[];
  decided: Array<[string, 'approve' | 'refuse']>;
  uncertain: unknown[];
}

/** One line for the run's report. */
export function describe(report: SimReport): string {
  const m = report.mutations;
  const faults = FAULT_KINDS.filter((k) => report.faults[k]).map((k) => `${k} ${report.faults[k]}`).join(', ');
  return (
    `seed ${report.seed}: ${report.devices} devices, ${m.identity} identity edits, ${m.rollCall} roll calls, ${m.note} notes, ${m.upload} uploads, ` +
    `${m.decisions} decisions (${m.queuedOffline} made offline); faults: ${faults || 'none'} (${report.faults.passed} requests untouched); ` +
    `kills during a push: ${report.killsLanded.none} before its commit, ${report.killsLanded.part} between its transactions, ${report.killsLanded.all} after; ${report.seconds} s`
  );
}

/** Which faults met which requests, one route a line (e.g. "push: drop-response 3, restart 1; 40 untouched"). */
export function describeRoutes(byRoute: FaultProxy['byRoute']): string {
  return Object.entries(byRoute)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, tally]) => {
      const faults = FAULT_KINDS.filter((k) => tally[k]).map((k) => `${k} ${tally[k]}`).join(', ');
      return `  ${route}: ${faults || 'no fault'}; ${tally.passed ?? 0} untouched`;
    })
    .join('\n');
}

/** The command that replays one seed (on a new world: the seeds run before it on the same devices are not replayed). */
export function replayCommand(seed: number, opts: { steps?: number; restarts?: number } = {}) {
  const extra = [opts.steps !== undefined ? `STEPS=${opts.steps}` : '', opts.restarts !== undefined ? `RESTARTS=${opts.restarts}` : ''].filter(Boolean).join(' ');
  return `SEED=${seed} ${extra ? extra + ' ' : ''}node --import tsx --test test/server/sync-faults.test.ts`;
}

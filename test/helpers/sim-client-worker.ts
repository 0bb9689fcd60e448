/*
 * One simulated device (issue 17, item 1), in its own worker thread: the app's real sync code
 * (client/data/outbox.ts, push.ts, sync.ts / pull-apply.ts, document-queue.ts, the family's
 * identity-change command, the teacher's roll-call and note commands, the secretariat's review
 * calls) runs here against fake-indexeddb, with its own module instances and globals. What a
 * browser gives that Node lacks is shimmed below, before any client module loads:
 * - fetch: relative URLs go to the fault proxy, with this device's cookie jar (the browser's
 *   same-origin cookies) and an `x-sim-client` header naming the device in the proxy's log;
 *   while the device is "offline" every request fails as a browser's does (TypeError);
 * - XMLHttpRequest (the upload queue's transport, for its progress events): on top of that fetch;
 * - navigator.locks: one FIFO lock per name within this device (Web Locks, one tab);
 * - BroadcastChannel: per device (Node's spans the process);
 * - window (an EventTarget, for `online`) and document.visibilityState.
 * The main thread drives it with messages (test/helpers/sim-client.ts).
 */
import 'fake-indexeddb/auto';
import { parentPort, workerData } from 'node:worker_threads';
import { NO_FAULT_HEADER } from './fault-proxy.ts';
import { prng, type SimAsk, type SimInit, type SimReply } from './sim-client.ts';

const sim = workerData as SimInit;
/** The signed-in account (GET /api/session), once started. */
let me: { id: string; teacherId: string | null; familyId: string | null } | undefined;
const realFetch = globalThis.fetch;
const jar = new Map<string, string>();
let offline = false;

function storeCookies(res: Response) {
  for (const cookie of res.headers.getSetCookie()) {
    const pair = cookie.split(';')[0];
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** A request as the device's browser makes it; `noFault` for the test's own setup and checks. */
async function deviceFetch(input: RequestInfo | URL, init: RequestInit = {}, noFault = false): Promise<Response> {
  if (offline && !noFault) throw new TypeError('fetch failed (device offline)');
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, sim.proxyUrl);
  const headers = new Headers(init.headers);
  if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
  headers.set('x-sim-client', sim.name);
  if (noFault) headers.set(NO_FAULT_HEADER, '1');
  const res = await realFetch(url, { ...init, headers });
  storeCookies(res);
  return res;
}
globalThis.fetch = (input, init) => deviceFetch(input, init);

class SimXhr {
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onprogress: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  private readonly aborter = new AbortController();
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData | null) {
    deviceFetch(this.url, { method: this.method, headers: this.headers, body, signal: this.aborter.signal })
      .then(async (res) => {
        this.upload.onload?.();
        this.status = res.status;
        this.responseText = await res.text();
        this.onload?.();
      })
      .catch(() => {
        if (!this.aborter.signal.aborted) this.onerror?.();
      });
  }
  abort() {
    this.aborter.abort();
    this.onabort?.();
  }
}

/** Web Locks within this device: one holder per name, the others wait in order. */
const tails = new Map<string, Promise<unknown>>();
const locks = {
  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    const run = (tails.get(name) ?? Promise.resolve()).then(() => callback());
    tails.set(name, run.catch(() => undefined));
    return run;
  },
};
// The app logs a failed push or pull to the console; here faults make many: kept quiet unless asked.
if (!process.env.SIM_VERBOSE) console.error = () => undefined;
/**
 * Dexie tells a device's other tabs of each commit over a BroadcastChannel, which in Node spans
 * every worker of the process: here each device's channels are its own, as a browser's are.
 */
class DeviceChannel extends BroadcastChannel {
  constructor(name: string) {
    super(`${sim.name} ${name}`);
  }
}
const win = new EventTarget();
Object.assign(globalThis, {
  BroadcastChannel: DeviceChannel,
  window: win,
  document: { visibilityState: 'visible' },
  navigator: { onLine: true, locks },
  XMLHttpRequest: SimXhr,
});

// The client's modules, loaded once the globals they read are in place.
const [{ db }, { pushNow }, { pullNow }, { startSessionWork, stopSessionWork }, family, rollCalls, notes, documents, review, http, protocol] = await Promise.all([
  import('../../client/data/db.ts'),
  import('../../client/data/push.ts'),
  import('../../client/data/sync.ts'),
  import('../../client/data/sync-lifecycle.ts'),
  import('../../client/family/data/identity-changes.ts'),
  import('../../client/teacher/data/roll-call-commands.ts'),
  import('../../client/teacher/data/note-commands.ts'),
  import('../../client/documents/data/document-commands.ts'),
  import('../../client/admin/data/admin-requests.ts'),
  import('../../client/api/http.ts'),
  import('../../shared/sync-protocol.ts'),
]);
const { sendPendingUploads } = await import('../../client/data/document-queue.ts');
const { courseBounds } = await import('../../shared/lesson-dates.ts');

const pickOf = <T>(random: () => number, list: T[]): T | undefined => list[Math.floor(random() * list.length)];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn() {
  const sites = (await (await deviceFetch('/api/sites', {}, true)).json()) as Array<{ id: string; name: string }>;
  const siteId = sites.find((s) => s.name === sim.site)!.id;
  const res = await deviceFetch(
    '/api/session/sign-in',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteId, username: sim.username, password: sim.password }) },
    true,
  );
  if (!res.ok) throw new Error(`sign-in of ${sim.username} failed: ${res.status} ${await res.text()}`);
  const session = (await (await deviceFetch('/api/session', {}, true)).json()) as { user: NonNullable<typeof me> };
  me = session.user;
  return me;
}

let n = 0;
/** A value no one asked for before: each edit touches its field (so each applied edit leaves one audit row). */
const fresh = (field: string) => {
  n++;
  if (field === 'phoneHome') return `01 ${String(sim.index).padStart(2, '0')} ${String(Math.floor(n / 100) % 100).padStart(2, '0')} ${String(n % 100).padStart(2, '0')} 00`;
  return `${field} ${sim.name} ${n}`;
};

/** Decisions the secretariat sent whose answer never came: sent again until one comes. */
const uncertain = new Map<string, 'approve' | 'refuse'>();
/** Request ids this secretariat decided (an answer, or a 409 for a decision sent before). */
const decided = new Map<string, 'approve' | 'refuse'>();

async function decide(id: string, how: 'approve' | 'refuse'): Promise<string> {
  try {
    if (how === 'approve') await review.approveChangeRequest(id);
    else await review.refuseChangeRequest(id, { reason: 'Justificatif à fournir (simulation)' });
    uncertain.delete(id);
    decided.set(id, how);
    return 'ok';
  } catch (error) {
    if (error instanceof http.HttpError && error.status === 409) {
      // One secretariat per site here: the request was decided by this decision, sent before
      // (its answer lost) or twice (a duplicated request's other copy got the 200).
      uncertain.delete(id);
      decided.set(id, how);
      return 'already';
    }
    if (error instanceof http.OfflineError || (error instanceof http.HttpError && error.status >= 500)) {
      uncertain.set(id, how);
      return 'unknown';
    }
    throw error;
  }
}

const handlers: Record<SimAsk['op'], (args: any) => Promise<unknown>> = {
  async start() {
    const user = await signIn();
    startSessionWork();
    for (let i = 0; i < 100 && !(await db.meta.get('cursor')); i++) await sleep(100);
    if (!(await db.meta.get('cursor'))) throw new Error('first pull did not land');
    return user;
  },
  async setOffline({ value }: { value: boolean }) {
    offline = value;
    (globalThis as unknown as { navigator: { onLine: boolean } }).navigator.onLine = !value;
    win.dispatchEvent(new Event(value ? 'offline' : 'online'));
    return null;
  },
  async identityEdit({ seed }: { seed: number }) {
    const random = prng(seed);
    const families = await db.families.toArray();
    const students = await db.students.toArray();
    const onStudent = students.length > 0 && random() < 0.5;
    const record = (onStudent ? pickOf(random, students) : families[0]) as unknown as Record<string, unknown> & { id: string; version: number };
    const field = pickOf(random, onStudent ? ['city', 'school', 'birthPlace'] : ['city', 'address', 'phoneHome'])!;
    const value = fresh(field);
    const result = await family.submitIdentityChange(
      { targetKind: onStudent ? 'student' : 'family', targetId: record.id, values: { [field]: value }, from: { [field]: (record[field] as string | null) ?? null } },
      record.version,
    );
    return { kind: 'identity', target: record.id, field, value, result };
  },
  async rollCall({ seed, slot }: { seed: number; slot: number }) {
    const random = prng(seed);
    const teacherId = me!.teacherId!;
    const courses = (await db.courses.where('teacherId').equals(teacherId).toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const course = courses[slot % courses.length];
    const enrolled = (await db.enrollments.where('courseId').equals(course.id).toArray()).filter((e) => e.active);
    const { first } = courseBounds(course);
    // Each device takes its own days (slot), so the last roll call of a day is this device's last.
    const day = new Date(Date.parse(first + 'T12:00:00Z') + (sim.index * 30 + Math.floor(slot / courses.length)) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const entries = enrolled.map((e) => {
      const r = random();
      return { studentId: e.studentId, status: r < 0.6 ? 'present' : r < 0.85 ? 'absent' : 'excused', reason: '' } as const;
    });
    const result = await rollCalls.saveRollCall({ courseId: course.id, date, entries });
    return { kind: 'rollCall', courseId: course.id, date, entries, result };
  },
  async note({ seed }: { seed: number }) {
    const random = prng(seed);
    const teacherId = me!.teacherId!;
    const courses = await db.courses.where('teacherId').equals(teacherId).toArray();
    const withStudents = [];
    for (const c of courses) {
      const seats = (await db.enrollments.where('courseId').equals(c.id).toArray()).filter((e) => e.active);
      if (seats.length) withStudents.push({ c, seats });
    }
    const chosen = pickOf(random, withStudents)!;
    const seat = pickOf(random, chosen.seats)!;
    const id = crypto.randomUUID();
    const { first } = courseBounds(chosen.c);
    const result = await notes.saveNote({ id, courseId: chosen.c.id, studentId: seat.studentId, date: first, text: `Note ${sim.name} ${++n}` });
    return { kind: 'note', id, result };
  },
  async upload({ seed }: { seed: number }) {
    const random = prng(seed);
    const kinds = (await db.documentKinds.toArray()).filter((k) => (k as { active?: boolean }).active !== false);
    const familyRow = (await db.families.toArray())[0];
    const kind = pickOf(random, kinds)!;
    const student = kind.owner === 'student' ? pickOf(random, await db.students.toArray())! : null;
    const text = `%PDF-1.4\n% ${sim.name} ${++n} ${seed}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`;
    const file = new File([text], `piece-${n}.pdf`, { type: 'application/pdf' });
    const result = await documents.queueDocument({ familyId: familyRow.id, studentId: student?.id ?? null, kindId: kind.id, replacesId: null, file, mediaType: 'application/pdf' });
    return { kind: 'upload', result: 'sent' in result ? 'sent' : 'queued' in result ? 'queued' : result };
  },
  async review({ seed }: { seed: number }) {
    const random = prng(seed);
    // A decision whose answer was lost is sent again first, as the person would press again.
    for (const [id, how] of [...uncertain]) await decide(id, how);
    let list;
    try {
      list = (await review.fetchChangeRequests()).requests;
    } catch (error) {
      if (error instanceof http.OfflineError || (error instanceof http.HttpError && error.status >= 500)) return { kind: 'review', result: 'unreachable' };
      throw error;
    }
    const request = pickOf(random, list.filter((r) => !decided.has(r.id) && !uncertain.has(r.id)));
    if (!request) return { kind: 'review', result: 'nothing' };
    const how = random() < 0.6 ? 'approve' : 'refuse';
    return { kind: 'review', id: request.id, how, result: await decide(request.id, how) };
  },
  async pull() {
    return pullNow().catch((error) => String(error));
  },
  async push() {
    return pushNow();
  },
  /** Faults are off: send everything left (and the secretariat's lost decisions) until nothing waits. */
  async drain() {
    for (let round = 0; round < 50; round++) {
      for (const [id, how] of [...uncertain]) await decide(id, how);
      await pushNow();
      await sendPendingUploads();
      const waiting = (await db.outbox.count()) + (await db.pendingUploads.filter((u) => !u.error).count()) + uncertain.size;
      if (!waiting) return round;
      await sleep(100);
    }
    throw new Error(`${sim.name}: queue not empty after 50 rounds`);
  },
  /** The device's rows, and a fresh snapshot (cursor 0) of what the server shows this account now. */
  async compare() {
    await pullNow();
    const local: Record<string, unknown[]> = {};
    for (const name of protocol.SYNC_TABLES) local[name] = sortById(await db.table(name).toArray());
    const res = await deviceFetch('/api/sync?cursor=0', { headers: { accept: 'application/json' } }, true);
    if (!res.ok) throw new Error(`fresh pull: ${res.status}`);
    const fresh = (await res.json()) as { cursor: number; changes: Record<string, unknown[]> };
    const remote: Record<string, unknown[]> = {};
    for (const name of protocol.SYNC_TABLES) remote[name] = sortById(fresh.changes[name] ?? []);
    return {
      local,
      remote,
      cursor: await db.meta.get('cursor').then((m) => m?.value),
      freshCursor: fresh.cursor,
      outbox: await db.outbox.count(),
      pendingUploads: await db.pendingUploads.toArray().then((rows) => rows.map((r) => ({ id: r.id, error: r.error }))),
      rejections: (await db.meta.get('rejectedMutations'))?.value ?? [],
      decided: [...decided],
      uncertain: [...uncertain],
    };
  },
  async stop() {
    stopSessionWork();
    return null;
  },
};

const sortById = (rows: unknown[]) => [...rows].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));

parentPort!.on('message', (ask: SimAsk) => {
  handlers[ask.op](ask.args ?? {}).then(
    (value) => parentPort!.postMessage({ id: ask.id, ok: true, value } satisfies SimReply),
    (error: unknown) => parentPort!.postMessage({ id: ask.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) } satisfies SimReply),
  );
});
parentPort!.postMessage({ id: 0, ok: true, value: 'ready' } satisfies SimReply);

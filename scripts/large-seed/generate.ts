import type Database from 'libsql';
import { shiftSchoolYear } from '../../shared/school-year.ts';
import * as s from '../../server/db/schema/index.ts';
import { inserter } from './bulk.ts';
import {
  ADULT_FIRST_NAMES_F, ADULT_FIRST_NAMES_M, FIRST_NAMES_F, FIRST_NAMES_M, INSTRUMENTS, LAST_NAMES, PIECES, SCHOOLS, STREETS, TOWNS,
} from './names.ts';

/** The volumes of a real conservatory's file (issue 15). */
export const VOLUMES = { families: 2000, students: 3500, coursesPerYear: 150, years: 10, invoices: 40_000, documents: 20_000 } as const;

/** A large family with ten years of history and a known password: what the benches sign in as. */
export const KNOWN_ACCOUNT = { username: 'famille.grande', site: 'Mantes' } as const;

/** A small deterministic generator (mulberry32): the same seed makes the same database. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}

/** Plain ASCII for identifiants and e-mail addresses: "Lefèvre" → "lefevre". */
const slug = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');
const pad = (n: number) => String(n).padStart(2, '0');
const hex = (r: ReturnType<typeof random>, n: number) => Array.from({ length: n }, () => Math.floor(r.next() * 16).toString(16)).join('');

export interface Catalogue {
  sites: Array<{ id: string; name: 'Mantes' | 'Limay' }>;
  /** Per site id: its departments by name, rooms and teachers. */
  departments: Map<string, Map<string, string>>;
  rooms: Map<string, string[]>;
  teachers: Map<string, string[]>;
  documentKinds: Map<string, Array<{ id: string; owner: 'family' | 'student'; label: string }>>;
}

export interface Generated {
  counts: Record<string, number>;
  knownFamilyId: string;
  lastVersion: number;
}

interface CourseRow {
  id: string;
  siteId: string;
  year: number;
  kind: 'fm' | 'instrument' | 'ensemble';
  teacherId: string;
}

/**
 * Writes the large conservatory on top of the demo seed, inside the caller's transaction. Every
 * synced row carries a version from the global counter: the catalogue takes `firstVersion`, each
 * family the next one, so a pull at any cursor sees exactly what it should.
 */
export function generate(
  connection: Database.Database,
  opts: { catalogue: Catalogue; startYear: number; now: Date; firstVersion: number; passwordHash: string; seed?: number },
): Generated {
  const r = random(opts.seed ?? 15);
  const { catalogue, startYear, now } = opts;
  const today = now.toISOString().slice(0, 10);
  const at = now.toISOString();
  const yearOf = (offset: number) => `${startYear + offset}/${startYear + offset + 1}`;
  /** A school day "MM-DD" of the year `offset`: September to December in its first calendar year. */
  const dayOf = (offset: number, month: number, day: number) => `${startYear + offset + (month >= 9 ? 0 : 1)}-${pad(month)}-${pad(day)}`;
  const schoolMonths = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6];
  const pastDay = (offset: number) => {
    for (;;) {
      const d = dayOf(offset, r.pick(schoolMonths), r.int(1, 28));
      if (offset < 0 || d <= today) return d;
    }
  };

  const ins = {
    course: inserter(connection, s.course),
    family: inserter(connection, s.family),
    student: inserter(connection, s.student),
    enrollment: inserter(connection, s.enrollment),
    evaluation: inserter(connection, s.evaluation),
    absence: inserter(connection, s.absence),
    followUpNote: inserter(connection, s.followUpNote),
    repertoireEntry: inserter(connection, s.repertoireEntry),
    invoice: inserter(connection, s.invoice),
    invoiceLine: inserter(connection, s.invoiceLine),
    payment: inserter(connection, s.payment),
    payfipAttempt: inserter(connection, s.payfipAttempt),
    document: inserter(connection, s.document),
    changeRequest: inserter(connection, s.changeRequest),
    auditLog: inserter(connection, s.auditLog),
    tombstone: inserter(connection, s.tombstone),
    user: inserter(connection, s.user),
    account: inserter(connection, s.account),
  };

  // The catalogue: 150 courses a school year for ten years, two thirds at Mantes.
  let version = opts.firstVersion;
  const courses: CourseRow[] = [];
  for (let offset = -(VOLUMES.years - 1); offset <= 0; offset++) {
    for (let i = 0; i < VOLUMES.coursesPerYear; i++) {
      const site = catalogue.sites[i % 3 === 2 ? 1 : 0];
      const kind = i % 5 === 0 ? 'fm' : i % 11 === 1 ? 'ensemble' : 'instrument';
      const [instrument, department] = INSTRUMENTS[i % INSTRUMENTS.length];
      const cycle = `${1 + (i % 3)}${i % 3 === 0 ? 'er' : 'e'} cycle`;
      const name = kind === 'fm' ? `Formation musicale ${1 + (i % 3)}C${1 + (i % 4)} — groupe ${1 + (i % 7)}` : kind === 'ensemble' ? `Orchestre ${cycle} — ${1 + (i % 4)}` : `${instrument} ${cycle} — ${1 + (i % 6)}`;
      const departments = catalogue.departments.get(site.id)!;
      const teacherId = r.pick(catalogue.teachers.get(site.id)!);
      const row = {
        id: crypto.randomUUID(), siteId: site.id, schoolYear: yearOf(offset), name, cycle,
        departmentId: departments.get(kind === 'fm' ? 'Formation musicale' : kind === 'ensemble' ? 'Pratiques collectives' : department) ?? [...departments.values()][0],
        teacherId, roomId: r.pick(catalogue.rooms.get(site.id)!), weekday: 1 + (i % 6), startTime: `${pad(10 + (i % 9))}:${i % 2 ? '30' : '00'}`,
        durationMinutes: kind === 'instrument' ? 30 : 60, capacity: kind === 'instrument' ? 12 : 40, version,
      };
      ins.course(row);
      courses.push({ id: row.id, siteId: site.id, year: offset, kind, teacherId });
    }
  }
  const coursesOf = new Map<string, CourseRow[]>();
  for (const c of courses) {
    const key = `${c.siteId}:${c.year}:${c.kind}`;
    coursesOf.set(key, [...(coursesOf.get(key) ?? []), c]);
  }

  // How many students each family has: 1 to 4, summing to exactly VOLUMES.students.
  const sizes = Array.from({ length: VOLUMES.families }, () => (r.chance(0.45) ? 1 : r.chance(0.6) ? 2 : r.chance(0.75) ? 3 : 4));
  sizes[0] = 4;
  let total = sizes.reduce((a, b) => a + b, 0);
  for (let i = 1; total !== VOLUMES.students; i = (i % (VOLUMES.families - 1)) + 1) {
    const step = total < VOLUMES.students && sizes[i] < 4 ? 1 : total > VOLUMES.students && sizes[i] > 1 ? -1 : 0;
    sizes[i] += step;
    total += step;
  }

  // Invoices are made per family and school year (three instalments); the extras (instrument
  // rental) top them up to exactly VOLUMES.invoices once every family is written.
  let invoiceCount = 0;
  const invoiceSerial = new Map<string, number>();
  const familyYears: Array<{ familyId: string; siteId: string; offset: number; version: number; students: string[] }> = [];
  const writeInvoice = (familyId: string, offset: number, v: number, date: string, label: string, lines: Array<{ label: string; studentId: string | null; cents: number }>) => {
    const year = yearOf(offset);
    const serial = (invoiceSerial.get(year) ?? 0) + 1;
    invoiceSerial.set(year, serial);
    const id = crypto.randomUUID();
    const amountCents = lines.reduce((sum, l) => sum + l.cents, 0);
    const due = new Date(Date.parse(date) + 30 * 86_400_000).toISOString().slice(0, 10);
    ins.invoice({ id, familyId, number: `FACT${startYear + offset}${String(serial).padStart(5, '0')}`, date, dueDate: due, schoolYear: year, label, amountCents, version: v });
    lines.forEach((l, i) => ins.invoiceLine({ id: crypto.randomUUID(), invoiceId: id, position: i + 1, label: l.label, studentId: l.studentId, unitCents: l.cents, amountCents: l.cents, version: v }));
    invoiceCount++;
    // Past years are paid; this year's instalments mostly, the latest one often not yet.
    const paid = offset < 0 ? r.chance(0.99) : due < today ? r.chance(0.85) : r.chance(0.3);
    if (!paid) return;
    const mode = r.pick(['payfip', 'payfip', 'cheque', 'direct_debit', 'cash'] as const);
    const paymentId = crypto.randomUUID();
    const payDate = date < today ? new Date(Math.min(Date.parse(due), now.getTime())).toISOString().slice(0, 10) : date;
    ins.payment({
      id: paymentId, familyId, invoiceId: id, date: payDate, mode, operationNumber: mode === 'cheque' ? String(r.int(1_000_000, 9_999_999)) : '',
      label: mode === 'payfip' ? 'Paiement en ligne' : mode === 'cheque' ? 'Chèque' : mode === 'cash' ? 'Espèces' : 'Prélèvement', amountCents, schoolYear: year, version: v,
    });
    if (mode === 'payfip') {
      ins.payfipAttempt({
        id: crypto.randomUUID(), invoiceId: id, familyId, idOp: hex(r, 32), amountCents, status: 'paid', resultrans: 'P', numauto: String(r.int(100000, 999999)),
        paidAt: `${payDate}T10:00:00.000Z`, paymentId, createdAt: `${payDate}T09:58:00.000Z`, expiresAt: `${payDate}T10:13:00.000Z`, version: v,
      });
    }
  };

  let knownFamilyId = '';
  let pendingRequests = 0;
  for (let f = 0; f < VOLUMES.families; f++) {
    version++;
    const v = version;
    const site = catalogue.sites[f % 3 === 2 ? 1 : 0];
    const [city, postalCode] = r.pick(TOWNS[site.name]);
    const lastName = f === 0 ? 'Delacroix' : r.pick(LAST_NAMES);
    const woman = r.chance(0.7);
    const firstName = r.pick(woman ? ADULT_FIRST_NAMES_F : ADULT_FIRST_NAMES_M);
    const familyId = crypto.randomUUID();
    if (f === 0) knownFamilyId = familyId;
    const email = `${slug(firstName)}.${slug(lastName)}.${f}@example.org`;
    // Ten years for the known family, else joined some year of the ten; most are still here.
    const first = f === 0 ? -(VOLUMES.years - 1) : -r.int(0, VOLUMES.years - 1);
    const last = f === 0 || r.chance(0.7) ? 0 : r.int(first, 0);
    ins.family({
      id: familyId, siteId: site.id, civility: woman ? 'Mme' : 'M.', lastName, firstName, address: `${r.int(1, 120)} ${r.pick(STREETS)}`, postalCode, city,
      phoneHome: `01 34 ${pad(r.int(0, 99))} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))}`, mobile: `06 ${pad(r.int(0, 99))} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))}`,
      email, smsOptIn: r.chance(0.5), version: v,
    });
    const userId = crypto.randomUUID();
    const username = f === 0 ? KNOWN_ACCOUNT.username : `famille.${slug(lastName)}.${f}`;
    ins.user({ id: userId, name: `${firstName} ${lastName}`, email, emailVerified: true, createdAt: now, updatedAt: now, username, displayUsername: username, role: 'family', siteId: site.id, familyId });
    ins.account({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: opts.passwordHash, createdAt: now, updatedAt: now });

    const studentIds: string[] = [];
    const yearsOf = new Map<number, Array<{ studentId: string; name: string; enrollmentIds: string[] }>>();
    for (let k = 0; k < sizes[f]; k++) {
      const girl = r.chance(0.5);
      const studentFirst = r.pick(girl ? FIRST_NAMES_F : FIRST_NAMES_M);
      // Age at the current school year: a child who started at 6 to 9, or an adult learner.
      const age = r.chance(0.1) ? r.int(20, 60) : Math.max(6, -first + r.int(6, 9) - k);
      const studentId = crypto.randomUUID();
      studentIds.push(studentId);
      ins.student({
        id: studentId, familyId, civility: girl ? 'Mlle' : 'M.', lastName, firstName: studentFirst, birthDate: `${startYear - age}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
        birthPlace: r.pick(TOWNS[site.name])[0], school: age < 18 ? r.pick(SCHOOLS) : '', schoolLevel: '', version: v,
      });
      if (r.chance(0.3)) {
        const [piece, composer] = r.pick(PIECES);
        const date = pastDay(r.int(first, last));
        ins.repertoireEntry({ id: crypto.randomUUID(), studentId, date, eventLabel: `Audition de classe`, eventKind: 'audition', piece, composer, durationMinutes: r.int(2, 8), version: v });
      }
      const instrument = r.int(0, 1000);
      for (let offset = first; offset <= last; offset++) {
        if (age + offset < 6) continue;
        const picks: CourseRow[] = [];
        const pool = (kind: CourseRow['kind']) => coursesOf.get(`${site.id}:${offset}:${kind}`) ?? [];
        const instruments = pool('instrument');
        picks.push(instruments[instrument % instruments.length]);
        if (age + offset < 16) picks.push(r.pick(pool('fm')));
        if (r.chance(0.15)) picks.push(r.pick(pool('ensemble')));
        const enrollmentIds: string[] = [];
        for (const course of picks) {
          const enrollmentId = crypto.randomUUID();
          enrollmentIds.push(enrollmentId);
          ins.enrollment({ id: enrollmentId, studentId, courseId: course.id, schoolYear: yearOf(offset), active: offset === 0, yearComment: offset < 0 ? 'Bonne année, travail régulier.' : '', version: v });
          const evaluations = offset < 0 ? r.int(1, 3) : r.int(0, 1);
          for (let e = 0; e < evaluations; e++) {
            ins.evaluation({ id: crypto.randomUUID(), enrollmentId, date: pastDay(offset), kind: r.pick(['Contrôle continu', 'Examen', 'Audition']), mark: `${r.int(8, 19)}/20`, comment: 'Des progrès constants.', teacherId: course.teacherId, version: v });
          }
          const days = new Set(Array.from({ length: r.int(0, 2) }, () => pastDay(offset)));
          for (const date of days) ins.absence({ id: crypto.randomUUID(), enrollmentId, date, excused: r.chance(0.6), reason: r.chance(0.5) ? 'Malade' : '', createdAt: `${date}T18:00:00.000Z`, version: v });
          if (r.chance(0.3)) ins.followUpNote({ id: crypto.randomUUID(), enrollmentId, date: pastDay(offset), teacherId: course.teacherId, text: 'Travail sérieux ; soigner la posture.', version: v });
        }
        yearsOf.set(offset, [...(yearsOf.get(offset) ?? []), { studentId, name: studentFirst, enrollmentIds }]);
      }
    }

    for (const [offset, enrolled] of [...yearsOf].sort((a, b) => a[0] - b[0])) {
      familyYears.push({ familyId, siteId: site.id, offset, version: v, students: enrolled.map((e) => e.studentId) });
      for (const [month, day] of [[10, 15], [1, 15], [4, 15]] as const) {
        const date = dayOf(offset, month, day);
        if (date > today || invoiceCount >= VOLUMES.invoices) continue;
        writeInvoice(familyId, offset, v, date, `Cotisation ${yearOf(offset)} — échéance ${month === 10 ? 1 : month === 1 ? 2 : 3}/3`,
          enrolled.map((e) => ({ label: `Enseignement musical — ${e.name}`, studentId: e.studentId, cents: 4000 + 1000 * e.enrollmentIds.length })));
      }
    }

    // An identity change now and then: approved in the past, pending for a few (one per record).
    if (r.chance(0.15)) {
      const pending = r.chance(0.25);
      if (pending) pendingRequests++;
      const id = crypto.randomUUID();
      ins.changeRequest({
        id, familyId, siteId: site.id, targetKind: 'family', targetId: familyId, baseVersion: v,
        fields: { mobile: { from: '06 00 00 00 00', to: '06 11 22 33 44', status: pending ? 'pending' : 'approved' } }, status: pending ? 'pending' : 'approved',
        requestedBy: userId, createdAt: pending ? at : `${pastDay(first)}T12:00:00.000Z`, version: v,
      });
      ins.auditLog({ at, actorUserId: userId, action: 'change_request.create', targetKind: 'family', targetId: familyId, familyId, siteId: site.id, details: { requestId: id } });
    }
    // A deleted absence or two, so the tombstone table is not empty.
    if (r.chance(0.2)) ins.tombstone({ tableName: 'absence', rowId: crypto.randomUUID(), familyId, siteId: site.id, version: v });
  }

  // Instrument rentals until the file holds exactly VOLUMES.invoices invoices.
  for (let i = 0; invoiceCount < VOLUMES.invoices && familyYears.length; i++) {
    const fy = familyYears[(i * 7919) % familyYears.length];
    const date = dayOf(fy.offset, 11, 1 + (i % 28));
    if (date > today) continue;
    writeInvoice(fy.familyId, fy.offset, fy.version, date, `Location d’instrument ${yearOf(fy.offset)}`, [{ label: 'Location d’instrument', studentId: fy.students[0], cents: 9000 }]);
  }

  // Supporting documents: each family's yearly ones, then the students', newest years first.
  let documents = 0;
  const byRecency = [...familyYears].sort((a, b) => b.offset - a.offset);
  for (let round = 0; documents < VOLUMES.documents && round < 8; round++) {
    for (const fy of byRecency) {
      if (documents >= VOLUMES.documents) break;
      const kinds = catalogue.documentKinds.get(fy.siteId)!;
      const kind = kinds[round % kinds.length];
      const studentId = kind.owner === 'student' ? fy.students[round % fy.students.length] : null;
      const year = yearOf(fy.offset);
      const date = dayOf(fy.offset, 9, 1 + (round % 28));
      const status = fy.offset < 0 ? 'accepted' : r.pick(['received', 'accepted', 'accepted', 'rejected']);
      ins.document({
        id: crypto.randomUUID(), familyId: fy.familyId, studentId, kindId: kind.id, schoolYear: year, fileName: `${slug(kind.label)}-${year.slice(0, 4)}.pdf`,
        mediaType: 'application/pdf', sizeBytes: r.int(40_000, 2_000_000), sha256: hex(r, 64), storageKey: crypto.randomUUID(), status,
        rejectionReason: status === 'rejected' ? 'Document illisible' : null, reviewedAt: status === 'received' ? null : `${date}T15:00:00.000Z`,
        createdAt: `${date}T09:00:00.000Z`, version: fy.version,
      });
      documents++;
    }
  }

  const counts = Object.fromEntries(Object.entries(ins).map(([name, insert]) => [name, insert.count()]));
  return { counts: { ...counts, pendingRequests, schoolYears: new Set(courses.map((c) => c.year)).size }, knownFamilyId, lastVersion: version };
}

/** The school years the generated history covers, oldest first (for the summary line). */
export function coveredYears(startYear: number): [string, string] {
  const current = `${startYear}/${startYear + 1}`;
  return [shiftSchoolYear(current, -(VOLUMES.years - 1)), current];
}

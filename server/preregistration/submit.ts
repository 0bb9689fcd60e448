import { and, eq } from 'drizzle-orm';
import type { Preregistration } from '../../shared/preregistration-schemas.ts';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';
import type { Db } from '../db/client.ts';
import { course, department, preRegistration, site } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ApiError } from '../http/errors.ts';
import { logEvent } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { normaliseEmail } from '../families/new-account.ts';
import { checkFormToken } from './form-token.ts';
import { receivedMail } from './mails.ts';
import { withinRate } from '../db/rate-limit.ts';

/** Applications one address may send per hour: a family sends one; a school's shared address a few. */
export const PER_IP_PER_HOUR = 5;
/** The window of that limit; older events of it are kept no longer (retention.ts). */
export const PER_IP_WINDOW_MS = 60 * 60 * 1000;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read over the phone
const reference = (now: Date) => `PI-${now.getUTCFullYear()}-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;

/** "FM 1C1 A" → "Formation musicale"; "Piano 1C2" → "Piano"; "Chorale 1er cycle" stays. */
function discipline(name: string, departmentName: string): string {
  const base = name.replace(/\s+\d?C\d(\s+[A-Z])?$/u, '').trim();
  return base === 'FM' ? departmentName : base;
}

/** The site's disciplines, from its course catalogue of this school year and the next. */
export async function siteDisciplines(db: Db, siteId: string): Promise<string[]> {
  const year = schoolYearOf(new Date());
  const rows = await db
    .select({ name: course.name, schoolYear: course.schoolYear, department: department.name })
    .from(course)
    .innerJoin(department, eq(department.id, course.departmentId))
    .where(and(eq(course.siteId, siteId), eq(course.closed, false)));
  const wanted = new Set([year, shiftSchoolYear(year, 1)]);
  return [...new Set(rows.filter((r) => wanted.has(r.schoolYear)).map((r) => discipline(r.name, r.department)))].sort((a, b) => a.localeCompare(b, 'fr'));
}

/**
 * Records a new family's application and e-mails the confirmation with its reference. Abuse is
 * kept out without hurting anyone: a honeypot field (filled → answered as a success, dropped), a
 * minimum fill time from the signed form token, and at most PER_IP_PER_HOUR applications per
 * address (counted in the database: several processes share it).
 */
export async function submitPreregistration(db: Db, mailer: Mailer, secret: string, ip: string, input: Preregistration): Promise<{ reference: string }> {
  const now = new Date();
  if (input.website.trim()) {
    logEvent('warn', 'pre-registration honeypot filled: dropped', { ip });
    return { reference: reference(now) };
  }
  const token = checkFormToken(secret, input.formToken, now.getTime());
  if (token === 'too_fast') {
    throw new ApiError(422, 'too_fast', 'Votre pré-inscription est partie très vite après l’ouverture du formulaire : relisez-la, puis envoyez-la de nouveau.');
  }
  if (token !== 'ok') {
    throw new ApiError(422, 'form_expired', 'Le formulaire a expiré : rien n’est perdu, envoyez-le de nouveau.');
  }
  const [s] = await db.select().from(site).where(eq(site.id, input.siteId));
  if (!s) throw new ApiError(422, 'validation', 'Certains champs sont à corriger.', { siteId: 'Choisissez un site.' });

  const { reference: saved, mail } = await writeTransaction(db, async (tx) => {
    if (!(await withinRate(tx, 'preregistration', ip, PER_IP_PER_HOUR, PER_IP_WINDOW_MS, now.getTime()))) {
      throw new ApiError(429, 'rate_limited', 'Plusieurs pré-inscriptions sont déjà parties de cette connexion dans l’heure : réessayez plus tard, ou appelez le secrétariat.');
    }
    const { formToken: _t, website: _w, ...data } = input;
    for (let attempt = 0; ; attempt++) {
      const values = {
        siteId: s.id,
        reference: reference(now),
        data,
        email: normaliseEmail(input.responsible.email),
        lastName: input.responsible.lastName,
        postalCode: input.responsible.postalCode,
      };
      const [inserted] = await tx.insert(preRegistration).values(values).onConflictDoNothing({ target: preRegistration.reference }).returning();
      if (inserted) {
        // Queued with the application: the family is told it arrived once, and only if it did.
        return { reference: inserted.reference, mail: await mailer.queue(tx, receivedMail(input.responsible, inserted.reference, s.name, input.children.map((c) => c.firstName)), s.id) };
      }
      if (attempt > 5) throw new Error('no free pre-registration reference');
    }
  });
  await mailer.deliver([mail]);
  return { reference: saved };
}

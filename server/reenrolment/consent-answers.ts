import { and, eq, isNull } from 'drizzle-orm';
import { consentAnswerSchema } from '../../shared/consent-schemas.ts';
import type { Tx } from '../db/client.ts';
import { consentAnswer } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, invalid } from '../teaching/records.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';
import { consentInactive, consentNotFound, consentOutdated, consentSubject, isFamily, notAFamily, ownStudent, siteConsentKind, studentNotFound } from './family-scope.ts';

/**
 * `consent.answer`: given or refused, for the family or one student, to the wording version the
 * family read. Only the latest answer per kind and subject is kept (updated in place, so the
 * devices' row keeps its id); the one it replaces goes to the audit log. A consent is answered
 * whether or not a campaign is open (a family may withdraw image rights any day); an answer to a
 * wording changed since is refused, so the family reads the new one.
 */
export async function answerConsent(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (!isFamily(user)) return notAFamily();
  const parsed = consentAnswerSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const args = parsed.data;
  const kind = await siteConsentKind(tx, user, args.consentKindId);
  if (!kind) return consentNotFound();
  if (!kind.active) return consentInactive();
  if ((kind.scope === 'student') !== (args.studentId !== null)) return consentSubject(kind.scope);
  if (args.studentId && !(await ownStudent(tx, user, args.studentId))) return studentNotFound();
  if (args.wordingVersion !== kind.wordingVersion) return consentOutdated();

  const version = await nextVersion(tx);
  const values = { wordingVersion: kind.wordingVersion, given: args.given, answeredBy: user.id, answeredAt: new Date().toISOString(), version };
  const [earlier] = await tx
    .select()
    .from(consentAnswer)
    .where(
      and(
        eq(consentAnswer.consentKindId, kind.id),
        eq(consentAnswer.familyId, user.familyId),
        args.studentId ? eq(consentAnswer.studentId, args.studentId) : isNull(consentAnswer.studentId),
      ),
    );
  if (earlier) await tx.update(consentAnswer).set(values).where(eq(consentAnswer.id, earlier.id));
  else await tx.insert(consentAnswer).values({ consentKindId: kind.id, familyId: user.familyId, studentId: args.studentId, ...values });
  await audit(tx, user, 'consent.answer', { kind: 'consent_kind', id: kind.id, familyId: user.familyId, siteId: user.siteId }, {
    code: kind.code,
    studentId: args.studentId,
    wordingVersion: kind.wordingVersion,
    given: args.given,
    ...(earlier ? { replaced: { wordingVersion: earlier.wordingVersion, given: earlier.given, answeredBy: earlier.answeredBy, answeredAt: earlier.answeredAt } } : {}),
  });
  return { ok: true };
}

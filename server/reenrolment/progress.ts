import { and, asc, eq, inArray } from 'drizzle-orm';
import { answeredDuring, consentsDue, reenrolmentState, type ReenrolmentState } from '../../shared/reenrolment-progress.ts';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '../db/client.ts';
import { consentAnswer, family, reenrolmentAnswer, reenrolmentConfirmation, student, user } from '../db/schema/index.ts';
import { notFound } from '../http/errors.ts';
import type { CampaignRow } from './campaigns.ts';
import { siteConsentKinds, type ConsentKindRow } from './consent-kinds.ts';

type FamilyRow = typeof family.$inferSelect;
type StudentRow = typeof student.$inferSelect;
type AnswerRow = typeof reenrolmentAnswer.$inferSelect;
type ConfirmationRow = typeof reenrolmentConfirmation.$inferSelect;
type ConsentRow = typeof consentAnswer.$inferSelect;

/** Everything a campaign's desk screens read, for the whole site or one family, in five queries. */
export interface CampaignData {
  families: FamilyRow[];
  students: Map<string, StudentRow[]>;
  answers: Map<string, AnswerRow>;
  confirmations: Map<string, ConfirmationRow>;
  consents: Map<string, ConsentRow[]>;
  kinds: ConsentKindRow[];
}

export async function campaignData(db: Db | Tx, campaign: CampaignRow, onlyFamilyId?: string): Promise<CampaignData> {
  const families = await db
    .select()
    .from(family)
    .where(onlyFamilyId ? and(eq(family.siteId, campaign.siteId), eq(family.id, onlyFamilyId)) : eq(family.siteId, campaign.siteId))
    .orderBy(asc(family.lastName), asc(family.firstName));
  const familyIds = families.map((f) => f.id);
  const group = <T extends { familyId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.familyId, [...(map.get(row.familyId) ?? []), row]);
    return map;
  };
  const inFamilies = (column: SQLiteColumn) => inArray(column, familyIds.length ? familyIds : ['']);
  const [students, answers, confirmations, consents, kinds] = await Promise.all([
    db.select().from(student).where(inFamilies(student.familyId)).orderBy(asc(student.firstName)),
    db.select().from(reenrolmentAnswer).where(and(eq(reenrolmentAnswer.campaignId, campaign.id), inFamilies(reenrolmentAnswer.familyId))),
    db.select().from(reenrolmentConfirmation).where(and(eq(reenrolmentConfirmation.campaignId, campaign.id), inFamilies(reenrolmentConfirmation.familyId))),
    db.select().from(consentAnswer).where(inFamilies(consentAnswer.familyId)),
    siteConsentKinds(db, campaign.siteId),
  ]);
  return {
    families,
    students: group(students),
    answers: new Map(answers.map((a) => [a.studentId, a])),
    confirmations: new Map(confirmations.map((c) => [c.familyId, c])),
    consents: group(consents),
    kinds,
  };
}

/** One family's state in the campaign (the same rule as the family's device: shared/reenrolment-progress.ts). */
export function familyState(data: CampaignData, campaign: CampaignRow, familyId: string) {
  const students = data.students.get(familyId) ?? [];
  const consents = data.consents.get(familyId) ?? [];
  return reenrolmentState({
    studentIds: students.map((s) => s.id),
    answeredStudentIds: students.filter((s) => data.answers.has(s.id)).map((s) => s.id),
    confirmed: data.confirmations.has(familyId),
    consentAnsweredDuring: consents.some((c) => answeredDuring(c.answeredAt, campaign)),
    kinds: data.kinds,
    consents,
  });
}

export interface FamilyProgress {
  familyId: string;
  name: string;
  email: string;
  state: ReenrolmentState;
  studentsToAnswer: number;
  consentsToAnswer: number;
}

/** The families with students, each with its state, and the counts per state. */
export async function campaignProgress(db: Db | Tx, campaign: CampaignRow) {
  const data = await campaignData(db, campaign);
  const families: FamilyProgress[] = data.families
    .filter((f) => data.students.has(f.id))
    .map((f) => ({ familyId: f.id, name: [f.civility, f.firstName, f.lastName].filter(Boolean).join(' '), email: f.email, ...familyState(data, campaign, f.id) }));
  const count = (state: ReenrolmentState) => families.filter((f) => f.state === state).length;
  return {
    counts: { total: families.length, done: count('done'), inProgress: count('in_progress'), notStarted: count('not_started') },
    families,
  };
}

/** One family's answers in the campaign: per student, the confirmation, every consent with who answered and when. */
export async function familyAnswers(db: Db, campaign: CampaignRow, familyId: string) {
  const data = await campaignData(db, campaign, familyId);
  const found = data.families[0];
  if (!found) throw notFound('Famille');
  const students = data.students.get(familyId) ?? [];
  const consents = data.consents.get(familyId) ?? [];
  const confirmation = data.confirmations.get(familyId);
  const authors = [...new Set([...consents.map((c) => c.answeredBy), ...[...data.answers.values()].map((a) => a.answeredBy), ...(confirmation ? [confirmation.confirmedBy] : [])])];
  const names = new Map(
    authors.length ? (await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, authors))).map((u) => [u.id, u.name] as const) : [],
  );
  const who = (id: string) => names.get(id) ?? '';
  const due = consentsDue(
    students.map((s) => s.id),
    data.kinds,
    consents,
  );
  return {
    family: { id: found.id, name: [found.civility, found.firstName, found.lastName].filter(Boolean).join(' '), email: found.email },
    ...familyState(data, campaign, familyId),
    students: students.map((s) => {
      const a = data.answers.get(s.id);
      return {
        id: s.id,
        name: `${s.firstName} ${s.lastName}`,
        answer: a ? { choice: a.choice, wish: a.wish, comment: a.comment, answeredBy: who(a.answeredBy), answeredAt: a.answeredAt } : null,
      };
    }),
    confirmation: confirmation ? { confirmedBy: who(confirmation.confirmedBy), confirmedAt: confirmation.confirmedAt } : null,
    consents: data.kinds.flatMap((k) =>
      (k.scope === 'student' ? students.map((s) => ({ id: s.id as string | null, name: `${s.firstName} ${s.lastName}` })) : [{ id: null, name: '' }]).map((subject) => {
        const answer = consents.find((c) => c.consentKindId === k.id && c.studentId === subject.id);
        return {
          kindId: k.id,
          code: k.code,
          wordingFr: k.wordingFr,
          active: k.active,
          currentVersion: k.wordingVersion,
          studentId: subject.id,
          studentName: subject.name,
          answer: answer ? { given: answer.given, wordingVersion: answer.wordingVersion, answeredBy: who(answer.answeredBy), answeredAt: answer.answeredAt } : null,
          due: due.find((d) => d.kindId === k.id && d.studentId === subject.id)?.reason ?? null,
        };
      }),
    ),
  };
}

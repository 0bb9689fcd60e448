/**
 * When a family's re-enrolment is complete, computed the same way by the server (the desk's
 * progress, the reminder's recipients, the CSV) and by the device (the family's page, the home
 * page's to-do list), so "fait" cannot mean two things.
 */

/**
 * A day in Paris ("YYYY-MM-DD"): campaigns open and close on the conservatory's calendar days.
 * Worked out from the European summer-time rule (UTC+2 from the last Sunday of March, 01:00 UTC,
 * to the last Sunday of October, 01:00 UTC; UTC+1 otherwise) rather than through Intl: the first
 * formatter with a time zone loads the zone database, which took ~45 ms of the home page's first
 * render on the development machine (~180 ms at a phone's 4x slowdown). A test holds it to Intl's
 * Europe/Paris every half hour over forty years.
 */
export function parisDay(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const summer = now.getTime() >= lastSundayAt1Utc(year, 2) && now.getTime() < lastSundayAt1Utc(year, 9);
  return new Date(now.getTime() + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}

/** 01:00 UTC on the last Sunday of a month (0-based), when Europe changes its clocks. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export interface CampaignDates {
  opensOn: string;
  closesOn: string;
}

/** Families may answer from its first to its last day, both included. */
export const campaignOpenOn = (campaign: CampaignDates, day: string) => campaign.opensOn <= day && day <= campaign.closesOn;

/** The open campaign, if any (one per site and year; the earliest year first if two overlap). */
export function openCampaign<C extends CampaignDates & { schoolYear: string }>(campaigns: C[], day: string): C | undefined {
  return [...campaigns].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)).find((c) => campaignOpenOn(c, day));
}

/** No campaign open: the next one to open, else the last one that closed (the page tells their dates). */
export function nearestCampaign<C extends CampaignDates>(campaigns: C[], day: string): { campaign: C; when: 'next' | 'last' } | undefined {
  const next = campaigns.filter((c) => c.opensOn > day).sort((a, b) => a.opensOn.localeCompare(b.opensOn))[0];
  if (next) return { campaign: next, when: 'next' };
  const last = campaigns.filter((c) => c.closesOn < day).sort((a, b) => b.closesOn.localeCompare(a.closesOn))[0];
  return last ? { campaign: last, when: 'last' } : undefined;
}

export interface ProgressKind {
  id: string;
  scope: string;
  wordingVersion: number;
  active: boolean;
}

export interface ProgressConsent {
  consentKindId: string;
  studentId: string | null;
  wordingVersion: number;
}

export interface ProgressInput {
  studentIds: string[];
  /** The students answered for in this campaign. */
  answeredStudentIds: Iterable<string>;
  confirmed: boolean;
  /** A consent was answered since the campaign opened (that counts as starting). */
  consentAnsweredDuring?: boolean;
  kinds: ProgressKind[];
  consents: ProgressConsent[];
}

export type ReenrolmentState = 'done' | 'in_progress' | 'not_started';

/** One consent a family owes: a kind, for the family (studentId null) or one student. */
export interface ConsentDue {
  kindId: string;
  studentId: string | null;
  /** 'missing': never answered; 'outdated': answered to an earlier wording. */
  reason: 'missing' | 'outdated';
}

/** The consents still to answer: every active kind, per family or per student, at its current wording. */
export function consentsDue(studentIds: string[], kinds: ProgressKind[], consents: ProgressConsent[]): ConsentDue[] {
  const latest = new Map(consents.map((c) => [c.consentKindId + ' ' + (c.studentId ?? ''), c.wordingVersion]));
  const due: ConsentDue[] = [];
  for (const kind of kinds) {
    if (!kind.active) continue;
    const subjects = kind.scope === 'student' ? studentIds : [null];
    for (const studentId of subjects) {
      const answered = latest.get(kind.id + ' ' + (studentId ?? ''));
      if (answered === undefined) due.push({ kindId: kind.id, studentId, reason: 'missing' });
      else if (answered !== kind.wordingVersion) due.push({ kindId: kind.id, studentId, reason: 'outdated' });
    }
  }
  return due;
}

/** Whether a consent answer's time ("…T…Z") falls on or after the campaign's first day, in Paris. */
export const answeredDuring = (answeredAt: string, campaign: CampaignDates) => parisDay(new Date(answeredAt)) >= campaign.opensOn;

/**
 * Done: every student answered, the details confirmed, and every active consent answered at its
 * current wording. Not started: nothing of this campaign yet (a consent answered in an earlier
 * year does not count as starting). In progress: anything between.
 */
export function reenrolmentState(input: ProgressInput): { state: ReenrolmentState; consentsToAnswer: number; studentsToAnswer: number } {
  const answered = new Set(input.answeredStudentIds);
  const studentsToAnswer = input.studentIds.filter((id) => !answered.has(id)).length;
  const consentsToAnswer = consentsDue(input.studentIds, input.kinds, input.consents).length;
  const done = studentsToAnswer === 0 && input.confirmed && consentsToAnswer === 0;
  const started = answered.size > 0 || input.confirmed || !!input.consentAnsweredDuring;
  return { state: done ? 'done' : started ? 'in_progress' : 'not_started', consentsToAnswer, studentsToAnswer };
}

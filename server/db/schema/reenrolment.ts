import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, version } from './columns.ts';
import { family, student } from './people.ts';
import { site } from './sites.ts';

/**
 * The yearly re-enrolment (issue 18, item 2): the secretariat opens a campaign for the next
 * school year with its dates; each family answers per student, confirms its details and answers
 * the site's consents. Families' devices pull the campaigns of their site.
 */
export const reenrolmentCampaign = sqliteTable(
  'reenrolment_campaign',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    /** The school year families re-enrol for ("2027/2028"). */
    schoolYear: text('school_year').notNull(),
    /** First and last day families may answer ("YYYY-MM-DD"). */
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [uniqueIndex('reenrolment_campaign_site_year_uq').on(t.siteId, t.schoolYear)],
);

/** A student's answer: continue (same courses), stop, or change (a wish and a comment). */
export const reenrolmentAnswer = sqliteTable(
  'reenrolment_answer',
  {
    id: id(),
    campaignId: text('campaign_id').notNull().references(() => reenrolmentCampaign.id),
    familyId: text('family_id').notNull().references(() => family.id),
    studentId: text('student_id').notNull().references(() => student.id),
    /** 'continue' | 'stop' | 'change' */
    choice: text('choice').notNull(),
    wish: text('wish').notNull().default(''),
    comment: text('comment').notNull().default(''),
    answeredBy: text('answered_by').notNull(),
    answeredAt: text('answered_at').notNull(),
    version: version(),
  },
  (t) => [uniqueIndex('reenrolment_answer_campaign_student_uq').on(t.campaignId, t.studentId), index('reenrolment_answer_family_idx').on(t.familyId)],
);

/** The family confirmed that its and its students' details are up to date, for a campaign. */
export const reenrolmentConfirmation = sqliteTable(
  'reenrolment_confirmation',
  {
    id: id(),
    campaignId: text('campaign_id').notNull().references(() => reenrolmentCampaign.id),
    familyId: text('family_id').notNull().references(() => family.id),
    confirmedBy: text('confirmed_by').notNull(),
    confirmedAt: text('confirmed_at').notNull(),
    version: version(),
  },
  (t) => [uniqueIndex('reenrolment_confirmation_campaign_family_uq').on(t.campaignId, t.familyId), index('reenrolment_confirmation_family_idx').on(t.familyId)],
);

/**
 * A consent the site asks for (image rights, emergency medical decision, leaving alone after the
 * lesson, data processing…), per family or per student. Changing the wording raises
 * `wording_version`: answers given to an earlier wording are asked again.
 */
export const consentKind = sqliteTable(
  'consent_kind',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    /** Stable name for exports ("droit-image"). */
    code: text('code').notNull(),
    /** 'family' | 'student' */
    scope: text('scope').notNull(),
    wordingFr: text('wording_fr').notNull(),
    wordingEn: text('wording_en').notNull().default(''),
    wordingVersion: integer('wording_version').notNull().default(1),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: version(),
  },
  (t) => [uniqueIndex('consent_kind_site_code_uq').on(t.siteId, t.code)],
);

/**
 * The latest answer to a consent for a family (student_id null) or one of its students: given or
 * refused, to which wording version, by whom and when. Earlier answers stay in the audit log.
 */
export const consentAnswer = sqliteTable(
  'consent_answer',
  {
    id: id(),
    consentKindId: text('consent_kind_id').notNull().references(() => consentKind.id),
    familyId: text('family_id').notNull().references(() => family.id),
    studentId: text('student_id').references(() => student.id),
    wordingVersion: integer('wording_version').notNull(),
    given: integer('given', { mode: 'boolean' }).notNull(),
    answeredBy: text('answered_by').notNull(),
    answeredAt: text('answered_at').notNull(),
    version: version(),
  },
  (t) => [index('consent_answer_family_idx').on(t.familyId, t.consentKindId)],
);

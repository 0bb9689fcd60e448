import { openCampaign, parisDay } from '../../shared/reenrolment-progress.ts';
import { db } from './db.ts';

/** The students of the shell's menu, by last then first name. */
export async function menuStudents() {
  return (await db.students.toArray()).sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
}

/** The signed-in account's family (the header's name). */
export function signedInFamilies() {
  return db.families.toArray();
}

/** Whether a re-enrolment campaign is open today (the menu offers "Réinscription" only then). */
export async function reenrolmentOpenToday() {
  return !!openCampaign(await db.reenrolmentCampaigns.toArray(), parisDay());
}

/** True, once the device's first pull has landed (before, every named query answers undefined). */
export function deviceLoaded() {
  return true as const;
}

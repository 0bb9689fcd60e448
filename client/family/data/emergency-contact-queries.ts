import type { EmergencyContact } from '../../../shared/emergency-contact.ts';
import { EMERGENCY_CONTACTS_FIELD } from '../../../shared/identity-mutations.ts';
import { studentIdentity } from './identity-queries.ts';

/** A student's emergency contacts as the family's page shows them. */
export interface ContactsView {
  studentId: string;
  studentName: string;
  /** The record's version: the base of a change. */
  version: number;
  /** The list validated by the secretariat (what the teachers see). */
  onFile: EmergencyContact[];
  /** A list asked for and not decided yet; `queued` while it is still on this device. */
  pending?: { contacts: EmergencyContact[]; queued: boolean };
  /** The reason of the last refusal of a list (until a new one is asked). */
  refusedReason?: string;
}

/**
 * One student's contacts from the device (run inside a live query): the record's list, and over
 * it the list asked for (the change request pulled, or this device's outbox) like the identity's
 * "Modifié — en attente de validation". Null when the student is not here (another family's).
 */
export async function studentContacts(studentId: string): Promise<ContactsView | null> {
  const { student, overlay } = await studentIdentity(studentId);
  if (!student) return null;
  const state = overlay?.fields[EMERGENCY_CONTACTS_FIELD];
  const pending = state?.pending;
  return {
    studentId: student.id,
    studentName: `${student.firstName} ${student.lastName}`,
    version: student.version,
    onFile: student.emergencyContacts ?? [],
    ...(pending ? { pending: { contacts: pending.value as unknown as EmergencyContact[], queued: pending.queued } } : {}),
    ...(state?.refused ? { refusedReason: state.refused.reason } : {}),
  };
}

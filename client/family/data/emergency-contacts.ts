import type { EmergencyContact } from '../../../shared/emergency-contact.ts';
import { EMERGENCY_CONTACTS_FIELD } from '../../../shared/emergency-contact-change.ts';
import type { ContactsView } from './emergency-contact-queries.ts';
import { submitIdentityChange, type SubmitResult } from './identity-changes.ts';

/**
 * Asks the secretariat to replace the student's list by `contacts` (validated by the caller with
 * the shared schema): a change request through the outbox, like the identity form's, so it works
 * offline. 'sent', 'queued' or `{ rejected }`.
 */
export function submitEmergencyContacts(view: ContactsView, contacts: EmergencyContact[], opts: { onQueued?: () => void } = {}): Promise<SubmitResult> {
  const plain = (list: EmergencyContact[]) => list.map((c) => ({ name: c.name, relation: c.relation, phone: c.phone, mayPickUp: c.mayPickUp }));
  return submitIdentityChange(
    { targetKind: 'student', targetId: view.studentId, values: { [EMERGENCY_CONTACTS_FIELD]: plain(contacts) }, from: { [EMERGENCY_CONTACTS_FIELD]: plain(view.onFile) } },
    view.version,
    opts,
  );
}

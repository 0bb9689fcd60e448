/**
 * A person to call in an emergency, or allowed to pick a student up after the lesson (issue 18,
 * item 3). Stored as a list on the student's record (`student.emergency_contacts`, JSON), so it
 * is edited, sent for review and validated by the secretariat like the rest of the identity.
 */
export interface EmergencyContact {
  name: string;
  /** "Grand-mère", "Voisin"… */
  relation: string;
  phone: string;
  /** May take the child home after the lesson. */
  mayPickUp: boolean;
}

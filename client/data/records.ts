/**
 * The shapes of the records a pull brings (the server's rows, camelCase). Only the fields the
 * screens read are typed; rows carry the others too.
 */
interface Versioned {
  id: string;
  version: number;
}

export interface Site extends Versioned {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
}

interface Contact {
  address: string;
  postalCode: string;
  city: string;
  phoneHome: string;
  phoneWork: string;
  mobile: string;
  email: string;
}

export interface Family extends Versioned, Contact {
  siteId: string;
  civility: string;
  lastName: string;
  firstName: string;
  smsOptIn: boolean;
}

export interface Student extends Versioned, Contact {
  familyId: string;
  civility: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  birthPlace: string;
  useFamilyContact: boolean;
  school: string;
  schoolLevel: string;
}

export interface Teacher extends Versioned {
  civility: string;
  lastName: string;
  firstName: string;
}

export interface Room extends Versioned {
  name: string;
  building: string;
}

export interface Department extends Versioned {
  name: string;
}

export interface Course extends Versioned {
  schoolYear: string;
  name: string;
  departmentId: string;
  teacherId: string | null;
  roomId: string | null;
  cycle: string;
  weekday: number | null;
  startTime: string | null;
  durationMinutes: number | null;
}

export interface Enrollment extends Versioned {
  studentId: string;
  courseId: string;
  schoolYear: string;
  active: boolean;
  yearComment: string;
}

export interface FollowUpNote extends Versioned {
  enrollmentId: string;
  date: string;
  teacherId: string | null;
  text: string;
}

export interface Evaluation extends Versioned {
  enrollmentId: string;
  date: string;
  kind: string;
  mark: string;
  appreciation: string;
  comment: string;
}

export interface Absence extends Versioned {
  enrollmentId: string;
  date: string;
  excused: boolean;
  reason: string;
}

export interface RepertoireEntry extends Versioned {
  studentId: string;
  date: string;
  eventLabel: string;
  eventKind: string;
  piece: string;
  composer: string;
  durationMinutes: number | null;
  comments: string;
}

export interface Invoice extends Versioned {
  familyId: string;
  number: string;
  date: string;
  dueDate: string;
  schoolYear: string;
  label: string;
  amountCents: number;
}

export interface InvoiceLine extends Versioned {
  invoiceId: string;
  position: number;
  label: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
}

export interface Payment extends Versioned {
  familyId: string;
  invoiceId: string | null;
  date: string;
  mode: string;
  operationNumber: string;
  label: string;
  amountCents: number;
  schoolYear: string;
}

export interface Discount extends Versioned {
  familyId: string;
  invoiceId: string | null;
  date: string;
  label: string;
  amountCents: number;
  schoolYear: string;
}

export interface PayfipAttempt extends Versioned {
  invoiceId: string;
  status: string;
}

export interface DocumentKind extends Versioned {
  owner: 'family' | 'student';
  label: string;
}

export interface DocumentRecord extends Versioned {
  familyId: string;
  studentId: string | null;
  kindId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  status: string;
  rejectionReason: string | null;
  createdAt: string;
}

export interface ChangeRequest extends Versioned {
  familyId: string;
  targetKind: 'family' | 'student';
  targetId: string;
  status: string;
  fields: Record<string, { from: unknown; to: unknown; status: string; reason?: string }>;
}

/** A mutation waiting to be pushed (docs/sync.md). */
export interface OutboxMutation {
  mutationId: number;
  name: string;
  args: unknown;
  baseVersion?: number;
  createdAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

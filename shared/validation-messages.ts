import type { z } from 'zod';

/**
 * Validation messages with a stable code and parameters. The schemas keep French messages (the
 * server answers and mails in French), and each one is made by `vmsg(code, params)`, which
 * remembers the code behind the text: zod 4 finalizes a built-in check's issue to `{ code, path,
 * message }` (parameters survive only on custom issues), so the message is the one carrier every
 * issue has. `fieldCodes()` gives back `{ field: { code, params } }` for a failed parse; the server
 * sends it beside the French `fields` (`ApiErrorBody.error.fieldCodes`) and the browser shows the
 * message in the person's language (client/i18n/validation-messages.ts).
 */

/** Field names as the messages quote them ("Le champ « Code postal » …") and the server's French mails name them. */
export const FIELD_NAMES_FR = {
  siteId: 'Site',
  username: 'Identifiant',
  password: 'Mot de passe',
  email: 'E-mail',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  confirmation: 'Confirmation',
  token: 'Jeton',
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  birthPlace: 'Lieu de naissance',
  address: 'Adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  phoneHome: 'Téléphone domicile',
  phoneWork: 'Téléphone professionnel',
  mobile: 'Mobile',
  smsOptIn: 'Informations par SMS',
  useFamilyContact: 'Utiliser les coordonnées du responsable',
  school: 'Établissement scolaire',
  schoolLevel: 'Niveau scolaire',
  refuseReason: 'Motif du refus',
  familyId: 'Famille',
  schoolYear: 'Année scolaire',
  invoiceLabel: 'Libellé',
  lineLabel: 'Libellé de la ligne',
  unitPrice: 'Prix unitaire',
  date: 'Date',
  dueDate: 'Échéance',
  invoiceId: 'Facture',
  amount: 'Montant',
  discountReason: 'Motif',
  courseId: 'Cours',
  studentId: 'Élève',
  attendanceReason: 'Motif de l’absence',
  evaluationKind: 'Type d’évaluation',
  mark: 'Note',
  appreciation: 'Appréciation',
  noteText: 'Note de suivi',
  eventLabel: 'Occasion',
  piece: 'Œuvre',
  composer: 'Compositeur',
  durationMinutes: 'Durée',
  comments: 'Commentaire',
  startDate: 'Du',
  endDate: 'Au',
  familyMessage: 'Message aux familles',
  children: 'Enfants',
  disciplines: 'Discipline souhaitée',
  level: 'Niveau',
  availability: 'Disponibilités',
  comment: 'Commentaire',
  consent: 'Consentement',
  opensOn: 'Ouverture',
  closesOn: 'Clôture',
  wish: 'Souhait',
  consentCode: 'Code',
  wordingFr: 'Libellé en français',
  wordingEn: 'Libellé en anglais',
  emergencyContacts: 'Personnes à prévenir',
  contactName: 'Nom et prénom',
  contactRelation: 'Lien avec l’élève',
  contactPhone: 'Téléphone',
  noticeDates: 'Dates d’absence',
  noticeReason: 'Motif de l’absence',
  courseName: 'Intitulé du cours',
  departmentId: 'Département',
  teacherId: 'Enseignant',
  roomId: 'Salle',
  weekday: 'Jour',
  startTime: 'Heure de début',
  cycle: 'Cycle',
  capacity: 'Places',
  eventKind: 'Type d’événement',
  eventTitle: 'Intitulé',
  place: 'Lieu',
} as const;
export type FieldName = keyof typeof FIELD_NAMES_FR;

/**
 * The French messages by code; `{field}` is a field's name (FIELD_NAMES_FR), other `{x}` are
 * numbers, those named in BYTE_PARAMS numbers of bytes (each language formats them: formatBytes).
 */
export const VALIDATION_FR = {
  required: 'Le champ « {field} » est obligatoire.',
  notText: 'Le champ « {field} » doit être un texte.',
  tooLong: 'Le champ « {field} » ne peut dépasser {max} caractères.',
  civility: 'Choisissez une civilité : « M. » ou « Mme ».',
  postalCode: 'Le code postal doit comporter 5 chiffres, par exemple 78200.',
  phone: 'Le champ « {field} » doit être un numéro français à 10 chiffres, par exemple 01 23 45 67 89.',
  mobile: 'Le numéro de mobile doit commencer par 06 ou 07, par exemple 06 12 34 56 78.',
  email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  emailTooLong: 'L’adresse e-mail ne peut dépasser {max} caractères.',
  birthDateInvalid: 'La date de naissance n’est pas une date valide (jour, mois, année).',
  birthDateFuture: 'La date de naissance ne peut pas être dans le futur.',
  birthDateTooOld: 'La date de naissance doit être postérieure à {year}.',
  smsOptIn: 'Indiquez si vous souhaitez recevoir les SMS.',
  useFamilyContact: 'Indiquez si l’élève utilise les coordonnées du responsable.',
  passwordTooShort: 'Le mot de passe doit contenir au moins {min} caractères.',
  passwordTooLong: 'Le mot de passe doit contenir au plus {max} caractères.',
  passwordCommon: 'Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.',
  confirmationMismatch: 'La confirmation ne correspond pas au nouveau mot de passe.',
  reasonRequired: 'Indiquez le motif du refus.',
  reasonTooLong: 'Le motif ne peut dépasser {max} caractères.',
  // Supporting documents' refusals (shared/document-rules.ts: documentIssues).
  documentType: 'Ce type de fichier n’est pas accepté. Envoyez un fichier PDF, JPEG ou PNG de {maxBytes} au plus.',
  documentSize: 'Ce fichier dépasse {maxBytes}. Envoyez un fichier PDF, JPEG ou PNG de {maxBytes} au plus.',
  documentEmpty: 'Ce fichier est vide. Choisissez un autre fichier.',
  imageTooLarge:
    'Cette image est trop grande : {width} × {height} pixels, soit {megapixels} mégapixels. Envoyez une photo de {maxMegapixels} mégapixels au plus (le mode photo habituel d’un téléphone convient) ou un PDF.',
  documentQuota:
    'Ce fichier ({fileBytes}) ne tient pas dans la place réservée aux documents de votre famille : {usedBytes} déjà utilisés sur {quotaBytes}. Contactez le secrétariat.',
  documentMissing: 'Choisissez un fichier à envoyer.',
  documentUnreadable: 'Ce fichier est illisible ou endommagé. Envoyez un fichier PDF, JPEG ou PNG de {maxBytes} au plus.',
  documentKind: 'Choisissez le type de document.',
  documentKindNotForOwner: 'Ce type de document ne correspond pas à ce dossier.',
  documentReplaceKind: 'Choisissez le même type de document que celui refusé.',
  documentIdempotency: 'Envoi mal formé : rechargez la page puis recommencez.',
  documentHashMismatch: 'Le fichier reçu ne correspond pas à celui choisi. Choisissez-le à nouveau.',
  dateFormat: 'Le champ « {field} » doit être une date, par exemple 2026-11-28.',
  dateInvalid: 'Le champ « {field} » n\'est pas une date valide.',
  dateRange: 'Le champ « {field} » doit être une date entre {from} et {to}.',
  euros: 'Le champ « {field} » doit être un montant en euros, par exemple 42,50.',
  eurosRange: 'Le champ « {field} » doit être compris entre 0,01 € et 100 000,00 €.',
  schoolYear: 'L’année scolaire s’écrit par exemple 2026/2027.',
  invoiceLabelTooLong: 'Le libellé ne doit pas dépasser {max} caractères.',
  lineLabelTooLong: 'Le libellé d’une ligne ne doit pas dépasser {max} caractères.',
  quantityInteger: 'La quantité doit être un nombre entier.',
  quantityMin: 'La quantité doit être au moins {min}.',
  quantityMax: 'La quantité ne doit pas dépasser {max}.',
  linesMissing: 'Ajoutez au moins une ligne.',
  dueBeforeDate: 'L’échéance ne peut pas précéder la date de la facture.',
  invoiceTotalTooHigh: 'Le total de la facture ne doit pas dépasser 100 000,00 €.',
  paymentMode: 'Choisissez un mode de règlement : chèque, espèces ou prélèvement.',
  operationNumberTooLong: 'Le numéro d’opération ne doit pas dépasser {max} caractères.',
  discountReasonTooLong: 'Le motif ne doit pas dépasser {max} caractères.',
  amountMissing: 'Montant manquant.',
  paymentIdMissing: 'Identifiant de paiement manquant.',
  attendanceStatus: 'Choisissez « Présent », « Absent » ou « Absent excusé ».',
  evaluationKind: 'Choisissez un type d’évaluation : contrôle continu, examen ou audition.',
  evaluationEmpty: 'Écrivez une appréciation ou une note pour au moins un élève.',
  durationRange: 'La durée doit être un nombre entier de minutes entre 1 et {max}.',
  endBeforeStart: 'La date de fin ne peut pas précéder la date de début.',
  absenceTooLong: 'Une absence se déclare pour {max} jours au plus ; déclarez-en plusieurs au besoin.',
  studentRepeated: 'Un élève figure deux fois dans la liste.',
  childrenCount: 'Indiquez entre 1 et {max} enfants.',
  disciplinesCount: 'Choisissez entre 1 et {max} disciplines.',
  mayPickUp: 'Indiquez si cette personne peut récupérer l’enfant.',
  contactsTooMany: 'Indiquez {max} personnes au plus.',
  noticeDatesCount: 'Choisissez entre 1 et {max} dates de cours.',
  noticeDatePast: 'Cette date est passée : choisissez un cours à venir.',
  noticeNotLesson: 'Cette date n’est pas un jour de ce cours.',
  weekday: 'Choisissez le jour du cours, du lundi au dimanche.',
  startTime: 'L’heure de début s’écrit HH:MM, par exemple 17:30.',
  courseDuration: 'La durée doit être un nombre entier de minutes entre {min} et {max}.',
  capacity: 'Le nombre de places doit être un nombre entier entre {min} et {max}, ou rester vide (sans limite).',
  eventKind: 'Choisissez un type d’événement : concert, examen, audition, répétition ou autre.',
  eventDuration: 'La durée doit être un nombre entier de minutes entre {min} et {max}, ou rester vide.',
  consentRequired: 'Cochez la case pour accepter le traitement de vos données : sans cet accord, la pré-inscription ne peut pas être étudiée.',
  closesBeforeOpens: 'La date de clôture ne peut pas précéder la date d’ouverture.',
  campaignYear: 'La campagne porte sur l’année scolaire {year} ou une suivante.',
  reenrolmentChoice: 'Choisissez « Continuer », « Arrêter » ou « Changer ».',
  consentChoice: 'Choisissez « J’accepte » ou « Je refuse ».',
  consentCode: 'Le code s’écrit en minuscules, chiffres et tirets, par exemple droit-image.',
  consentScope: 'Choisissez si l’accord est donné pour la famille ou pour chaque élève.',
} as const;
export type ValidationCode = keyof typeof VALIDATION_FR;

export type ValidationParams = { field?: FieldName } & Record<string, string | number | undefined>;
/** A message's code and parameters, as the server sends them and the browser translates them. */
export interface IssueCode {
  code: ValidationCode;
  params?: ValidationParams;
}

/** The languages a message is written in (client/i18n/i18n.ts's `Locale`). */
type MessageLocale = 'fr' | 'en';

/**
 * Parameters that are numbers of bytes, and how people read them: a limit in megabytes ("10 Mo",
 * "0,5 Mo"), a file's size in kilobytes under a megabyte ("40 ko", then "2,5 Mo"). They travel as
 * numbers, never pre-formatted, and each language formats them (formatBytes): the French text is
 * the one the server always wrote, and an English reader sees "10 MB", not "10 Mo".
 */
const BYTE_PARAMS = new Map<string, 'limit' | 'size'>([
  ['maxBytes', 'limit'],
  ['quotaBytes', 'limit'],
  ['fileBytes', 'size'],
  ['usedBytes', 'size'],
]);

const MB = 1024 * 1024;
const BYTE_UNITS = { fr: { kilo: 'ko', mega: 'Mo', point: ',' }, en: { kilo: 'KB', mega: 'MB', point: '.' } } as const;

/** "10 Mo", "2,5 Mo", or for a file's size "40 ko" ("10 MB", "2.5 MB", "40 KB" in English). */
export function formatBytes(bytes: number, kind: 'limit' | 'size', locale: MessageLocale = 'fr'): string {
  const units = BYTE_UNITS[locale];
  if (kind === 'size' && bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} ${units.kilo}`;
  return `${String(Math.round((bytes / MB) * 10) / 10).replace('.', units.point)} ${units.mega}`;
}

/** A parameter's value as a message in this language shows it: byte counts formatted, the others as they are. */
export function paramText(name: string, value: string | number | undefined, locale: MessageLocale): string {
  const bytes = BYTE_PARAMS.get(name);
  return bytes && typeof value === 'number' ? formatBytes(value, bytes, locale) : String(value ?? '');
}

/** The French text of a code and its parameters (nothing remembered: see vmsg). */
export function frenchMessage({ code, params = {} }: IssueCode): string {
  return VALIDATION_FR[code].replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'field' && params.field ? FIELD_NAMES_FR[params.field] : paramText(name, params[name], 'fr'),
  );
}

const byText = new Map<string, IssueCode>();

/**
 * The French message of a code (what the schemas pass as `error`), remembered with its code. Only
 * for messages made a bounded number of times (schemas, settings): one filled with what a request
 * carries (an image's size, a family's bytes) is made by `frenchMessage` and its code sent beside
 * it, or every new value would stay in this memory for good.
 */
export function vmsg(code: ValidationCode, params: ValidationParams = {}): string {
  const text = frenchMessage({ code, params });
  if (!byText.has(text)) byText.set(text, Object.keys(params).length ? { code, params } : { code });
  return text;
}

/** The code behind a French message made by `vmsg`, if it was. */
export function issueCode(message: string): IssueCode | undefined {
  return byText.get(message);
}

/** Turns zod issues into `{ field: message }`, first message per field (what the forms show). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** `{ field: code }` for the first issue of each field whose message has a code (see fieldErrors). */
export function fieldCodes(error: z.ZodError): Record<string, IssueCode> {
  const codes: Record<string, IssueCode> = {};
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (seen.has(key)) continue;
    seen.add(key);
    const code = issueCode(issue.message);
    if (code) codes[key] = code;
  }
  return codes;
}

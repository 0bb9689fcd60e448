import { FIELD_NAMES_FR } from '../../shared/validation-messages.ts';
import type { MailMessage } from '../mail/mailer.ts';

/** French name of an identity field, for e-mails (the screens name them through i18n). */
export const fieldLabel = (field: string) => (FIELD_NAMES_FR as Record<string, string>)[field] ?? field;

interface Recipient {
  civility: string;
  firstName: string;
  lastName: string;
  email: string;
}

const greeting = (to: Recipient) => `Bonjour ${[to.civility, to.firstName, to.lastName].filter(Boolean).join(' ')},`;
const signature = '\n\nLe secrétariat du conservatoire\n(Message envoyé par Portée : merci de ne pas y répondre.)';

/** The acknowledgement a family receives when its change request reaches the server. */
export function acknowledgementMail(to: Recipient, label: string, fields: string[]): MailMessage {
  return {
    to: to.email,
    subject: 'Portée — demande de modification reçue',
    text:
      `${greeting(to)}\n\nNous avons bien reçu votre demande de modification de la fiche ${label} ` +
      `(${fields.map(fieldLabel).join(', ')}). Elle est en attente de validation par le secrétariat ; ` +
      `vous recevrez un message quand elle aura été examinée.${signature}`,
  };
}

/** The secretariat's decision, field by field, with the reason of each refusal. */
export function decisionMail(to: Recipient, label: string, decided: Array<{ field: string; approved: boolean; reason?: string }>): MailMessage {
  const lines = decided.map((d) => `- ${fieldLabel(d.field)} : ${d.approved ? 'acceptée' : `refusée (motif : ${d.reason ?? ''})`}`);
  return {
    to: to.email,
    subject: 'Portée — votre demande de modification a été examinée',
    text: `${greeting(to)}\n\nLe secrétariat a examiné votre demande de modification de la fiche ${label} :\n${lines.join('\n')}${signature}`,
  };
}

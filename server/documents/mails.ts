import type { MailMessage } from '../mail/mailer.ts';

interface Recipient {
  civility: string;
  firstName: string;
  lastName: string;
  email: string;
}

const greeting = (to: Recipient) => `Bonjour ${[to.civility, to.firstName, to.lastName].filter(Boolean).join(' ')},`;
const signature = '\n\nLe secrétariat du conservatoire\n(Message envoyé par Portée : merci de ne pas y répondre.)';

/** The secretariat's decision on a supporting document; a refusal says why and what to do. */
export function documentDecisionMail(
  to: Recipient,
  doc: { kindLabel: string; fileName: string; ownerLabel: string },
  decision: { accepted: true } | { accepted: false; reason: string },
): MailMessage {
  const what = `le document « ${doc.kindLabel} » (${doc.fileName}) ${doc.ownerLabel}`;
  const body = decision.accepted
    ? `Le secrétariat a accepté ${what}. Vous n’avez rien d’autre à faire.`
    : `Le secrétariat a refusé ${what}.\nMotif : ${decision.reason}\n\nVous pouvez envoyer un nouveau document depuis l’onglet « Documents fournis » de Portée (bouton « Remplacer »).`;
  return {
    to: to.email,
    subject: decision.accepted ? 'Portée — document accepté' : 'Portée — document refusé',
    text: `${greeting(to)}\n\n${body}${signature}`,
  };
}

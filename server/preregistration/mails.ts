import type { MailMessage } from '../mail/mailer.ts';

const signature = '\n\nLe secrétariat du conservatoire\n(Message envoyé par Portée : merci de ne pas y répondre.)';
const hello = (r: { civility: string; firstName: string; lastName: string }) => `Bonjour ${[r.civility, r.firstName, r.lastName].filter(Boolean).join(' ')},`;

type Responsible = { civility: string; firstName: string; lastName: string; email: string };

export function receivedMail(r: Responsible, reference: string, siteName: string, children: string[]): MailMessage {
  return {
    to: r.email,
    subject: `Portée — pré-inscription reçue (référence ${reference})`,
    text:
      `${hello(r)}\n\nNous avons bien reçu votre pré-inscription au conservatoire (site ${siteName}) pour ${children.join(', ')}.\n` +
      `Sa référence : ${reference}. Rappelez-la si vous contactez le secrétariat.\n\n` +
      `Le secrétariat l’étudiera et vous écrira : si elle est acceptée, vous recevrez votre identifiant et un lien pour choisir votre mot de passe.${signature}`,
  };
}

export function refusedMail(r: Responsible, reference: string, reason: string): MailMessage {
  return {
    to: r.email,
    subject: `Portée — votre pré-inscription ${reference}`,
    text: `${hello(r)}\n\nNous ne pouvons pas donner suite à votre pré-inscription (référence ${reference}).\nMotif : ${reason}${signature}`,
  };
}

export function acceptedMail(r: Responsible, reference: string, siteName: string, username: string | null): MailMessage {
  const account = username
    ? `Votre identifiant pour Portée, le portail des familles : ${username} (site ${siteName}). Un autre message contient le lien pour choisir votre mot de passe.`
    : 'Les enfants ont été ajoutés à votre famille : vous les retrouverez dans Portée avec votre identifiant habituel.';
  return {
    to: r.email,
    subject: `Portée — pré-inscription acceptée (référence ${reference})`,
    text: `${hello(r)}\n\nVotre pré-inscription (référence ${reference}) est acceptée.\n${account}${signature}`,
  };
}

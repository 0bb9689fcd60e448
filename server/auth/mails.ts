import type { MailMessage } from '../mail/mailer.ts';

export function resetPasswordMail(to: string, name: string, link: string): MailMessage {
  return {
    to,
    subject: 'Portée — choisir un nouveau mot de passe',
    text: [
      `Bonjour ${name},`,
      '',
      'Une demande de nouveau mot de passe a été faite pour votre compte Portée.',
      'Pour choisir votre nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :',
      '',
      link,
      '',
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
      '',
      'Le secrétariat du conservatoire',
    ].join('\n'),
  };
}

export function passwordChangedMail(to: string, name: string): MailMessage {
  return {
    to,
    subject: 'Portée — votre mot de passe a été modifié',
    text: [
      `Bonjour ${name},`,
      '',
      'Le mot de passe de votre compte Portée vient d’être modifié, et les autres sessions ont été fermées.',
      "Si vous n'êtes pas à l'origine de ce changement, contactez le secrétariat du conservatoire.",
      '',
      'Le secrétariat du conservatoire',
    ].join('\n'),
  };
}

import { formatDate, tFr as t } from '../../i18n/i18n.ts';
import type { WelcomeLetter } from '../data/desk-accounts.ts';

/** The welcome letter's text, block by block: the same words on the printable page and in the PDF. */
export interface WelcomeLetterText {
  /** The conservatory's block (top left): the site, its address and contact. */
  from: string[];
  /** To whom (top right): the person and their postal address. */
  to: string[];
  date: string;
  heading: string;
  salutation: string;
  opened: string;
  /** Portal address, site, identifiant. */
  credentials: string[];
  passwordTitle: string;
  password: string[];
  signature: string;
}

/**
 * The letter is the conservatory's, handed or posted to the account's owner: French whatever the
 * desk's language, like the invoices. The password is never in it: the owner chooses it through
 * the e-mailed link or "Mot de passe perdu" on the sign-in page.
 */
export function welcomeLetterText(d: WelcomeLetter, today = new Date()): WelcomeLetterText {
  const s = d.site;
  const contact = [s.phone, s.email].filter(Boolean).join(' — ');
  return {
    from: [t('letter.from', { site: d.siteName }), s.address, `${s.postalCode} ${s.city}`.trim(), contact].filter(Boolean),
    to: [[d.civility, d.firstName, d.lastName].filter(Boolean).join(' '), d.address, `${d.postalCode} ${d.city}`.trim()].filter(Boolean),
    date: t('letter.date', { date: formatDate(today.toISOString().slice(0, 10), { dateStyle: 'long' }, 'fr') }),
    heading: t('letter.heading'),
    salutation: t('letter.salutation'),
    opened: t('letter.opened'),
    credentials: [t('letter.portal', { url: d.portalUrl }), t('letter.site', { site: d.siteName }), t('letter.username', { username: d.username })],
    passwordTitle: t('letter.passwordTitle'),
    password: [
      t('letter.passwordLink', { email: d.email }),
      t('letter.passwordLost', { url: d.signInUrl }),
      t('letter.never'),
      t('letter.wrongEmail'),
      ...(contact ? [t('letter.contact', { contact })] : []),
    ],
    signature: t('letter.signature'),
  };
}

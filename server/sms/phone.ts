import { normalisePhone } from '../../shared/identity-schemas.ts';

/**
 * A French mobile number as families type it ('06 12 34 56 78', '06.12.34.56.78', '+33 6 12…',
 * '0033 6…', '+33 (0)6…') in international form (E.164: '+33612345678'), or null when it is not a
 * mobile number: a landline cannot receive the SMS, so the caller skips it. What counts as a French
 * number is the identity form's rule (shared/identity-schemas.ts normalisePhone).
 *
 * Mobile numbers start 06 or 07. Those of the overseas departments, also dialled 069… from
 * France, belong to their own country codes (+590 Guadeloupe, +594 Guyane, +596 Martinique,
 * +262 La Réunion), where +33 would not reach them.
 */
const OVERSEAS_MOBILE: Record<string, string> = { '690': '590', '691': '590', '694': '594', '696': '596', '697': '596', '692': '262', '693': '262' };

export function toInternationalMobile(input: string): string | null {
  const compact = input.replace(/\(0\)/g, '').replace(/[\s.\-/()\u00a0\u202f]/g, '');
  const overseas = /^(?:\+|00)(590|594|596|262)(69\d{7})$/.exec(compact);
  if (overseas) return OVERSEAS_MOBILE[overseas[2].slice(0, 3)] === overseas[1] ? `+${overseas[1]}${overseas[2]}` : null;
  const national = normalisePhone(/^33[67]\d{8}$/.test(compact) ? `+${compact}` : compact)?.replace(/ /g, '').slice(1);
  if (!national || !/^[67]/.test(national)) return null;
  const code = OVERSEAS_MOBILE[national.slice(0, 3)];
  return code ? `+${code}${national}` : `+33${national}`;
}

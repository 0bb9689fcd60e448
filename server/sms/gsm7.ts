/**
 * Fitting a text into one SMS of the GSM 7-bit default alphabet (GSM 03.38): 160 characters, those
 * of the extension table (€ [ ] { } \ ^ ~ | and form feed) counting two because each is sent as an
 * escape plus a character. Anything else would switch the whole message to UCS-2 (70 characters)
 * or be replaced by the gateway, so French characters outside the alphabet are transliterated
 * first (ê → e, ç → c, œ → oe, ’ → ', « » → ", … → ...), then whatever is left becomes '?'.
 */

/** The basic set, without ESC (0x1B), which is never written on its own. */
const BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each costs two septets (ESC + the character). */
const EXTENSION = new Set('\f^{}\\[~]|€');

export const SMS_MAX_SEPTETS = 160;

/**
 * Replacements for characters outside the alphabet; every right-hand side is in the basic set.
 * Letters not listed fall back to their base letter (NFD without the accent) when that is in the set.
 */
const TRANSLITERATION: Record<string, string> = {
  â: 'a', á: 'a', ã: 'a', À: 'A', Â: 'A', Á: 'A', Ã: 'A',
  ê: 'e', ë: 'e', È: 'E', Ê: 'E', Ë: 'E',
  î: 'i', ï: 'i', í: 'i', Î: 'I', Ï: 'I', Í: 'I', Ì: 'I',
  ô: 'o', ó: 'o', õ: 'o', Ô: 'O', Ó: 'O', Ò: 'O', Õ: 'O',
  û: 'u', ú: 'u', Û: 'U', Ù: 'U', Ú: 'U',
  ç: 'c', ÿ: 'y', Ÿ: 'Y',
  œ: 'oe', Œ: 'OE',
  '’': "'", '‘': "'", '‚': "'", '′': "'", '`': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"',
  '…': '...', '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-', '•': '-', '·': '.',
  '°': 'o', 'ª': 'a', 'º': 'o',
  '\t': ' ', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u200b': '',
};

/** The text in the GSM 7-bit alphabet (basic set and extension table), transliterated. */
export function toGsm7(text: string): string {
  // French typography puts a (narrow) no-break space inside « »: "« Bonjour »" becomes "Bonjour" in quotes, not " Bonjour ".
  const normalised = text.replace(/\r\n?/g, '\n').replace(/«[\s\u00a0\u202f]*/g, '«').replace(/[\s\u00a0\u202f]*»/g, '»');
  let out = '';
  for (const ch of normalised) {
    if (BASIC.has(ch) || EXTENSION.has(ch)) out += ch;
    else if (ch in TRANSLITERATION) out += TRANSLITERATION[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => BASIC.has(c)) ? base : '?';
    }
  }
  return out;
}

/** Septets a GSM-7 text takes: two for each extension character. */
export function gsm7Length(gsmText: string): number {
  let n = 0;
  for (const ch of gsmText) n += EXTENSION.has(ch) ? 2 : 1;
  return n;
}

/**
 * The text as one SMS: transliterated to GSM-7, then, when longer than `max` septets, cut and
 * ended with '...' (at a word boundary when one is near, so a word is not cut in half).
 */
export function fitSms(text: string, max = SMS_MAX_SEPTETS): string {
  const gsm = toGsm7(text).trim();
  if (gsm7Length(gsm) <= max) return gsm;
  const budget = max - 3;
  let cut = '';
  let used = 0;
  for (const ch of gsm) {
    const cost = EXTENSION.has(ch) ? 2 : 1;
    if (used + cost > budget) break;
    cut += ch;
    used += cost;
  }
  const space = cut.search(/\s\S*$/);
  if (space >= budget - 15) cut = cut.slice(0, space);
  return cut.trimEnd() + '...';
}

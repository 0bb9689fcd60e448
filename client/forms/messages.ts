import { paramText } from '../../shared/issue-codes.ts';
import type { IssueCode } from '../../shared/validation-texts.ts';
import { localeStore, t } from '../i18n/i18n.ts';
import { fr, type MessageKey } from '../i18n/messages-fr.ts';

/**
 * A validation message in the person's language, from its code and parameters (the field it
 * quotes translated too, sizes in bytes formatted for the language); undefined for a code this
 * client does not know (a newer server).
 */
export function localMessage({ code, params = {} }: IssueCode): string | undefined {
  const key = `validation.${code}`;
  if (!(key in fr)) return undefined;
  const field = params.field ? `validation.field.${params.field}` : '';
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) filled[name] = paramText(name, value, localeStore.value.locale);
  if (field && field in fr) filled.field = t(field as MessageKey);
  return t(key as MessageKey, filled);
}

/** A message in the person's language when it has a code this client knows, else as it came (French). */
export function localText(message: string, code?: IssueCode | null): string {
  return (code && localMessage(code)) || message;
}

/** `{ field: message }` with each coded message in the person's language, the others as they came. */
export function localFieldMessages(fields: Record<string, string>, codes: Record<string, IssueCode> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path, localText(message, codes[path])]));
}

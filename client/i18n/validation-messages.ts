import { FIELD_NAMES_FR, VALIDATION_FR } from '../../shared/validation-messages.ts';

/**
 * The validation messages in the client's catalogue: French comes from the shared schemas'
 * catalogue itself (one text for the server and the browser), under `validation.<code>`, and the
 * field names they quote under `validation.field.<name>`; English is in en/validation-messages.ts.
 */
type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}${K}`]: string };

function prefixed<P extends string, T extends Record<string, string>>(prefix: P, messages: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [prefix + key, text])) as Prefixed<P, T>;
}

export const validationFr = {
  ...prefixed('validation.', VALIDATION_FR),
  ...prefixed('validation.field.', FIELD_NAMES_FR),
};

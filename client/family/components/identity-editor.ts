import type { ReactiveControllerHost } from 'lit';
import { FAMILY_FIELDS, identityPatchSchemas, STUDENT_FIELDS, type IdentityKind, type IdentityValue } from '../../../shared/identity-schemas.ts';
import type { IssueCode } from '../../../shared/validation-messages.ts';
import { submitIdentityChange } from '../data/identity-changes.ts';
import type { IdentityOverlay } from '../data/identity-overlay.ts';
import { FormController } from '../../forms/form-controller.ts';
import { localFieldMessages } from '../../forms/messages.ts';
import { t } from '../../i18n/i18n.ts';

type Host = ReactiveControllerHost & HTMLElement;
type IdentityRecord = Record<string, unknown> & { version: number };

/** A refusal's paths name the mutation's arguments (`values.postalCode`); the form's, the field. */
export const unprefixed = <T>(byPath: Record<string, T> = {}): Record<string, T> =>
  Object.fromEntries(Object.entries(byPath).map(([path, v]) => [path.replace(/^values\./, ''), v]));

/**
 * The family's or a student's identity form: the form controller (values typed, kept across pulls
 * and errors; changed fields; errors; busy; announcement) plus what an identity edit adds: a field
 * shows what was typed, else the value asked for, else the value on file; "Modifier" validates
 * the changed fields with the shared schema and asks for them through `submitIdentityChange`
 * ('sent', 'queued', or refused for good: the refusal shown on its fields, in the person's
 * language when its messages carry a code).
 */
export class IdentityEditor extends FormController<Record<string, IdentityValue>> {
  constructor(
    host: Host,
    private readonly kind: IdentityKind,
    idPrefix = '',
  ) {
    super(host, { name: `identity-${kind}`, idPrefix, fields: kind === 'family' ? FAMILY_FIELDS : STUDENT_FIELDS, initial: {} });
  }

  /** What a field shows: what was typed, else the value asked for, else the value on file. */
  shown(field: string, record: Record<string, unknown>, overlay?: IdentityOverlay): IdentityValue {
    if (this.dirty.has(field)) return this.values[field];
    const pending = overlay?.fields[field]?.pending;
    return (pending ? pending.value : (record[field] as IdentityValue)) ?? '';
  }

  /** The fields typed that differ from what they showed before (the value asked for, else on file). */
  private changed(fields: readonly string[], record: Record<string, unknown>, overlay?: IdentityOverlay): Record<string, IdentityValue> {
    const changed: Record<string, IdentityValue> = {};
    for (const f of fields) {
      if (!this.dirty.has(f)) continue;
      const before = overlay?.fields[f]?.pending ? overlay.fields[f].pending!.value : record[f];
      if ((this.values[f] ?? '') !== (before ?? '')) changed[f] = this.values[f];
    }
    return changed;
  }

  /** "Modifier": validates the changed fields, asks for them, and says what became of them. */
  async submitChange(targetId: string, fields: readonly string[], record: IdentityRecord, overlay?: IdentityOverlay) {
    if (this.busy) return;
    const values = this.validate(identityPatchSchemas[this.kind], this.changed(fields, record, overlay)) as Record<string, IdentityValue> | null;
    if (!values) return;
    if (!Object.keys(values).length) return this.announce(t('records.noChange'), { again: true });
    const from = Object.fromEntries(Object.keys(values).map((f) => [f, (record[f] as IdentityValue | undefined) ?? null]));
    const typed = this.values;
    const sent = await this.submit(() =>
      submitIdentityChange({ targetKind: this.kind, targetId, values, from }, record.version, {
        // Queued: the overlay now shows these values (as "en attente d'envoi").
        onQueued: () => this.reset(),
      }),
    );
    if (!sent.ok) return;
    const result = sent.value;
    if (result === 'queued') this.announce(t('records.savedOffline'), { again: true });
    else if (result === 'sent') this.announce(t('records.saved'), { again: true });
    else {
      // Refused for good (e.g. the server's rules changed): shown like a local error, the typing kept.
      this.reset(typed);
      for (const f of Object.keys(values)) this.dirty.add(f);
      const { fields: messages, fieldCodes, message } = result.rejected;
      this.showErrors(localFieldMessages(unprefixed(messages), unprefixed<IssueCode>(fieldCodes)), message);
    }
  }
}

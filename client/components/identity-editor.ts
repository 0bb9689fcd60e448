import type { ReactiveControllerHost } from 'lit';
import { fieldErrors } from '../../shared/auth-schemas.ts';
import { identityPatchSchemas, type IdentityKind, type IdentityValue } from '../../shared/identity-schemas.ts';
import { submitIdentityChange } from '../data/commands/identity-changes.ts';
import type { IdentityOverlay } from '../data/identity-overlay.ts';
import { t } from '../i18n/i18n.ts';
import { focusErrorSummary } from './form-fields.ts';

type Host = ReactiveControllerHost & HTMLElement & { updateComplete: Promise<boolean> };

/**
 * The state of one identity form: what was typed (kept across pulls and errors: nothing typed
 * is lost), the errors, the announcement. "Modifier" validates the changed fields with the shared
 * schema, queues a change request with its outbox row, then tries to send it.
 */
export class IdentityEditor {
  values: Record<string, IdentityValue> = {};
  dirty = new Set<string>();
  errors: Record<string, string> = {};
  summary = '';
  announcement = '';
  busy = false;

  constructor(
    private readonly host: Host,
    private readonly kind: IdentityKind,
    readonly idPrefix = '',
  ) {}

  /** What a field shows: what was typed, else the value asked for, else the value on file. */
  shown(field: string, record: Record<string, unknown>, overlay?: IdentityOverlay): IdentityValue {
    if (this.dirty.has(field)) return this.values[field];
    const pending = overlay?.fields[field]?.pending;
    return (pending ? pending.value : (record[field] as IdentityValue)) ?? '';
  }

  input(field: string, value: IdentityValue) {
    this.values = { ...this.values, [field]: value };
    this.dirty.add(field);
    this.host.requestUpdate();
  }

  summaryItems(fields: string[]) {
    return fields.filter((f) => this.errors[f]).map((f) => ({ field: this.idPrefix + f, message: this.errors[f] }));
  }

  /** The changed fields, validated; null (with errors shown) when something is to be corrected. */
  validate(fields: string[], record: Record<string, unknown>, overlay?: IdentityOverlay): Record<string, IdentityValue> | null {
    const changed: Record<string, IdentityValue> = {};
    for (const f of fields) {
      if (!this.dirty.has(f)) continue;
      const before = overlay?.fields[f]?.pending ? overlay.fields[f].pending!.value : record[f];
      if ((this.values[f] ?? '') !== (before ?? '')) changed[f] = this.values[f];
    }
    const parsed = identityPatchSchemas[this.kind].safeParse(changed);
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      this.summary = '';
      this.announcement = '';
      this.host.requestUpdate();
      void focusErrorSummary(this.host);
      return null;
    }
    this.errors = {};
    return parsed.data as Record<string, IdentityValue>;
  }

  async submit(targetId: string, fields: string[], record: Record<string, unknown> & { version: number }, overlay?: IdentityOverlay) {
    if (this.busy) return;
    const values = this.validate(fields, record, overlay);
    if (!values) return;
    if (!Object.keys(values).length) {
      this.announce(t('records.noChange'));
      return;
    }
    this.busy = true;
    try {
      const from = Object.fromEntries(Object.keys(values).map((f) => [f, (record[f] as IdentityValue | undefined) ?? null]));
      const typed = this.values;
      const result = await submitIdentityChange({ targetKind: this.kind, targetId, values, from }, record.version, {
        // Queued: the overlay now shows these values (as "en attente d'envoi").
        onQueued: () => {
          this.dirty = new Set();
          this.host.requestUpdate();
        },
      });
      if (result === 'queued') this.announce(t('records.savedOffline'));
      else if (result === 'sent') this.announce(t('records.saved'));
      else {
        // Refused for good (e.g. the server's rules changed): show it like a local error, keep the typing.
        this.values = typed;
        for (const f of Object.keys(values)) this.dirty.add(f);
        this.errors = Object.fromEntries(Object.entries(result.rejected.fields ?? {}).map(([k, v]) => [k.replace(/^values\./, ''), v]));
        this.summary = result.rejected.message;
        this.announcement = '';
        this.host.requestUpdate();
        void focusErrorSummary(this.host);
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private announce(message: string) {
    this.errors = {};
    this.summary = '';
    // Emptied first so the same message is announced again after a second save.
    this.announcement = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.announcement = message;
      this.host.requestUpdate();
    });
  }
}

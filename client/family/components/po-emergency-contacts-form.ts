import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MAX_EMERGENCY_CONTACTS, sameContacts, type EmergencyContact } from '../../../shared/emergency-contact.ts';
import { EMERGENCY_CONTACTS_FIELD, emergencyContactsPatchSchema } from '../../../shared/emergency-contact-change.ts';
import type { IssueCode } from '../../../shared/validation-messages.ts';
import { textField } from '../../components/form-fields.ts';
import { FormController } from '../../forms/form-controller.ts';
import { localFieldMessages } from '../../forms/messages.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import type { ContactsView } from '../data/emergency-contact-queries.ts';
import { submitEmergencyContacts } from '../data/emergency-contacts.ts';
import { unprefixed } from './identity-editor.ts';
import { identityFormStyles } from './identity-form.ts';
import { choiceStyles } from './choice-styles.ts';

/** A contact as the form holds it: text only (the yes/no as 'yes' | 'no'), so it fits the form's list of rows. */
type Row = { name: string; relation: string; phone: string; mayPickUp: string };
const FIELD = EMERGENCY_CONTACTS_FIELD;

const toRow = (c: EmergencyContact): Row => ({ name: c.name, relation: c.relation, phone: c.phone, mayPickUp: c.mayPickUp ? 'yes' : 'no' });
const toContact = (r: Row) => ({ name: r.name, relation: r.relation, phone: r.phone, mayPickUp: r.mayPickUp === 'yes' });
/** The id of a row's field, as the error paths name it (`emergencyContacts.2.phone`). */
const fieldId = (index: number, field: keyof Row) => `${FIELD}.${index}.${field}`;

/**
 * The family's editor of a student's emergency contacts: a list of fieldsets (name, relation,
 * phone, "Peut récupérer l'enfant" yes/no as radios), "Ajouter une personne" / "Retirer", one
 * "Envoyer pour validation". The list asked for goes through the identity workflow (the
 * secretariat validates it), queued in the outbox when offline; until decided the form shows it
 * with "Modifié — en attente de validation". Errors sit on each field (the summary links to them).
 * Focus: a new person's name after "Ajouter", the add button after "Retirer".
 */
@customElement('po-emergency-contacts-form')
export class PoEmergencyContactsForm extends LitElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    choiceStyles,
    css`
      fieldset.yes-no {
        border: none;
        padding: 0;
      }
      fieldset.yes-no legend {
        font-weight: 600;
        padding: 0;
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1.5em;
      }
      .people {
        display: grid;
        gap: 1rem;
      }
    `,
  ];

  /** The student's contacts on file and asked for (client/family/data/emergency-contacts.ts). */
  @property({ attribute: false }) view?: ContactsView;

  private readonly form = new FormController(this, {
    name: 'emergency-contacts',
    fields: [FIELD],
    initial: { [FIELD]: [] as ReadonlyArray<Row> },
    fieldIds: { [FIELD]: 'add-contact' },
    extraPaths: (path) => path.startsWith(`${FIELD}.`),
  });

  /** What the list shows: as typed, else the list asked for, else the one on file. */
  private rows(): Row[] {
    if (this.form.dirty.has(FIELD)) return [...this.form.values[FIELD]];
    const v = this.view;
    return (v?.pending?.contacts ?? v?.onFile ?? []).map(toRow);
  }

  private setRows(rows: Row[]) {
    this.form.set(FIELD, rows);
  }

  private change(index: number, patch: Partial<Row>) {
    this.setRows(this.rows().map((r, i) => (i === index ? { ...r, ...patch } : r)));
  }

  private async addRow() {
    const rows = this.rows();
    if (rows.length >= MAX_EMERGENCY_CONTACTS) return this.form.announce(t('contacts.addLimit', { max: MAX_EMERGENCY_CONTACTS }), { again: true });
    this.setRows([...rows, { name: '', relation: '', phone: '', mayPickUp: 'no' }]);
    this.form.announce(t('contacts.added', { number: rows.length + 1 }), { again: true });
    await this.updateComplete;
    (this.renderRoot.querySelector(`[id="${fieldId(rows.length, 'name')}"]`) as HTMLElement | null)?.focus();
  }

  private async removeRow(index: number) {
    const rows = this.rows().filter((_, i) => i !== index);
    this.setRows(rows);
    this.form.clearErrors();
    this.form.announce(t('contacts.removed', { count: rows.length }), { again: true });
    await this.updateComplete;
    (this.renderRoot.querySelector('#add-contact') as HTMLElement | null)?.focus();
  }

  override render() {
    const rows = this.rows();
    const v = this.view;
    const form = this.form;
    const full = rows.length >= MAX_EMERGENCY_CONTACTS;
    const marker = !form.dirty.has(FIELD) && v?.pending ? (v.pending.queued ? t('contacts.queued') : t('contacts.pending')) : '';
    return html`
      ${form.renderSummary()}
      ${v?.refusedReason && !v.pending ? html`<p class="notice warning">${t('contacts.refused', { reason: v.refusedReason })}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        ${marker ? html`<p class="marker pending" id="contacts-marker">${marker}</p>` : nothing}
        <div class="people">
          ${rows.length ? rows.map((row, i) => this.renderRow(row, i)) : html`<p>${t('contacts.empty')}</p>`}
        </div>
        <div class="actions">
          <button type="button" class="secondary" id="add-contact" aria-disabled=${full ? 'true' : 'false'} aria-describedby=${full ? 'add-limit' : nothing} @click=${this.addRow}>
            ${t('contacts.add')}
          </button>
          ${full ? html`<p class="hint" id="add-limit">${t('contacts.addLimit', { max: MAX_EMERGENCY_CONTACTS })}</p>` : nothing}
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'} aria-describedby=${marker ? 'contacts-marker' : nothing}>${t('contacts.submit')}</button>
        </div>
      </form>
      <p role="status" class="announcement">${form.announcement}</p>
    `;
  }

  private renderRow(row: Row, i: number) {
    const number = i + 1;
    const err = (f: keyof Row) => this.form.error(fieldId(i, f));
    const pickId = fieldId(i, 'mayPickUp');
    const pickError = err('mayPickUp');
    return html`<fieldset>
      <legend>${row.name.trim() ? t('contacts.personNamed', { number, name: row.name.trim() }) : t('contacts.person', { number })}</legend>
      ${textField({ name: fieldId(i, 'name'), label: t('contacts.name'), required: true, autocomplete: 'off', value: row.name, error: err('name'), onInput: (_, name) => this.change(i, { name }) })}
      ${textField({ name: fieldId(i, 'relation'), label: t('contacts.relation'), hint: t('contacts.relationHint'), autocomplete: 'off', value: row.relation, error: err('relation'), onInput: (_, relation) => this.change(i, { relation }) })}
      ${textField({ name: fieldId(i, 'phone'), label: t('contacts.phone'), hint: t('contacts.phoneHint'), type: 'tel', inputmode: 'tel', required: true, autocomplete: 'off', value: row.phone, error: err('phone'), onInput: (_, phone) => this.change(i, { phone }) })}
      <fieldset class="yes-no" aria-describedby=${pickError ? `${pickId}-error` : nothing}>
        <legend>${t('contacts.mayPickUp')}<span class="visually-hidden"> — ${row.name.trim() || t('contacts.person', { number })}</span></legend>
        ${pickError ? html`<p class="field-error" id="${pickId}-error">${pickError}</p>` : nothing}
        <div class="options">
          ${(['yes', 'no'] as const).map(
            (answer) => html`<label class="option">
              <input
                type="radio"
                id=${answer === 'yes' ? pickId : `${pickId}.no`}
                name="pick-${i}"
                value=${answer}
                .checked=${row.mayPickUp === answer}
                @change=${() => this.change(i, { mayPickUp: answer })}
              />
              <span>${t(answer === 'yes' ? 'contacts.yes' : 'contacts.no')}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => void this.removeRow(i)}>
          ${t('contacts.remove')}<span class="visually-hidden"> — ${row.name.trim() || t('contacts.person', { number })}</span>
        </button>
      </div>
    </fieldset>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const v = this.view;
    if (!v || this.form.busy) return;
    const rows = this.rows();
    const parsed = this.form.validate(emergencyContactsPatchSchema, { [FIELD]: rows.map(toContact) });
    if (!parsed) return;
    const contacts = parsed[FIELD] ?? [];
    const shown = v.pending?.contacts ?? v.onFile;
    if (sameContacts(contacts, shown)) return this.form.announce(t('records.noChange'), { again: true });
    const typed = rows;
    const sent = await this.form.submit(() => submitEmergencyContacts(v, contacts, { onQueued: () => this.form.reset() }));
    if (!sent.ok) return;
    const result = sent.value;
    if (result === 'queued') this.form.announce(t('records.savedOffline'), { again: true });
    else if (result === 'sent') this.form.announce(t('records.saved'), { again: true });
    else {
      // Refused for good: shown on its fields, the typing kept.
      this.setRows(typed);
      const { fields, fieldCodes, message } = result.rejected;
      this.form.showErrors(localFieldMessages(unprefixed(fields), unprefixed<IssueCode>(fieldCodes)), message);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-emergency-contacts-form': PoEmergencyContactsForm;
  }
}

import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CONSENT_SCOPES, consentKindCreateSchema, consentKindWordingSchema, type ConsentScope } from '../../../shared/consent-schemas.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { formStatus } from '../../teacher/pages/teaching-form-result.ts';
import { choiceGroup } from '../../reenrolment/components/choice-group.ts';
import { createConsentKind, rewordConsentKind, setConsentKindActive, type ReenrolmentDesk } from '../data/reenrolment-desk.ts';

type Kind = ReenrolmentDesk['consentKinds'][number];

/**
 * The consents the site asks (the desk's re-enrolment page): each with its code, scope, wording
 * version and state; "Modifier le texte" (a disclosure with the French and English wording: a
 * changed text is the next version, asked again of every family), "Désactiver"/"Réactiver", and
 * the form that adds one. Fires `consent-kinds-changed` after each change, for the page to reload.
 */
@customElement('po-admin-consent-kinds')
export class PoAdminConsentKinds extends LitElement {
  static override styles = [
    pageStyles,
    css`
      li.kind {
        margin-block: 1em;
      }
      textarea {
        inline-size: 100%;
        min-block-size: 5em;
      }
    `,
  ];

  @property({ attribute: false }) kinds: Kind[] = [];
  @state() private editing: Record<string, { wordingFr: string; wordingEn: string }> = {};
  @state() private status = '';

  private readonly form = new FormController(this, {
    initial: { code: '', scope: '', wordingFr: '', wordingEn: '' },
    fields: ['code', 'scope', 'wordingFr', 'wordingEn'],
    idPrefix: 'kind-',
    fieldIds: { scope: 'kind-scope' },
    name: 'consent-kind',
  });

  private changed(message: string) {
    this.status = message;
    this.dispatchEvent(new CustomEvent('consent-kinds-changed', { bubbles: true, composed: true }));
  }

  private async act(work: () => Promise<unknown>) {
    try {
      await work();
      this.changed(t('deskReenrolment.saved'));
    } catch (error) {
      if (error instanceof OfflineError) this.status = t('common.offlineAction');
      else throw error;
    }
  }

  override render() {
    return html`
      <ul>
        ${this.kinds.map((k) => this.renderKind(k))}
      </ul>
      <div role="status"><p>${this.status}</p></div>
      ${this.renderNew()}
    `;
  }

  private renderKind(k: Kind) {
    const draft = this.editing[k.id] ?? { wordingFr: k.wordingFr, wordingEn: k.wordingEn };
    const id = `wording-${k.id}`;
    return html`<li class="kind">
      <p>
        <strong>${t('deskReenrolment.kindLine', { code: k.code, scope: t(k.scope === 'student' ? 'deskReenrolment.scope.student' : 'deskReenrolment.scope.family'), version: k.wordingVersion })}</strong>
        ${k.active ? nothing : html` — ${t('deskReenrolment.inactive')}`}
      </p>
      <p>${k.wordingFr}</p>
      <details>
        <summary>${t('deskReenrolment.reword', { code: k.code })}</summary>
        <form
          novalidate
          @submit=${(e: Event) => {
            e.preventDefault();
            const parsed = consentKindWordingSchema.safeParse(draft);
            if (!parsed.success) return void (this.status = parsed.error.issues[0].message);
            void this.act(() => rewordConsentKind(k.id, parsed.data));
          }}
        >
          <p class="hint" id="${id}-hint">${t('deskReenrolment.rewordHint')}</p>
          <div class="field">
            <label for="${id}-fr" id="${id}-fr-label">${t('deskReenrolment.wordingFr')}</label>
            <textarea id="${id}-fr" aria-labelledby="${id}-fr-label" aria-describedby="${id}-hint" .value=${draft.wordingFr} @input=${(e: Event) => this.edit(k, draft, { wordingFr: (e.target as HTMLTextAreaElement).value })}></textarea>
          </div>
          <div class="field">
            <label for="${id}-en" id="${id}-en-label">${t('deskReenrolment.wordingEn')}</label>
            <textarea id="${id}-en" aria-labelledby="${id}-en-label" .value=${draft.wordingEn} @input=${(e: Event) => this.edit(k, draft, { wordingEn: (e.target as HTMLTextAreaElement).value })}></textarea>
          </div>
          <button type="submit">${t('deskReenrolment.saveWording')}</button>
        </form>
      </details>
      <button type="button" class="secondary" @click=${() => void this.act(() => setConsentKindActive(k.id, !k.active))}>
        ${t(k.active ? 'deskReenrolment.deactivate' : 'deskReenrolment.activate', { code: k.code })}
      </button>
    </li>`;
  }

  private edit(k: Kind, draft: { wordingFr: string; wordingEn: string }, patch: Partial<{ wordingFr: string; wordingEn: string }>) {
    this.editing = { ...this.editing, [k.id]: { ...draft, ...patch } };
  }

  private renderNew() {
    const form = this.form;
    return html`<h3 id="new-consent">${t('deskReenrolment.newConsent')}</h3>
      ${form.renderSummary()}
      <form novalidate aria-labelledby="new-consent" @submit=${this.onCreate}>
        ${form.textField({ name: 'code', labelKey: 'deskReenrolment.code', required: true })}
        ${choiceGroup<ConsentScope>({
          id: 'kind-scope',
          name: 'scope',
          legend: t('deskReenrolment.scope'),
          value: (CONSENT_SCOPES as readonly string[]).includes(form.values.scope) ? (form.values.scope as ConsentScope) : undefined,
          error: form.error('scope'),
          options: CONSENT_SCOPES.map((s) => ({ value: s, label: t(s === 'student' ? 'deskReenrolment.scope.student' : 'deskReenrolment.scope.family') })),
          onChange: (scope) => form.set('scope', scope),
        })}
        ${form.textField({ name: 'wordingFr', labelKey: 'deskReenrolment.wordingFr', required: true })}
        ${form.textField({ name: 'wordingEn', labelKey: 'deskReenrolment.wordingEn' })}
        <div class="actions"><button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('deskReenrolment.addConsent')}</button></div>
      </form>
      ${formStatus(form)}`;
  }

  private async onCreate(event: Event) {
    event.preventDefault();
    const input = this.form.validate(consentKindCreateSchema);
    if (!input) return;
    const done = await this.form.submit(() => createConsentKind(input));
    if (!done.ok) return;
    this.form.reset();
    this.form.announce(t('deskReenrolment.saved'), { success: true });
    this.changed('');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-consent-kinds': PoAdminConsentKinds;
  }
}

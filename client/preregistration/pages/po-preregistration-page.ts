import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { familyIdentityFields } from '../../../shared/fields/identity-fields.ts';
import { MAX_CHILDREN, preregistrationSchema } from '../../../shared/preregistration-schemas.ts';
import { navigate } from '../../app/navigate.ts';
import { defaultSiteId, siteField, SiteOptionsController, sitesProblem } from '../../auth/pages/site-options.ts';
import { PageElement } from '../../components/page-element.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { identityField, identityFormStyles } from '../../family/components/identity-form.ts';
import { FormController, serverProblem, type Problem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { childFieldset, childFieldsetStyles, childHeadingId } from '../components/child-fieldset.ts';
import { textareaField } from '../components/form-controls.ts';
import {
  childRows,
  draftOf,
  emptyChild,
  FORM_FIELDS,
  fromDraft,
  initialValues,
  isChildPath,
  placeErrors,
  RESPONSIBLE_FIELDS,
  toPayload,
  withoutChildErrors,
  type FormValues,
} from '../components/preregistration-values.ts';
import { sendPreregistration } from '../data/preregistration-commands.ts';
import { clearDraft, loadDraft, rememberSent, saveDraft } from '../data/preregistration-draft.ts';
import { FormCatalogueController } from './form-catalogue.ts';

/** The server's refusals of a whole application, said in the person's language (values are always kept). */
const REFUSALS: Record<string, MessageKey> = { too_fast: 'prereg.tooFast', form_expired: 'prereg.formExpired', rate_limited: 'prereg.rateLimited' };

/**
 * `/preinscription` (public): a new family's application. The site first (as on the sign-in
 * page), then the responsible adult with the family form's fields and rules, one fieldset per
 * child ("Ajouter un enfant", "Retirer cet enfant": the focus goes to the new child's first field,
 * or to the previous child's heading, and it is announced), a comment and the consent.
 *
 * Nothing typed is lost: every change is kept on the device (../data/preregistration-draft.ts)
 * and given back when the page opens again; a failed sending keeps everything and says why. The
 * draft is forgotten once the server has the application. Validation is the shared schema's, in
 * the browser then on the server; each message, whatever its path (`children.1.birthDate`), is
 * shown next to its input and in the focused error summary.
 *
 * The `website` field is a honeypot: off-screen, aria-hidden, out of the tab order, never
 * autofilled, so no person sees, hears or fills it.
 */
@customElement('po-preregistration-page')
export class PoPreregistrationPage extends PageElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    childFieldsetStyles,
    css`
      :host {
        max-inline-size: 40rem;
      }
      form {
        max-inline-size: 40rem;
      }
      fieldset legend h2 {
        margin: 0;
        font-size: 1.2em;
      }
      .trap {
        position: absolute;
        inset-inline-start: -10000px;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
      }
      .consent-link a {
        display: inline-block;
        padding-block: 0.35em;
      }
      .back a {
        display: inline-block;
        padding-block: 0.5em;
      }
      @media (forced-colors: active) {
        fieldset {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** Said in the page's status region when a child is added or removed. */
  @state() private childAnnouncement = '';
  /** The page opened with a draft typed earlier on this device. */
  @state() private restored = false;

  private readonly form = new FormController<FormValues>(this, {
    name: 'preregistration',
    fields: FORM_FIELDS,
    initial: initialValues(),
    extraPaths: isChildPath,
  });
  private readonly sites = new SiteOptionsController(this);
  private readonly catalogue = new FormCatalogueController(this);
  /** The values last written to the draft: only a change writes it again. */
  private savedValues: FormValues | null = null;
  /** Once sent, nothing is written back to the draft. */
  private sent = false;

  protected pageTitle() {
    return t('prereg.title');
  }

  override connectedCallback() {
    super.connectedCallback();
    const draft = loadDraft();
    if (draft && !this.savedValues) {
      this.form.patch(fromDraft(draft));
      this.restored = true;
    }
    this.savedValues = this.form.values;
  }

  override willUpdate() {
    const sites = this.sites.sites;
    if (sites.length && !sites.some((s) => s.id === this.form.values.siteId)) {
      this.form.patch({ siteId: defaultSiteId(sites) });
    }
    this.catalogue.forSite(String(this.form.values.siteId));
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    const values = this.form.values;
    if (values !== this.savedValues && !this.sent && (this.form.dirty.size || this.restored)) saveDraft(draftOf(values));
    this.savedValues = values;
  }

  override render() {
    const form = this.form;
    const children = childRows(form.values);
    return html`
      <h1>${t('prereg.title')}</h1>
      <p>${t('prereg.intro')}</p>
      <p>${t('prereg.draftNote')}</p>
      ${this.restored
        ? html`<div class="notice">
            <p>${t('prereg.draftRestored')}</p>
            <button type="button" class="secondary" @click=${this._onClearDraft}>${t('prereg.draftClear')}</button>
          </div>`
        : nothing}
      ${sitesProblem(this.sites)} ${this.renderCatalogueProblem()} ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        <p class="hint">${t('records.requiredNote')}</p>
        ${siteField({
          sites: this.sites.sites,
          loading: this.sites.loading,
          value: String(form.values.siteId),
          error: form.error('siteId'),
          onChange: (value) => form.set('siteId', value),
        })}
        <fieldset>
          <legend><h2>${t('prereg.responsibleLegend')}</h2></legend>
          ${RESPONSIBLE_FIELDS.map((name) =>
            identityField(familyIdentityFields[name], {
              idPrefix: 'responsible.',
              value: form.values[`responsible.${name}`] as string | boolean,
              error: form.error(`responsible.${name}`),
              onInput: (field, value) => form.set(`responsible.${field}`, value),
            }),
          )}
        </fieldset>
        ${repeat(
          children,
          (row) => row.key,
          (row, index) =>
            childFieldset({
              index,
              count: children.length,
              row,
              disciplines: this.catalogue.disciplines,
              error: (path) => form.error(path),
              onInput: (i, field, value) => this.setChild(i, field, value),
              onRemove: (i) => void this.dropChild(i),
            }),
        )}
        <div class="actions">
          ${children.length < MAX_CHILDREN
            ? html`<button type="button" class="secondary" id="add-child" @click=${this._onAddChild}>${t('prereg.addChild')}</button>`
            : html`<p id="add-child" tabindex="-1">${t('prereg.maxChildren', { max: MAX_CHILDREN })}</p>`}
        </div>
        ${textareaField({
          id: 'comment',
          label: t('prereg.comment'),
          hint: t('prereg.commentHint'),
          value: String(form.values.comment),
          error: form.error('comment'),
          onInput: (value) => form.set('comment', value),
        })}
        <fieldset>
          <legend><h2>${t('prereg.consentLegend')}</h2></legend>
          ${this.renderConsent()}
        </fieldset>
        <div class="trap" aria-hidden="true">
          <label for="website">${t('prereg.website')}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${String(form.values.website)} @input=${this._onTrap} />
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('prereg.submit')}</button>
        </div>
      </form>
      <div role="status">
        ${form.announcement ? html`<p>${form.announcement}</p>` : nothing}
        ${this.childAnnouncement ? html`<p class="visually-hidden">${this.childAnnouncement}</p>` : nothing}
      </div>
      <p class="back"><a href="/connexion">${t('lostPassword.backToSignIn')}</a></p>
    `;
  }

  private renderConsent() {
    const error = this.form.error('consent');
    const described = ['consent-link', error ? 'consent-error' : ''].filter(Boolean).join(' ');
    return html`<div class="field check">
      ${error ? html`<p class="field-error" id="consent-error">${error}</p>` : nothing}
      <div class="check-row">
        <input
          id="consent"
          name="consent"
          type="checkbox"
          required
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          .checked=${this.form.values.consent === true}
          @change=${(e: Event) => this.form.set('consent', (e.target as HTMLInputElement).checked)}
        />
        <label for="consent">${t('prereg.consent')}<span aria-hidden="true"> *</span></label>
      </div>
      <p class="consent-link hint" id="consent-link"><a href="/confidentialite">${t('prereg.consentLink')}</a> ${t('prereg.consentLinkNote')}</p>
    </div>`;
  }

  private renderCatalogueProblem() {
    const c = this.catalogue;
    if (!c.problem || c.disciplines) return nothing;
    return html`<div class="notice warning">
      <p>${c.problem === 'offline' ? t('prereg.catalogueOffline') : t('prereg.catalogueFailed')}</p>
      <button type="button" class="secondary" aria-disabled=${c.loading ? 'true' : 'false'} @click=${() => !c.loading && void c.load()}>${t('prereg.catalogueRetry')}</button>
    </div>`;
  }

  private setChild(index: number, field: string, value: string) {
    const rows = childRows(this.form.values);
    rows[index] = { ...rows[index], [field]: value };
    this.form.set('children', rows);
  }

  private readonly _onAddChild = async () => {
    const rows = childRows(this.form.values);
    if (rows.length >= MAX_CHILDREN) return;
    this.form.set('children', [...rows, emptyChild()]);
    await this.announceChild(t('prereg.childAdded', { number: rows.length + 1 }));
    this.shadowRoot!.getElementById(`children.${rows.length}.firstName`)?.focus();
  };

  private async dropChild(index: number) {
    const rows = childRows(this.form.values);
    if (rows.length <= 1) return;
    rows.splice(index, 1);
    this.form.set('children', rows);
    this.form.errors = withoutChildErrors(this.form.errors, index);
    await this.announceChild(t('prereg.childRemoved', { number: index + 1 }));
    const target = index > 0 ? this.shadowRoot!.getElementById(childHeadingId(index - 1)) : this.shadowRoot!.getElementById('add-child');
    target?.focus();
  }

  /** Emptied first, so that removing "Enfant 2" twice is announced twice. */
  private async announceChild(message: string) {
    this.childAnnouncement = '';
    await this.updateComplete;
    this.childAnnouncement = message;
    await this.updateComplete;
  }

  private readonly _onTrap = (e: InputEvent) => this.form.set('website', (e.target as HTMLInputElement).value);

  private readonly _onClearDraft = () => {
    clearDraft();
    const siteId = this.form.values.siteId;
    this.form.reset({ ...initialValues(), siteId });
    this.form.clearErrors();
    this.restored = false;
    this.savedValues = this.form.values;
    this.form.announce(t('prereg.draftCleared'));
    void this.focusHeading();
  };

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const form = this.form;
    if (form.busy) return;
    if (!form.validate(preregistrationSchema, toPayload(form.values, ''))) {
      form.errors = placeErrors(form.errors);
      return;
    }
    const sent = await form.submit(
      async () => {
        const formToken = await this.catalogue.formToken();
        return sendPreregistration(toPayload(form.values, formToken));
      },
      { pending: t('prereg.pending'), problem: (error) => this.problemOf(error) },
    );
    if (!sent.ok) return;
    this.sent = true;
    clearDraft();
    rememberSent({ reference: sent.value.reference, email: String(form.values['responsible.email']).trim() });
    navigate(`/preinscription/confirmation?reference=${encodeURIComponent(sent.value.reference)}`);
  }

  /** Offline: everything is kept and the page says so; the server's field messages go to their inputs. */
  private problemOf(error: unknown): Problem | undefined {
    if (error instanceof OfflineError) return { fields: {}, message: t('prereg.offline') };
    if (!(error instanceof HttpError)) return undefined;
    const code = error.body.error.code;
    if (code === 'form_expired') this.catalogue.dropToken();
    const problem = serverProblem(error.body);
    return { fields: placeErrors(problem.fields), message: REFUSALS[code] ? t(REFUSALS[code]) : problem.message };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-preregistration-page': PoPreregistrationPage;
  }
}
